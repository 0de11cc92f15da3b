import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { expect, test } from 'vitest';
import { rrwebLean } from '../../scripts/rrweb-lean';
import { launchBrowser } from './support/browser';
import { EVENT_TYPE, MUTATION_SOURCE } from './support/stored-data';

const FIXTURES = fileURLToPath(new URL('./fixtures/rrweb-lean/', import.meta.url));
const PAGE_URL = 'http://127.0.0.1:9/page.html';

/** @rrweb/record with Hindsight's options as a page script: stock, or with the widget build's cuts and edits. */
async function recorderScript(lean: boolean): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'hindsight-rrweb-lean-'));
  try {
    await build({
      entry: { record: path.join(FIXTURES, 'record-entry.ts') },
      format: 'iife',
      outDir,
      platform: 'browser',
      target: 'es2020',
      noExternal: [/.*/],
      silent: true,
      config: false,
      esbuildPlugins: lean ? [rrwebLean()] : [],
    });
    return await readFile(path.join(outDir, 'record.global.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * In the page: record, then change the DOM in every way the edits touch (children reordered, a subtree added,
 * one removed, one added and removed before rrweb saw it, text and attributes), and return the events without
 * their timestamps.
 */
const RECORD_AND_CHANGE = `(async () => {
  const events = [];
  const stop = window.__record({ ...window.__options, emit: (event) => events.push(event) });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
  const list = document.querySelector('#list');
  list.append(...[...list.children].reverse());
  await tick();
  const added = document.createElement('section');
  added.innerHTML = '<h2>New</h2><ul><li>x <b>y</b></li><li class="rr-mask">z</li></ul><input value="typed">';
  document.body.append(added);
  const fleeting = document.createElement('div');
  fleeting.innerHTML = '<p>gone <i>before</i> rrweb saw it</p>';
  list.append(fleeting);
  fleeting.remove();
  list.firstElementChild.remove();
  await tick();
  document.querySelector('h1 em').firstChild.data = 'changed';
  added.querySelector('h2').setAttribute('title', 'heading');
  list.prepend(added.querySelector('ul'));
  await tick();
  window.__record.takeFullSnapshot(true);
  stop();
  return JSON.parse(JSON.stringify(events, (key, value) => (key === 'timestamp' ? undefined : value)));
})()`;

test("the widget's cut rrweb records exactly what stock rrweb records: full snapshots and every kind of mutation", async () => {
  const [stock, lean] = await Promise.all([recorderScript(false), recorderScript(true)]);
  expect(lean).not.toBe(stock); // the build's edits are in
  const html = await readFile(path.join(FIXTURES, 'page.html'), 'utf8');
  const browser = await launchBrowser();
  try {
    const recordWith = async (script: string) => {
      const page = await browser.context.newPage();
      await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(PAGE_URL);
      await page.addScriptTag({ content: script });
      const events = (await page.evaluate(RECORD_AND_CHANGE)) as { type: number; data: Record<string, unknown> }[];
      await page.close();
      return events;
    };
    const expected = await recordWith(stock);
    const recorded = await recordWith(lean);
    // The scenario is what the edits touch: two full snapshots and mutations with adds, removes and texts.
    expect(expected.filter((event) => event.type === EVENT_TYPE.FullSnapshot)).toHaveLength(2);
    const mutations = expected.filter(
      (event) => event.type === EVENT_TYPE.IncrementalSnapshot && event.data.source === MUTATION_SOURCE,
    );
    for (const field of ['adds', 'removes', 'texts', 'attributes']) {
      expect(
        mutations.some((event) => (event.data[field] as unknown[]).length > 0),
        field,
      ).toBe(true);
    }
    expect(JSON.stringify(expected)).toContain('"rr_scrollTop":20');
    expect(JSON.stringify(expected)).toContain('"isCustom":true');
    expect(recorded).toEqual(expected);
  } finally {
    await browser.close();
  }
});
