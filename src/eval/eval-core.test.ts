import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { expectedSchema, type Result } from '../report/schemas.js';
import { summarize } from './aggregate.js';
import { checkMinimums, compareWithBaseline } from './compare-baseline.js';
import { displayWidth } from '../render/display-width.js';
import { renderMarkdown, renderMatrix } from './render-eval.js';
import type { FixtureOutcome } from './run-eval.js';
import { scoreFixture } from './score-fixture.js';
import { textSimilarity } from './text-similarity.js';
import { intervalsOverlap, wilsonInterval } from './wilson.js';

const SEED = new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/', import.meta.url);
const expected = expectedSchema.parse(JSON.parse(readFileSync(new URL('expected.json', SEED), 'utf8')));
const result = analyzeDocument(documentFromBytes('report.txt', 'txt', readFileSync(new URL('report.txt', SEED))));

describe('wilsonInterval', () => {
  it.each([
    [0, 0, 0, 1],
    [10, 10, 0.722, 1],
    [0, 10, 0, 0.278],
    [50, 100, 0.404, 0.596],
  ])('%i of %i → [%f, %f]', (successes, total, low, high) => {
    const interval = wilsonInterval(successes, total);
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 3);
  });

  it('tells when two rates cannot be told apart', () => {
    expect(intervalsOverlap(wilsonInterval(19, 20), wilsonInterval(20, 20))).toBe(true);
    expect(intervalsOverlap(wilsonInterval(5, 200), wilsonInterval(195, 200))).toBe(false);
  });
});

describe('textSimilarity', () => {
  it.each([
    ['一是信息公开的及时性和准确性有待提高', '信息公开的及时性和准确性有待提高', 1],
    ['加强制度建设和管理', '完全无关的句子', 0],
  ])('%s ~ %s', (left, right, expectedScore) => {
    expect(textSimilarity(left, right)).toBeCloseTo(expectedScore, 2);
  });
});

describe('scoreFixture', () => {
  it('a result equal to its label scores every field correct', () => {
    const score = scoreFixture(expected, result);
    expect(score.wrong).toEqual([]);
    expect(score.tableCells).toEqual({ correct: 200, total: 200 });
    expect(score.narrativeNumbers.correct).toBe(score.narrativeNumbers.total);
    expect(score.findings['narrative.conflictingFigures']).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
  });

  it('a wrong cell, a wrong number and a missed finding are each named with both values', () => {
    const fee = result.narrative!.facts.fee.statements[0]!;
    const changed: Result = {
      ...result,
      tables: { ...result.tables, applications: { ...result.tables.applications!, granted: { ...result.tables.applications!.granted, total: 3 } } } as Result['tables'],
      narrative: { ...result.narrative!, facts: { ...result.narrative!.facts, fee: { statements: [{ ...fee, count: { ...fee.count, value: 5 } }] } } },
      findings: [],
    };
    const score = scoreFixture(expected, changed);
    expect(score.wrong).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'tables.applications.granted.total', expected: 2, actual: 3 }),
        expect.objectContaining({ field: 'narrative.fee.amount', expected: 0, actual: null }),
        expect.objectContaining({ field: 'narrative.fee.amount', expected: null, actual: 5 }),
        expect.objectContaining({ field: 'findings.narrative.conflictingFigures@narrative.activeDisclosure.published.微博“灵武民政”', expected: 'raised', actual: 'missing' }),
      ]),
    );
    expect(score.tableCells).toEqual({ correct: 199, total: 200 });
  });
});

describe('summarize, gate and render', () => {
  const good: FixtureOutcome = { fixtureId: 'a', provider: 'rules', score: scoreFixture(expected, result), failure: null, usage: { inputTokens: 0, outputTokens: 0, attempts: 1, latencyMs: 3, cached: false, costUsd: 0 } };
  const failed: FixtureOutcome = { fixtureId: 'a', provider: 'openai:m', score: null, failure: 'provider: down', usage: null };
  const summaries = summarize([good, failed]);

  it('per provider rates with intervals, failures counted, a failure is not exact', () => {
    const [rules, model] = summaries;
    expect(rules!.rates.tableCells).toMatchObject({ correct: 200, total: 200, rate: 1 });
    expect(rules!.rates.fixturesExact.rate).toBe(1);
    expect(model!.failures).toBe(1);
    expect(model!.rates.fixturesExact).toMatchObject({ correct: 0, total: 1 });
    expect(model!.costUsd).toBe(0);
  });

  it('unpriced usage makes the cost unpriced, not 0', () => {
    const unpriced = summarize([{ ...good, provider: 'x', usage: { ...good.usage!, costUsd: null } }]);
    expect(unpriced[0]!.costUsd).toBeNull();
  });

  it('floors and baseline drops fail the gate; equal scores pass', () => {
    const thresholds = { maxDrop: 0.005, minimum: { rules: { tableCells: 1, narrativeNumbers: 1 } } };
    expect(checkMinimums(summaries, thresholds)).toEqual([]);
    const worse = summarize([{ ...good, score: { ...good.score!, tableCells: { correct: 190, total: 200 } } }]);
    expect(checkMinimums(worse, thresholds).map((regression) => regression.measure)).toEqual(['tableCells']);
    expect(compareWithBaseline(worse, summaries, thresholds).map((regression) => regression.message)).toEqual([
      { zh: 'rules：表格单元格完全一致从 100.00% 降到 95.00%（最多允许下降 0.50 个百分点）', en: 'rules: table cells exact fell from 100.00% to 95.00% (allowed drop 0.50 points)' },
    ]);
    expect(checkMinimums(worse, thresholds)[0]!.message).toEqual({ zh: 'rules：表格单元格完全一致为 95.00%，低于下限 100.00%', en: 'rules: table cells exact is 95.00%, below the floor of 100.00%' });
    expect(compareWithBaseline(summaries, summaries, thresholds)).toEqual([]);
  });

  it('the matrix and the Markdown name every provider and carry the caveat', () => {
    expect(renderMatrix(summaries, 'en')).toMatch(/rules\s+openai:m/);
    const markdown = renderMarkdown({ date: '2026-01-01', gitSha: 'abc', schemaHash: 'h', providers: [], fixtures: ['a'] }, summaries, 'en');
    expect(markdown).toContain('| table cells exact | 100.0% [');
    expect(markdown).toContain('one-point difference is noise');
  });

  it('in Chinese, the matrix lines up by terminal width and the Markdown says no English word of its own', () => {
    const matrix = renderMatrix(summaries, 'zh');
    const lines = matrix.split('\n');
    expect(lines[0]).toMatch(/^指标\s+rules\s+openai:m/);
    expect(matrix).toContain('表格单元格完全一致');
    expect(matrix).toContain('1 / 1');
    // Every row of the table puts its second column at the same terminal column.
    const table = lines.slice(0, lines.indexOf(''));
    const secondColumn = (line: string) => {
      const gap = / {2,}(?=\S)/.exec(line)!;
      return displayWidth(line.slice(0, gap.index + gap[0].length));
    };
    expect(new Set(table.map(secondColumn)).size).toBe(1);
    const markdown = renderMarkdown({ date: '2026-01-01', gitSha: 'abc', schemaHash: 'h', providers: [{ label: 'openai:m', provider: 'openai', model: 'm', promptVersion: 'narrative/v2', promptHash: '0123abcd' }], fixtures: ['a'] }, summaries, 'zh');
    expect(markdown).toContain('## nianbao 评测 — 1 个样例');
    expect(markdown).toContain('| 表格单元格完全一致 | 100.0% [');
    expect(markdown).toContain('相差一个百分点只是噪声');
    expect(markdown).toContain('### 各项发现');
    expect(markdown).toContain('精确率 100.0% · 召回率 100.0%（命中 1，误报 0，漏报 0）');
    const own = markdown.replace(/`[^`]*`/g, ' ').replace(/\b[0-9a-f]{8,}\b|\S*\/\S*/g, ' ');
    expect([...own.matchAll(/[A-Za-z]{2,}/g)].map((match) => match[0]).filter((word) => !['nianbao', 'git', 'abc', 'Wilson', 'p50', 'p95'].includes(word))).toEqual([]);
  });
});
