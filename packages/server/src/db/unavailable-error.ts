/**
 * Whether an error means "the database cannot serve right now" (connection refused or dropped, server shutting
 * down, pool exhausted, too many connections) rather than a bug. Those are answered 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NODE_NETWORK_CODES.has(code)) return true;
    // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator intervention).
    if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return true;
    if (code === '40001' || code === '40P01') return true; // serialization failure / deadlock: retryable
  }
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

const NODE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
];
