import type { FindingId, Result } from '../report/schemas.js';
import { APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS } from '../report/template.js';
import { cellValue } from './equations.js';
import { pick, type Language } from './language.js';

/** What the cross-year checks need of one report: small enough to hold for a whole run. */
export type YearRecord = {
  readonly path: string;
  readonly sha256: string;
  readonly agency: string;
  readonly year: number;
  readonly format: string;
  /** Cell values by full path ("applications.carriedOver.total"), only the ones compared. */
  readonly cells: Readonly<Record<string, number | null>>;
};

export type CrossYearFinding = {
  readonly id: Extract<FindingId, 'crossYear.carryOver' | 'crossYear.inForce'>;
  readonly severity: 'error' | 'warning';
  /** The agency as both reports print it, and the name they were matched under. */
  readonly agency: { readonly previous: string; readonly current: string; readonly matchedAs: string };
  readonly previous: { readonly path: string; readonly sha256: string; readonly year: number };
  readonly current: { readonly path: string; readonly sha256: string; readonly year: number };
  /** The cell of the later year that disagrees, e.g. "applications.carriedOver.total". */
  readonly path: string;
  readonly message: string;
  /** What the earlier year implies, what the later year prints, and the difference. */
  readonly expected: number;
  readonly actual: number;
  readonly difference: number;
};

const DOCUMENT_ROWS = ['regulations', 'normativeDocuments'] as const;
const ROW_LABELS = { regulations: '规章', normativeDocuments: '行政规范性文件' } as const;

/** The cells the checks read, taken from a result (a 2019-template table 2 has no 现行有效). */
export function yearRecordOf(result: Result): YearRecord | null {
  const { agency, year } = result.meta;
  if (!agency || year === null || !result.tables.applications) return null;
  const paths = APPLICATION_COLUMNS.flatMap((column) => [`applications.carriedOver.${column}`, `applications.carriedForward.${column}`]);
  if (result.template.format === '2021') {
    paths.push(...DOCUMENT_ROWS.flatMap((row) => ['issued', 'repealed', 'inForce'].map((column) => `activeDisclosure.${row}.${column}`)));
  }
  const cells = Object.fromEntries(paths.map((path) => [path, cellValue(result.tables, path) ?? null]));
  return { path: result.source.path, sha256: result.source.sha256, agency, year, format: result.template.format, cells };
}

/**
 * The name two years of one agency share. Width, spaces and brackets vary between years, and a
 * district or county sometimes prints its city in front ("淮安市洪泽区人民政府" and "洪泽区人民政府"):
 * a leading province or city is dropped when a place name of its own follows. "上海市人民政府办公厅"
 * keeps its city, or every city's 办公厅 would be one agency.
 */
export function agencyKey(agency: string): string {
  let name = agency.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/[（(][^）)]*[）)]/g, '');
  for (;;) {
    const match = /^[\u4e00-\u9fa5]{2,7}?(?:省|自治区|市)/.exec(name);
    const rest = match ? name.slice(match[0].length) : '';
    if (!match || !/^[\u4e00-\u9fa5]{1,8}?(?:区|县|市|旗)/.test(rest) || /^(?:人民|政府)/.test(rest)) return name;
    name = rest;
  }
}

/**
 * crossYear.carryOver (上年结转 of year Y = 结转下年度 of Y−1, per column) and crossYear.inForce
 * (现行有效 of Y = 现行有效 of Y−1 + 本年制发 − 本年废止, a warning: agencies re-baseline). Only
 * consecutive years of one agency are compared; a blank on either side is not checked.
 */
export function checkCrossYear(records: readonly YearRecord[], language: Language): CrossYearFinding[] {
  const byAgency = new Map<string, Map<number, YearRecord>>();
  for (const record of records) {
    const key = agencyKey(record.agency);
    const years = byAgency.get(key) ?? new Map<number, YearRecord>();
    // Two reports of one agency and year (a re-published copy): the first is compared.
    if (!years.has(record.year)) years.set(record.year, record);
    byAgency.set(key, years);
  }
  const findings: CrossYearFinding[] = [];
  for (const [matchedAs, years] of [...byAgency].sort(([left], [right]) => (left < right ? -1 : 1))) {
    for (const [year, current] of [...years].sort(([left], [right]) => left - right)) {
      const previous = years.get(year - 1);
      if (!previous) continue;
      const pair = {
        agency: { previous: previous.agency, current: current.agency, matchedAs },
        previous: { path: previous.path, sha256: previous.sha256, year: previous.year },
        current: { path: current.path, sha256: current.sha256, year: current.year },
      };
      findings.push(...carryOver(previous, current, pair, language), ...inForce(previous, current, pair, language));
    }
  }
  return findings;
}

/** How far the cross-year checks reached: the pairs compared, and the reports that had no pair and why. */
export type CrossYearCoverage = {
  /** Pairs of one agency's consecutive years compared. */
  readonly compared: number;
  /** Second reports of one agency and year (a re-published copy): the first is compared. */
  readonly sameYearCopies: number;
  /** Reports of an agency with other years here, but not the year before or after this one. */
  readonly noNeighbourYear: number;
  /** Reports of an agency with no other year here. */
  readonly singleYear: number;
};

export function crossYearCoverage(records: readonly YearRecord[]): CrossYearCoverage {
  const byAgency = new Map<string, Map<number, number>>();
  for (const record of records) {
    const years = byAgency.get(agencyKey(record.agency)) ?? new Map<number, number>();
    years.set(record.year, (years.get(record.year) ?? 0) + 1);
    byAgency.set(agencyKey(record.agency), years);
  }
  let compared = 0;
  let sameYearCopies = 0;
  let noNeighbourYear = 0;
  let singleYear = 0;
  for (const years of byAgency.values()) {
    for (const [year, count] of years) {
      sameYearCopies += count - 1;
      if (years.has(year - 1)) compared += 1;
      if (years.size === 1) singleYear += 1;
      else if (!years.has(year - 1) && !years.has(year + 1)) noNeighbourYear += 1;
    }
  }
  return { compared, sameYearCopies, noNeighbourYear, singleYear };
}

type Pair = Pick<CrossYearFinding, 'agency' | 'previous' | 'current'>;

function carryOver(previous: YearRecord, current: YearRecord, pair: Pair, language: Language): CrossYearFinding[] {
  return APPLICATION_COLUMNS.flatMap((column) => {
    const expected = previous.cells[`applications.carriedForward.${column}`];
    const actual = current.cells[`applications.carriedOver.${column}`];
    if (expected === null || expected === undefined || actual === null || actual === undefined || expected === actual) return [];
    const label = APPLICATION_COLUMN_LABELS[column];
    return [
      {
        id: 'crossYear.carryOver' as const,
        severity: 'error' as const,
        ...pair,
        path: `applications.carriedOver.${column}`,
        message: pick(
          language,
          `${current.agency}：${current.year} 年“上年结转”（${label}）为 ${actual}，但 ${previous.year} 年报告“结转下年度继续办理”为 ${expected}`,
          `${current.agency}: ${current.year} carried over (${label}) ${actual}, but the ${previous.year} report carried forward ${expected}`,
        ),
        expected,
        actual,
        difference: actual - expected,
      },
    ];
  });
}

function inForce(previous: YearRecord, current: YearRecord, pair: Pair, language: Language): CrossYearFinding[] {
  if (previous.format !== '2021' || current.format !== '2021') return [];
  return DOCUMENT_ROWS.flatMap((row) => {
    const before = previous.cells[`activeDisclosure.${row}.inForce`];
    const issued = current.cells[`activeDisclosure.${row}.issued`];
    const repealed = current.cells[`activeDisclosure.${row}.repealed`];
    const actual = current.cells[`activeDisclosure.${row}.inForce`];
    if ([before, issued, repealed, actual].some((value) => value === null || value === undefined)) return [];
    const expected = before! + issued! - repealed!;
    if (expected === actual) return [];
    return [
      {
        id: 'crossYear.inForce' as const,
        severity: 'warning' as const,
        ...pair,
        path: `activeDisclosure.${row}.inForce`,
        message: pick(
          language,
          `${current.agency}：${ROW_LABELS[row]}现行有效 ${current.year} 年为 ${actual}，按 ${previous.year} 年的 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}（也可能是重新清理了底数）`,
          `${current.agency}: ${row} in force is ${actual} in ${current.year}; ${previous.year}'s ${before} + issued ${issued} − repealed ${repealed} gives ${expected} (or the count was re-baselined)`,
        ),
        expected,
        actual: actual!,
        difference: actual! - expected,
      },
    ];
  });
}
