/**
 * A piece of the text the rules read, with its offset. The rules read the normalized view of the
 * narrative (whitespace removed, full-width folded: "予以公开及部分公\n开42件" reads whole), and
 * map every piece back to the original for its quote.
 */
export type Piece = { readonly text: string; readonly start: number };

// Sentences end at 。！？; a ；separates clauses of one statement ("其中：予以公开 42 件；不予公开 5 件；…").
const SENTENCE_END: ReadonlySet<number> = new Set(['。', '!', '?'].map((mark) => mark.charCodeAt(0)));
const PIECE_END: ReadonlySet<number> = new Set([',', ';'].map((mark) => mark.charCodeAt(0)));
// In the normalized view （）are (), “” are both ". Character codes: a property lookup per
// character of a CJK text is several times slower than a Map of numbers.
const OPENERS: ReadonlyMap<number, number> = new Map([['(', ')'], ['"', '"'], ['《', '》'], ['「', '」']].map(([open, close]) => [open!.charCodeAt(0), close!.charCodeAt(0)]));
// An opener whose closer is further than this is a stray mark (OCR), not a bracket.
const MAX_BRACKET = 400;

/** Sentences, split outside brackets and quotes. */
export function splitSentences(text: string): Piece[] {
  return splitOutsideBrackets({ text, start: 0 }, SENTENCE_END);
}

/** The clauses of a sentence (at ，；), split outside brackets and quotes. */
export function splitPieces(sentence: Piece): Piece[] {
  return splitOutsideBrackets(sentence, PIECE_END);
}

/** The text with every bracketed group (brackets included) replaced by spaces: offsets stay. */
export function maskBrackets(text: string, groups: readonly BracketGroup[] = bracketGroups({ text, start: 0 })): string {
  if (groups.length === 0) return text;
  let masked = '';
  let cursor = 0;
  for (const group of groups) {
    masked += text.slice(cursor, group.from) + ' '.repeat(group.to - group.from);
    cursor = group.to;
  }
  return masked + text.slice(cursor);
}

export type BracketGroup = { readonly from: number; readonly to: number; readonly inner: Piece };

/** Round-bracket groups "（…）" of a piece (outermost only), with their contents. */
export function bracketGroups(piece: Piece): BracketGroup[] {
  const groups: BracketGroup[] = [];
  const { text } = piece;
  for (let index = text.indexOf('('); index !== -1; index = text.indexOf('(', index + 1)) {
    const close = closingOf(text, index);
    if (close === -1) continue;
    groups.push({ from: index, to: close + 1, inner: slice(piece, index + 1, close) });
    index = close;
  }
  return groups;
}

function closingOf(text: string, open: number): number {
  const opener = text.charCodeAt(open);
  const closer = OPENERS.get(opener)!;
  const last = Math.min(text.length, open + MAX_BRACKET + 1);
  let depth = 0;
  for (let index = open; index < last; index += 1) {
    const code = text.charCodeAt(index);
    if (opener === closer && index > open && code === closer) return index;
    if (opener === closer) continue;
    if (code === opener) depth += 1;
    else if (code === closer) {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function splitOutsideBrackets(piece: Piece, separators: ReadonlySet<number>): Piece[] {
  const pieces: Piece[] = [];
  const { text } = piece;
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (OPENERS.has(code)) {
      const close = closingOf(text, index);
      if (close !== -1) {
        index = close;
        continue;
      }
    }
    if (!separators.has(code)) continue;
    pieces.push(slice(piece, from, index));
    from = index + 1;
  }
  pieces.push(slice(piece, from));
  return pieces.filter((part) => part.text.length > 0);
}

/** The sub-piece [from, to) of a piece (offsets relative to the piece). */
export function slice(piece: Piece, from: number, to = piece.text.length): Piece {
  return { text: piece.text.slice(from, to), start: piece.start + from };
}
