/**
 * A matching view of a text: whitespace removed, full-width ASCII folded to half-width, and for
 * every character of the view the offset of the character it came from. Headings copied out of
 * PDFs and Word ("司\n\n法", "2023 年", "（一）") match after this, and matches map back exactly.
 */
export type NormalizedText = {
  readonly text: string;
  /** `offsets[i]`: offset in the original text of `text[i]`; one extra entry for the end. */
  readonly offsets: readonly number[];
};

export function normalizeText(original: string, start = 0, end = original.length): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  for (let index = start; index < end; index += 1) {
    const character = original[index]!;
    if (/[\s\u00a0\u3000\ufeff]/.test(character)) continue;
    text += foldCharacter(character);
    offsets.push(index);
  }
  offsets.push(end);
  return { text, offsets };
}

export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (character === '、') return '、';
  if (character === '〔' || character === '【') return '[';
  if (character === '〕' || character === '】') return ']';
  if (character === '“' || character === '”') return '"';
  return character;
}

/** Normalises a short label for comparison (no offsets). */
export function normalizeLabel(label: string): string {
  return normalizeText(label).text;
}

/** Maps a [start, end) range of the normalized view back to the original text. */
export function originalSpan(view: NormalizedText, start: number, end: number) {
  const from = view.offsets[start] ?? view.offsets.at(-1)!;
  const last = view.offsets[Math.max(start, end - 1)];
  return { start: from, end: last === undefined ? from : last + 1 };
}
