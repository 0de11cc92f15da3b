/** Okapi BM25 over short documents (knowledge entries): good ranking with no index to maintain. */

const K1 = 1.2;
const B = 0.75;

/** Words that carry no meaning for matching a question to an answer. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do does for from had has have how i if in into is it its me my no not of ' +
    'on or our so than that the their them then there these they this to us was we what when where which who why ' +
    'will with would you your yours hi hello please thanks thank'
  ).split(' '),
);

/** Lower-cased words and numbers (any script), stop words out, a light English plural/verb stem. */
export function tokenize(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOP_WORDS.has(w)).map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('es') && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface Ranked<T> {
  item: T;
  score: number;
}

/** Ranks `documents` (given as text) for `query`, best first; documents with no shared term are left out. */
export function rankBm25<T>(query: string, documents: readonly T[], textOf: (doc: T) => string): Ranked<T>[] {
  const terms = [...new Set(tokenize(query))];
  if (terms.length === 0 || documents.length === 0) return [];
  const docs = documents.map((item) => {
    const tokens = tokenize(textOf(item));
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return { item, length: tokens.length, counts };
  });
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / docs.length || 1;
  const idf = new Map(
    terms.map((term) => {
      const containing = docs.filter((d) => d.counts.has(term)).length;
      return [term, Math.log(1 + (docs.length - containing + 0.5) / (containing + 0.5))];
    }),
  );
  const ranked: Ranked<T>[] = [];
  for (const doc of docs) {
    let score = 0;
    for (const term of terms) {
      const tf = doc.counts.get(term);
      if (!tf) continue;
      score += ((idf.get(term) ?? 0) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength));
    }
    if (score > 0) ranked.push({ item: doc.item, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
