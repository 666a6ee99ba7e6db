import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS, type RowTemplate } from '../report/template.js';
import {
  createCheckInput,
  createParse,
  printedRow,
  REVIEW_LITIGATION_TEMPLATE,
  type ParsedRow,
  type RowReading,
} from './__fixtures__/create-check-input.js';
import { checkAmbiguousRows, checkMissingCells } from './cell-checks.js';
import type { Language } from './language.js';

const GRANTED = APPLICATION_ROWS.find((row) => row.path === 'granted')!;
const STATE_SECRET = APPLICATION_ROWS.find((row) => row.path === 'denied.stateSecret')!;

function applicationsWith(replace: Record<string, ParsedRow>, language: Language = 'zh') {
  return createCheckInput({ parses: [createParse('applications', { replace })], language });
}

function ambiguous(template: RowTemplate, reading: Extract<RowReading, { kind: 'ambiguous' }>): ParsedRow {
  return { template, printedLabel: template.label, labelSpan: { start: 2300, end: 2307 }, reading };
}

describe('checkMissingCells (table.missingCell)', () => {
  it('no finding when every cell is printed', () => {
    expect(checkMissingCells(createCheckInput())).toEqual([]);
  });

  it('one finding per row, naming the blank columns and pointing at them', () => {
    const row = printedRow(GRANTED, [3, null, 0, 0, null, 0, 3], 2400);
    const [finding, ...rest] = checkMissingCells(applicationsWith({ granted: row }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'table.missingCell',
      severity: 'warning',
      path: 'applications.granted',
      message: '“收到和处理政府信息公开申请情况”表“（一）予以公开”有 2 个单元格空白或无法识别（商业企业、法律服务机构）：不按 0 计',
      expected: null,
      actual: null,
      suggestion: null,
    });
    expect(finding!.cells.map((cell) => cell.path)).toEqual(['applications.granted.commercial', 'applications.granted.legalService']);
  });

  it('uses the label as printed', () => {
    const row = { ...printedRow(STATE_SECRET, [null, 0, 0, 0, 0, 0, 0]), printedLabel: '1.属于国家秘密' };
    const [finding] = checkMissingCells(applicationsWith({ 'denied.stateSecret': row }));
    expect(finding).toMatchObject({ path: 'applications.denied.stateSecret' });
    expect(finding!.message).toContain('“1.属于国家秘密”有 1 个单元格空白或无法识别（自然人）');
  });

  it('table 4: one finding per blank group, not one for the printed row', () => {
    const values = [0, 0, 0, null, 0, null, 0, 0, 0, null, 0, 0, 0, 0, 0];
    const input = createCheckInput({ parses: [createParse('reviewLitigation', { replace: { '': printedRow(REVIEW_LITIGATION_TEMPLATE, values) } })] });
    const findings = checkMissingCells(input);
    expect(findings.map((finding) => finding.path)).toEqual(['reviewLitigation.review', 'reviewLitigation.litigationDirect']);
    expect(findings[0]!.message).toBe('“行政复议、行政诉讼情况”表“行政复议”有 1 个单元格空白或无法识别（行政复议/尚未审结）：不按 0 计');
    expect(findings[1]!.cells.map((cell) => cell.path)).toEqual(['reviewLitigation.litigationDirect.upheld', 'reviewLitigation.litigationDirect.total']);
    expect(findings[1]!.message).toContain('“行政诉讼/未经复议直接起诉”有 2 个单元格空白或无法识别（行政诉讼/未经复议直接起诉/结果维持、行政诉讼/未经复议直接起诉/总计）');
  });

  it('in English', () => {
    const row = printedRow(GRANTED, [3, null, 0, 0, 0, 0, 3]);
    const [finding] = checkMissingCells(applicationsWith({ granted: row }, 'en'));
    expect(finding!.message).toBe('“（一）予以公开” in the applications table has 1 blank or unreadable cell(s) (商业企业); not read as 0');
  });

  it('leaves rows that were not found or not placed to the other checks', () => {
    const notFound: ParsedRow = { template: GRANTED, printedLabel: null, labelSpan: null, reading: null };
    const unplaced = ambiguous(STATE_SECRET, { kind: 'ambiguous', reason: 'no-reading', candidates: [], span: { start: 1, end: 9 } });
    expect(checkMissingCells(applicationsWith({ granted: notFound, 'denied.stateSecret': unplaced }))).toEqual([]);
  });
});

describe('checkAmbiguousRows (table.ambiguousRow)', () => {
  it('no finding when every row is placed', () => {
    expect(checkAmbiguousRows(createCheckInput())).toEqual([]);
  });

  // Two readings of the same glued digits, both satisfying 总计 = the six applicant columns.
  const candidates = [
    [1, 0, 0, 0, 0, 0, 1],
    [0, 1, 0, 0, 0, 0, 1],
  ];

  it.each<[Language, RowReading & { kind: 'ambiguous' }, string]>([
    ['zh', { kind: 'ambiguous', reason: 'several-readings', candidates, span: { start: 2300, end: 2320 } },
      '“收到和处理政府信息公开申请情况”表“（一）予以公开”行的数字无法确定地分到各列（有 2 种拆分都说得通），该行保持空值。候选读法：1/0/0/0/0/0/1；0/1/0/0/0/0/1'],
    ['en', { kind: 'ambiguous', reason: 'several-readings', candidates, span: { start: 2300, end: 2320 } },
      'the numbers of “（一）予以公开” in the applications table cannot be placed in columns with certainty (2 readings are possible); the row is left null. Candidates: 1/0/0/0/0/0/1; 0/1/0/0/0/0/1'],
    ['zh', { kind: 'ambiguous', reason: 'several-readings', candidates: [], span: { start: 2300, end: 2320 } },
      '“收到和处理政府信息公开申请情况”表“（一）予以公开”行的数字无法确定地分到各列（有 过多 种拆分都说得通），该行保持空值'],
    ['zh', { kind: 'ambiguous', reason: 'too-many-values', candidates: [], span: { start: 2300, end: 2320 } },
      '“收到和处理政府信息公开申请情况”表“（一）予以公开”行的数字无法确定地分到各列（数字比单元格多），该行保持空值'],
    ['en', { kind: 'ambiguous', reason: 'no-reading', candidates: [], span: { start: 2300, end: 2320 } },
      'the numbers of “（一）予以公开” in the applications table cannot be placed in columns with certainty (no reading satisfies the row total); the row is left null'],
  ])('%s: %s', (language, reading, message) => {
    const [finding, ...rest] = checkAmbiguousRows(applicationsWith({ granted: ambiguous(GRANTED, reading) }, language));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'table.ambiguousRow',
      severity: 'warning',
      path: 'applications.granted',
      message,
      candidates: reading.candidates,
      spans: [{ start: 2300, end: 2320 }],
    });
    // The row's cells are listed so a reader (and the terminal rendering) can mark them.
    expect(finding!.cells.map((cell) => cell.path)).toEqual(
      ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((column) => `applications.granted.${column}`),
    );
  });

  it('shows a blank in a candidate as 空 and keeps it null in the data', () => {
    const reading = { kind: 'ambiguous', reason: 'several-readings', candidates: [[null, 2, 0, 0, 0, 0, 2], [2, null, 0, 0, 0, 0, 2]], span: { start: 0, end: 5 } } as const;
    const [finding] = checkAmbiguousRows(applicationsWith({ granted: ambiguous(GRANTED, reading) }));
    expect(finding!.message).toContain('候选读法：空/2/0/0/0/0/2；2/空/0/0/0/0/2');
    expect(finding!.candidates).toEqual([[null, 2, 0, 0, 0, 0, 2], [2, null, 0, 0, 0, 0, 2]]);
  });
});
