import { describe, expect, it } from 'vitest';
import type { CellSource, CellValue, Finding, FindingId } from '../report/schemas.js';
import { createCheckInput, createZeroTables, withCells } from './__fixtures__/create-check-input.js';
import type { Language } from './language.js';
import { checkSums } from './sum-checks.js';

type Cells = Readonly<Record<string, CellValue>>;

// A consistent table 3: 5 + 2 new, 1 carried over; 4 granted, 1 partly, 2 not held; 1 carried forward.
const CONSISTENT: Cells = {
  'applications.newReceived.naturalPerson': 5,
  'applications.newReceived.commercial': 2,
  'applications.newReceived.total': 7,
  'applications.carriedOver.naturalPerson': 1,
  'applications.carriedOver.total': 1,
  'applications.granted.naturalPerson': 3,
  'applications.granted.commercial': 1,
  'applications.granted.total': 4,
  'applications.partiallyGranted.naturalPerson': 1,
  'applications.partiallyGranted.total': 1,
  'applications.unavailable.notHeld.naturalPerson': 1,
  'applications.unavailable.notHeld.commercial': 1,
  'applications.unavailable.notHeld.total': 2,
  'applications.totalHandled.naturalPerson': 5,
  'applications.totalHandled.commercial': 2,
  'applications.totalHandled.total': 7,
  'applications.carriedForward.naturalPerson': 1,
  'applications.carriedForward.total': 1,
};

function run(cells: Cells, language: Language = 'zh', sources: Record<string, CellSource> = {}): Finding[] {
  return checkSums(createCheckInput({ tables: withCells(createZeroTables(), cells), language, cells: sources }));
}

function keys(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.id} ${finding.path}`);
}

describe('checkSums: rules that hold', () => {
  it.each<[string, Cells]>([
    ['an all-zero report', {}],
    ['a consistent table 3', CONSISTENT],
    ['table 4 with every group filled', {
      'reviewLitigation.review.upheld': 1, 'reviewLitigation.review.corrected': 1, 'reviewLitigation.review.total': 2,
      'reviewLitigation.litigationDirect.upheld': 4, 'reviewLitigation.litigationDirect.pending': 1, 'reviewLitigation.litigationDirect.total': 5,
      'reviewLitigation.litigationAfterReview.other': 1, 'reviewLitigation.litigationAfterReview.pending': 1, 'reviewLitigation.litigationAfterReview.total': 2,
    }],
    // 0.1 + 0.2 !== 0.3 in floating point; the rule must still hold.
    ['decimals that float addition gets wrong (0.1 + 0.2 = 0.3)', {
      'reviewLitigation.review.upheld': 0.1, 'reviewLitigation.review.corrected': 0.2, 'reviewLitigation.review.total': 0.3,
    }],
    ['a fee of six decimal places (万元), which no sum rule involves', { 'activeDisclosure.fees.amountWanYuan': 5949.088667 }],
    // Blank cells: every rule that involves them is unchecked, even though the printed numbers disagree.
    ['a blank part next to a wrong row total', {
      'reviewLitigation.review.upheld': null, 'reviewLitigation.review.total': 3,
    }],
    ['blank 总计 cells of rows whose parts add up to 9', {
      'applications.newReceived.naturalPerson': 9, 'applications.newReceived.total': 9,
      'applications.granted.naturalPerson': 9, 'applications.granted.total': null,
      'applications.totalHandled.naturalPerson': 9, 'applications.totalHandled.total': null,
    }],
  ])('%s: no finding', (_name, cells) => {
    expect(run(cells)).toEqual([]);
  });

  it('no finding when table 3 or table 4 is absent', () => {
    const input = createCheckInput({ tables: { ...createZeroTables(), applications: null, reviewLitigation: null } });
    expect(checkSums(input)).toEqual([]);
  });
});

describe('checkSums: broken rules', () => {
  it.each<[string, Cells, readonly string[]]>([
    ['新收 total off by one', { 'applications.newReceived.total': 1 }, [
      'applications.rowTotal applications.newReceived',
      'applications.balance applications.*.total',
    ]],
    ['a granted natural-person count without its totals', { 'applications.granted.naturalPerson': 3 }, [
      'applications.rowTotal applications.granted',
      'applications.handledTotal applications.*.naturalPerson',
    ]],
    ['a （七）总计 cell that is not the row total', { 'applications.totalHandled.commercial': 2 }, [
      'applications.rowTotal applications.totalHandled',
      'applications.handledTotal applications.*.commercial',
      'applications.balance applications.*.commercial',
    ]],
    ['上年结转 without a carry forward', { 'applications.carriedOver.research': 1, 'applications.carriedOver.total': 1 }, [
      'applications.balance applications.*.research',
      'applications.balance applications.*.total',
    ]],
    ['a nested row (不予公开 / 国家秘密)', { 'applications.denied.stateSecret.total': 2 }, [
      'applications.rowTotal applications.denied.stateSecret',
      'applications.handledTotal applications.*.total',
    ]],
    ['行政复议 total', { 'reviewLitigation.review.upheld': 1 }, ['reviewLitigation.total reviewLitigation.review']],
    ['复议后起诉 total', { 'reviewLitigation.litigationAfterReview.total': 2 }, ['reviewLitigation.total reviewLitigation.litigationAfterReview']],
    ['decimals one millionth apart', { 'reviewLitigation.review.upheld': 0.1, 'reviewLitigation.review.corrected': 0.2, 'reviewLitigation.review.total': 0.300001 }, [
      'reviewLitigation.total reviewLitigation.review',
    ]],
    ['a blank cell leaves only the rules without it', {
      'applications.newReceived.naturalPerson': null, 'applications.newReceived.total': 4,
    }, ['applications.balance applications.*.total']],
  ])('%s', (_name, cells, expected) => {
    const findings = run(cells);
    expect(keys(findings)).toEqual(expected);
    for (const finding of findings) expect(finding.severity).toBe('error');
  });

  it('states both sides of the rule and their difference', () => {
    const [rowTotal, balance] = run({ 'applications.newReceived.total': 1 });
    expect(rowTotal).toMatchObject({ actual: 1, expected: 0, difference: 1 });
    expect(balance).toMatchObject({ actual: 1, expected: 0, difference: 1 });
  });

  it('computes decimal differences exactly', () => {
    const [finding] = run({ 'reviewLitigation.review.upheld': 0.1, 'reviewLitigation.review.corrected': 0.21, 'reviewLitigation.review.total': 0.3 });
    expect(finding).toMatchObject({ actual: 0.3, expected: 0.31, difference: -0.01 });
  });

  it('lists the cells of the rule with labels, values and spans from the report', () => {
    const sources: Record<string, CellSource> = {
      'applications.granted.total': { raw: '4', span: { start: 2410, end: 2411 }, rowLabel: '(一)予以公开', columnLabel: '总计', placement: 'printed' },
      'applications.granted.naturalPerson': { raw: '3', span: { start: 2398, end: 2399 }, rowLabel: '(一)予以公开', columnLabel: '自然人', placement: 'printed' },
    };
    const [finding] = run({ 'applications.granted.naturalPerson': 3, 'applications.granted.total': 4 }, 'zh', sources);
    expect(finding!.cells).toHaveLength(7);
    expect(finding!.cells[0]).toEqual({ path: 'applications.granted.total', rowLabel: '(一)予以公开', columnLabel: '总计', value: 4, span: { start: 2410, end: 2411 } });
    expect(finding!.cells[1]).toEqual({ path: 'applications.granted.naturalPerson', rowLabel: '(一)予以公开', columnLabel: '自然人', value: 3, span: { start: 2398, end: 2399 } });
    // Cells the report did not print get the template's labels and no span.
    expect(finding!.cells[2]).toEqual({ path: 'applications.granted.commercial', rowLabel: '（一）予以公开', columnLabel: '商业企业', value: 0, span: null });
    expect(finding!.spans).toEqual([{ start: 2410, end: 2411 }, { start: 2398, end: 2399 }]);
  });

  it('never changes the extracted values', () => {
    const tables = withCells(createZeroTables(), { 'applications.granted.naturalPerson': 3 });
    const before = structuredClone(tables);
    checkSums(createCheckInput({ tables }));
    expect(tables).toEqual(before);
  });
});

describe('checkSums: suggestions', () => {
  type Suggested = { path: string; value: number } | null;
  it.each<[string, Cells, Cells, number, Suggested]>([
    // 总计 row, 自然人 column: the one cell in all three kinds of rule.
    ['a typo in （七）总计 / 自然人 breaks rowTotal, handledTotal and balance', CONSISTENT,
      { 'applications.totalHandled.naturalPerson': 6 }, 3, { path: 'applications.totalHandled.naturalPerson', value: 5 }],
    ['a typo in 予以公开 / 自然人', CONSISTENT,
      { 'applications.granted.naturalPerson': 2 }, 2, { path: 'applications.granted.naturalPerson', value: 3 }],
    ['a typo in a 总计 cell', CONSISTENT,
      { 'applications.granted.total': 5 }, 2, { path: 'applications.granted.total', value: 4 }],
    ['a typo in 本年新收 / 总计', CONSISTENT,
      { 'applications.newReceived.total': 8 }, 2, { path: 'applications.newReceived.total', value: 7 }],
    ['a stray count in an all-zero report', {},
      { 'applications.notProcessed.duplicate.legalService': 3 }, 2, { path: 'applications.notProcessed.duplicate.legalService', value: 0 }],
    ['two typos: no single cell mends both', CONSISTENT,
      { 'applications.granted.naturalPerson': 2, 'applications.partiallyGranted.total': 3 }, 4, null],
    // Either 维持 → 0 or 总计 → 1 mends it: not unique.
    ['a table 4 group with two possible fixes', {}, { 'reviewLitigation.review.upheld': 1 }, 1, null],
    ['上年结转 dropped to zero: every candidate cell is in a rule that holds', CONSISTENT,
      { 'applications.carriedOver.naturalPerson': 0, 'applications.carriedOver.total': 0 }, 2, null],
  ])('%s', (_name, base, typo, count, suggested) => {
    const findings = run({ ...base, ...typo });
    expect(findings).toHaveLength(count);
    const suggestions = findings.map(({ suggestion }) => suggestion && { path: suggestion.path, value: suggestion.value });
    expect(suggestions).toEqual(findings.map(() => suggested));
  });

  it('one typo in a non-total cell: three kinds of rule break, all suggest the same cell', () => {
    const findings = run({ ...CONSISTENT, 'applications.totalHandled.naturalPerson': 6 });
    expect(keys(findings)).toEqual([
      'applications.rowTotal applications.totalHandled',
      'applications.handledTotal applications.*.naturalPerson',
      'applications.balance applications.*.naturalPerson',
    ]);
    expect(findings.map((finding) => finding.difference)).toEqual([-1, 1, -1]);
    expect(new Set(findings.map((finding) => finding.suggestion?.message)).size).toBe(1);
  });

  it('is found per table: an unrelated error in table 4 does not hide table 3\'s, and says which table it mends', () => {
    const findings = run({ ...CONSISTENT, 'applications.totalHandled.naturalPerson': 6, 'reviewLitigation.review.upheld': 1 });
    const table3 = findings.filter((finding) => finding.id.startsWith('applications.'));
    const table4 = findings.filter((finding) => finding.id.startsWith('reviewLitigation.'));
    expect(table3).toHaveLength(3);
    expect(table3.map((finding) => finding.suggestion?.path)).toEqual(table3.map(() => 'applications.totalHandled.naturalPerson'));
    expect(table3[0]!.suggestion!.message).toBe('若“（七）总计”行“自然人”为 5（现为 6），表三中所有不符的勾稽关系都能成立');
    // Table 4's own error has two possible fixes: no suggestion there.
    expect(table4.map((finding) => finding.suggestion)).toEqual([null]);
  });

  it('names the cell and the value in the suggestion message', () => {
    const typo = { ...CONSISTENT, 'applications.totalHandled.naturalPerson': 6 };
    const [zh] = run(typo, 'zh');
    const [en] = run(typo, 'en');
    expect(zh!.suggestion!.message).toBe('若“（七）总计”行“自然人”为 5（现为 6），所有不符的勾稽关系都能成立');
    expect(en!.suggestion!.message).toBe('if “（七）总计” / “自然人” were 5 (it reads 6), every broken rule would hold');
  });
});

describe('checkSums: messages', () => {
  const typo = { ...CONSISTENT, 'applications.totalHandled.naturalPerson': 6 };

  it.each<[Language, FindingId, string]>([
    ['zh', 'applications.rowTotal', '“（七）总计”行：六类申请人合计 8，“总计”列为 7，相差 -1'],
    ['zh', 'applications.handledTotal', '“自然人”列：各项办理结果合计 5，“（七）总计”为 6，相差 1'],
    ['zh', 'applications.balance', '“自然人”列：本年新收 + 上年结转 = 6，而办理结果总计 + 结转下年度 = 7，相差 -1（第一项加第二项之和应等于第三项加第四项之和）'],
    ['en', 'applications.rowTotal', '“（七）总计”: the six applicant columns add up to 8 but 总计 says 7 (difference -1)'],
    ['en', 'applications.handledTotal', 'column “自然人”: the handling results add up to 5 but （七）总计 says 6 (difference 1)'],
    ['en', 'applications.balance', 'column “自然人”: new + carried over = 6 but handled + carried forward = 7 (difference -1)'],
  ])('%s %s', (language, id, message) => {
    const finding = run(typo, language).find((candidate) => candidate.id === id);
    expect(finding?.message).toBe(message);
  });

  it.each<[Language, string, string]>([
    ['zh', 'reviewLitigation.review', '行政复议：维持、纠正、其他、尚未审结合计 1，“总计”为 0，相差 -1'],
    ['zh', 'reviewLitigation.litigationDirect', '行政诉讼/未经复议直接起诉：维持、纠正、其他、尚未审结合计 1，“总计”为 0，相差 -1'],
    ['en', 'reviewLitigation.review', '行政复议: upheld + corrected + other + pending = 1 but 总计 says 0 (difference -1)'],
    ['en', 'reviewLitigation.litigationAfterReview', '行政诉讼/复议后起诉: upheld + corrected + other + pending = 1 but 总计 says 0 (difference -1)'],
  ])('%s %s', (language, path, message) => {
    const group = path.split('.')[1]!;
    const [finding] = run({ [`reviewLitigation.${group}.pending`]: 1 }, language);
    expect(finding).toMatchObject({ id: 'reviewLitigation.total', path, message });
  });

  it('defaults to Chinese', () => {
    const input = createCheckInput({ tables: withCells(createZeroTables(), { 'applications.granted.total': 1 }) });
    expect(input.language).toBe('zh');
    expect(checkSums(input)[0]!.message).toMatch(/^“（一）予以公开”行：六类申请人合计 0，“总计”列为 1，相差 1$/);
  });
});
