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
  const closing = closingBrackets(text);
  for (let index = text.indexOf('('); index !== -1; index = text.indexOf('(', index + 1)) {
    const close = closing.get(index);
    if (close === undefined) continue;
    groups.push({ from: index, to: close + 1, inner: slice(piece, index + 1, close) });
    index = close;
  }
  return groups;
}

/**
 * Where each opener's bracket closes (same kind, nesting counted; a quote at the next quote), for
 * openers closed within MAX_BRACKET characters. One pass with a stack per kind: scanning ahead from
 * every opener cost 400 steps per character on a run of unclosed "（" (3 s on a 200 000 run).
 */
function closingBrackets(text: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open = new Map<number, number[]>();
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const quote = code === QUOTE;
    const stack = quote ? open.get(QUOTE) : open.get(CLOSER_TO_OPENER.get(code) ?? -1);
    if (stack && stack.length > 0 && (quote || !OPENERS.has(code))) {
      const from = stack.pop()!;
      if (index - from <= MAX_BRACKET) closing.set(from, index);
      // A quote too far from the last one is a stray mark: this one may open the next quotation.
      if (index - from <= MAX_BRACKET || !quote) continue;
    }
    if (!OPENERS.has(code)) continue;
    const waiting = open.get(code) ?? [];
    waiting.push(index);
    open.set(code, waiting);
  }
  return closing;
}

const QUOTE = '"'.charCodeAt(0);
const CLOSER_TO_OPENER: ReadonlyMap<number, number> = new Map([...OPENERS].filter(([open, close]) => open !== close).map(([open, close]) => [close, open]));

function splitOutsideBrackets(piece: Piece, separators: ReadonlySet<number>): Piece[] {
  const pieces: Piece[] = [];
  const { text } = piece;
  const closing = closingBrackets(text);
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const close = closing.get(index);
    if (close !== undefined) {
      index = close;
      continue;
    }
    if (!separators.has(text.charCodeAt(index))) continue;
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
