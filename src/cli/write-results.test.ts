import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { readReport } from '../pipeline/read-report.js';
import { writeResults } from './write-results.js';

const SEED_000 = new URL('../../fixtures/seed-000-lingwu-justice-2024/report.txt', import.meta.url).pathname;
const SEED_001 = new URL('../../fixtures/seed-001-panzhihua-xiqu-justice-2023/report.txt', import.meta.url).pathname;

describe('writeResults', () => {
  it('gives inputs that share a file name distinct names, and writes the same content once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-out-'));
    const first = await readReport(SEED_000);
    const second = await readReport(SEED_001);
    const written = await writeResults(directory, [first, first, second, first]);
    expect(written).toHaveLength(2);
    expect(new Set(written).size).toBe(2);
    expect((await readdir(directory)).sort()).toEqual(['report-' + second.source.sha256.slice(0, 12) + '.json', 'report.json']);
  });

  it('an output folder that cannot be created is an AppError naming it, not a crash', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-out-'));
    const file = join(directory, 'a-file');
    await writeFile(file, 'x');
    await expect(writeResults(join(file, 'sub'), [await readReport(SEED_000)])).rejects.toThrow(AppError);
    await expect(writeResults(join(file, 'sub'), [await readReport(SEED_000)])).rejects.toThrow(/cannot create the output folder .*a-file\/sub/);
  });
});
