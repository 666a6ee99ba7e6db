import { describe, expect, it } from 'vitest';
import { readRow, type RowReading, type RowRule, type ValueToken } from './read-row.js';
import { tokenizeText } from './tokens.js';

// 总计 = the six applicant columns (table 3).
const rowTotal: RowRule = (values) => values[6] === values.slice(0, 6).reduce((sum, value) => sum + value, 0);
const groupTotals: RowRule = (values) =>
  [0, 5, 10].every((start) => values[start + 4] === values.slice(start, start + 4).reduce((sum, value) => sum + value, 0));

function valuesOf(printed: string): ValueToken[] {
  return tokenizeText(printed, { start: 0, end: printed.length }).filter(
    (token): token is ValueToken => token.kind !== 'text',
  );
}

function cellsOf(reading: RowReading): (number | null)[] | undefined {
  return reading.kind === 'ambiguous' ? undefined : reading.cells.map((cell) => cell.value);
}

describe('readRow', () => {
  it.each([
    ['every cell printed, space-separated (PDF text)', '21 0 0 0 0 0 21', 7, rowTotal, 'printed', [21, 0, 0, 0, 0, 0, 21]],
    ['full-width digits and zero marks', '２ — - / 无 ０ 2', 7, rowTotal, 'printed', [2, 0, 0, 0, 0, 0, 2]],
    ['a broken sum is still read as printed (the check reports it)', '5 0 0 0 0 0 6', 7, rowTotal, 'printed', [5, 0, 0, 0, 0, 0, 6]],
    ['pipe row with trailing separators', '0 | 1 | 0 | 0 | 0 | 0 | 1 | ||', 7, rowTotal, 'printed', [0, 1, 0, 0, 0, 0, 1]],
    ['tab row: a blank cell keeps its place', '26\t\t\t\t\t\t26', 7, rowTotal, 'printed', [26, null, null, null, null, null, 26]],
    ['table 4 tab row: five blank review cells, then ten zeros', '\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', 15, groupTotals, 'printed', [null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['glued digits with one reading under the row sum (平潭 2021 本年新收)', '640020470', 7, rowTotal, 'recovered', [64, 0, 0, 2, 0, 4, 70]],
    ['glued zeros', '0000000', 7, rowTotal, 'recovered', [0, 0, 0, 0, 0, 0, 0]],
    ['a space is a hard boundary (平潭 2021 部分公开)', '500000 5', 7, rowTotal, 'recovered', [5, 0, 0, 0, 0, 0, 5]],
    ['table 4 glued (平潭 2021)', '10203120001200000', 15, groupTotals, 'recovered', [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]],
    ['table 2 glued with a single split', '000', 3, undefined, 'recovered', [0, 0, 0]],
    ['a decimal fee in one cell', '24252.311082', 1, undefined, 'printed', [24252.311082]],
  ] as const)('%s', (_name, printed, width, rule, kind, cells) => {
    const reading = readRow(valuesOf(printed), width, rule);
    expect(reading.kind).toBe(kind);
    expect(cellsOf(reading)).toEqual(cells);
  });

  it.each([
    ['glued digits with two readings (平潭 2021 予以公开)', '270020130', 7, rowTotal, [[2, 7, 0, 0, 20, 1, 30], [27, 0, 0, 2, 0, 1, 30]]],
    ['glued table-2 row with no sum rule (平潭 2021 行政规范性文件)', '693665', 3, undefined, undefined],
    ['dropped blanks that the row sum cannot place ("3 | 3 |")', '3 3', 7, rowTotal, undefined],
    ['separated cells are never split ("| 规章 | 22 | 235 |")', '22 | 235 |', 3, undefined, [[22, 235, null], [22, null, 235], [null, 22, 235]]],
  ] as const)('ambiguous: %s', (_name, printed, width, rule, candidates) => {
    const reading = readRow(valuesOf(printed), width, rule);
    expect(reading.kind).toBe('ambiguous');
    if (reading.kind !== 'ambiguous') return;
    expect(reading.candidates.length).toBeGreaterThan(1);
    if (candidates) expect(reading.candidates).toEqual(candidates);
  });

  it('no reading satisfies the row sum: ambiguous with no candidate, never a guess', () => {
    const reading = readRow(valuesOf('9999999'), 7, rowTotal);
    expect(reading).toMatchObject({ kind: 'ambiguous', reason: 'no-reading', candidates: [] });
  });

  it('recovered cells point at their own digits inside the glued run', () => {
    const printed = '一、本年新收政府信息公开申请数量640020470二、';
    const reading = readRow(valuesOf(printed), 7, rowTotal);
    expect(reading.kind).toBe('recovered');
    if (reading.kind === 'ambiguous') return;
    expect(reading.cells.map((cell) => printed.slice(cell.span.start, cell.span.end))).toEqual(['64', '0', '0', '2', '0', '4', '70']);
  });

  it('padding blanks from merged label columns and trailing tabs are trimmed (seed 001)', () => {
    const reading = readRow(valuesOf('\t5\t0\t0\t0\t0\t0\t5\t'), 7, rowTotal);
    expect(reading.kind).toBe('printed');
    expect(cellsOf(reading)).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });

  it('padding at either end that the row sum cannot decide is ambiguous', () => {
    // "\t5\t0\t0\t0\t0\t0\t": a blank 自然人 or a blank 总计; no reading satisfies the sum.
    expect(readRow(valuesOf('\t5\t0\t0\t0\t0\t0\t'), 7, rowTotal).kind).toBe('ambiguous');
  });
});
