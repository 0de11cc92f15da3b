import type { FixturePage } from './fixture-page';
import { icon } from './icons';
import { createRandom, words } from './seeded-random';
import { renderSitePage } from './site-layout';

const PRODUCT_COUNT = 240;
const CATEGORIES = ['Lighting', 'Seating', 'Tables', 'Storage', 'Textiles', 'Kitchen', 'Outdoor', 'Decor'] as const;
const ADJECTIVES = ['Nordic', 'Oak', 'Linen', 'Woven', 'Brass', 'Matte', 'Curved', 'Stackable', 'Rattan', 'Walnut'];
const NOUNS = ['Lamp', 'Chair', 'Side Table', 'Shelf', 'Throw', 'Kettle', 'Planter', 'Vase', 'Stool', 'Mirror'];

function productCard(n: number): string {
  const random = createRandom(n);
  const price = random.int(12, 480);
  const sale = random.next() < 0.25;
  const isNew = !sale && random.next() < 0.15;
  const stars = random.int(3, 5);
  const category = random.pick(CATEGORIES);
  return `<article class="card product-card" data-category="${category}" data-price="${price}" data-id="${n}">
  <img src="/img/product-${n}.svg" alt="" width="320" height="240" loading="lazy">
  <div class="quick-view"><button class="btn btn-secondary btn-sm" type="button">Quick view</button></div>
  ${sale ? '<span class="badge badge-sale">Sale</span>' : isNew ? '<span class="badge badge-new">New</span>' : ''}
  <h3><a href="#product-${n}">${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${words(random, 1)}</a></h3>
  <div class="rating">${icon('star').repeat(stars)}<span>(${random.int(3, 900)})</span></div>
  <p class="hint">${category} · ships in ${random.int(1, 9)} days</p>
  <div class="price">$${price}.00${sale ? `<s>$${Math.round(price * 1.3)}.00</s>` : ''}</div>
  <button class="btn btn-primary btn-sm add-to-cart" type="button">Add to cart</button>
  <button class="btn btn-secondary btn-sm" type="button" aria-label="Save">${icon('heart')}</button>
</article>`;
}

const SCRIPT = `
let cart = 0;
let next = ${PRODUCT_COUNT};
const grid = document.getElementById('grid');
const template = grid.firstElementChild;
grid.addEventListener('click', (event) => {
  const button = event.target.closest('.add-to-cart');
  if (!button) return;
  cart += 1;
  document.getElementById('cart-count').textContent = String(cart);
  button.textContent = 'Added ✓';
  setTimeout(() => (button.textContent = 'Add to cart'), 1200);
  toast('Added "' + button.closest('.product-card').querySelector('h3').textContent + '" to your cart');
});
grid.addEventListener('mouseover', (event) => {
  const card = event.target.closest('.product-card');
  for (const other of grid.querySelectorAll('.hovered')) if (other !== card) other.classList.remove('hovered');
  card?.classList.add('hovered');
});
function applyFilters() {
  const query = document.getElementById('search').value.trim().toLowerCase();
  const wanted = [...document.querySelectorAll('.filters input:checked')].map((i) => i.value);
  let shown = 0;
  for (const card of grid.children) {
    const match = (!query || card.querySelector('h3').textContent.toLowerCase().includes(query))
      && (wanted.length === 0 || wanted.includes(card.dataset.category));
    card.hidden = !match;
    if (match) shown += 1;
  }
  document.getElementById('result-count').textContent = shown + ' products';
}
document.getElementById('search').addEventListener('input', applyFilters);
document.querySelector('.filters').addEventListener('change', applyFilters);
document.getElementById('sort').addEventListener('change', (event) => {
  const cards = [...grid.children];
  const dir = event.target.value === 'price-desc' ? -1 : 1;
  cards.sort((a, b) => dir * (a.dataset.price - b.dataset.price));
  for (const card of cards) grid.appendChild(card);
});
document.getElementById('load-more').addEventListener('click', () => {
  for (let i = 0; i < 48; i++) {
    const card = template.cloneNode(true);
    next += 1;
    card.dataset.id = String(next);
    card.querySelector('img').src = '/img/product-' + next + '.svg';
    card.querySelector('h3 a').textContent = 'Limited Edition Item ' + next;
    grid.appendChild(card);
  }
  applyFilters();
});
`;

/** A furniture shop's listing: 240 product cards with images, filters, search, sorting, cart and toasts. */
export const productListing: FixturePage = {
  name: 'products',
  path: '/products',
  render() {
    const cards = Array.from({ length: PRODUCT_COUNT }, (_, i) => productCard(i + 1)).join('\n');
    const filters = CATEGORIES.map((c) => `<label><input type="checkbox" value="${c}"> ${c}</label>`).join('');
    const body = `<div class="shop-layout">
<aside class="filters card" style="padding:16px">
  <h3>Search</h3><input class="input" id="search" type="search" placeholder="Search products">
  <h3>Category</h3>${filters}
  <h3>Sort</h3><select class="select" id="sort"><option value="price-asc">Price: low to high</option><option value="price-desc">Price: high to low</option></select>
</aside>
<section>
  <h1>Living room &amp; home</h1><p id="result-count" class="hint">${PRODUCT_COUNT} products</p>
  <div class="product-grid" id="grid">${cards}</div>
  <p style="text-align:center;margin-top:24px"><button class="btn btn-secondary" id="load-more" type="button">Load more</button></p>
</section></div>`;
    return renderSitePage({ title: 'Shop', active: 'Shop', body, script: SCRIPT });
  },
  async visit(page) {
    const pause = (ms: number) => page.waitForTimeout(ms);
    await page.mouse.move(200, 30, { steps: 10 });
    await pause(800);
    for (let i = 1; i <= 4; i++) {
      await page.hover(`#grid > article:nth-child(${i})`);
      await pause(400);
    }
    for (const i of [2, 5]) {
      await page.click(`#grid > article:nth-child(${i}) .add-to-cart`);
      await pause(700);
    }
    for (let step = 0; step < 14; step++) {
      await page.mouse.move(500 + step * 20, 300 + (step % 3) * 60, { steps: 6 });
      await page.mouse.wheel(0, 450);
      await pause(350);
    }
    await page.click('#load-more');
    await pause(1200);
    await page.mouse.wheel(0, 900);
    await pause(600);
    await page.evaluate('window.scrollTo(0, 0)');
    await pause(600);
    await page.click('#search');
    await page.keyboard.type('lamp', { delay: 160 });
    await pause(1200);
    await page.fill('#search', '');
    await page.keyboard.type('oak chair', { delay: 140 });
    await pause(1000);
    await page.fill('#search', '');
    await page.dispatchEvent('#search', 'input');
    await page.check('.filters input[value="Lighting"]');
    await pause(700);
    await page.check('.filters input[value="Seating"]');
    await pause(900);
    await page.selectOption('#sort', 'price-desc');
    await pause(1000);
    for (let i = 1; i <= 3; i++) {
      await page.hover(`#grid > article:not([hidden]) >> nth=${i}`);
      await pause(350);
    }
    await page.click('#grid > article:not([hidden]) .add-to-cart >> nth=0');
    await pause(1500);
  },
};
