import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { ENTER, frameWith, PAGE_DOWN, press } from '../../test/support/ink-keys.js';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineAnswer } from '../chat/offline-answer.js';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { displayWidth } from '../render/display-width.js';
import { App, type AppProps } from './app.js';
import { loadReports, type ReportEntry } from './load-reports.js';

const fixture = (name: string) => {
  const path = new URL(`../../fixtures/${name}/report.txt`, import.meta.url).pathname;
  const text = readFileSync(path, 'utf8');
  return { name, text, result: analyzeDocument(documentFromBytes(path, 'txt', new TextEncoder().encode(text))) };
};
const seed004 = fixture('seed-004-lingwu-civil-affairs-2024');
const seed000 = fixture('seed-000-lingwu-justice-2024');
const brokenSums = fixture('constructed-tab-broken-sums');
const pingtan2021 = fixture('pingtan-2021-txt');
const all = [seed000, seed004, brokenSums, pingtan2021];
const entries: ReportEntry[] = all.map(({ name, result }) => ({ kind: 'read', result, shown: `${name}/report.txt` }));
const texts = new Map(all.map(({ result, text }) => [result.source.path, text]));
const props = (): AppProps => ({
  entries,
  loadText: async (result) => texts.get(result.source.path)!,
  ask: async (request) => offlineAnswer(request.result, texts.get(request.result.source.path)!, request.question),
  askLabel: '离线',
  save: async () => 'unused',
  fixturesDirectory: '/tmp/nianbao-unused-fixtures',
});

/** Moves the cursor down to the first line of the frame that matches, from the line it is on. */
async function moveTo(stdin: { write(data: string): void }, frame: string, from: number, line: RegExp) {
  const at = frame.split('\n').findIndex((candidate) => line.test(candidate));
  expect(at).toBeGreaterThan(-1);
  await press(stdin, ...Array.from({ length: at - from }, () => 'j'));
}

/** From the list: the report `down` lines below the first, its tables (once `tablesShown` is on screen), then the row matching `row`. */
async function openRow(stdin: { write(data: string): void }, lastFrame: () => string | undefined, down: number, row: RegExp, tablesShown = '有问题的单元格') {
  await press(stdin, ...Array.from({ length: down }, () => 'j'), ENTER);
  await frameWith(lastFrame, '陈述的数字');
  await press(stdin, 't');
  await moveTo(stdin, await frameWith(lastFrame, tablesShown), 2, row);
  await press(stdin, ENTER);
}

describe('the list', () => {
  it('o orders by errors, then by agency in 拼音 order, then by year; the title says which', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} />);
    const agencies = (frame: string) => frame.split('\n').slice(1, 5).map((line) => line.trim().split(/\s+/)[0]);
    expect(agencies(lastFrame()!)).toEqual(['灵武市司法局', '灵武市民政局', '攀枝花市西区司法局', '平潭综合实验区']);
    await press(stdin, 'o');
    const byErrors = await frameWith(lastFrame, '错误多的在前');
    // 西区 has 4 errors; the others fewer.
    expect(agencies(byErrors)[0]).toBe('攀枝花市西区司法局');
    await press(stdin, 'o');
    const byAgency = await frameWith(lastFrame, '按机关');
    // 灵 (líng) before 攀 (pān) before 平 (píng).
    expect(agencies(byAgency)).toEqual(['灵武市民政局', '灵武市司法局', '攀枝花市西区司法局', '平潭综合实验区']);
    await press(stdin, 'o');
    const byYear = await frameWith(lastFrame, '按年度');
    expect(byYear.split('\n')[1]).toContain('2024');
    expect(byYear.split('\n')[4]).toContain('2021');
    unmount();
  });

  it('shows each report by its path within the folder given, so two reports of one agency are told apart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-tui-folder-'));
    try {
      for (const year of ['2022', '2023']) {
        mkdirSync(join(folder, year));
        cpSync(new URL(`../../fixtures/pingtan-${year}-txt/report.txt`, import.meta.url).pathname, join(folder, year, 'report.txt'));
        // The fixture's notes sit next to the report: they are not one.
        cpSync(new URL(`../../fixtures/pingtan-${year}-txt/NOTES.md`, import.meta.url).pathname, join(folder, year, 'NOTES.md'));
      }
      const loaded = await loadReports(folder);
      expect(loaded.entries.map((entry) => entry.shown)).toEqual(['2022/report.txt', '2023/report.txt']);
      expect(loaded.notReports.map((entry) => entry.shown)).toEqual(['2022/NOTES.md', '2023/NOTES.md']);
      const { lastFrame, unmount } = render(<App {...props()} entries={loaded.entries} notReports={loaded.notReports.length} />);
      const frame = lastFrame()!;
      expect(frame).toContain('nianbao · 2 份报告 · 跳过 2 个不是年报的文件');
      expect(frame).toMatch(/2022 +txt .*2022\/report\.txt/);
      expect(frame).toMatch(/2023 +txt .*2023\/report\.txt/);
      unmount();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('an open report', () => {
  it('names stated numbers by what they count, not by their keys', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} />);
    await press(stdin, 'j', ENTER);
    const report = await frameWith(lastFrame, '陈述的数字');
    expect(report).toContain('主动公开 · 微博“灵武民政”发布信息 = 89');
    expect(report).toContain('· 机关 = 灵武市民政局');
    expect(report).not.toMatch(/statements\.\d|activeDisclosure|agency/);
    unmount();
  });

  it('an edit re-runs the checks: 自然人 2→3 breaks 总计 at once, before anything is saved', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} />);
    // seed 004's tables have no flagged cell before the edit.
    await openRow(stdin, lastFrame, 1, /一、本年新收/, '有问题的单元格 0 个');
    const row = await frameWith(lastFrame, '自然人');
    expect(row).toMatch(/自然人 +2 /);
    await press(stdin, 'e');
    expect(await frameWith(lastFrame, '新数值')).toContain('表三“一、本年新收政府信息公开申请数量”行“自然人”列：新数值');
    await press(stdin, '3', ENTER, '核对原件', ENTER);
    const status = await frameWith(lastFrame, '重新检查');
    // (The status line wraps at 80 columns.)
    expect(status).toMatch(/→ 3；重新检查：新增\s*applications\.rowTotal/);
    expect(status.replace(/\n/g, '')).toContain('尚未写入');
    // The flags follow: the row's cells are marked, and the report lists the new finding first.
    expect(status).toMatch(/✗2 →3/);
    // Esc twice in one write (as a fast typist or tmux sends it): back to the tables, then to the report.
    await press(stdin, '\u001b\u001b');
    const report = await frameWith(lastFrame, '✗ 新');
    expect(report).toContain('按修改重新检查：比读出时新增发现 2 条，消除 0 条');
    // 2 in 自然人 was printed and adds up; 3 breaks the row and the column.
    expect(report).toMatch(/✗ 新 applications\.rowTotal/);
    expect(report).toMatch(/✗ 新 applications\.balance/);
    expect(report).toContain('发现 3 条');
    unmount();
  });

  it('an ambiguous row offers its readings; a pick is an edit of the row with a reason, rechecked', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} />);
    await openRow(stdin, lastFrame, 3, /（一）予以公开/);
    const row = await frameWith(lastFrame, '候选读法');
    expect(row).toContain('1  2/7/0/0/20/1/30');
    expect(row).toContain('2  27/0/0/2/0/1/30');
    // The row's source is the report's one long line: shown from where the row is, in the width.
    expect(row).toContain('270020130');
    await press(stdin, '2');
    expect(await frameWith(lastFrame, '为什么选用候选读法 2')).toContain('为什么选用候选读法 2（27/0/0/2/0/1/30）？（理由）');
    await press(stdin, '只有 27 能使自然人列合计为 63', ENTER);
    const picked = await frameWith(lastFrame, '选用候选读法 2；');
    expect(picked).toMatch(/自然人 +空 →27/);
    expect(picked).toMatch(/选用候选读法 2；重新检查：消除\s*table\.ambiguousRow/);
    unmount();
  });

  it('the source scrolls under its heading: each line once, every mark on it, the width used', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} width={120} height={30} />);
    await press(stdin, 'j', ENTER);
    const report = await frameWith(lastFrame, '陈述的数字');
    await moveTo(stdin, report, 2, /narrative\.conflictingFigures/);
    await press(stdin, ENTER);
    const first = await frameWith(lastFrame, /原文第 \d+/);
    const title = first.split('\n')[0]!;
    expect(title).toContain('narrative.conflictingFigures');
    expect(Math.max(...first.split('\n').map(displayWidth))).toBeGreaterThan(100);
    for (const line of first.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    const caption = (frame: string) => frame.match(/原文第 [\d–]+ 行/)![0];
    await press(stdin, PAGE_DOWN);
    // Wait for a frame whose caption names other lines.
    const scrolled = await frameWith(lastFrame, new RegExp(`^(?![\\s\\S]*${caption(first)})`));
    expect(caption(scrolled)).not.toBe(caption(first));
    expect(scrolled.split('\n')[0]).toBe(title);
    unmount();
  });

  it('without colours every mark of a line is in brackets, the selected cell in ⟦⟧', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} color={false} />);
    await openRow(stdin, lastFrame, 2, /二、上年结转/);
    const row = await frameWith(lastFrame, '⟦');
    // The row's source line, shown once: the selected cell and the row's six other cells marked on it.
    const source = row.split('\n').filter((line) => line.includes('│')).join('');
    expect(source.match(/⟦/g)).toHaveLength(1);
    expect(source.match(/⟨/g)).toHaveLength(6);
    unmount();
  });
});

describe('saving', () => {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-tui-save-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('suggests the agency and year as the id, unique among the fixtures there; the keys are said once', async () => {
    const { lastFrame, stdin, unmount } = render(<App {...props()} fixturesDirectory={folder} fixtureIds={new Set(['灵武市民政局-2024'])} />);
    await press(stdin, 'j', ENTER);
    await frameWith(lastFrame, '陈述的数字');
    await press(stdin, 's');
    const save = await frameWith(lastFrame, '存为已标注的样例');
    expect(save).toContain(`${folder}/灵武市民政局-2024-2/`);
    expect(save.match(/Enter 保存/g)).toHaveLength(1);
    unmount();
  });
});
