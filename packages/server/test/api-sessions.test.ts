import { gunzipSync } from 'node:zlib';
import {
  type ActivityResponse,
  SESSION_COOKIE,
  type SessionDetailResponse,
  type SessionsResponse,
} from '@hindsight/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import type { ApplicationRow } from '../src/db/schema';
import { completeDueSessions } from '../src/repos/lifecycle-repo';
import { type DashboardClient, recordSession, signedInUser } from './support/dashboard-client';
import { createTestApp, createTestApplication, postBatch } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let app: App;
let site: ApplicationRow;
let owner: DashboardClient;
const hostile = '<script>window.pwned=1</script><img src=x onerror=alert(1)> javascript:alert(1)';

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = createTestApp(testDb.db).app;
  site = await createTestApplication(testDb.db);
  owner = await signedInUser(app, testDb.db, 'owner');
});
afterAll(async () => {
  await testDb?.drop();
});

const getJson = async <T>(path: string): Promise<T> => {
  const response = await owner.request('GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};

describe('the sessions list', () => {
  it('lists sessions newest first with counts, filters, search and keyset pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await recordSession(app, site.public_key, { visitorId: `v-${i}`, url: `https://shop.example/p/${i}` }));
    }
    const all = await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?limit=2`);
    // Each: a Meta, a full snapshot and 5 events, then 4 more.
    expect(all.counts).toEqual({ total: 5, active: 5, completed: 0, events: 5 * 11 });
    expect(all.sessions.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    expect(all.sessions[0]).toMatchObject({
      status: 'active',
      landingUrl: 'https://shop.example/p/4',
      eventCount: 11,
      pageCount: 1,
      replayable: true,
      visitorId: 'v-4',
    });

    const second = await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?limit=2&cursor=${all.nextCursor}`);
    expect(second.sessions.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const third = await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?limit=2&cursor=${second.nextCursor}`);
    expect(third.sessions.map((s) => s.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();

    expect((await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?q=v-3`)).sessions.map((s) => s.id)).toEqual([
      ids[3],
    ]);
    expect((await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?q=p/1`)).sessions.map((s) => s.id)).toEqual([
      ids[1],
    ]);
    // `%` and `_` are literal characters in a search, not patterns.
    expect((await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?q=%25`)).sessions).toEqual([]);

    // Two sessions end: the counters follow, including the events moving from active to completed.
    const ended = await app.request(`/ingest/v1/end?key=${site.public_key}&session=${ids[0]}`, { method: 'POST' });
    expect(ended.status).toBe(200);
    const rules = { idleTimeoutMs: 15 * 60_000, pagehideGraceMs: 120_000, maxDurationMs: 4 * 3_600_000 };
    await completeDueSessions(testDb.db, rules, new Date(Date.now() + 16 * 60_000), 100);
    const completed = await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?status=completed`);
    expect(completed.counts).toEqual({ total: 5, active: 0, completed: 5, events: 55 });
    expect(completed.sessions.find((s) => s.id === ids[0])?.endReason).toBe('chat_ended');
    expect((await getJson<SessionsResponse>(`/api/apps/${site.id}/sessions?status=active`)).sessions).toEqual([]);
  });

  it.each([
    ['status=paused', 'status'],
    ['limit=0', 'limit'],
    ['cursor=bm9wZQ', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(["1' or 1=1 --", 'x'])).toString('base64url')}`, 'cursor'],
  ])('answers 400 invalid_request for %s', async (query, field) => {
    const response = await owner.request('GET', `/api/apps/${site.id}/sessions?${query}`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(field);
  });

  it('exports the list as CSV (formula cells neutralised) and JSON', async () => {
    await recordSession(app, site.public_key, { url: 'https://shop.example/?q==HYPERLINK("x")' });
    const csv = await owner.request('GET', `/api/apps/${site.id}/sessions/export?format=csv`);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,status,endReason,landingUrl,/);
    expect(lines).toHaveLength(7);
    const json = (await (await owner.request('GET', `/api/apps/${site.id}/sessions/export?format=json`)).json()) as {
      sessions: unknown[];
    };
    expect(json.sessions).toHaveLength(6);
  });
});

describe('activity', () => {
  it('lists recorded visitor prompts (as stored, offset into the replay) and started sessions', async () => {
    const other = await createTestApplication(testDb.db);
    const session = await recordSession(app, other.public_key, { message: hostile });
    const feed = await getJson<ActivityResponse>(`/api/apps/${other.id}/activity`);
    expect(feed.items.map((i) => i.type).sort()).toEqual(['prompt', 'session']);
    const prompt = feed.items.find((i) => i.type === 'prompt');
    expect(prompt).toMatchObject({ sessionId: session, text: hostile, offsetMs: 2_000 });
    // The widget retries a batch it got no answer for: the prompt is still there once.
    const detail = await getJson<SessionDetailResponse>(`/api/sessions/${session}`);
    const firstChunk = await owner.request('GET', `/api/sessions/${session}/chunks?limit=1`);
    const frame = Buffer.from(await firstChunk.arrayBuffer());
    const retry = await postBatch(app, {
      key: other.public_key,
      session,
      seq: 0,
      body: frame.subarray(8, 8 + frame.readUInt32BE(4)),
    });
    expect(await retry.json()).toEqual({ result: 'duplicate' });
    const prompts = await getJson<ActivityResponse>(`/api/apps/${other.id}/activity?type=prompts`);
    expect(prompts.items).toHaveLength(1);
    expect(detail.messages).toHaveLength(1);

    const chart = await getJson<{ totals: { sessions: number; prompts: number }; buckets: unknown[] }>(
      `/api/apps/${other.id}/activity/chart?range=24h`,
    );
    expect(chart.buckets).toHaveLength(24);
    expect(chart.totals).toEqual({ sessions: 1, prompts: 1 });
    const daily = await getJson<{ buckets: unknown[] }>(`/api/apps/${other.id}/activity/chart?range=30d`);
    expect(daily.buckets).toHaveLength(30);
  });
});

describe('activity pages', () => {
  it.each(['all', 'prompts', 'sessions'])(
    'pages through type=%s with the cursor, newest first, each item once',
    async (type) => {
      const pagedSite = await createTestApplication(testDb.db);
      for (let i = 0; i < 3; i++) await recordSession(app, pagedSite.public_key, { message: `question ${i}` });
      const seen: string[] = [];
      let cursor: string | null = '';
      for (let page = 0; page < 10 && cursor !== null; page++) {
        const body: ActivityResponse = await getJson<ActivityResponse>(
          `/api/apps/${pagedSite.id}/activity?type=${type}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...body.items.map((i) => `${i.type}:${i.type === 'prompt' ? i.text : i.sessionId}`));
        cursor = body.nextCursor;
      }
      const expected = { all: 6, prompts: 3, sessions: 3 }[type];
      expect(seen).toHaveLength(expected ?? 0);
      expect(new Set(seen).size).toBe(seen.length);
    },
  );
});

describe('replay data', () => {
  it('serves metadata with chunks and messages, then the stored chunks as frames', async () => {
    const session = await recordSession(app, site.public_key, { message: 'Can I pay by invoice?' });
    const detail = await getJson<SessionDetailResponse>(`/api/sessions/${session}`);
    expect(detail.chunks.map((c) => c.seq)).toEqual([0, 1]);
    expect(detail.messages).toEqual([expect.objectContaining({ role: 'visitor', text: 'Can I pay by invoice?' })]);
    expect(detail.session).toMatchObject({ viewportWidth: 1280, replayable: true });

    const response = await owner.request('GET', `/api/sessions/${session}/chunks?after=-1`);
    expect(response.headers.get('x-hindsight-last-seq')).toBe('1');
    const bytes = Buffer.from(await response.arrayBuffer());
    const frames: { seq: number; events: unknown[] }[] = [];
    for (let at = 0; at < bytes.length; ) {
      const seq = bytes.readUInt32BE(at);
      const length = bytes.readUInt32BE(at + 4);
      const body = JSON.parse(gunzipSync(bytes.subarray(at + 8, at + 8 + length)).toString()) as { events: unknown[] };
      frames.push({ seq, events: body.events });
      at += 8 + length;
    }
    expect(frames.map((f) => [f.seq, f.events.length])).toEqual([
      [0, 8],
      [1, 4],
    ]);
    const rest = Buffer.from(
      await (await owner.request('GET', `/api/sessions/${session}/chunks?after=0`)).arrayBuffer(),
    );
    expect(rest.readUInt32BE(0)).toBe(1);
  });

  it('downloads rrweb JSON with every event, and a self-contained HTML file that cannot be broken out of', async () => {
    const session = await recordSession(app, site.public_key, { message: `</script>${hostile}` });
    const json = (await (await owner.request('GET', `/api/sessions/${session}/download?format=json`)).json()) as {
      events: unknown[];
      session: { id: string };
      messages: { text: string }[];
    };
    expect(json.session.id).toBe(session);
    expect(json.events).toHaveLength(12);
    expect(json.messages[0]?.text).toBe(`</script>${hostile}`);
    // The test app has no built dashboard: the HTML download says so instead of sending a broken file.
    const html = await owner.request('GET', `/api/sessions/${session}/download?format=html`);
    expect(html.status).toBe(503);
  });

  it('embeds the recording in the HTML download so that no recorded string can close its script element', async () => {
    const session = await recordSession(app, site.public_key, { message: `</script><script>window.pwned=1</script>` });
    const withPlayer = createTestApp(testDb.db, {
      sites: {
        dashboard: {
          index: undefined as never,
          assets: new Map(),
          offlinePlayer: {
            script: 'window.player = document.getElementById("hindsight-recording").textContent;',
            style: '',
          },
        },
      },
    }).app;
    const response = await withPlayer.request(`/api/sessions/${session}/download?format=html`, {
      headers: { cookie: `${SESSION_COOKIE}=${owner.cookie}` },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Exactly the file's own two script elements, and the data inside parses back to the recording.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const data = /<script type="application\/json" id="hindsight-recording">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const recording = JSON.parse(data) as { messages: { text: string }[]; events: unknown[] };
    expect(recording.messages[0]?.text).toBe('</script><script>window.pwned=1</script>');
    expect(recording.events).toHaveLength(12);
    expect(html).toContain("script-src 'unsafe-inline'");
  });

  it('erases a session and every session of a visitor, with the counters', async () => {
    const eraseSite = await createTestApplication(testDb.db);
    const keep = await recordSession(app, eraseSite.public_key, { visitorId: 'keep-me' });
    await recordSession(app, eraseSite.public_key, { visitorId: 'forget-me' });
    await recordSession(app, eraseSite.public_key, { visitorId: 'forget-me' });
    const single = await recordSession(app, eraseSite.public_key, { visitorId: 'other' });
    expect((await owner.request('DELETE', `/api/sessions/${single}`)).status).toBe(204);
    expect((await owner.request('GET', `/api/sessions/${single}`)).status).toBe(404);
    const erased = await owner.request('POST', `/api/apps/${eraseSite.id}/erase-visitor`, { visitorId: 'forget-me' });
    expect(await erased.json()).toEqual({ erased: 2 });
    const list = await getJson<SessionsResponse>(`/api/apps/${eraseSite.id}/sessions`);
    expect(list.sessions.map((s) => s.id)).toEqual([keep]);
    expect(list.counts).toEqual({ total: 1, active: 1, completed: 0, events: 11 });
    const log = await getJson<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      `/api/audit?appId=${eraseSite.id}`,
    );
    expect(log.entries.map((e) => e.action)).toEqual(['visitor.erased', 'session.erased']);
  });
});
