/** A piece of the input text with its offset, so a quote is always a verbatim slice. */
export type Piece = { readonly text: string; readonly start: number };

// Sentences end at 。！？；; line breaks do not end them (PDF and Word copies break words: "司\n\n法").
const SENTENCE_END = /[。！？；;!?]/g;
// Clauses inside a sentence.
const CLAUSE_END = /[，,；;。]/g;

export function splitSentences(text: string): Piece[] {
  return splitOn(text, 0, SENTENCE_END);
}

// Every extractor walks the clauses of the same sentences: split each sentence once.
const clausesOf = new WeakMap<Piece, Piece[]>();

export function splitClauses(sentence: Piece): Piece[] {
  let clauses = clausesOf.get(sentence);
  if (!clauses) {
    clauses = splitOn(sentence.text, sentence.start, CLAUSE_END);
    clausesOf.set(sentence, clauses);
  }
  return clauses;
}

function splitOn(text: string, offset: number, separators: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = trim({ text: text.slice(start, end), start: offset + start });
    if (piece.text.length > 0) pieces.push(piece);
  };
  separators.lastIndex = 0;
  for (let match = separators.exec(text); match !== null; match = separators.exec(text)) {
    push(match.index);
    start = match.index + 1;
  }
  push(text.length);
  return pieces;
}

/** Drops surrounding whitespace. */
export function trim(piece: Piece): Piece {
  let from = 0;
  let to = piece.text.length;
  while (from < to && isSpace(piece.text.charCodeAt(from))) from += 1;
  while (to > from && isSpace(piece.text.charCodeAt(to - 1))) to -= 1;
  return from === 0 && to === piece.text.length ? piece : { text: piece.text.slice(from, to), start: piece.start + from };
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

/** The sub-piece [from, to) of a piece (offsets relative to the piece). */
export function slice(piece: Piece, from: number, to = piece.text.length): Piece {
  return trim({ text: piece.text.slice(from, to), start: piece.start + from });
}
