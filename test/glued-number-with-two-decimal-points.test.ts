// Regression test for a bug found by the property test of the parser (now test/fuzz-slice.test.ts and npm run fuzz): in text whose digits are
// glued to the labels (PDF copies such as fixtures/pingtan-2023-txt), a run of digits with two
// decimal points ("5949.08.8667", an OCR or typing slip) is read as one number whose value is NaN.
// The result then failed resultSchema. Such a run is now an unreadable cell: null, with a
// table.missingCell finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { resultSchema } from '../src/report/schemas.js';

const PINGTAN_2023 = new URL('../fixtures/pingtan-2023-txt/report.txt', import.meta.url);

function analyzeText(text: string) {
  return analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
}

describe('a glued number with two decimal points', () => {
  const original = readFileSync(PINGTAN_2023, 'utf8');

  it('the fixture prints the fee as 行政事业性收费5949.088667 (one decimal point)', () => {
    expect(original).toContain('行政事业性收费5949.088667');
    expect(analyzeText(original).tables.activeDisclosure?.fees.amountWanYuan).toBe(5949.088667);
  });

  it.each([
    ['the fee', '行政事业性收费5949.088667', '行政事业性收费5949.08.8667', 'fees'],
    ['a decision count', '行政许可2629', '行政许可26.2.9', 'licensing'],
  ] as const)('%s is never NaN', (_name, from, to, row) => {
    const result = analyzeText(original.replace(from, to));
    const cell = result.tables.activeDisclosure?.[row];
    expect(Object.values(cell ?? {}).some((value) => Number.isNaN(value))).toBe(false);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.findings.map((finding) => `${finding.id}@${finding.path}`)).toContain(`table.missingCell@activeDisclosure.${row}`);
  });
});
