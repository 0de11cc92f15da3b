import type { Context } from 'hono';
import { HttpError } from '../../http/http-error';

/** Request parsing helpers: every problem is a 400 invalid_request naming the field. */

export function invalid(message: string): HttpError {
  return new HttpError(400, 'invalid_request', message);
}

/** The JSON object body, or 400. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw invalid('The body must be a JSON object.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('The body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function requiredString(body: Record<string, unknown>, field: string, max = 200): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${field} is required.`);
  if (value.length > max) throw invalid(`${field} must be at most ${max} characters.`);
  return value.trim();
}

/** One of `allowed` from the query string, or `fallback` when absent. */
export function queryChoice<T extends string>(c: Context, name: string, allowed: readonly T[], fallback: T): T {
  const value = c.req.query(name);
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(`${name} must be one of ${allowed.join(', ')}.`);
}

export function queryInt(c: Context, name: string, fallback: number, min: number, max: number): number {
  const value = c.req.query(name);
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return parsed;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
