import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { displayWidth } from './display-width.js';
import { renderResult } from './render-result.js';
import { createStyle } from './style.js';

const plain = createStyle(false);

function tableLines(fixture: string, width: number): string[] {
  const bytes = readFileSync(new URL(`../../fixtures/${fixture}/report.txt`, import.meta.url));
  const rendered = renderResult(analyzeDocument(documentFromBytes('report.txt', 'txt', bytes)), plain, 'zh', undefined, width);
  const start = rendered.indexOf('表二');
  return rendered.slice(start, rendered.indexOf('\n\n', rendered.indexOf('表四'))).split('\n');
}

describe('the tables in a terminal', () => {
  it.each(['seed-004-lingwu-civil-affairs-2024', 'pingtan-2019-format2019-txt', 'constructed-tab-broken-sums'])('%s: every table line fits 80 columns', (fixture) => {
    const lines = tableLines(fixture, 80);
    expect(lines.some((line) => line.includes('（七）总计') || line.includes('(七) 总计'))).toBe(true);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
  });

  it('a wider terminal gives the labels and the headers the room: table 3 is drawn 97 wide at 120', () => {
    const lines = tableLines('seed-004-lingwu-civil-affairs-2024', 120);
    expect(lines).toContain('  （四）无法提供 1.本机关不掌握…         0        0        0        0        0        0        0 ');
    expect(Math.max(...lines.map(displayWidth))).toBe(97);
    expect(lines.find((line) => line.includes('自然人'))).toContain('商业企业');
  });

  it('table 2: the single-value rows under their own header, not under 制发', () => {
    const lines = tableLines('seed-004-lingwu-civil-affairs-2024', 80);
    const licensing = lines.findIndex((line) => line.includes('行政许可'));
    expect(lines[licensing - 1]!.trim()).toBe('处理决定数');
    const fees = lines.findIndex((line) => line.includes('行政事业性收费'));
    expect(lines[fees - 1]!.trim()).toBe('金额(万元)');
  });
});
