import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { linesOf } from './describe-place.js';
import { renderFindings } from './render-findings.js';
import { createStyle } from './style.js';

const plain = createStyle(false);

function analyze(fixture: string, file: string, format: 'txt' | 'html') {
  const bytes = readFileSync(new URL(`../../fixtures/${fixture}/${file}`, import.meta.url));
  const document = documentFromBytes(file, format, bytes);
  return { result: analyzeDocument(document), lines: linesOf(document.text) };
}

describe('renderFindings', () => {
  it('a table printed without five columns: one line for its 25 rows, with the columns and the lines', () => {
    const { result, lines } = analyze('shuyang-fgj-2023-html', 'report.html', 'html');
    expect(result.findings.filter((finding) => finding.id === 'table.missingCell')).toHaveLength(25);
    const rendered = renderFindings(result.findings, plain, 'zh', lines).split('\n');
    expect(rendered[0]).toBe('发现 25 个问题（错误 0，警告 25）：');
    expect(rendered[1]).toBe('⚠ 表三有 25 行的单元格空白或无法识别（每行都是：商业企业、科研机构、社会公益组织、法律服务机构、其他）：不按 0 计');
    expect(rendered[2]).toMatch(/^ {4}table\.missingCell · “一、本年新收政府信息公开申请数量”、.*等 25 行 · 第 \d+–\d+ 行$/);
    expect(rendered).toHaveLength(3);
  });

  it('one wrong cell that breaks three rules: the cell first, the rules under it; an unrelated error on its own', () => {
    const { result, lines } = analyze('constructed-tab-broken-sums', 'report.txt', 'txt');
    const rendered = renderFindings(result.findings, plain, 'zh', lines);
    expect(rendered).toMatch(/^✖ “\(七\) 总计”行“总计”列（第 \d+ 行）可能有误：它使 3 条勾稽关系不成立\n {4}↳ 若“\(七\) 总计”行“总计”为 13810（现为 13801），表三中所有不符的勾稽关系都能成立\n {4}· “\(七\) 总计”行：/m);
    expect(rendered).toMatch(/^✖ 行政诉讼\/复议后起诉：维持、纠正、其他、尚未审结合计 156，“总计”为 165，相差 9$/m);
  });
});
