import {
  type Batch,
  type FixturePage,
  fixtureVisit,
  messageEvent,
  type RecordedEvent,
  type Recording,
} from '../../../packages/dashboard/test/browser/replay-support/recordings';

/** Widget flush interval: one batch per 5 s of recording (the real widget's cadence). */
const BATCH_MS = 5_000;
/** How long the visitor stays on each view of the single-page app before "navigating". */
const VIEW_MS = 150_000;
const PAGES: FixturePage[] = ['products', 'docs', 'signup', 'dashboard'];
/** Node ids of view k are shifted by k * ID_STRIDE, so every view's nodes are new nodes. */
const ID_STRIDE = 1_000_000;
const ID_KEYS = new Set(['id', 'parentId', 'nextId', 'previousId', 'rootId']);

interface SerializedNode {
  id: number;
  type: number;
  tagName?: string;
  childNodes?: SerializedNode[];
  [key: string]: unknown;
}

interface View {
  snapshot: SerializedNode;
  /** Incremental events of the real visit, with times relative to its full snapshot. */
  events: RecordedEvent[];
  /** Ids of the document, doctype, html, head and body, which a single-page app keeps. */
  frame: { html: number; head: number; body: number; doc: number };
}

function loadView(page: FixturePage): View {
  const events = fixtureVisit(page).flatMap((batch) => batch.events);
  const full = events.find((event) => event.type === 2)!;
  const snapshot = full.data.node as SerializedNode;
  const html = snapshot.childNodes!.find((node) => node.tagName === 'html')!;
  const head = html.childNodes!.find((node) => node.tagName === 'head')!;
  const body = html.childNodes!.find((node) => node.tagName === 'body')!;
  return {
    snapshot,
    events: events
      .filter((event) => event.type === 3)
      .map((event) => ({ ...event, timestamp: event.timestamp - full.timestamp })),
    frame: { doc: snapshot.id, html: html.id, head: head.id, body: body.id },
  };
}

/** Deep copy of an event's data with its node ids mapped (only numeric values under id-like keys). */
function remap(value: unknown, mapId: (id: number) => number, key = ''): unknown {
  if (typeof value === 'number') return ID_KEYS.has(key) ? mapId(value) : value;
  if (Array.isArray(value)) return value.map((item) => remap(item, mapId, key === 'positions' ? '' : ''));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = k === 'attributes' && !Array.isArray(v) ? v : remap(v, mapId, k);
    return out;
  }
  return value;
}

/** A single-page-app navigation as rrweb records it: head and body children removed, the new view's added. */
function navigation(view: View, mapId: (id: number) => number, previous: { head: number[]; body: number[] }) {
  const adds: unknown[] = [];
  const walk = (node: SerializedNode, parentId: number) => {
    const { childNodes, ...rest } = node;
    adds.push({ parentId, nextId: null, node: { ...(remap(rest, mapId) as object), childNodes: [] } });
    for (const child of childNodes ?? []) walk(child, mapId(node.id));
  };
  const html = view.snapshot.childNodes!.find((node) => node.tagName === 'html')!;
  const head = html.childNodes!.find((node) => node.tagName === 'head')!;
  const body = html.childNodes!.find((node) => node.tagName === 'body')!;
  for (const child of head.childNodes ?? []) walk(child, mapId(head.id));
  for (const child of body.childNodes ?? []) walk(child, mapId(body.id));
  const removes = [
    ...previous.head.map((id) => ({ parentId: mapId(head.id), id })),
    ...previous.body.map((id) => ({ parentId: mapId(body.id), id })),
  ];
  return {
    data: { source: 0, texts: [], attributes: [], removes, adds },
    next: {
      head: (head.childNodes ?? []).map((node) => mapId(node.id)),
      body: (body.childNodes ?? []).map((node) => mapId(node.id)),
    },
  };
}

/**
 * A long single-page-app session built from the real fixtures: one full snapshot at the start, then a new view
 * every 150 s as one big mutation (the way rrweb records client-side navigation), each view's real incremental
 * events, and its mouse, scroll and input activity repeated to fill the view; a chat message every 4 minutes.
 * Worst case for seeking: rrweb has a single full snapshot to start from.
 */
export function longRecording(minutes: number, id = 'sess_long_recording_0001'): Recording {
  const views = PAGES.map(loadView);
  const start = 1_795_400_000_000;
  const durationMs = minutes * 60_000;
  const events: RecordedEvent[] = [];
  const first = fixtureVisit(PAGES[0]!)[0]!;
  const meta = first.events.find((event) => event.type === 4)!;
  const full = first.events.find((event) => event.type === 2)!;
  events.push({ ...meta, timestamp: start }, { ...full, timestamp: start + 1 });
  const base = views[0]!.frame;
  let current = {
    head: views[0]!.snapshot
      .childNodes!.find((n) => n.tagName === 'html')!
      .childNodes!.find((n) => n.tagName === 'head')!
      .childNodes!.map((n) => n.id),
    body: views[0]!.snapshot
      .childNodes!.find((n) => n.tagName === 'html')!
      .childNodes!.find((n) => n.tagName === 'body')!
      .childNodes!.map((n) => n.id),
  };
  for (let k = 0; k * VIEW_MS < durationMs; k++) {
    const view = views[k % views.length]!;
    const viewStart = start + k * VIEW_MS + 50;
    const f = view.frame;
    const mapId = (nodeId: number) =>
      nodeId === f.doc
        ? base.doc
        : nodeId === f.html
          ? base.html
          : nodeId === f.head
            ? base.head
            : nodeId === f.body
              ? base.body
              : nodeId + k * ID_STRIDE;
    if (k > 0) {
      const nav = navigation(view, mapId, current);
      current = nav.next;
      events.push({ type: 3, timestamp: viewStart, data: nav.data });
    } else {
      // View 0 is the full snapshot itself: its ids are used as they are.
    }
    const idMap = k === 0 ? (nodeId: number) => nodeId : mapId;
    const span = view.events.at(-1)!.timestamp + 500;
    const activity = view.events.filter((event) => event.data.source !== 0);
    for (let t = 0, round = 0; t < VIEW_MS - 1_000; t += span, round++) {
      for (const event of round === 0 ? view.events : activity) {
        const timestamp = viewStart + 10 + t + event.timestamp;
        if (timestamp >= viewStart + VIEW_MS - 100 || timestamp >= start + durationMs) break;
        events.push({ type: event.type, timestamp, data: remap(event.data, idMap) });
      }
    }
  }
  const messages = [];
  for (let t = 60_000, i = 0; t < durationMs; t += 240_000, i++) {
    const message = {
      role: i % 2 === 0 ? 'visitor' : 'assistant',
      text: i % 2 === 0 ? `Question ${i / 2 + 1} about this page?` : `Answer ${(i + 1) / 2}.`,
      timestamp: start + t + 333,
    };
    messages.push(message);
    events.push(messageEvent(message.timestamp, message.role, message.text));
  }
  events.sort((a, b) => a.timestamp - b.timestamp);
  const batches: Batch[] = [{ events: events.slice(0, 2), page: first.page! }];
  let batch: RecordedEvent[] = [];
  let batchEnd = start + BATCH_MS;
  for (const event of events.slice(2)) {
    // A navigation's mutation goes out on its own, as the widget flushes big batches at once.
    if (event.timestamp >= batchEnd || (event.data?.source === 0 && event.data.adds?.length > 500)) {
      if (batch.length) batches.push({ events: batch });
      batch = [];
      while (event.timestamp >= batchEnd) batchEnd += BATCH_MS;
    }
    batch.push(event);
  }
  if (batch.length) batches.push({ events: batch });
  return { id, batches, messages };
}
