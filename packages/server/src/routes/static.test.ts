import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { createApp } from '../app';
import { loadDemoSite } from '../static/demo-site';
import { toStaticFile } from '../static/static-file';

let testDb: TestDatabase;
let demoDir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  demoDir = await mkdtemp(path.join(tmpdir(), 'hindsight-demo-'));
  await writeFile(
    path.join(demoDir, 'index.html'),
    '<script src="/widget.js" data-app-key="__HINDSIGHT_APP_KEY__"></script>',
  );
  await writeFile(path.join(demoDir, 'site.css'), 'body{color:red}');
  await writeFile(path.join(demoDir, 'README.md'), '# not served');
  const js = (text: string) => toStaticFile(Buffer.from(text), 'text/javascript; charset=utf-8');
  ({ app } = createTestApp(testDb.db, {
    sites: {
      widget: new Map([
        ['/widget.js', js('/* loader */')],
        ['/widget/recorder.abc123.js', js('/* recorder */')],
      ]),
      demo: await loadDemoSite(demoDir, 'pk_demo123'),
    },
  }));
});
afterAll(async () => {
  await rm(demoDir, { recursive: true, force: true });
  await testDb?.drop();
});

describe('widget files', () => {
  it('serves widget.js with a short cache and the hashed files immutable, both loadable cross-origin', async () => {
    const loader = await app.request('/widget.js');
    expect(loader.status).toBe(200);
    expect(await loader.text()).toBe('/* loader */');
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(loader.headers.get('content-type')).toContain('javascript');
    const hashed = await app.request('/widget/recorder.abc123.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Lazy files are loaded with import(): module scripts are fetched in CORS mode.
    expect(hashed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers gzip to clients that take it, and 304 to a matching ETag', async () => {
    const gzipped = await app.request('/widget.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const etag = gzipped.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request('/widget.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 not_found for files that are not part of the build', async () => {
    const response = await app.request('/widget/recorder.000000.js');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.request('/widget/../package.json')).status).toBe(404);
  });
});

describe('demo site', () => {
  it("serves the example pages with the default application's key in the script tag", async () => {
    const page = await app.request('/demo/');
    expect(await page.text()).toBe('<script src="/widget.js" data-app-key="pk_demo123"></script>');
    expect((await app.request('/demo/site.css')).headers.get('content-type')).toContain('text/css');
    expect((await app.request('/demo/README.md')).status).toBe(404);
    const bare = await app.request('/demo');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/demo/');
  });
});
