import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import type { Result } from '../report/schemas.js';
import { renderCheck, renderCheckSummary } from './render-check.js';
import { createStyle } from './style.js';

const plain = createStyle(false);

function analyze(fixture: string): Result {
  const bytes = readFileSync(new URL(`../../fixtures/${fixture}/report.txt`, import.meta.url));
  return analyzeDocument(documentFromBytes(`${fixture}.txt`, 'txt', bytes));
}

const CLEAN = analyze('seed-000-lingwu-justice-2024');
const OLD_TEMPLATE = analyze('pingtan-2018-pre2019');
const NARRATIVE_FAILED: Result = { ...CLEAN, narrative: null, notices: [{ code: 'narrative-failed', message: '调用大模型失败' }] };
const NO_TABLE_4: Result = { ...CLEAN, tables: { ...CLEAN.tables, reviewLitigation: null } };

describe('check never says "no findings" of what it could not check', () => {
  it('a clean report, fully checked: ✔', () => {
    expect(renderCheck(CLEAN, plain, 'zh')).toBe('✔ 未发现问题');
  });

  it('an old template: not checked, with the reason', () => {
    expect(renderCheck(OLD_TEMPLATE, plain, 'zh')).toBe('⊘ 未检查：不是 2019 年以来的年报格式，统计表未读取');
    expect(renderCheck(OLD_TEMPLATE, plain, 'en')).toBe('⊘ not checked: not the 2019 or 2021 template: its tables were not read');
  });

  it('a failed narrative or a table not found: partly checked, with what was left out', () => {
    expect(renderCheck(NARRATIVE_FAILED, plain, 'zh')).toBe('✔ 已检查的部分未发现问题\n◐ 部分检查：正文事实提取失败，正文未与表格核对');
    expect(renderCheck(NO_TABLE_4, plain, 'zh')).toBe('✔ 已检查的部分未发现问题\n◐ 部分检查：没有找到表四');
  });

  it('many reports end with one line that counts each kind', () => {
    expect(renderCheckSummary([CLEAN, OLD_TEMPLATE, NARRATIVE_FAILED], 1, 'zh')).toBe(
      '共 4 个文件：0 份有错误，0 份只有警告，1 份未发现问题；1 份只检查了一部分，1 份未能检查，1 个无法读取',
    );
  });
});
