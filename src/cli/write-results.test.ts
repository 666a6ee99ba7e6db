import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Result } from '../report/schemas.js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { readReport } from '../pipeline/read-report.js';
import { resultFileNames, writeResults } from './write-results.js';

const SEED_000 = new URL('../../fixtures/seed-000-lingwu-justice-2024/report.txt', import.meta.url).pathname;
const SEED_001 = new URL('../../fixtures/seed-001-panzhihua-xiqu-justice-2023/report.txt', import.meta.url).pathname;

describe('writeResults', () => {
  it('names each result by the path of its input within the folder the inputs share, and writes an input given twice once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-out-'));
    const first = await readReport(SEED_000);
    const second = await readReport(SEED_001);
    const written = await writeResults(directory, [first, first, second, first]);
    expect(written.map((path) => relative(directory, path)).sort()).toEqual(['seed-000-lingwu-justice-2024/report.json', 'seed-001-panzhihua-xiqu-justice-2023/report.json']);
    expect(JSON.parse(await readFile(written[0]!, 'utf8')).source.path).toBe(SEED_000);
  });

  it('keeps the extension when two inputs of one folder share a stem; one input is named by its file', () => {
    const result = (path: string) => ({ source: { path } }) as Result;
    const text = result('/data/洪泽/2023/report.txt');
    const pdf = result('/data/洪泽/2023/report.pdf');
    const other = result('/data/洪泽/2024/报告.pdf');
    expect([...resultFileNames([text, pdf, other]).values()]).toEqual(['2023/report.txt.json', '2023/report.pdf.json', '2024/报告.json']);
    expect([...resultFileNames([other]).values()]).toEqual(['报告.json']);
  });

  it('an output folder that cannot be created is an AppError naming it, not a crash', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-out-'));
    const file = join(directory, 'a-file');
    await writeFile(file, 'x');
    await expect(writeResults(join(file, 'sub'), [await readReport(SEED_000)])).rejects.toThrow(AppError);
    await expect(writeResults(join(file, 'sub'), [await readReport(SEED_000)])).rejects.toThrow(/cannot create the output folder .*a-file\/sub/);
  });
});
