// A report cut short (a truncated download, a copy that stopped early) is still read, and said
// to be truncated in one line; a cut in the middle of a UTF-8 character does not make it unreadable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';

const SEED_004 = readFileSync(new URL('../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url));

function analyzeBytes(bytes: Uint8Array) {
  return analyzeDocument(documentFromBytes('report.txt', 'txt', bytes), { language: 'en' });
}

describe('a truncated report', () => {
  it('cut inside section 一 (mid-character): read as a 2021 report, with a truncated notice', () => {
    let end = 4000;
    while ((SEED_004[end]! & 0xc0) !== 0x80) end += 1; // stop inside a multi-byte character
    const cut = SEED_004.subarray(0, end);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cut)).toThrow();
    const result = analyzeBytes(cut);
    expect(result.source.encoding).toBe('utf-8');
    expect(result.notices).toEqual([{ code: 'truncated', message: expect.stringContaining('ends after “一、总体情况”') }]);
    expect(result.findings.filter((finding) => finding.id === 'structure.missingSection')).toHaveLength(5);
  });

  it('cut inside table 三: the rows printed so far are read, the others are said to be missing', () => {
    const text = SEED_004.toString('utf8');
    const cut = text.slice(0, text.indexOf('3.要求提供公开出版物'));
    const result = analyzeBytes(new TextEncoder().encode(cut));
    expect(result.notices.map((notice) => notice.code)).toEqual(['truncated']);
    expect(result.tables.applications?.newReceived.total).toBe(2);
    const shape = result.findings.find((finding) => finding.path === 'tables.applications');
    expect(shape?.id).toBe('structure.tableShape');
    expect(shape?.message).toContain('row(s) not found');
  });

  it('a whole report has no notice', () => {
    expect(analyzeBytes(SEED_004).notices).toEqual([]);
  });
});
