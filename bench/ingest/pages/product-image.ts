import { createRandom } from './seeded-random';

/** A product photo stand-in: an SVG illustration of a few gradient shapes, different for each product number. */
export function productImageSvg(productNumber: number): string {
  const random = createRandom(productNumber * 7919);
  const hue = random.int(0, 359);
  const shapes = Array.from({ length: 6 }, () => {
    const h = (hue + random.int(-40, 40) + 360) % 360;
    return `<circle cx="${random.int(20, 300)}" cy="${random.int(20, 220)}" r="${random.int(18, 70)}" fill="hsl(${h} 70% ${random.int(45, 75)}%)" opacity="0.85"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 94%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360} 60% 84%)"/></linearGradient></defs>
<rect width="320" height="240" fill="url(#bg)"/>${shapes}
<rect x="110" y="70" width="100" height="110" rx="14" fill="hsl(${hue} 35% 30%)" opacity="0.9"/></svg>`;
}
