import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { expectedSchema, type Result } from '../report/schemas.js';
import { measureLabel, MEASURES, summarize } from './aggregate.js';
import { escapeHtml, markedContext } from './html-text.js';
import { heatColour, renderEvalHtml, type EvalReport } from './render-eval-html.js';
import { caveats, type RunMeta } from './render-eval.js';
import type { FixtureOutcome } from './run-eval.js';
import { scoreFixture } from './score-fixture.js';

const SEED = new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/', import.meta.url);
const FIXTURE = 'seed-004-lingwu-civil-affairs-2024';
const text = readFileSync(new URL('report.txt', SEED), 'utf8');
const expected = expectedSchema.parse(JSON.parse(readFileSync(new URL('expected.json', SEED), 'utf8')));
const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));

// A model that misread one cell (its span is the printed cell) and raised nothing.
const misread: Result = {
  ...result,
  tables: { ...result.tables, applications: { ...result.tables.applications!, granted: { ...result.tables.applications!.granted, total: 3 } } } as Result['tables'],
  findings: [],
};
const cellSpan = result.cells['applications.granted.total']!.span;

const usage = (costUsd: number | null, cached = false) => ({ inputTokens: 1200, outputTokens: 300, attempts: 1, latencyMs: 900, cached, costUsd });
const outcomes: FixtureOutcome[] = [
  { fixtureId: FIXTURE, provider: 'rules', score: scoreFixture(expected, result), failure: null, usage: { ...usage(0), inputTokens: 0, outputTokens: 0 } },
  { fixtureId: FIXTURE, provider: 'openai:gpt-4.1-mini', score: scoreFixture(expected, misread), failure: null, usage: usage(0.0042) },
  { fixtureId: FIXTURE, provider: 'openai:local-model', score: scoreFixture(expected, result), failure: null, usage: usage(null) },
  { fixtureId: 'seed-000', provider: 'rules', score: scoreFixture(expected, result), failure: null, usage: usage(0) },
  { fixtureId: 'seed-000', provider: 'openai:gpt-4.1-mini', score: scoreFixture(expected, result), failure: null, usage: usage(0, true) },
  { fixtureId: 'seed-000', provider: 'openai:local-model', score: null, failure: 'provider: <connection refused>', usage: null },
];
const summaries = summarize(outcomes);
const meta: RunMeta = {
  date: '2025-01-01T00:00:00.000Z',
  gitSha: '0123456789abcdef',
  schemaHash: 'schema',
  providers: [
    { label: 'rules', provider: 'rules', model: null, promptVersion: null, promptHash: null },
    { label: 'openai:gpt-4.1-mini', provider: 'openai', model: 'gpt-4.1-mini', promptVersion: 'v1', promptHash: 'abc' },
    { label: 'openai:local-model', provider: 'openai', model: 'local-model', promptVersion: 'v1', promptHash: 'abc' },
  ],
  fixtures: [FIXTURE, 'seed-000'],
};
const run: EvalReport = { meta, summaries, outcomes };

describe('renderEvalHtml', () => {
  const html = renderEvalHtml(run, { [FIXTURE]: text, 'seed-000': text }, 'en');

  it('is one valid HTML file that loads nothing from the network', () => {
    const errors: string[] = [];
    parse(html, { onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}`) });
    expect(errors).toEqual([]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<html\b/g)).toHaveLength(1);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/font-family|font:/);
    expect(html).toContain('Noto Sans CJK SC');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script\s+src|@import|url\(|<iframe|<img\b/i);
  });

  it('has the comparison matrix with every measure, the intervals and the caveats', () => {
    expect(html).toContain('id="matrix-table"');
    for (const measure of MEASURES) expect(html).toContain(`>${escapeHtml(measureLabel(measure, 'en'))}</th>`);
    const rules = summaries.find((summary) => summary.provider === 'rules')!;
    expect(html).toContain(`[${(rules.rates.tableCells.low * 100).toFixed(1)} % – 100.0 %]`);
    for (const note of caveats(summaries, 'en')) expect(html).toContain(escapeHtml(note));
    expect(caveats(summaries, 'en').some((note) => note.includes('not distinguishable'))).toBe(true);
  });

  it('has a heatmap row per fixture and provider, a failed run shown as such', () => {
    const heatmap = html.slice(html.indexOf('<table class="heatmap">'), html.indexOf('</table>', html.indexOf('<table class="heatmap">')));
    expect(heatmap.match(/<tr data-href=/g)).toHaveLength(6);
    for (const family of ['table cells', 'meta', 'narrative numbers recall', 'narrative numbers precision', 'grounded', 'findings']) expect(heatmap).toContain(`>${family}</th>`);
    expect(heatmap).toContain('title="seed-004-lingwu-civil-affairs-2024 · table cells: 199 of 200 (99.5 %)');
    expect(heatmap).toContain('failed: provider: &#60;connection refused&#62;');
  });

  it('draws accuracy against cost as inline SVG, offline and unpriced apart from the priced', () => {
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('cost of the whole run (USD)');
    expect(html).toContain('mean of the measure rates</text>');
    expect(html).toContain('class="marker offline"');
    expect(html).toContain('class="marker priced"');
    expect(html).toContain('class="marker unpriced"');
    expect(html).toContain('Answers replayed from the cache cost $0: openai:gpt-4.1-mini 1 of 2.');
  });

  it('drills down to each wrong field with both values and its span marked in the report text', () => {
    const granted = html.indexOf('<td><code>tables.applications.granted.total</code>', html.indexOf('<section id="drill-down">'));
    expect(granted).toBeGreaterThan(-1);
    const row = html.slice(granted, html.indexOf('</tr>', granted));
    expect(row).toContain('<td class="value">2</td><td class="value">3</td>');
    expect(row).toContain(`<mark>${escapeHtml(text.slice(cellSpan.start, cellSpan.end))}</mark>`);
    expect(row).toContain(`characters ${cellSpan.start}–${cellSpan.end}`);
    expect(html).toContain('findings.narrative.conflictingFigures@narrative.activeDisclosure.published.微博“灵武民政”');
    expect(html).toContain('no position: the finding was not raised');
  });

  it('escapes markup in the report text around a span', () => {
    const hostile = `${text.slice(0, cellSpan.end)}<script>alert("x")</script>${text.slice(cellSpan.end)}`;
    const page = renderEvalHtml(run, { [FIXTURE]: hostile }, 'en');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });
});

// The words of the page itself, with what it shows but does not word taken out: the report text
// around a span, ids and keys in <code>, scripts and styles.
function ownWords(page: string): string {
  return page
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<pre class="context"[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<(?:option|a) [^>]*>/g, ' ')
    .replace(/<[^>]*\btitle="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?[a-z0-9]+;/gi, ' ');
}

describe('renderEvalHtml in Chinese, the default', () => {
  const html = renderEvalHtml(run, { [FIXTURE]: text, 'seed-000': text });

  it('is marked Chinese and has its headings, measures, caveats and chart in Chinese', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('pre.context .tab { display: inline-block; min-width: 2em;');
    for (const heading of ['对比', '用量', '各项发现', '最常出错的字段', '逐个样例', '准确率与费用', '错误字段']) expect(html).toContain(`${heading}</h`);
    for (const measure of MEASURES) expect(html).toContain(`>${escapeHtml(measureLabel(measure, 'zh'))}</th>`);
    expect(html).toContain('>表格单元格完全一致</th>');
    for (const note of caveats(summaries, 'zh')) expect(html).toContain(escapeHtml(note));
    expect(html).toContain('整次运行的费用（美元）');
    expect(html).toContain('>各指标比率的平均值</text>');
    expect(html).toContain('title="seed-004-lingwu-civil-affairs-2024 · 表格单元格：200 项中 199 项（99.5 %）');
    expect(html).toContain(`第 ${cellSpan.start}–${cellSpan.end} 个字符`);
    expect(html).toContain('无位置：该发现没有报出');
    expect(html).toContain('从缓存重放的回答费用为 $0：openai:gpt-4.1-mini 2 个中 1 个。');
  });

  it('says no English word of its own, in text or tooltips', () => {
    // Allowed: Wilson (the interval's name), git, API, USD, the p50 / p95 of latency; ids, model names, hashes.
    const allowed = new Set(['Wilson', 'nianbao', 'git', 'API', 'USD', 'rules', 'openai', 'gpt', 'mini', 'local', 'model', 'schema', 'abc', 'provider', 'connection', 'refused']);
    const own = ownWords(html).replace(/\b[0-9a-f]{8,}\b|\b\w+(?:[-:.][\w.]+)+\b/g, ' ');
    const words = [...own.matchAll(/[A-Za-z]{2,}/g)].map((match) => match[0]).filter((word) => !allowed.has(word));
    expect(words).toEqual([]);
  });
});

describe('markedContext', () => {
  it.each([
    ['at the very start', '第一行\n第二行', { start: 0, end: 3 }, '<mark>第一行</mark>\n第二行'],
    ['at the very end', '第一行\n第二行', { start: 4, end: 7 }, '第一行\n<mark>第二行</mark>'],
    ['two lines either side, no more', 'a\nb\nc\nd\ne\nf\ng', { start: 6, end: 7 }, 'b\nc\n<mark>d</mark>\ne\nf'],
    ['an empty span', '一二三', { start: 1, end: 1 }, '一<mark></mark>二三'],
  ])('%s', (_name, source, span, marked) => {
    expect(markedContext(source, span)).toBe(marked);
  });

  it('clips a long line on both sides', () => {
    const line = `${'甲'.repeat(500)}目标${'乙'.repeat(500)}`;
    const context = markedContext(line, { start: 500, end: 502 })!;
    expect(context.startsWith('…甲')).toBe(true);
    expect(context.endsWith('乙…')).toBe(true);
    expect(context).toContain('<mark>目标</mark>');
  });

  it('spans every tab so the cells of a table row stay apart, inside the mark too', () => {
    const row = '申请\t564\t984\t4185\n下一行';
    const context = markedContext(row, { start: 7, end: 11 })!;
    expect(context).toBe('申请<span class="tab">\t</span>564<span class="tab">\t</span><mark>984<span class="tab">\t</span></mark>4185\n下一行');
    expect(context.match(/\t/g)).toHaveLength(3);
    expect(context.match(/<span class="tab">\t<\/span>/g)).toHaveLength(3);
  });

  it('refuses a span outside the text', () => {
    expect(markedContext('短', { start: 0, end: 5 })).toBeNull();
  });
});

describe('heatColour', () => {
  it('keeps perfect pale and darkens as the score drops, with readable text', () => {
    expect(heatColour(1).background).toBe('rgb(223, 240, 216)');
    expect(heatColour(0).background).toBe('rgb(103, 0, 13)');
    expect(heatColour(0).text).toBe('#ffffff');
    expect(heatColour(0.97).text).not.toBe('#ffffff');
  });
});
