/**
 * How alike two short Chinese texts are, 0..1: the Dice coefficient of their character bigrams
 * after removing whitespace and punctuation. Labels and extractions word the same item slightly
 * differently ("一是…" vs "…"), so items are scored by overlap, not equality.
 */
export function textSimilarity(left: string, right: string): number {
  const a = bigrams(left);
  const b = bigrams(right);
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  const total = [...a.values(), ...b.values()].reduce((sum, count) => sum + count, 0);
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const cleaned = text.replace(/[\s\p{P}\p{S}]/gu, '').replace(/^[一二三四五六七八九十]是/, '');
  const grams = new Map<string, number>();
  for (let index = 0; index + 1 < cleaned.length; index += 1) {
    const gram = cleaned.slice(index, index + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
