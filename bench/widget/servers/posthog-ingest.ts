import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { allowCors } from './cors';
import { createIngestCounter, type IngestCounter, readBody } from './ingest-counter';
import { type Listening, listen } from './listen';

export interface PosthogIngest extends Listening {
  token: string;
  counter: IngestCounter;
}

const TOKEN = 'phc_bench';
const DIST = fileURLToPath(new URL('../../node_modules/posthog-js/dist/', import.meta.url));

/**
 * What PostHog's servers answer a project with session replay on and nothing else: compression as PostHog
 * offers it, replay sent to `/s/`, no feature flags, no autocapture, surveys or heatmaps.
 */
const REMOTE_CONFIG = {
  token: TOKEN,
  supportedCompression: ['gzip', 'gzip-js'],
  hasFeatureFlags: false,
  autocapture_opt_out: true,
  capturePerformance: false,
  autocaptureExceptions: false,
  heatmaps: false,
  surveys: false,
  defaultIdentifiedOnly: true,
  siteApps: [],
  sessionRecording: { endpoint: '/s/', consoleLogRecordingEnabled: false, recorderVersion: 'v2' },
};

/**
 * Stands in for PostHog's API and asset hosts (api_host): serves posthog-js's own files from node_modules under
 * `/static/[<version>/]<name>.js`, the project's remote config, and accepts `/s/` (replay) and event uploads, counting bytes.
 */
export async function startPosthogIngest(): Promise<PosthogIngest> {
  const counter = createIngestCounter();
  const server = createServer(async (request, response) => {
    allowCors(request, response);
    if (request.method === 'OPTIONS') return response.writeHead(204).end();
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://posthog').pathname;
    const json = (value: unknown) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));

    const asset = /^\/static\/(?:[\d.]+\/)?([\w-]+)\.js$/.exec(path);
    if (request.method === 'GET' && asset) {
      const code = await readFile(`${DIST}${asset[1]}.js`).catch(() => undefined);
      if (code) return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
    }
    if (path === `/array/${TOKEN}/config.js`) {
      const script = `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(TOKEN)}]={config:${JSON.stringify(REMOTE_CONFIG)},siteApps:[]};`;
      return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    }
    if (path === `/array/${TOKEN}/config`) return json(REMOTE_CONFIG);
    if (path === '/flags/' || path === '/decide/')
      return json({ featureFlags: {}, featureFlagPayloads: {}, ...REMOTE_CONFIG });
    if (request.method === 'POST' && /^\/(s|e|i\/v0\/e|batch)\/$/.test(path)) {
      counter.record({ path, bytes: body.byteLength, status: 200 });
      return json({ status: 1 });
    }
    counter.recordUnexpected(`${request.method} ${path}`);
    response.writeHead(404).end();
  });
  return { ...(await listen(server)), token: TOKEN, counter };
}
