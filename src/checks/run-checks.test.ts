import { describe, expect, it } from 'vitest';
import { findingSchema, type ReportFormat } from '../report/schemas.js';
import { APPLICATION_ROWS } from '../report/template.js';
import { createCheckInput, createParse, createSections, createZeroTables, printedRow, withCells } from './__fixtures__/create-check-input.js';
import { runChecks, TABLE_CHECKS, type Check } from './run-checks.js';

const GRANTED = APPLICATION_ROWS.find((row) => row.path === 'granted')!;

describe('runChecks', () => {
  it('a clean 2021 report has no finding', () => {
    expect(runChecks(createCheckInput())).toEqual([]);
  });

  it.each<[ReportFormat]>([['pre2019'], ['unknown']])('a %s report gets no table finding (it is not forced)', (format) => {
    const input = createCheckInput({ format, sections: [], parses: [createParse('applications', { region: null })] });
    expect(runChecks(input)).toEqual([]);
  });

  it('lists findings in catalogue order: structure, ambiguous, missing, sums', () => {
    const input = createCheckInput({
      sections: createSections(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems']),
      tables: withCells(createZeroTables(), { 'applications.granted.commercial': null, 'reviewLitigation.review.total': 1 }),
      parses: [
        createParse('activeDisclosure', { leftovers: [{ start: 5, end: 6 }] }),
        createParse('applications', { replace: { granted: printedRow(GRANTED, [0, null, 0, 0, 0, 0, 0]) } }),
        createParse('reviewLitigation'),
      ],
    });
    const findings = runChecks(input);
    expect(findings.map((finding) => `${finding.id} ${finding.path}`)).toEqual([
      'structure.missingSection sections.otherMatters',
      'structure.tableShape tables.activeDisclosure',
      'table.missingCell applications.granted',
      'reviewLitigation.total reviewLitigation.review',
    ]);
    for (const finding of findings) expect(findingSchema.safeParse(finding).success).toBe(true);
  });

  it('runs the checks it is given', () => {
    const calls: string[] = [];
    const fake: Check = (input) => {
      calls.push(input.language);
      return [];
    };
    expect(runChecks(createCheckInput({ language: 'en' }), [fake, fake])).toEqual([]);
    expect(calls).toEqual(['en', 'en']);
    expect(TABLE_CHECKS).toHaveLength(5);
  });
});
