// Saving a reviewed report as a fixture: the eval loads it back, the edits are in it, the notes
// say what a person decided, and nothing is written when the save is refused.
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../eval/load-fixtures.js';
import { scoreFixture } from '../eval/score-fixture.js';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import type { Decision } from './review.js';
import { parseEditedNumber } from './review.js';
import { saveFixture } from './save-fixture.js';

const SOURCE = new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url).pathname;
const result = analyzeDocument(documentFromBytes(SOURCE, 'txt', readFileSync(SOURCE)));
const conflict = result.findings.find((finding) => finding.id === 'narrative.conflictingFigures')!;
let directory = '';
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('saveFixture', () => {
  it('writes report, expected.json and NOTES.md that the eval loads; edits applied, dismissed findings left out', async () => {
    directory = mkdtempSync(join(tmpdir(), 'nianbao-label-'));
    const decisions = new Map<string, Decision>([
      ['cell:applications.newReceived.naturalPerson', { kind: 'edited', value: 3, reason: '原表自然人一栏印的是 3' }],
      ['cell:applications.newReceived.total', { kind: 'confirmed', reason: '' }],
      ['meta:agency', { kind: 'edited', value: '灵武市民政局（测试）', reason: 'full name' }],
      [`finding:${conflict.id}@${conflict.path}`, { kind: 'dismissed', reason: '两处说的是不同平台' }],
    ]);
    const folder = await saveFixture(result, decisions, { fixturesDirectory: directory, id: 'reviewed-lingwu-2024', includeNarrative: false, now: new Date('2026-11-21T12:00:00Z') });

    expect(folder).toBe(join(directory, 'reviewed-lingwu-2024'));
    expect(readdirSync(directory)).toEqual(['reviewed-lingwu-2024']);
    expect(readFileSync(join(folder, 'report.txt'))).toEqual(readFileSync(SOURCE));
    const fixture = await loadFixture(directory, 'reviewed-lingwu-2024');
    expect(fixture.expected.meta).toEqual({ agency: '灵武市民政局（测试）', year: 2024 });
    expect(fixture.expected.findings).toEqual([]);
    expect(fixture.expected.narrative).toBeNull();
    const score = scoreFixture(fixture.expected, result);
    // The tool's own reading now differs from the label in exactly the edited cell.
    expect(score.wrong.map((wrong) => wrong.field).filter((field) => field.startsWith('tables'))).toEqual(['tables.applications.newReceived.naturalPerson']);
    const notes = readFileSync(join(folder, 'NOTES.md'), 'utf8');
    expect(notes).toContain('`cell:applications.newReceived.naturalPerson` → 3: 原表自然人一栏印的是 3');
    expect(notes).toContain('`cell:applications.newReceived.total`');
    expect(notes).toContain('两处说的是不同平台');
    expect(notes).toContain('Reviewed by the person: 2 of');
    expect(notes).toContain('Narrative: not labelled');
  });

  it('keeps the narrative when the person says every stated number is listed, with edited values', async () => {
    directory = mkdtempSync(join(tmpdir(), 'nianbao-label-'));
    const decisions = new Map<string, Decision>([['narrative:activeDisclosure.statements.2.count', { kind: 'edited', value: 92, reason: 'typo in the report' }]]);
    const folder = await saveFixture(result, decisions, { fixturesDirectory: directory, id: 'with-narrative', includeNarrative: true });
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    expect(expected.narrative.activeDisclosure.statements[2].count).toEqual({ value: 92, quote: '“灵武民政”政务微博发布信息89条', year: null });
    expect(expected.findings).toEqual([{ id: conflict.id, path: conflict.path }]);
  });

  it('refuses an existing folder or a bad id, and leaves nothing behind', async () => {
    directory = mkdtempSync(join(tmpdir(), 'nianbao-label-'));
    await saveFixture(result, new Map(), { fixturesDirectory: directory, id: 'taken', includeNarrative: false });
    await expect(saveFixture(result, new Map(), { fixturesDirectory: directory, id: 'taken', includeNarrative: false })).rejects.toThrow(/already exists/);
    await expect(saveFixture(result, new Map(), { fixturesDirectory: directory, id: 'Bad Id', includeNarrative: false })).rejects.toThrow(/not a fixture id/);
    expect(readdirSync(directory)).toEqual(['taken']);
  });

  it('a value that breaks the fixture schema is refused before anything is written', async () => {
    directory = mkdtempSync(join(tmpdir(), 'nianbao-label-'));
    const decisions = new Map<string, Decision>([['cell:applications.newReceived.total', { kind: 'edited', value: -4, reason: 'oops' }]]);
    await expect(saveFixture(result, decisions, { fixturesDirectory: directory, id: 'negative', includeNarrative: false })).rejects.toThrow(/not a valid fixture: tables.applications.newReceived.total/);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('refuses a report changed on disk since it was read: the copy would not be what was labelled', async () => {
    directory = mkdtempSync(join(tmpdir(), 'nianbao-label-'));
    const copy = join(directory, 'report.txt');
    writeFileSync(copy, readFileSync(SOURCE));
    const read = analyzeDocument(documentFromBytes(copy, 'txt', readFileSync(copy)));
    const fixtures = join(directory, 'fixtures');
    mkdirSync(fixtures);
    appendFileSync(copy, '\n补充：本报告已更正。\n');
    await expect(saveFixture(read, new Map(), { fixturesDirectory: fixtures, id: 'changed', includeNarrative: false })).rejects.toThrow(/report\.txt has changed since it was read/);
    rmSync(copy);
    await expect(saveFixture(read, new Map(), { fixturesDirectory: fixtures, id: 'gone', includeNarrative: false })).rejects.toThrow(/report\.txt cannot be read/);
    expect(readdirSync(fixtures)).toEqual([]);
  });
});

describe('parseEditedNumber', () => {
  it('reads digits, thousands separators, decimals and 空 for a blank', () => {
    expect(parseEditedNumber(' 1,234 ')).toEqual({ value: 1234 });
    expect(parseEditedNumber('0.35')).toEqual({ value: 0.35 });
    expect(parseEditedNumber('空')).toEqual({ value: null });
    expect(parseEditedNumber('八')).toHaveProperty('problem');
  });
});
