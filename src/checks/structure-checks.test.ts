import { describe, expect, it } from 'vitest';
import { ACTIVE_DISCLOSURE_ROWS, APPLICATION_ROWS, type SectionKey } from '../report/template.js';
import { createCheckInput, createParse, createSections, notFoundRow, REVIEW_LITIGATION_TEMPLATE } from './__fixtures__/create-check-input.js';
import type { Language } from './language.js';
import { checkSections, checkTableShapes } from './structure-checks.js';

describe('checkSections (structure.missingSection)', () => {
  it.each<[string, SectionKey[], string[]]>([
    ['all six sections', ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'], []],
    ['a truncated report', ['overview', 'activeDisclosure', 'applications', 'reviewLitigation'], ['sections.problems', 'sections.otherMatters']],
    ['no headings at all', [], ['sections.overview', 'sections.activeDisclosure', 'sections.applications', 'sections.reviewLitigation', 'sections.problems', 'sections.otherMatters']],
    ['a missing overview', ['activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'], ['sections.overview']],
  ])('%s', (_name, present, missing) => {
    const findings = checkSections(createCheckInput({ sections: createSections(present) }));
    expect(findings.map((finding) => finding.path)).toEqual(missing);
    for (const finding of findings) expect(finding).toMatchObject({ id: 'structure.missingSection', severity: 'error' });
  });

  it.each<[Language, string]>([
    ['zh', '缺少第五部分“政府信息公开工作存在的主要问题及改进情况”：报告中找不到这一节的标题'],
    ['en', 'section problems (“五、政府信息公开工作存在的主要问题及改进情况”) is missing: no heading for it was found'],
  ])('message in %s', (language, message) => {
    const sections = createSections(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'otherMatters']);
    expect(checkSections(createCheckInput({ sections, language })).map((finding) => finding.message)).toEqual([message]);
  });
});

describe('checkTableShapes (structure.tableShape)', () => {
  const allApplicationRowsMissing = Object.fromEntries(APPLICATION_ROWS.map((row) => [row.path, notFoundRow(row)]));
  const licensing = ACTIVE_DISCLOSURE_ROWS.find((row) => row.path === 'licensing')!;
  const punishment = ACTIVE_DISCLOSURE_ROWS.find((row) => row.path === 'punishment')!;

  it('no finding when every row is found and no number is left over', () => {
    expect(checkTableShapes(createCheckInput())).toEqual([]);
  });

  it.each<[string, ReturnType<typeof createParse>, Language, string, unknown[]]>([
    ['section missing', createParse('applications', { region: null }), 'zh',
      '找不到“收到和处理政府信息公开申请情况”统计表', []],
    ['no row found in the section', createParse('applications', { region: { start: 2022, end: 3409 }, replace: allApplicationRowsMissing }), 'zh',
      '找不到“收到和处理政府信息公开申请情况”统计表', [{ start: 2022, end: 3409 }]],
    ['table 4 not found, in English', createParse('reviewLitigation', { region: { start: 3409, end: 3628 }, replace: { '': notFoundRow(REVIEW_LITIGATION_TEMPLATE) } }), 'en',
      'the “行政复议、行政诉讼情况” table (reviewLitigation) was not found', [{ start: 3409, end: 3628 }]],
    ['two rows missing', createParse('activeDisclosure', { region: { start: 1748, end: 2022 }, replace: { licensing: notFoundRow(licensing), punishment: notFoundRow(punishment) } }), 'zh',
      '“主动公开政府信息情况”表无法完整对应到模板：缺少 2 行：行政许可；行政处罚', [{ start: 1748, end: 2022 }]],
    ['numbers left over', createParse('activeDisclosure', { region: { start: 1748, end: 2022 }, leftovers: [{ start: 1990, end: 1993 }] }), 'zh',
      '“主动公开政府信息情况”表无法完整对应到模板：另有 1 处数字无法对应到任何行', [{ start: 1990, end: 1993 }]],
    ['both, in English', createParse('activeDisclosure', { region: { start: 1748, end: 2022 }, replace: { licensing: notFoundRow(licensing) }, leftovers: [{ start: 1990, end: 1993 }, { start: 2001, end: 2002 }] }), 'en',
      'the “主动公开政府信息情况” table does not fit the template: 1 row(s) not found: 行政许可; 2 run(s) of numbers belong to no row', [{ start: 1990, end: 1993 }, { start: 2001, end: 2002 }]],
  ])('%s', (_name, parse, language, message, spans) => {
    const findings = checkTableShapes(createCheckInput({ parses: [parse], language }));
    expect(findings).toEqual([
      expect.objectContaining({ id: 'structure.tableShape', severity: 'error', path: `tables.${parse.key}`, message, spans }),
    ]);
  });

  it('one finding per table', () => {
    const parses = [createParse('activeDisclosure', { region: null }), createParse('applications'), createParse('reviewLitigation', { region: null })];
    expect(checkTableShapes(createCheckInput({ parses })).map((finding) => finding.path)).toEqual(['tables.activeDisclosure', 'tables.reviewLitigation']);
  });
});
