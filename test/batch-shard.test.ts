// N machines split one corpus with --shard K/N and no coordination; `nianbao export` merges their
// folders. Two shards merged must equal one unsharded run: the same results (run timings aside)
// and the same rows in every export, cross-year findings across the shards included.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBin } from './support/run-bin.js';

let directory = '';
const stderr: Record<string, string> = {};
const INPUTS: Record<string, string> = {
  'pingtan-2021.txt': 'pingtan-2021-txt/report.txt',
  'pingtan-2022.txt': 'pingtan-2022-txt/report.txt',
  'pingtan-2023.txt': 'pingtan-2023-txt/report.txt',
  'hongze-2023.pdf': 'hongze-district-2023-pdf/report.pdf',
  'hongze-2024.pdf': 'hongze-district-2024-pdf/report.pdf',
  'seed-000.txt': 'seed-000-lingwu-justice-2024/report.txt',
  'seed-001.txt': 'seed-001-panzhihua-xiqu-justice-2023/report.txt',
  'seed-003.txt': 'seed-003-shapotou-justice-2022/report.txt',
  'seed-004.txt': 'seed-004-lingwu-civil-affairs-2024/report.txt',
  'NOTES.md': 'pingtan-2022-txt/NOTES.md',
};
const folder = (name: string) => join(directory, name);

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-shard-'));
  await mkdir(folder('in'));
  for (const [name, source] of Object.entries(INPUTS)) await copyFile(join(ROOT, 'fixtures', source), join(folder('in'), name));
  for (const [out, shard] of [['one', null], ['shard-1', '1/2'], ['shard-2', '2/2']] as const) {
    const run = await runBin(['batch', folder('in'), '--out', folder(out), ...(shard ? ['--shard', shard] : [])], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    stderr[out] = run.stderr;
  }
  const merged = await runBin(['export', folder('shard-1'), folder('shard-2'), '--out', folder('merged')]);
  expect(merged.code, merged.stderr).toBe(0);
  stderr['merged'] = merged.stderr;
}, 180_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** results.jsonl's lines by content hash, with the run's own timings taken out. */
async function results(out: string): Promise<Map<string, string>> {
  const lines = (await readFile(join(folder(out), 'results.jsonl'), 'utf8')).trim().split('\n');
  return new Map(lines.map((line) => {
    const result = JSON.parse(line);
    if (result.narrative) result.narrative.usage.latencyMs = 0;
    return [result.source.sha256 as string, JSON.stringify(result)];
  }));
}

const rows = async (out: string, file: string) => (await readFile(join(folder(out), file), 'utf8')).split('\r\n').filter(Boolean).sort();

describe('batch --shard K/N and nianbao export', () => {
  it('the shards split the reports with no overlap and no gap', async () => {
    const one = await results('one');
    const first = await results('shard-1');
    const second = await results('shard-2');
    expect(first.size).toBeGreaterThan(0);
    expect(second.size).toBeGreaterThan(0);
    expect([...first.keys()].filter((hash) => second.has(hash))).toEqual([]);
    expect([...first.keys(), ...second.keys()].sort()).toEqual([...one.keys()].sort());
  });

  it('merged, they equal one run: the results, and every export row for row, cross-year findings included', async () => {
    const one = await results('one');
    const merged = await results('merged');
    expect([...merged.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [hash, line] of one) expect(merged.get(hash), hash).toBe(line);
    for (const file of ['reports.csv', 'findings.csv', 'narrative.csv', 'notices.csv', 'codebook.csv']) expect(await rows('merged', file), file).toEqual(await rows('one', file));
    const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      const parquetRows = async (out: string, file: string) => (await duckdb.runAndReadAll(`select * from '${join(folder(out), file)}' order by all`)).getRowObjectsJson();
      for (const file of ['reports.parquet', 'findings.parquet', 'narrative.parquet', 'notices.parquet', 'cells.parquet']) {
        const merged = await parquetRows('merged', file);
        // No input here has a notice: notices.parquet is a file with its columns and no rows.
        if (file !== 'notices.parquet') expect(merged.length, file).toBeGreaterThan(0);
        expect(merged, file).toEqual(await parquetRows('one', file));
      }
    } finally {
      duckdb.closeSync();
    }
    // 平潭 2021–2023 and 洪泽 2023–2024 fall in different shards: their years are compared after the merge.
    const crossYear = (text: string) => text.split('\n').find((line) => line.includes('cross-year checks:'))?.trim();
    expect(crossYear(stderr['one']!)).toMatch(/cross-year checks: 3 pair\(s\) of consecutive years compared/);
    expect(crossYear(stderr['merged']!)).toBe(crossYear(stderr['one']!));
    expect(crossYear(stderr['shard-1']!)).not.toBe(crossYear(stderr['one']!));
    const skipped = async (out: string) => (await readFile(join(folder(out), 'skipped.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line).path).sort();
    expect(await skipped('merged')).toEqual(await skipped('one'));
    expect(await readFile(join(folder('merged'), 'overview.html'), 'utf8')).toContain('nianbao batch overview');
  });
});
