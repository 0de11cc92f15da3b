/** A small deterministic PRNG (mulberry32): fixtures and benchmark pages are the same on every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export type Random = ReturnType<typeof createRandom>;

const WORDS =
  'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part'.split(
    ' ',
  );

/** `count` words of filler text, first letter capitalised. */
export function words(random: Random, count: number): string {
  const text = Array.from({ length: count }, () => random.pick(WORDS)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A paragraph of 3 to 6 sentences. */
export function paragraph(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => `${words(random, random.int(8, 18))}.`).join(' ');
}
