import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { analyzeDocument } from './analyze-document.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

/** Every document of the fixtures folder: each fixture's report and its NOTES.md, and the folder's README.md. */
function documentsOf(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return documentsOf(path);
    return /\.(txt|md|html?|pdf|docx)$/i.test(name) ? [path] : [];
  });
}

const isReport = async (path: string) => !analyzeDocument(await readDocument(path), { narrative: false }).notices.some((notice) => notice.code === 'not-a-report');

describe('is this a report?', () => {
  const documents = documentsOf(FIXTURES);

  it('every report of the fixtures is one, every note about them is not', async () => {
    const wrong: string[] = [];
    for (const path of documents) {
      const note = /(NOTES|README)\.md$/.test(path);
      if ((await isReport(path)) === note) wrong.push(`${note ? 'a note read as a report' : 'a report not read'}: ${path.slice(FIXTURES.length)}`);
    }
    expect(wrong).toEqual([]);
    // 49 fixtures, each with its NOTES.md, and the README.
    expect(documents.filter((path) => path.endsWith('NOTES.md')).length).toBeGreaterThanOrEqual(49);
  });

  it('a note that quotes the template says what it quotes and why it is not a report', async () => {
    const result = analyzeDocument(await readDocument(join(FIXTURES, 'pingtan-2019-format2019-txt/NOTES.md')), { narrative: false });
    const notice = result.notices.find((candidate) => candidate.code === 'not-a-report')!;
    expect(notice.message).toMatch(/^不是政府信息公开工作年度报告：正文以英文为主（汉字只占文字的 \d+%）/);
    expect(notice.message).toContain('2019 年试行版格式');
    expect(result.template.format).toBe('unknown');
    expect(result.findings).toEqual([]);
  });
});
