import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { recheck } from './recheck.js';
import { cellKey, type Decision } from './review.js';

const read = (name: string) => {
  const path = new URL(`../../fixtures/${name}/report.txt`, import.meta.url).pathname;
  return analyzeDocument(documentFromBytes(path, 'txt', readFileSync(path)));
};
const edit = (value: number | null): Decision => ({ kind: 'edited', value, reason: 'test' });

describe('recheck', () => {
  const clean = read('seed-004-lingwu-civil-affairs-2024');

  it('an edit that breaks a rule raises its finding at once; undoing it mends it', () => {
    const before = clean.findings.filter((finding) => finding.id.startsWith('applications.'));
    expect(before).toEqual([]);
    const received = clean.tables.applications!.newReceived.naturalPerson!;
    const edited = recheck(clean, new Map([[cellKey('applications.newReceived.naturalPerson'), edit(received + 1)]]), 'zh');
    expect(edited.raised.map((finding) => finding.id)).toContain('applications.rowTotal');
    expect(edited.result.tables.applications!.newReceived.naturalPerson).toBe(received + 1);
    // The report as read is untouched.
    expect(clean.tables.applications!.newReceived.naturalPerson).toBe(received);
    expect(recheck(clean, new Map(), 'zh')).toEqual({ result: clean, raised: [], mended: [] });
  });

  it('mending the one wrong cell of a broken table clears its findings', () => {
    const broken = read('constructed-tab-broken-sums');
    const suggestion = broken.findings.find((finding) => finding.suggestion)?.suggestion;
    expect(suggestion).toBeTruthy();
    const mended = recheck(broken, new Map([[cellKey(suggestion!.path), edit(suggestion!.value)]]), 'zh');
    const own = (id: string) => id.startsWith(suggestion!.path.split('.')[0]!);
    expect(mended.mended.filter((finding) => own(finding.id)).length).toBeGreaterThan(0);
    expect(mended.result.findings.filter((finding) => own(finding.id) && finding.cells.some((cell) => cell.path === suggestion!.path))).toEqual([]);
    expect(mended.raised).toEqual([]);
  });

  it('a missing cell filled in no longer warns', () => {
    const blank = read('constructed-tab-blank-cell');
    const missing = blank.findings.find((finding) => finding.id === 'table.missingCell')!;
    expect(missing).toBeTruthy();
    const filled = recheck(blank, new Map(missing.cells.map((cell) => [cellKey(cell.path), edit(0)])), 'zh');
    expect(filled.mended.map((finding) => finding.id)).toContain('table.missingCell');
  });
});
