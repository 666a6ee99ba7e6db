import type { Finding, FindingId } from '../../report/schemas.js';
import { createFinding } from '../create-finding.js';
import { cellValue } from '../equations.js';
import { pick } from '../language.js';
import { describeFigure, measureLabel } from './describe-figure.js';
import { claimKey, evidenceFigures, figureKey, isOfReportYear, quoted, type Figure, type NarrativeCheckInput } from './figures.js';
import { sumCells, tablePathsOf } from './table-values.js';

// Figures fit to compare with a table: grounded, exact, of the whole report year, and counting
// the measure itself (not a share of it, such as the applications of 自然人).
function comparable(input: NarrativeCheckInput): Figure[] {
  return evidenceFigures(input.facts).filter(
    (figure) => !figure.isShare && !figure.approximate && figure.period === 'year' && isOfReportYear(figure, input.meta),
  );
}

/** Stated 收到 N 件, either reading: new applications, or new + carried over. */
function receivedReadings(input: NarrativeCheckInput): { readonly fresh: number; readonly withCarried: number | null } | null {
  const fresh = cellValue(input.tables, 'applications.newReceived.total');
  const carried = cellValue(input.tables, 'applications.carriedOver.total');
  if (fresh === null || fresh === undefined) return null;
  return { fresh, withCarried: carried === null || carried === undefined ? null : fresh + carried };
}

/** narrative.applicationsMismatch: 收到 N 件 must be the new applications, or new + carried over. */
export function checkApplications(input: NarrativeCheckInput): Finding[] {
  const readings = receivedReadings(input);
  if (!readings) return [];
  const { fresh, withCarried } = readings;
  // "共受理 N 件（含上年结转 M 件）" says which reading it is; a plain 收到 may be either.
  return distinctByValue(comparable(input).filter((figure) => figure.measure === 'received' || figure.measure === 'receivedWithCarriedOver'))
    .filter((figure) => figure.number.value !== withCarried && (figure.measure === 'receivedWithCarriedOver' || figure.number.value !== fresh))
    .map((figure) =>
      createFinding({
        id: 'narrative.applicationsMismatch',
        severity: 'error',
        path: 'narrative.applications.received',
        message: pick(
          input.language,
          `正文说收到申请 ${figure.number.value} 件（${quoted(figure.number.quote)}），但表三本年新收为 ${fresh} 件${withCarried === null ? '' : `，新收加上年结转为 ${withCarried} 件`}，两种理解都对不上`,
          `the prose states ${figure.number.value} applications received (${quoted(figure.number.quote)}) but table 3 has ${fresh} new${withCarried === null ? '' : ` and ${withCarried} new + carried over`}: neither reading matches`,
        ),
        expected: fresh,
        actual: figure.number.value,
        difference: figure.number.value - fresh,
        spans: figure.number.span ? [figure.number.span] : [],
      }),
    );
}

/** Which reading of the stated 收到 matched table 3, for the result to say (null when none or no table). */
export function matchedReceivedReading(input: NarrativeCheckInput): 'new' | 'newAndCarriedOver' | null {
  const readings = receivedReadings(input);
  const received = comparable(input).find((figure) => figure.measure === 'received' || figure.measure === 'receivedWithCarriedOver');
  if (!readings || !received) return null;
  if (received.number.value === readings.fresh) return 'new';
  return received.number.value === readings.withCarried ? 'newAndCarriedOver' : null;
}

/**
 * narrative.outcomeMismatch (table 3's outcomes, 办结 and 结转下年度) and
 * narrative.reviewLitigationMismatch (table 4's totals): a stated count against the table.
 */
export function checkTableCounts(input: NarrativeCheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const figure of distinctByValue(comparable(input).filter((candidate) => candidate.measure !== 'received' && candidate.measure !== 'receivedWithCarriedOver'))) {
    const paths = tablePathsOf(figure.measure, input.tables);
    if (!paths) continue;
    const table = sumCells(input.tables, paths);
    if (table === null || table === figure.number.value) continue;
    const id: FindingId = figure.topic === 'reviewLitigation' ? 'narrative.reviewLitigationMismatch' : 'narrative.outcomeMismatch';
    const tableName = figure.topic === 'reviewLitigation' ? pick(input.language, '表四', 'table 4') : pick(input.language, '表三', 'table 3');
    findings.push(
      createFinding({
        id,
        severity: 'error',
        path: figureKey(figure),
        message: pick(
          input.language,
          `正文说${describeFigure(figure, 'zh')} ${figure.number.value} 件（${quoted(figure.number.quote)}），${tableName}为 ${table} 件`,
          `the prose states ${figure.number.value} ${describeFigure(figure, 'en')} (${quoted(figure.number.quote)}) but ${tableName} has ${table}`,
        ),
        expected: table,
        actual: figure.number.value,
        difference: figure.number.value - table,
        spans: figure.number.span ? [figure.number.span] : [],
      }),
    );
  }
  return findings;
}

const GROUPS = {
  reviews: ['review'],
  lawsuits: ['litigationDirect', 'litigationAfterReview'],
  reviewsAndLawsuits: ['review', 'litigationDirect', 'litigationAfterReview'],
} as const;

/** narrative.reviewOutcomeClaim: 均获维持 / 无被纠错 / 均已审结 against table 4's 纠正 and 尚未审结. */
export function checkReviewClaims(input: NarrativeCheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const claim of input.facts.reviewLitigation.claims.filter((candidate) => candidate.grounded)) {
    const groups = GROUPS[claim.about];
    const corrected = sumCells(input.tables, groups.map((group) => `reviewLitigation.${group}.corrected`));
    const pending = sumCells(input.tables, groups.map((group) => `reviewLitigation.${group}.pending`));
    const refutedBy = [
      ...(claim.claim !== 'allConcluded' && corrected !== null && corrected > 0 ? [pick(input.language, `结果纠正 ${corrected} 件`, `${corrected} corrected`)] : []),
      ...(claim.claim !== 'noneCorrected' && pending !== null && pending > 0 ? [pick(input.language, `尚未审结 ${pending} 件`, `${pending} pending`)] : []),
    ];
    if (refutedBy.length === 0) continue;
    findings.push(
      createFinding({
        id: 'narrative.reviewOutcomeClaim',
        severity: 'error',
        path: claimKey(claim),
        message: pick(
          input.language,
          `正文说${measureLabel(claim.about, 'zh')}${quoted(claim.quote)}，但表四${measureLabel(claim.about, 'zh')}有${refutedBy.join('、')}`,
          `the prose says of the ${measureLabel(claim.about, 'en')} ${quoted(claim.quote)} but table 4 has ${refutedBy.join(' and ')}`,
        ),
        spans: claim.span ? [claim.span] : [],
      }),
    );
  }
  return findings;
}

// One finding per distinct value of a measure: the same wrong figure stated twice is one problem.
function distinctByValue(figures: readonly Figure[]): Figure[] {
  const seen = new Set<string>();
  return figures.filter((figure) => {
    const key = `${figureKey(figure)}=${figure.number.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
