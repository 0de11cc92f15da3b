import type { FixturePage } from './fixture-page';
import { createRandom, words } from './seeded-random';
import { renderSitePage } from './site-layout';

const ROW_COUNT = 300;
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-south-1', 'sa-east-1'];
const STATUSES = [
  ['ok', 'Healthy'],
  ['warn', 'Degraded'],
  ['fail', 'Failing'],
] as const;

function row(n: number): string {
  const random = createRandom(1_000 + n);
  const [cls, label] = random.next() < 0.8 ? STATUSES[0] : random.pick(STATUSES);
  return `<tr><td><input type="checkbox" aria-label="Select"></td><td>srv-${String(n).padStart(4, '0')}</td>
<td>${words(random, 2)}</td><td>${random.pick(REGIONS)}</td><td><span class="status ${cls}">${label}</span></td>
<td>${random.int(1, 99)}%</td><td>${random.int(20, 4_000)} ms</td><td>${random.int(100, 90_000)}</td><td>v2.${random.int(0, 30)}.${random.int(0, 9)}</td></tr>`;
}

const SCRIPT = `
let tick = 0;
const points = Array.from({ length: 60 }, (_, i) => 110 + Math.sin(i / 5) * 40);
function draw() {
  const d = points.map((y, i) => (i ? 'L' : 'M') + (i * 10) + ' ' + y.toFixed(1)).join(' ');
  document.getElementById('line').setAttribute('d', d);
  document.getElementById('area').setAttribute('d', d + ' L590 220 L0 220 Z');
}
setInterval(() => {
  tick += 1;
  points.shift();
  points.push(Math.max(10, Math.min(210, points[points.length - 1] + (Math.random() - 0.5) * 40)));
  draw();
  document.querySelectorAll('.kpi .value').forEach((el, i) => {
    el.textContent = (Number(el.dataset.base) + Math.round(Math.random() * 50 * (i + 1))).toLocaleString('en-US');
  });
  const cells = document.querySelectorAll('#rows tr td:nth-child(6)');
  for (let i = 0; i < 12; i++) cells[(tick * 12 + i) % cells.length].textContent = Math.round(Math.random() * 99) + '%';
}, 1000);
setInterval(() => {
  const li = document.createElement('li');
  li.textContent = new Date().toLocaleTimeString('en-US') + ' · deploy #' + (4200 + tick) + ' finished on srv-' + String(tick % 300).padStart(4, '0');
  const feed = document.getElementById('feed');
  feed.prepend(li);
  while (feed.children.length > 12) feed.lastElementChild.remove();
}, 1500);
document.querySelectorAll('.data-table th[data-col]').forEach((th) => th.addEventListener('click', () => {
  const col = Number(th.dataset.col);
  const body = document.getElementById('rows');
  const rows = [...body.rows];
  const key = (r) => r.cells[col].textContent;
  const numeric = !isNaN(parseFloat(key(rows[0])));
  rows.sort((a, b) => numeric ? parseFloat(key(b)) - parseFloat(key(a)) : key(a).localeCompare(key(b)));
  body.append(...rows);
  document.querySelectorAll('.data-table th').forEach((h) => h.classList.toggle('sorted', h === th));
}));
document.getElementById('rows').addEventListener('change', (e) => e.target.closest('tr').classList.toggle('selected', e.target.checked));
draw();
`;

/** An operations dashboard: live KPIs, an SVG chart redrawn every second, a 300-row sortable table, a live feed. */
export const dashboardTable: FixturePage = {
  name: 'dashboard',
  path: '/dashboard',
  render() {
    const kpis = [
      ['Requests / min', 48_200],
      ['Active users', 3_410],
      ['Error budget left', 9_120],
      ['Deploys today', 37],
    ]
      .map(
        ([label, base], i) =>
          `<div class="card kpi"><div class="hint">${label}</div><div class="value" data-base="${base}">${base}</div><div class="delta ${i % 2 ? 'down' : 'up'}">${i % 2 ? '▼ 2.1%' : '▲ 4.7%'} vs last week</div></div>`,
      )
      .join('');
    const headers = ['Server', 'Service', 'Region', 'Status', 'CPU', 'p95 latency', 'Requests', 'Version'];
    const head = headers.map((h, i) => `<th data-col="${i + 1}">${h}</th>`).join('');
    const rows = Array.from({ length: ROW_COUNT }, (_, i) => row(i + 1)).join('');
    const body = `<h1>Fleet overview</h1><div class="kpis">${kpis}</div>
<div style="display:grid;grid-template-columns:2fr 1fr;gap:16px">
<div class="card chart-card"><strong>Traffic (last hour)</strong><svg viewBox="0 0 590 220" preserveAspectRatio="none">
<path id="area" fill="rgb(59 108 246 / 15%)"/><path id="line" fill="none" stroke="#3b6cf6" stroke-width="2"/></svg></div>
<div class="card chart-card"><strong>Activity</strong><ul class="feed" id="feed"></ul></div></div>
<div class="card" style="margin-top:16px;overflow:auto"><table class="data-table"><thead><tr><th></th>${head}</tr></thead><tbody id="rows">${rows}</tbody></table></div>`;
    return renderSitePage({ title: 'Dashboard', active: 'Dashboard', body, script: SCRIPT });
  },
  async visit(page) {
    const pause = (ms: number) => page.waitForTimeout(ms);
    await page.mouse.move(300, 200, { steps: 10 });
    await pause(1500);
    await page.hover('.kpi >> nth=1');
    await pause(800);
    await page.mouse.move(400, 350, { steps: 20 });
    await pause(1000);
    await page.mouse.wheel(0, 500);
    await pause(800);
    await page.click('th[data-col="5"]');
    await pause(1200);
    for (const n of [8, 9, 11, 14]) {
      await page.click(`#rows tr:nth-child(${n}) input`);
      await pause(300);
    }
    for (let step = 0; step < 10; step++) {
      await page.mouse.move(500, 300 + step * 30, { steps: 4 });
      await page.mouse.wheel(0, 400);
      await pause(400);
    }
    await page.click('th[data-col="6"]');
    await pause(1200);
    await page.click('th[data-col="1"]');
    await pause(1000);
    await page.evaluate('window.scrollTo(0, 0)');
    await pause(1500);
    await page.mouse.move(700, 250, { steps: 15 });
    await pause(3000);
  },
};
