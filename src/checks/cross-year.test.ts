import { describe, expect, it } from 'vitest';
import { readReport } from '../pipeline/read-report.js';
import type { Result } from '../report/schemas.js';
import { agencyKey, checkCrossYear, crossYearCoverage, yearRecordOf } from './cross-year.js';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const hongze2023 = await readReport(fixture('hongze-district-2023-pdf/report.pdf'), { narrative: false });
const hongze2024 = await readReport(fixture('hongze-district-2024-pdf/report.pdf'), { narrative: false });

function withCells(result: Result, cells: Record<string, number | null>): Result {
  const copy = structuredClone(result);
  for (const [path, value] of Object.entries(cells)) {
    const keys = path.split('.');
    let node = copy.tables as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return copy;
}

const records = (...results: Result[]) => results.map((result) => yearRecordOf(result)!);

describe('agencyKey', () => {
  it('matches a district printed with and without its city, across widths and spaces', () => {
    expect(agencyKey('淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('洪泽区 人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('江苏省淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('灵武市司法局（灵武市行政复议局）')).toBe('灵武市司法局');
  });

  it('keeps the city when no place of its own follows, so two cities’ offices stay apart', () => {
    expect(agencyKey('上海市人民政府办公厅')).toBe('上海市人民政府办公厅');
    expect(agencyKey('北京市人民政府办公厅')).not.toBe(agencyKey('上海市人民政府办公厅'));
    expect(agencyKey('中卫市沙坡头区司法局')).toBe('沙坡头区司法局');
  });
});

describe('checkCrossYear on the 洪泽 2023/2024 PDFs', () => {
  it('the real pair agrees: 结转 0 → 上年结转 0, 规范性文件 5 + 3 − 0 = 8 in force', () => {
    expect(hongze2023.meta.agency).toBe('洪泽区人民政府');
    expect(hongze2024.meta.agency).toBe('淮安市洪泽区人民政府');
    expect(checkCrossYear(records(hongze2023, hongze2024), 'zh')).toEqual([]);
  });

  it('fires when the years disagree, naming both reports and the match', () => {
    const changed = withCells(hongze2024, {
      'applications.carriedOver.naturalPerson': 2,
      'applications.carriedOver.total': 2,
      'activeDisclosure.normativeDocuments.inForce': 10,
    });
    const findings = checkCrossYear(records(changed, hongze2023), 'zh');
    expect(findings.map((finding) => `${finding.id}@${finding.path}`)).toEqual([
      'crossYear.carryOver@applications.carriedOver.naturalPerson',
      'crossYear.carryOver@applications.carriedOver.total',
      'crossYear.inForce@activeDisclosure.normativeDocuments.inForce',
    ]);
    expect(findings[1]).toMatchObject({
      severity: 'error',
      agency: { previous: '洪泽区人民政府', current: '淮安市洪泽区人民政府', matchedAs: '洪泽区人民政府' },
      previous: { year: 2023 },
      current: { year: 2024 },
      expected: 0,
      actual: 2,
      difference: 2,
    });
    expect(findings[2]).toMatchObject({ severity: 'warning', expected: 8, actual: 10 });
    expect(findings[2]!.message).toContain('5 + 本年制发 3 − 本年废止 0 应为 8');
  });

  it('compares only consecutive years, and not across a blank cell', () => {
    const later = withCells(hongze2024, { 'applications.carriedOver.total': 9 });
    const twoYearsOn = { ...later, meta: { ...later.meta, year: 2025 } };
    expect(checkCrossYear(records(hongze2023, twoYearsOn), 'zh')).toEqual([]);
    const blank = withCells(hongze2024, { 'applications.carriedOver.total': null, 'activeDisclosure.normativeDocuments.inForce': null });
    expect(checkCrossYear(records(hongze2023, blank), 'zh')).toEqual([]);
  });
});

describe('crossYearCoverage', () => {
  const record = (agency: string, year: number) => ({ path: `${agency}-${year}`, sha256: `${agency}-${year}`, agency, year, format: '2021' as const, cells: {} });
  it('counts the pairs compared and, for each report without one, why', () => {
    const coverage = crossYearCoverage([record('甲局', 2022), record('甲局', 2023), record('甲局', 2023), record('乙局', 2020), record('乙局', 2023), record('丙局', 2021)]);
    expect(coverage).toEqual({ compared: 1, sameYearCopies: 1, noNeighbourYear: 2, singleYear: 1 });
  });
});
