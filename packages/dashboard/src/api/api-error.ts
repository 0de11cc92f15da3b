/** A failed API call: the HTTP status and the server's machine-readable code and message (or ours for network errors). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

/** Reads the `{ error: { code, message } }` body the server answers errors with; anything else gets a generic message. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message);
}

/** Text for an error caught from any call, for an error banner. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
