import { describe, expect, it } from 'vitest';
import { compareTables, findingKeys } from '../src/eval/compare-result.js';
import { loadFixtures } from '../src/eval/load-fixtures.js';
import { readReport } from '../src/pipeline/read-report.js';
import { resultSchema } from '../src/report/schemas.js';

const fixtures = await loadFixtures(new URL('../fixtures', import.meta.url).pathname);

// Fixtures whose tables the parser cannot yet lay out exactly (PDF-to-Markdown and OCR output
// with rows printed out of order). Their accuracy is measured, not asserted, until it is exact.
const KNOWN_INEXACT = new Set(['shanghai-gov-office-2025-md', 'shanghai-stcsm-2024-md', 'shuyang-county-2025-ocr-md']);

describe('hand-labelled fixtures', () => {
  it('has at least the five seeds and the corpus text documents', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  const exact = fixtures.filter((fixture) => !KNOWN_INEXACT.has(fixture.id));
  it.each(exact.map((fixture) => [fixture.id, fixture] as const))('%s: tables, meta, format and findings match the label', async (_id, fixture) => {
    const result = await readReport(fixture.documentPath);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.template.format).toBe(fixture.expected.format);
    expect(result.meta).toEqual(fixture.expected.meta);
    expect(compareTables(fixture.expected, result)).toEqual([]);
    expect(findingKeys(result.findings)).toEqual(findingKeys(fixture.expected.findings));
  });

  it.each([...KNOWN_INEXACT].map((id) => [id] as const))('%s: still reads the meta and never throws', async (id) => {
    const fixture = fixtures.find((candidate) => candidate.id === id)!;
    const result = await readReport(fixture.documentPath);
    expect(result.meta).toEqual(fixture.expected.meta);
    expect(result.template.format).toBe('2021');
  });
});
