// Re-running into the same --out after files changed, or over fewer inputs: the exports describe
// this run's inputs; older results stay in results.jsonl as history, and the summary counts them.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBin } from './support/run-bin.js';

let directory = '';
let input = '';
let out = '';
const SEED_000 = join(ROOT, 'fixtures/seed-000-lingwu-justice-2024/report.txt');
const SEED_004 = join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024/report.txt');

const csvRows = async (file: string) => (await readFile(join(out, file), 'utf8')).split('\r\n').filter(Boolean).slice(1);
const paths = async () => (await csvRows('reports.csv')).map((row) => row.split(',')[0]).sort();

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-stale-'));
  input = join(directory, 'in');
  out = join(directory, 'out');
  await mkdir(input);
  await copyFile(SEED_000, join(input, 'a.txt'));
  await copyFile(SEED_004, join(input, 'b.txt'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('stale results', () => {
  it('a changed file is exported once, as it reads now; its old result stays in results.jsonl', async () => {
    const first = await runBin(['batch', input, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(await paths()).toEqual([join(input, 'a.txt'), join(input, 'b.txt')]);
    const text = await readFile(SEED_004, 'utf8');
    await writeFile(join(input, 'b.txt'), `${text}\n本报告于次年更正。\n`);
    const second = await runBin(['batch', input, '--out', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(await paths()).toEqual([join(input, 'a.txt'), join(input, 'b.txt')]);
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(second.stderr).toContain('1 older report result(s) in results.jsonl not exported: the file changed since, or is not among this run');
    // Its findings, narrative and notices rows are of the current file only.
    const hashes = new Set((await csvRows('reports.csv')).map((row) => row.split(',')[1]));
    for (const file of ['findings.csv', 'narrative.csv']) {
      for (const row of await csvRows(file)) expect(hashes.has(row.split(',')[1]!), file).toBe(true);
    }
  });

  it('a run over fewer inputs exports only those', async () => {
    const narrowed = await runBin(['batch', join(input, 'a.txt'), '--out', out]);
    expect(narrowed.code, narrowed.stderr).toBe(0);
    expect(await paths()).toEqual([join(input, 'a.txt')]);
    expect(narrowed.stderr).toContain('2 older report result(s) in results.jsonl not exported');
  });
});
