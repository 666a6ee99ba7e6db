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
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let index = start; index < end; index += 1) {
    const code = original.charCodeAt(index);
    if (isWhitespace(code)) continue;
    codes.push(foldCode(code));
    offsets.push(index);
  }
  offsets.push(end);
  // Built in chunks: String.fromCharCode takes its arguments on the stack.
  let text = '';
  for (let index = 0; index < codes.length; index += 8192) {
    text += String.fromCharCode(...codes.slice(index, index + 8192));
  }
  return { text, offsets };
}

function isWhitespace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f
  );
}

function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3014 || code === 0x3010) return 0x5b; // 〔【 → [
  if (code === 0x3015 || code === 0x3011) return 0x5d; // 〕】 → ]
  if (code === 0x201c || code === 0x201d) return 0x22; // “” → "
  return code;
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
