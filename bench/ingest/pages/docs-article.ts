import type { FixturePage } from './fixture-page';
import { icon } from './icons';
import { createRandom, paragraph, type Random, words } from './seeded-random';
import { renderSitePage } from './site-layout';

const SECTION_COUNT = 28;

function codeBlock(random: Random): string {
  const lines = Array.from({ length: random.int(6, 14) }, (_, i) => {
    const name = words(random, 1).toLowerCase();
    return i % 4 === 0
      ? `<span class="cm">// ${words(random, 6).toLowerCase()}</span>`
      : `<span class="kw">const</span> ${name}${i} = <span class="kw">await</span> <span class="fn">client.${name}</span>(<span class="str">'${words(random, 2).toLowerCase()}'</span>, { retries: ${random.int(1, 5)} });`;
  });
  return `<pre class="code"><button class="btn btn-secondary btn-sm copy" type="button">${icon('copy')} Copy</button><code>${lines.join('\n')}</code></pre>`;
}

function section(index: number, random: Random): string {
  const title = words(random, random.int(2, 5));
  const parts = [`<h2 id="s${index}">${index + 1}. ${title}</h2>`, `<p>${paragraph(random)}</p>`];
  if (index % 2 === 0) parts.push(codeBlock(random));
  parts.push(`<p>${paragraph(random)}</p>`);
  if (index % 3 === 0) parts.push(`<div class="callout"><strong>Note.</strong> ${paragraph(random)}</div>`);
  if (index % 4 === 1) {
    parts.push(
      `<details><summary>Show the full option list</summary><ul>${Array.from({ length: 8 }, () => `<li><code>${words(random, 1).toLowerCase()}</code>: ${words(random, 10)}</li>`).join('')}</ul></details>`,
    );
  }
  parts.push(`<p>${paragraph(random)}</p>`);
  return `<section>${parts.join('\n')}</section>`;
}

const SCRIPT = `
const links = [...document.querySelectorAll('.toc a')];
const headings = links.map((a) => document.querySelector(a.getAttribute('href')));
addEventListener('scroll', () => {
  let current = 0;
  headings.forEach((h, i) => { if (h.getBoundingClientRect().top < 120) current = i; });
  links.forEach((a, i) => a.classList.toggle('current', i === current));
}, { passive: true });
document.addEventListener('click', (event) => {
  const copy = event.target.closest('.copy');
  if (copy) { copy.lastChild.textContent = ' Copied!'; setTimeout(() => (copy.lastChild.textContent = ' Copy'), 1500); }
  const vote = event.target.closest('[data-vote]');
  if (vote) { document.getElementById('feedback').innerHTML = '<p class="callout">Thanks for your feedback!</p>'; }
});
const titles = headings.map((h) => h.textContent);
document.getElementById('doc-search').addEventListener('input', (event) => {
  const q = event.target.value.toLowerCase();
  const box = document.getElementById('results');
  box.replaceChildren();
  box.hidden = !q;
  for (const t of titles.filter((t) => t.toLowerCase().includes(q)).slice(0, 8)) {
    const a = document.createElement('a');
    a.href = '#s' + titles.indexOf(t);
    a.textContent = t;
    box.appendChild(a);
  }
});
`;

/** A long documentation article: side navigation, table of contents with scroll spy, code blocks, search. */
export const docsArticle: FixturePage = {
  name: 'docs',
  path: '/docs/getting-started',
  render() {
    const random = createRandom(42);
    const sections = Array.from({ length: SECTION_COUNT }, (_, i) => section(i, random));
    const toc = sections.map((s, i) => `<a href="#s${i}">${/<h2[^>]*>(.*?)<\/h2>/.exec(s)?.[1] ?? ''}</a>`).join('');
    const nav = ['Introduction', 'Installation', 'Configuration', 'Recording', 'Privacy', 'Replay', 'Retention']
      .map(
        (group) =>
          `<h4>${group}</h4>${Array.from({ length: 5 }, () => `<a href="#">${words(random, 3)}</a>`).join('')}`,
      )
      .join('');
    const body = `<div class="docs-layout">
<nav class="docs-nav"><input class="input" id="doc-search" type="search" placeholder="Search the docs">
<div class="card search-results" id="results" hidden></div>${nav}</nav>
<article class="article"><h1>Getting started with the Northwind SDK</h1><p class="hint">Updated 3 days ago · 14 min read</p>
${sections.join('\n')}
<div id="feedback"><p>Was this page helpful? <button class="btn btn-secondary btn-sm" data-vote="yes" type="button">Yes</button>
<button class="btn btn-secondary btn-sm" data-vote="no" type="button">No</button></p></div></article>
<aside class="toc"><strong>On this page</strong>${toc}</aside></div>`;
    return renderSitePage({ title: 'Getting started', active: 'Docs', body, script: SCRIPT });
  },
  async visit(page) {
    const pause = (ms: number) => page.waitForTimeout(ms);
    await page.mouse.move(600, 300, { steps: 8 });
    await pause(1000);
    // Reading: slow scrolling with the pointer drifting over the text.
    for (let step = 0; step < 16; step++) {
      await page.mouse.move(450 + (step % 4) * 40, 250 + (step % 5) * 50, { steps: 5 });
      await page.mouse.wheel(0, 350);
      await pause(450);
    }
    await page.click('pre.code .copy >> nth=2');
    await pause(800);
    await page.click('details summary >> nth=1');
    await pause(900);
    // Select a sentence of text, as readers do.
    const box = await page.locator('.article p >> nth=12').boundingBox();
    if (box) {
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + 8, { steps: 10 });
      await page.mouse.up();
    }
    await pause(700);
    await page.click('.toc a >> nth=4');
    await pause(1200);
    await page.click('#doc-search');
    await page.keyboard.type('the', { delay: 150 });
    await pause(900);
    await page.click('#results a >> nth=0').catch(() => undefined);
    await pause(1000);
    await page.click('.toc a >> nth=20');
    await pause(1200);
    for (let step = 0; step < 8; step++) {
      await page.mouse.wheel(0, 500);
      await pause(300);
    }
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await pause(800);
    await page.click('[data-vote="yes"]');
    await pause(1500);
  },
};
