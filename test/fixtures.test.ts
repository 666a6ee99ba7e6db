import { describe, expect, it } from 'vitest';
import { compareTables, findingKeys } from '../src/eval/compare-result.js';
import { loadFixtures } from '../src/eval/load-fixtures.js';
import { readReport } from '../src/pipeline/read-report.js';
import { resultSchema } from '../src/report/schemas.js';

const fixtures = await loadFixtures(new URL('../fixtures', import.meta.url).pathname);

describe('hand-labelled fixtures', () => {
  it('has at least the five seeds and the corpus text documents', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s: tables, meta, format and findings match the label', async (_id, fixture) => {
    const result = await readReport(fixture.documentPath);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.template.format).toBe(fixture.expected.format);
    expect(result.meta).toEqual(fixture.expected.meta);
    expect(compareTables(fixture.expected, result)).toEqual([]);
    expect(findingKeys(result.findings)).toEqual(findingKeys(fixture.expected.findings));
  });
});
