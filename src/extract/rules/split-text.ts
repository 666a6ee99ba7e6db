/** A piece of the input text with its offset, so a quote is always a verbatim slice. */
export type Piece = { readonly text: string; readonly start: number };

// Sentences end at 。！？；; line breaks do not end them (PDF and Word copies break words: "司\n\n法").
const SENTENCE_END = /[。！？；;!?]/;
// Clauses inside a sentence.
const CLAUSE_END = /[，,；;。]/;

export function splitSentences(text: string): Piece[] {
  return splitOn(text, 0, SENTENCE_END);
}

export function splitClauses(sentence: Piece): Piece[] {
  return splitOn(sentence.text, sentence.start, CLAUSE_END);
}

function splitOn(text: string, offset: number, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index += 1) {
    if (index === text.length || separator.test(text[index]!)) {
      const piece = trim({ text: text.slice(start, index), start: offset + start });
      if (piece.text.length > 0) pieces.push(piece);
      start = index + 1;
    }
  }
  return pieces;
}

/** Drops surrounding whitespace and the list markers "(一)" / "一是" that open a piece. */
export function trim(piece: Piece): Piece {
  const leading = /^[\s\u3000]*/.exec(piece.text)![0].length;
  const trailing = /[\s\u3000]*$/.exec(piece.text)![0].length;
  return { text: piece.text.slice(leading, piece.text.length - trailing), start: piece.start + leading };
}

/** The sub-piece [from, to) of a piece (offsets relative to the piece). */
export function slice(piece: Piece, from: number, to = piece.text.length): Piece {
  return trim({ text: piece.text.slice(from, to), start: piece.start + from });
}
