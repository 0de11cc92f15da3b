// The large page's own behaviour, the same for every variant: search, sortable columns, row selection, a details
// panel, and a live feed that rewrites cells every 500 ms and replaces whole rows every 3 s (timer-driven churn).

import { createRandom } from '../../ingest/pages/seeded-random';
import { inventoryRow } from '../pages/inventory-row';

const CELL_UPDATE_INTERVAL_MS = 500;
const CELLS_PER_UPDATE = 25;
const ROW_REPLACE_INTERVAL_MS = 3_000;
const ROWS_PER_REPLACE = 20;
const DETAIL_TILES = 60;

const random = createRandom(7);
const grid = document.getElementById('grid') as HTMLTableSectionElement;
const search = document.getElementById('grid-search') as HTMLInputElement;
const count = document.getElementById('grid-count') as HTMLElement;
const rows = () => Array.from(grid.rows);
let nextId = grid.rows.length + 1;

function showCount(): void {
  count.textContent = `${rows().filter((row) => !row.hidden).length} products`;
}

search.addEventListener('input', () => {
  const query = search.value.trim().toLowerCase();
  for (const row of rows()) row.hidden = query !== '' && !(row.dataset.name ?? '').includes(query);
  showCount();
});

document.querySelector('thead')?.addEventListener('click', (event) => {
  const column = Number((event.target as HTMLElement).dataset.sort ?? Number.NaN);
  if (Number.isNaN(column)) return;
  const key = (row: HTMLTableRowElement) => row.cells[column]?.textContent ?? '';
  const sorted = rows().sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
  if (grid.dataset.sorted === String(column)) sorted.reverse();
  grid.dataset.sorted = grid.dataset.sorted === String(column) ? '' : String(column);
  grid.append(...sorted);
});

grid.addEventListener('click', (event) => {
  (event.target as HTMLElement).closest('tr')?.classList.toggle('selected');
});

document.getElementById('details-toggle')?.addEventListener('click', () => {
  const slot = document.getElementById('details-slot') as HTMLElement;
  if (slot.firstChild) return slot.replaceChildren();
  const panel = document.createElement('div');
  panel.id = 'details';
  for (let i = 0; i < DETAIL_TILES; i++) {
    const tile = document.createElement('div');
    tile.innerHTML = `<strong>Metric ${i + 1}</strong> <em>${random.int(0, 999)}</em>`;
    panel.append(tile);
  }
  slot.append(panel);
});

setInterval(() => {
  const all = rows();
  for (let i = 0; i < CELLS_PER_UPDATE; i++) {
    const row = random.pick(all);
    const cell = row.cells[random.pick([4, 5])];
    if (!cell) continue;
    cell.textContent = String(random.int(0, 400));
    cell.classList.toggle('changed');
  }
}, CELL_UPDATE_INTERVAL_MS);

setInterval(() => {
  const template = document.createElement('tbody');
  for (let i = 0; i < ROWS_PER_REPLACE; i++) {
    const old = random.pick(rows());
    template.innerHTML = inventoryRow(nextId++, random);
    const fresh = template.firstElementChild;
    if (fresh) old.replaceWith(fresh);
  }
  showCount();
}, ROW_REPLACE_INTERVAL_MS);

showCount();
