/**
 * The seeding SQL: one `INSERT ... SELECT generate_series` per table, so a million sessions take a minute or two.
 * Every row goes through the product's own constraints, indexes and triggers (application_counters and
 * activity_hours are kept by the migration's triggers, exactly as ingest keeps them). `setseed` first makes
 * `random()` repeat the same data for the same size.
 *
 * Parameters: $1 application id, $2 number of sessions.
 */

/** Share of sessions still `active` (the brief's 2-5%; a real site has far fewer, see README). */
export const ACTIVE_SHARE = 0.03;
/** Share of sessions with visitor prompts (1-3 each, every one answered by the assistant). */
export const CHAT_SHARE = 0.6;
/** Distinct landing paths; a power law makes a few of them common, as on a real shop. */
export const LANDING_PATHS = 300;

export const SEED_RANDOM = 'select setseed(0.4242)';

/**
 * Where rows land in the heap. \`started\`: in the order sessions start, as ingest writes them on a young
 * database (active sessions packed in the newest pages). \`random\`: scattered, as on a heap whose free space
 * (retention deletes, moved row versions) takes new rows anywhere: the worst case for reads of many recent rows.
 */
export type HeapOrder = 'started' | 'random';

export const insertSessions = (order: HeapOrder) => `
insert into sessions (id, application_id, visitor_id, status, end_reason, started_at, last_activity_at, ended_at,
  landing_url, landing_seq, last_seq, referrer, user_agent, browser, os, device, viewport_width, viewport_height,
  page_count, event_count, chunk_count, compressed_bytes, raw_bytes, dropped_events, replayable,
  first_timestamp, last_timestamp)
select id, $1::uuid, visitor_id,
  case when active then 'active' else 'completed' end,
  case when not active then (array['chat_ended', 'left', 'left', 'idle', 'idle', 'idle', 'max_duration'])[1 + floor(r_reason * 7)::int] end,
  started_at, last_activity_at, case when not active then last_activity_at end,
  landing_url, 0, chunk_count - 1, referrer, user_agent, browser, os, device, vw, vh,
  page_count, event_count, chunk_count, event_count * 170, event_count * 1400, 0, r_replay < 0.97,
  (extract(epoch from started_at) * 1000)::bigint, (extract(epoch from last_activity_at) * 1000)::bigint
from (
  select *,
    -- Active sessions had a batch in the last two minutes; completed ones ended before now.
    case when active then now() - r_recent * interval '2 minutes' - duration
         else now() - r_time * interval '30 days' - duration - interval '1 minute' end as started_at,
    case when active then now() - r_recent * interval '2 minutes'
         else now() - r_time * interval '30 days' - interval '1 minute' end as last_activity_at,
    1 + event_count / 40 as chunk_count
  from (
    select g,
      md5('bench-session-' || g) as id,
      'v_' || md5('bench-visitor-' || floor(random() * $2::int * 0.7)::bigint) as visitor_id,
      random() < ${ACTIVE_SHARE} as active,
      random() as r_reason, random() as r_time, random() as r_recent, random() as r_replay,
      -- 20 s to 50 min, log-uniform (active ones at most ~1 h: under the 4 h maximum duration).
      exp(3 + random() * 5) * interval '1 second' as duration,
      floor(exp(3 + random() * 5))::bigint as event_count,
      1 + floor(power(random(), 2) * 8)::int as page_count,
      'https://shop.example/' || (array['products', 'blog', 'docs', 'help', 'collections'])[1 + p % 5] || '/item-' || p
        || case when random() < 0.2 then '?utm_source=newsletter&utm_campaign=c' || (p % 7) else '' end as landing_url,
      (array[null, null, null, 'https://www.google.com/', 'https://duckduckgo.com/', 'https://news.ycombinator.com/',
             'https://t.co/abc'])[1 + floor(random() * 7)::int] as referrer,
      (array['Chrome', 'Chrome', 'Chrome', 'Safari', 'Safari', 'Firefox', 'Edge'])[1 + floor(random() * 7)::int] as browser,
      (array['Windows', 'Windows', 'macOS', 'macOS', 'iOS', 'Android', 'Linux'])[1 + floor(random() * 7)::int] as os,
      (array['desktop', 'desktop', 'desktop', 'mobile', 'mobile', 'tablet'])[1 + floor(random() * 6)::int] as device,
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' as user_agent,
      (array[1920, 1440, 1366, 390, 414, 820])[1 + floor(random() * 6)::int] as vw,
      (array[1080, 900, 768, 844, 896, 1180])[1 + floor(random() * 6)::int] as vh
    from generate_series(1, $2::int) g,
      lateral (select floor(${LANDING_PATHS} * power(random() + 0 * g, 3))::int as p) path
    -- offset 0: never flatten a subquery whose columns come from random() (each would be drawn again per use).
    offset 0
  ) draws
  offset 0
) timed
${order === 'started' ? 'order by started_at' : ''}`;

/**
 * One stored chunk per session (the list queries never read chunks; the rows are there so the database has the
 * product's tables and indexes at their real row counts). $1 is a small gzip body.
 */
export const INSERT_CHUNKS = `
insert into chunks (session_id, seq, first_timestamp, last_timestamp, event_count, raw_bytes, data, received_at)
select id, 0, first_timestamp, last_timestamp, least(event_count, 2000000000)::int,
  least(raw_bytes, 2000000000)::int, $1::bytea, last_activity_at
from sessions`;

/** Visitor prompts and the assistant's answers: 1-3 prompts in CHAT_SHARE of the sessions, 15 s apart. */
export const insertMessages = (order: HeapOrder) => `
insert into messages (application_id, session_id, role, text, at, timestamp, source_seq, source_index)
select s.application_id, s.id,
  case when k % 2 = 0 then 'visitor' else 'assistant' end,
  case when k % 2 = 0
    then (array['Do you ship to Canada?', 'Where is my order?', 'Is this available in blue?', 'How do I reset my password?',
                'Can I change my delivery address?', 'What is your return policy?', 'The checkout button does nothing',
                'Do you have a student discount?', 'My coupon code is rejected', 'How long does delivery take?'])[1 + (h + k) % 10]
    else 'Thanks for asking! Here is what I found: our help centre explains it step by step.' end,
  least(s.started_at + k * interval '15 seconds', s.last_activity_at),
  s.first_timestamp + least(k * 15000, s.last_timestamp - s.first_timestamp),
  0, k
from (select *, abs(hashtext(id)::bigint) as h from sessions) s,
  lateral generate_series(0, 2 * (1 + (s.h / 100) % 3) - 1) k
where s.h % 100 < ${Math.round(CHAT_SHARE * 100)}
${order === 'started' ? 'order by 5' : ''}`;
