import { createRandom } from '../../ingest/pages/seeded-random';
import { inventoryRow } from './inventory-row';

/** Rows of the inventory grid: 11 elements each, so the page holds well over 10,000 elements. */
export const LARGE_PAGE_ROWS = 1_000;
const SIDEBAR_SECTIONS = 40;
const SIDEBAR_LINKS = 6;
const SEED = 20_251_122;

const STYLE = `
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1d2a26;display:grid;grid-template-columns:220px 1fr}
header{grid-column:1/3;background:#1f5c4a;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center}
header a{color:#fff}aside{background:#f2f5f3;padding:8px;font-size:12px}aside ul{padding-left:12px}
main{padding:16px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde5e1;padding:4px 6px}
th{cursor:pointer;background:#eef3f0;position:sticky;top:0}.num{text-align:right}tr.selected{background:#fff4d6}
.badge{border-radius:8px;padding:0 6px;font-size:11px}.in-stock{background:#d7f0e1}.low{background:#fde7c8}
.backorder{background:#e2e6fb}.discontinued{background:#f4d4d4}.changed{outline:2px solid #f2b766}
#details{border:1px solid #cfd8d3;margin:8px 0;padding:8px;display:grid;grid-template-columns:repeat(4,1fr);gap:4px}
`;

/** The benchmark's large page: an inventory console with a sidebar and a 1,000-row grid (about 12,000 elements). */
export function largePageHtml(): string {
  const random = createRandom(SEED);
  const nav = Array.from({ length: 12 }, (_, i) => `<a href="#s${i}">Section ${i + 1}</a>`).join('');
  const sidebar = Array.from(
    { length: SIDEBAR_SECTIONS },
    (_, s) =>
      `<li><span>Group ${s + 1}</span><ul>${Array.from({ length: SIDEBAR_LINKS }, (_, l) => `<li><a href="#g${s}-${l}">Item ${l + 1}</a></li>`).join('')}</ul></li>`,
  ).join('');
  const rows = Array.from({ length: LARGE_PAGE_ROWS }, (_, i) => inventoryRow(i + 1, random)).join('');
  const headers = ['Id', 'SKU', 'Name', 'Category', 'Price', 'Stock', 'Status', 'Updated']
    .map((label, i) => `<th data-sort="${i}">${label}</th>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inventory console</title><style>${STYLE}</style></head>
<body>
<header><strong>Northwind inventory</strong><nav>${nav}</nav></header>
<aside><ul>${sidebar}</ul></aside>
<main>
<p><label>Search <input id="grid-search" type="search" autocomplete="off"></label>
<button id="details-toggle" type="button">Details</button> <span id="grid-count"></span></p>
<div id="details-slot"></div>
<table><thead><tr>${headers}</tr></thead><tbody id="grid">${rows}</tbody></table>
</main>
<script src="/bench/large-page-app.js"></script>
</body></html>`;
}
