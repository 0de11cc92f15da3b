import type { Random } from '../../ingest/pages/seeded-random';

const ADJECTIVES = [
  'Alpine',
  'Coastal',
  'Granite',
  'Harbour',
  'Lichen',
  'Marsh',
  'Nordic',
  'Summit',
  'Tundra',
  'Willow',
];
const NOUNS = ['Tent', 'Pack', 'Boot', 'Jacket', 'Lantern', 'Stove', 'Bottle', 'Glove', 'Tarp', 'Quilt', 'Poles'];
const CATEGORIES = ['Shelter', 'Packs', 'Footwear', 'Clothing', 'Lighting', 'Cooking', 'Accessories'];
const STATUSES = ['in-stock', 'low', 'backorder', 'discontinued'] as const;

/** One row of the large page's inventory grid: 11 elements (tr, 8 td, 2 span). Used by the page's own script too. */
export function inventoryRow(id: number, random: Random): string {
  const name = `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.int(10, 99)}`;
  const status = random.pick(STATUSES);
  const price = (random.int(900, 49_900) / 100).toFixed(2);
  return (
    `<tr id="r-${id}" data-name="${name.toLowerCase()}">` +
    `<td>#${id}</td><td><span class="sku">NW-${1000 + id}</span></td><td>${name}</td>` +
    `<td>${random.pick(CATEGORIES)}</td><td class="num">${price}</td><td class="num">${random.int(0, 400)}</td>` +
    `<td><span class="badge ${status}">${status}</span></td><td>2025-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}</td>` +
    '</tr>'
  );
}
