import type { Finding } from '../../report/schemas.js';
import { checkConflicts } from './check-conflicts.js';
import { checkGrounding } from './check-grounding.js';
import { checkSums } from './check-sums.js';
import { checkApplications, checkReviewClaims, checkTableCounts } from './check-tables.js';
import { checkYears } from './check-years.js';
import type { NarrativeCheckInput } from './figures.js';

export { matchedReceivedReading } from './check-tables.js';
export type { NarrativeCheckInput } from './figures.js';

/** The narrative checks of the catalogue; ungrounded facts feed only checkGrounding. */
export const NARRATIVE_CHECKS = [checkGrounding, checkApplications, checkTableCounts, checkReviewClaims, checkSums, checkConflicts, checkYears];

export function runNarrativeChecks(input: NarrativeCheckInput): Finding[] {
  return NARRATIVE_CHECKS.flatMap((check) => check(input));
}
export { claimLabel, describeFigure, measureLabel } from './describe-figure.js';
export { listFigures, type Figure } from './figures.js';
