import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import type { SessionRow } from '../../db/schema';
import { HttpError } from '../../http/http-error';
import { listSessionMessages } from '../../repos/messages-repo';
import { readChunks } from '../../repos/session-queries-repo';
import { attachmentName } from './csv';
import { toSessionDetail } from './to-api';

const CHUNKS_PER_READ = 50;

/**
 * A recording as one file: rrweb JSON (`{ session, messages, events }`), or a self-contained HTML page that
 * plays it offline (the dashboard's offline player and its styles inlined). Streamed chunk by chunk.
 */
export async function downloadRecording(c: Context<AppEnv>, session: SessionRow, format: 'json' | 'html') {
  const { db } = c.var.deps;
  const player = c.var.deps.sites?.dashboard?.offlinePlayer;
  if (format === 'html' && !player) {
    throw new HttpError(503, 'unavailable', 'The dashboard has not been built, so there is no offline player.');
  }
  const messages = await listSessionMessages(db, session.id);
  const head = JSON.stringify({ session: toSessionDetail(session), messages });
  // `{"session":...,"messages":[...],"events":[` then every event, then `]}`.
  const prefix = `${head.slice(0, -1)},"events":[`;
  const encoder = new TextEncoder();
  // Inside <script type="application/json"> nothing may close the element: escape every `<`.
  const embed = format === 'html' ? (text: string) => text.replaceAll('<', '\\u003c') : (text: string) => text;
  let afterSeq = -1;
  let first = true;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'html' && player) controller.enqueue(encoder.encode(htmlStart(session, player.style)));
      controller.enqueue(encoder.encode(embed(prefix)));
    },
    async pull(controller) {
      const chunks = await readChunks(db, { sessionId: session.id, afterSeq, limit: CHUNKS_PER_READ });
      for (const chunk of chunks) {
        const { events } = JSON.parse(gunzipSync(chunk.data).toString('utf8')) as { events: unknown[] };
        let text = '';
        for (const event of events) {
          text += `${first ? '' : ','}${JSON.stringify(event)}`;
          first = false;
        }
        controller.enqueue(encoder.encode(embed(text)));
        afterSeq = chunk.seq;
      }
      if (chunks.length < CHUNKS_PER_READ) {
        controller.enqueue(encoder.encode(']}'));
        if (format === 'html' && player) controller.enqueue(encoder.encode(htmlEnd(player.script)));
        controller.close();
      }
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': format === 'html' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': attachmentName(`hindsight-${session.id}`, format),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function htmlStart(session: SessionRow, style: string): string {
  // The file's own CSP: only its inline player runs; the recording replays in rrweb's sandboxed iframe.
  const csp =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline' https: http:; img-src * data: blob:; font-src * data:; media-src *";
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Hindsight recording ${escapeHtml(session.id)}</title>`,
    `<style>${style.replaceAll('</style', '<\\/style')}</style></head><body><div id="hindsight-player"></div>`,
    '<script type="application/json" id="hindsight-recording">',
  ].join('');
}

function htmlEnd(script: string): string {
  return `</script><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
