import { readFileSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { App } from './app.js';
import type { ReportEntry } from './load-reports.js';
import { sourceExcerpt } from './source-excerpt.js';

const seed = (name: string) => {
  const path = new URL(`../../fixtures/${name}/report.txt`, import.meta.url).pathname;
  const text = readFileSync(path, 'utf8');
  return { text, result: analyzeDocument(documentFromBytes(path, 'txt', new TextEncoder().encode(text))) };
};
const seed004 = seed('seed-004-lingwu-civil-affairs-2024');
const seed000 = seed('seed-000-lingwu-justice-2024');
const entries: ReportEntry[] = [
  { kind: 'read', result: seed000.result },
  { kind: 'read', result: seed004.result },
  { kind: 'failed', path: 'scan.pdf', message: 'scan.pdf: has no text layer (3 page(s) of images, a scan): run OCR first' },
];
const texts = new Map([
  [seed000.result.source.path, seed000.text],
  [seed004.result.source.path, seed004.text],
]);
const loadText = async (result: { source: { path: string } }) => texts.get(result.source.path)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const ENTER = '\r';
const ESCAPE = '\u001b';

/** Waits (up to 3 s, for a loaded machine) until the frame shows `text`; returns the frame. */
async function frameWith(lastFrame: () => string | undefined, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const frame = lastFrame() ?? '';
    if ((typeof text === 'string' ? frame.includes(text) : text.test(frame)) || Date.now() > deadline) return frame;
    await settle();
  }
}

async function press(stdin: { write(data: string): void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await settle();
  }
}

describe('the review UI', () => {
  it('lists the reports with their finding counts, failures included, within 80 columns', () => {
    const { lastFrame, unmount } = render(<App entries={entries} loadText={loadText} />);
    const frame = lastFrame()!;
    expect(frame).toContain('nianbao · 3 report(s)');
    expect(frame).toContain('灵武市民政局');
    expect(frame).toContain('✗ scan.pdf: scan.pdf: has no text layer');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    unmount();
  });

  it('filter → open seed 004 → its 微博 89/92 conflict → both sentences, highlighted in the source', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} />);
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
    // The source is read asynchronously: wait for both excerpts.
    const source = await frameWith(lastFrame, /line \d+[\s\S]*line \d+/);
    expect(source).toContain('narrative.conflictingFigures');
    const finding = seed004.result.findings.find((candidate) => candidate.id === 'narrative.conflictingFigures')!;
    expect(finding.spans).toHaveLength(2);
    for (const span of finding.spans) expect(source).toContain(seed004.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 12));
    expect(source.match(/line \d+/g)).toHaveLength(2);
    await press(stdin, ESCAPE);
    expect(await frameWith(lastFrame, 'stated number(s)')).toContain('灵武市民政局 · 2024');
    unmount();
  });

  it('without colours the selection and the span are marked with characters', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} color={false} />);
    expect(lastFrame()).toContain('› 灵武市司法局');
    await press(stdin, 'j', ENTER);
    await frameWith(lastFrame, 'stated number(s)');
    await press(stdin, ENTER);
    expect(await frameWith(lastFrame, /⟦[^⟧]+⟧/)).toMatch(/⟦[^⟧]+⟧/);
    unmount();
  });

  it('? shows the keys; q quits', async () => {
    const { lastFrame, stdin, unmount } = render(<App entries={entries} loadText={loadText} />);
    await press(stdin, '?');
    expect(await frameWith(lastFrame, 'filter the list')).toContain('/      filter the list');
    await press(stdin, 'q');
    unmount();
  });
});

describe('sourceExcerpt', () => {
  it('cuts the span out of its lines, with whole lines of context', () => {
    const text = 'a\nb\nc 89 条 d\ne\nf\n';
    const at = text.indexOf('89');
    expect(sourceExcerpt(text, { start: at, end: at + 2 }, 1)).toEqual({ before: 'b\nc ', highlighted: '89', after: ' 条 d\ne', line: 3 });
  });

  it('keeps long paragraphs to a few rows either side', () => {
    const text = `${'前'.repeat(300)}92条${'后'.repeat(300)}`;
    const excerpt = sourceExcerpt(text, { start: 300, end: 302 }, 1, 90);
    expect(excerpt.before).toBe(`…${'前'.repeat(90)}`);
    expect(excerpt.after).toBe(`条${'后'.repeat(89)}…`);
  });
});
