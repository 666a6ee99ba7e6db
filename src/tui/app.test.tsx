import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { ENTER, ESCAPE, frameWith, press } from '../../test/support/ink-keys.js';
import { afterEach, describe, expect, it } from 'vitest';
import { askAboutReport } from '../chat/ask.js';
import { offlineAnswer } from '../chat/offline-answer.js';
import { loadPrompt } from '../extract/prompt.js';
import { documentFromBytes } from '../ingest/read-document.js';
import { saveFixture } from '../label/save-fixture.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import type { CompletionRequest, LlmClient } from '../providers/llm-client.js';
import { App, type AppProps } from './app.js';
import { displayWidth } from '../render/display-width.js';
import { itemsOf } from './items.js';
import type { ReportEntry } from './load-reports.js';

const seed = (name: string) => {
  const path = new URL(`../../fixtures/${name}/report.txt`, import.meta.url).pathname;
  const text = readFileSync(path, 'utf8');
  return { text, result: analyzeDocument(documentFromBytes(path, 'txt', new TextEncoder().encode(text))) };
};
const seed004 = seed('seed-004-lingwu-civil-affairs-2024');
const seed000 = seed('seed-000-lingwu-justice-2024');
const brokenSums = seed('constructed-tab-broken-sums');
const entries: ReportEntry[] = [
  { kind: 'read', result: seed000.result, shown: 'seed-000/report.txt' },
  { kind: 'read', result: seed004.result, shown: 'seed-004/report.txt' },
  { kind: 'read', result: brokenSums.result, shown: 'broken/report.txt' },
  { kind: 'failed', path: 'scan.pdf', shown: 'scan.pdf', message: 'scan.pdf: has no text layer (3 page(s) of images, a scan): run OCR first' },
];
const texts = new Map([seed000, seed004, brokenSums].map(({ result, text }) => [result.source.path, text]));
const loadText = async (result: { source: { path: string } }) => texts.get(result.source.path)!;
let fixturesDirectory = join(tmpdir(), 'nianbao-tui-unused');
const baseProps = (): Omit<AppProps, 'entries' | 'loadText'> => ({
  ask: async (request) => offlineAnswer(request.result, texts.get(request.result.source.path)!, request.question),
  askLabel: 'offline',
  save: (result, decisions, options) => saveFixture(result, decisions, { fixturesDirectory, ...options }),
  fixturesDirectory,
  // The keys and texts asserted here are English; the Chinese default has its own test below.
  language: 'en',
});
describe('the review UI', () => {
  it('speaks Chinese by default: list, report, tables, source, help and every footer', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} language={undefined} />);
    // The words of the UI itself: a frame without the report's own text, paths, ids and keys.
    const own = (frame: string) =>
      frame
        .replace(/\S*[/.]\S*/g, ' ')
        .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
        .match(/[A-Za-z]{3,}/g)
        ?.filter((word) => !['nianbao', 'Enter', 'Esc', 'txt', 'rules'].includes(word)) ?? [];
    const list = lastFrame()!;
    // (The failed entry's reason is this test's own English text.)
    const listOwn = list.split('\n').filter((line) => !line.includes('scan.pdf')).join('\n');
    expect(list).toContain('nianbao · 4 份报告');
    expect(list).toContain('↑↓ 移动 · Enter 打开 · / 筛选 · o 排序 · ? 帮助 · q 退出');
    expect(own(listOwn)).toEqual([]);
    await press(stdin, 'j', ENTER);
    const report = await frameWith(lastFrame, '陈述的数字');
    expect(report).toMatch(/章节 一✓ 二✓ 三✓ 四✓ 五✓ 六✓ · 发现 \d+ 条 · 陈述的数字 \d+ 个/);
    expect(own(report.split('\n').slice(0, 2).join('\n') + report.split('\n').at(-1))).toEqual([]);
    await press(stdin, 't');
    const tables = await frameWith(lastFrame, '有问题的单元格');
    expect(tables).toContain('列：');
    expect(own(tables.split('\n').slice(0, 2).join('\n'))).toEqual([]);
    await press(stdin, '?');
    const help = await frameWith(lastFrame, '本帮助');
    expect(help).toContain('s 把报告存为样例（按 Enter 之前不写任何东西）');
    unmount();
  });

  it('lists the reports with their finding counts, failures included, within 80 columns', () => {
    const { lastFrame, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    const frame = lastFrame()!;
    expect(frame).toContain('nianbao · 4 report(s)');
    expect(frame).toContain('灵武市民政局');
    expect(frame).toContain('✗ scan.pdf: scan.pdf: has no text layer');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    unmount();
  });

  it('filter → open seed 004 → its 微博 89/92 conflict → both sentences, highlighted in the source', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    await press(stdin, '/', '民', '政', ENTER);
    expect(await frameWith(lastFrame, 'filter: 民政')).toContain('nianbao · 1 report(s) · filter: 民政');
    await press(stdin, ENTER);
    const report = await frameWith(lastFrame, '灵武市民政局 · 2024 · 2021');
    expect(report).toContain('灵武市民政局 · 2024 · 2021');
    const items = report.split('\n');
    const conflict = items.findIndex((line) => line.includes('narrative.conflictingFigures'));
    expect(conflict).toBeGreaterThan(1);
    // The cursor starts on the first item, two lines below the header.
    await press(stdin, ...Array.from({ length: conflict - 2 }, () => 'j'), ENTER);
    // The source is read asynchronously: wait for its rows.
    const source = await frameWith(lastFrame, /\d+│/);
    expect(source).toContain('narrative.conflictingFigures');
    const finding = seed004.result.findings.find((candidate) => candidate.id === 'narrative.conflictingFigures')!;
    expect(finding.spans).toHaveLength(2);
    for (const span of finding.spans) expect(source).toContain(seed004.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 12));
    // Each source line once, numbered as the report counts them.
    const numbers = [...source.matchAll(/^\s*(\d+)│/gm)].map((match) => Number(match[1]));
    expect(new Set(numbers).size).toBe(numbers.length);
    const lineOf = (offset: number) => seed004.text.slice(0, offset).split('\n').length;
    for (const span of finding.spans) expect(numbers).toContain(lineOf(span.start));
    await press(stdin, ESCAPE);
    expect(await frameWith(lastFrame, 'stated number(s)')).toContain('灵武市民政局 · 2024');
    unmount();
  });

  it('a quote that crosses a line break in the report still takes one row', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    await press(stdin, 'j', 'j', ENTER);
    const report = await frameWith(lastFrame, 'stated number(s)');
    // The source wraps "司\n法县区动态" across two lines.
    expect(brokenSums.text).toMatch(/司\s*\n\s*法县区动态 19 条/);
    expect(report).toContain('of which 司法县区动态 = 19  “司 法县区');
    expect(report.split('\n').length).toBeLessThanOrEqual(24);
    unmount();
  });

  it('without colours the selection and the span are marked with characters', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} color={false} {...baseProps()} />);
    expect(lastFrame()).toContain('› 灵武市司法局');
    await press(stdin, 'j', ENTER);
    await frameWith(lastFrame, 'stated number(s)');
    await press(stdin, ENTER);
    expect(await frameWith(lastFrame, /⟦[^⟧]+⟧/)).toMatch(/⟦[^⟧]+⟧/);
    unmount();
  });

  it('? shows the keys; q quits', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    await press(stdin, '?');
    expect(await frameWith(lastFrame, 'filter the list')).toContain('/ filter the list');
    await press(stdin, 'q');
    unmount();
  });
});

describe('tables, chat and corrections', () => {
  afterEach(() => rmSync(fixturesDirectory, { recursive: true, force: true }));

  it('t shows the tables with the flagged cells marked; a row shows its cells, the findings and the source line', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} color={false} {...baseProps()} />);
    await press(stdin, 'j', 'j', ENTER);
    await frameWith(lastFrame, 'stated number(s)');
    await press(stdin, 't');
    const tables = await frameWith(lastFrame, 'flagged cell(s)');
    const flagged = brokenSums.result.findings.flatMap((finding) => finding.cells.map((cell) => cell.path));
    expect(tables).toContain(`tables · ${new Set(flagged).size} flagged cell(s) ✗`);
    for (const line of tables.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // Each cell right-aligned in seven columns, so the columns line up down the screen.
    expect(tables).toMatch(/表三 二、上年结转政府信息公…\s+535 {6}6 {6}0 {6}1 {5}18 {6}0 {3}✗560/);
    const tableThree = tables.split('\n').filter((line) => line.includes('表三'));
    expect(new Set(tableThree.map((line) => displayWidth(line))).size).toBe(1);
    // Move to the first row that has a flagged cell and open it.
    const lines = tables.split('\n');
    const firstFlagged = lines.findIndex((line) => line.includes('✗') && line.includes('表'));
    await press(stdin, ...Array.from({ length: firstFlagged - 1 }, () => 'j'), ENTER);
    const row = await frameWith(lastFrame, /\d+│/);
    expect(row).toMatch(/applications\.(rowTotal|handledTotal|balance)/);
    expect(row).toMatch(/⟦[^⟧]+⟧/);
    unmount();
  });

  it('asks a scripted model: the answer streams in, and a number without a verified quote is marked', async () => {
    const reply = {
      answer: '前文说政务微博发布信息89条，后文说92条，另有 17 条。',
      citations: [
        { value: 89, quote: '“灵武民政”政务微博发布信息89条' },
        { value: 92, quote: '通过“灵武民政”政务微博发布信息92条' },
      ],
    };
    const requests: CompletionRequest[] = [];
    const json = JSON.stringify(reply);
    // A fake model that sends its answer in pieces, as an endpoint streams.
    const client: LlmClient = {
      provider: 'scripted',
      model: 'answers-in-pieces',
      complete: async () => {
        throw new Error('the chat streams');
      },
      stream: async (request, onText) => {
        requests.push(request);
        for (let start = 0; start < json.length; start += 8) {
          onText(json.slice(start, start + 8));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return { text: json, usage: { inputTokens: 900, outputTokens: 60 }, finishReason: 'stop', refusal: null, responseFormat: 'json_schema' };
      },
    };
    const prompt = await loadPrompt(new URL('../../prompts', import.meta.url).pathname, 'chat', 'v1');
    const props = { ...baseProps(), askLabel: 'scripted:answers-in-pieces', ask: (request: Parameters<AppProps['ask']>[0]) => askAboutReport({ client, prompt, text: seed004.text, ...request }) };
    const { lastFrame, frames, stdin, unmount } = render(<App entries={entries} loadText={loadText} color={false} {...props} />);
    await press(stdin, 'j', ENTER);
    await frameWith(lastFrame, 'stated number(s)');
    await press(stdin, 'a');
    expect(await frameWith(lastFrame, 'ask about 灵武市民政局')).toContain('scripted:answers-in-pieces');
    await press(stdin, '微博发布了多少条？', ENTER);
    const answered = await frameWith(lastFrame, '✓ 92');
    expect(answered).toContain('问 微博发布了多少条？');
    expect(answered).toContain('17⚠');
    expect(answered).toContain('✓ 89 ““灵武民政”政务微博发布信息89条”');
    expect(answered).toContain('1 number(s) without a quote found in the report');
    // Part of the answer was on screen before all of it had arrived.
    expect(frames.some((frame) => frame.includes('前文说政务微博') && !frame.includes('另有'))).toBe(true);
    expect(requests[0]!.messages.at(-1)).toEqual({ role: 'user', content: '微博发布了多少条？' });
    unmount();
  });

  it('offline, the chat answers from the extracted result and says a model is needed for more', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    await press(stdin, 'j', ENTER);
    await frameWith(lastFrame, 'stated number(s)');
    await press(stdin, 'a', '申请数量是多少？', ENTER);
    const answer = await frameWith(lastFrame, '需要模型');
    expect(answer).toContain('本年新收政府信息公开申请数量');
    unmount();
  });

  it('edits a value with a reason, writes nothing until the save, then saves a fixture the eval can load', async () => {
    fixturesDirectory = mkdtempSync(join(tmpdir(), 'nianbao-tui-fixtures-'));
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} color={false} {...baseProps()} />);
    await press(stdin, 'j', ENTER);
    const report = await frameWith(lastFrame, 'stated number(s)');
    const at = report.split('\n').findIndex((line) => line.includes('= 89'));
    await press(stdin, ...Array.from({ length: at - 2 }, () => 'j'));
    await press(stdin, 'e');
    expect(await frameWith(lastFrame, 'new value')).toMatch(/published · .+: new value/);
    await press(stdin, '9', '2', ENTER);
    await press(stdin, '原文后段写的是92条', ENTER);
    expect(await frameWith(lastFrame, 'not written yet')).toContain('= 89 →92');
    expect(readdirSync(fixturesDirectory)).toEqual([]);
    // Quitting with an unsaved review asks first.
    await press(stdin, 'q');
    expect(await frameWith(lastFrame, 'reviewed but not saved')).toContain('q again to quit');
    await press(stdin, 'j');
    await press(stdin, 's');
    expect(await frameWith(lastFrame, 'as a labelled fixture')).toContain('1 edited, 0 confirmed');
    await press(stdin, 'n', ENTER);
    // The id is the agency and year as printed.
    const folder = join(fixturesDirectory, '灵武市民政局-2024');
    const saved = await frameWith(lastFrame, `saved ${folder}`);
    expect(saved).toContain(`saved ${folder}`);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    expect(expected.narrative.activeDisclosure.statements[2].count.value).toBe(92);
    expect(readFileSync(join(folder, 'NOTES.md'), 'utf8')).toContain('原文后段写的是92条');
    expect(existsSync(join(folder, 'report.txt'))).toBe(true);
    unmount();
  });
});

describe('keys typed faster than the screen redraws', () => {
  it('Enter, moves and Enter in one burst act on the screens the earlier keys opened', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} {...baseProps()} />);
    // No pause between keys: the report opens and its second item is opened before any redraw.
    for (const key of ['j', ENTER, 'j', ENTER]) stdin.write(key);
    const source = await frameWith(lastFrame, /\d+│/);
    const second = itemsOf(seed004.result, { language: 'en', metaLabels: { agency: 'agency', year: 'year' } })[1]!;
    expect(source).toContain(second.kind === 'number' ? `${second.label} = ${second.value}` : second.key);
    unmount();
  });
});

describe('editLine', () => {
  it('types a chunk, submits on Enter inside it, cancels on Esc, deletes a whole character', async () => {
    const { editLine } = await import('./line-editor.js');
    const none = { return: false, escape: false, backspace: false, delete: false, ctrl: false };
    expect(editLine('', '民政\r', none)).toEqual({ text: '民政', done: 'submit' });
    expect(editLine('民政', '', { ...none, backspace: true })).toEqual({ text: '民', done: null });
    expect(editLine('x', '', { ...none, escape: true })).toEqual({ text: 'x', done: 'cancel' });
    expect(editLine('a', '\u0007b', none)).toEqual({ text: 'ab', done: null });
  });
});
