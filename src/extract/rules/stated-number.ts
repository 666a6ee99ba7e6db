import type { Piece } from './split-text.js';

// In normalized text: "2024年", "2023年度"; "2024年12月31日" is a date, not a year the statement names.
const YEAR = /((?:19|20)\d{2})年(?!\d{1,2}月)/;
// "2024年,…" / "我局按照…的原则,2022年,在…": a year standing alone names it for the clauses after it;
// "2023年全区接收…" names it for the whole sentence.
const YEAR_ONLY = /^[^\d]{0,6}((?:19|20)\d{2})年度?$/;
const LEADING_YEAR = /^[^\d]{0,12}?((?:19|20)\d{2})年(?!\d{1,2}月)/;

/** The year a statement names: in its own clause, or named for the sentence before it. */
export function statedYear(clause: string, earlierClauses: readonly string[]): number | null {
  const own = YEAR.exec(clause);
  if (own) return Number(own[1]);
  for (let index = earlierClauses.length - 1; index >= 0; index -= 1) {
    const alone = YEAR_ONLY.exec(earlierClauses[index]!);
    if (alone) return Number(alone[1]);
  }
  const leading = earlierClauses[0] === undefined ? null : LEADING_YEAR.exec(earlierClauses[0]);
  return leading ? Number(leading[1]) : null;
}
