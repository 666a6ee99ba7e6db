import type { StatedNumber } from '../../report/narrative.js';
import type { Piece } from './split-text.js';

const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
// "2024年，…" / "2022 年，…": a sentence that opens with its year names it for all its clauses.
const LEADING_YEAR = /^[^，,。]{0,12}?((?:19|20)\d{2})\s*年度?\s*[，,]/;

/** A number stated in `clause` of `sentence`, quoted verbatim, with the year the statement names. */
export function statedNumber(value: number, clause: Piece, sentence: Piece): StatedNumber {
  return { value, quote: clause.text, year: statedYear(clause, sentence) };
}

export function statedYear(clause: Piece, sentence: Piece): number | null {
  const own = YEAR.exec(clause.text);
  if (own) return Number(own[1]);
  const leading = LEADING_YEAR.exec(sentence.text);
  return leading && sentence.start + leading.index < clause.start ? Number(leading[1]) : null;
}

/** Digits as a number: full-width digits and thousands separators allowed. */
export function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, ''));
}
