import type { Finding } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';
import { checkAmbiguousRows, checkMissingCells } from './cell-checks.js';
import type { CheckInput } from './check-input.js';
import { checkSections, checkTableShapes } from './structure-checks.js';
import { checkSums } from './sum-checks.js';

export type Check = (input: CheckInput) => Finding[];

/** The table and structure checks of the catalogue, in the order findings are listed. */
export const TABLE_CHECKS: readonly Check[] = [
  checkSections,
  checkTableShapes,
  checkAmbiguousRows,
  checkMissingCells,
  checkSums,
];

/** Runs every check. A report whose tables are not read (pre-2019, unknown) gets no table findings. */
export function runChecks(input: CheckInput, checks: readonly Check[] = TABLE_CHECKS): Finding[] {
  if (!tableLayoutOf(input.format)) return [];
  return checks.flatMap((check) => check(input));
}
