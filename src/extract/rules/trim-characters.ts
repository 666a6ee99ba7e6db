/**
 * `text` without any of `characters` at either end. A loop, not /[…]+$/: a regex anchored only at
 * the end retries at every character of a long run of them, which is quadratic in its length.
 */
export function trimCharacters(text: string, characters: string, ends: 'both' | 'end' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (ends === 'both') while (start < end && characters.includes(text[start]!)) start += 1;
  while (end > start && characters.includes(text[end - 1]!)) end -= 1;
  return text.slice(start, end);
}
