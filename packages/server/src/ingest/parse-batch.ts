import {
  CHAT_MESSAGE_TAG,
  MAX_MESSAGE_LENGTH,
  MAX_URL_LENGTH,
  MESSAGE_ROLES,
  RRWEB_EVENT_TYPE,
  VISITOR_ID_PATTERN,
} from '@hindsight/shared';
import { HttpError } from '../http/http-error';
import type { RecordedMessageInput } from '../repos/messages-repo';

/** What the server keeps from a batch body once it has been checked. */
export interface ParsedBatch {
  eventCount: number;
  firstTimestamp: number;
  lastTimestamp: number;
  hasFullSnapshot: boolean;
  page: { url: string; referrer: string | null; width: number; height: number } | null;
  visitorId: string | null;
  pagehide: boolean;
  dropped: number;
  /** Chat messages recorded as `hindsight.message` custom events (the Activity feed's prompts). */
  messages: RecordedMessageInput[];
}

const MAX_VIEWPORT_PX = 100_000;

/**
 * Parses the inflated body and checks the shape of every event (numeric `type` and `timestamp`, `data`
 * present). Throws 400 `invalid_batch` naming the first bad field.
 */
export function parseBatch(json: Buffer): ParsedBatch {
  let body: unknown;
  try {
    body = JSON.parse(json.toString('utf8'));
  } catch {
    throw invalid('The body is not valid JSON.');
  }
  if (!isObject(body)) throw invalid('The body must be a JSON object with an `events` array.');

  const { events } = body;
  if (!Array.isArray(events)) throw invalid('`events` must be an array.');
  if (events.length === 0) throw invalid('`events` must hold at least one event.');

  let firstTimestamp = Number.POSITIVE_INFINITY;
  let lastTimestamp = Number.NEGATIVE_INFINITY;
  let hasFullSnapshot = false;
  const messages: RecordedMessageInput[] = [];
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (!isObject(event)) throw invalid(`events[${i}] must be an object.`);
    const { type, timestamp } = event;
    if (!Number.isInteger(type)) throw invalid(`events[${i}].type must be an integer.`);
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) {
      throw invalid(`events[${i}].timestamp must be a non-negative number.`);
    }
    if (!('data' in event)) throw invalid(`events[${i}].data is missing.`);
    if (timestamp < firstTimestamp) firstTimestamp = timestamp;
    if (timestamp > lastTimestamp) lastTimestamp = timestamp;
    if (type === RRWEB_EVENT_TYPE.FullSnapshot) hasFullSnapshot = true;
    if (type === RRWEB_EVENT_TYPE.Custom) {
      const message = readChatMessage(event.data, timestamp, i);
      if (message) messages.push(message);
    }
  }

  return {
    eventCount: events.length,
    firstTimestamp: Math.floor(firstTimestamp),
    lastTimestamp: Math.floor(lastTimestamp),
    hasFullSnapshot,
    page: parsePage(body.page),
    visitorId: parseVisitorId(body.visitorId),
    pagehide: parseOptionalBoolean(body.pagehide, 'pagehide'),
    dropped: parseDropped(body.dropped),
    messages,
  };
}

const ROLES: ReadonlySet<string> = new Set(MESSAGE_ROLES);

/** A chat message custom event's role and text; anything else (other tags, odd shapes) is just an event. */
function readChatMessage(data: unknown, timestamp: number, index: number): RecordedMessageInput | undefined {
  if (!isObject(data) || data.tag !== CHAT_MESSAGE_TAG || !isObject(data.payload)) return undefined;
  const { role, text } = data.payload;
  if (typeof role !== 'string' || !ROLES.has(role) || typeof text !== 'string' || text === '') return undefined;
  return { role, text: text.slice(0, MAX_MESSAGE_LENGTH), timestamp: Math.floor(timestamp), index };
}

function parsePage(page: unknown): ParsedBatch['page'] {
  if (page === undefined || page === null) return null;
  if (!isObject(page)) throw invalid('`page` must be an object.');
  if (typeof page.url !== 'string' || page.url === '') throw invalid('page.url must be a non-empty string.');
  if (page.referrer !== undefined && page.referrer !== null && typeof page.referrer !== 'string') {
    throw invalid('page.referrer must be a string.');
  }
  for (const field of ['width', 'height'] as const) {
    const value = page[field];
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_VIEWPORT_PX) {
      throw invalid(`page.${field} must be an integer from 0 to ${MAX_VIEWPORT_PX}.`);
    }
  }
  return {
    url: page.url.slice(0, MAX_URL_LENGTH),
    referrer: typeof page.referrer === 'string' && page.referrer !== '' ? page.referrer.slice(0, MAX_URL_LENGTH) : null,
    width: page.width as number,
    height: page.height as number,
  };
}

function parseVisitorId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !VISITOR_ID_PATTERN.test(value)) {
    throw invalid('visitorId must be 1 to 64 characters of A-Z, a-z, 0-9, _ or -.');
  }
  return value;
}

function parseOptionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalid(`${field} must be a boolean.`);
  return value;
}

function parseDropped(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 1_000_000_000) {
    throw invalid('dropped must be a non-negative integer.');
  }
  return value as number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): HttpError {
  return new HttpError(400, 'invalid_batch', message);
}
