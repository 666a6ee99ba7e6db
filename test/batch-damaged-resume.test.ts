// Issue 13's batch promise, tested as a user breaks it: good reports mixed with every kind of
// damaged input, the built binary SIGKILLed twice in the middle of the run, then run to the end.
// Every good report is in results.jsonl exactly once, every bad file is in failures.jsonl with
// its reason, the report whose model call fails keeps its tables, and the exports are complete.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/report/schemas.js';
import { exampleFromSchema, requestedSchema, startMockOpenAiServer } from './support/mock-openai-server.mjs';
import { BIN, ensureBuilt, ROOT, runBin } from './support/run-bin.js';

const SEEDS = ['seed-000-lingwu-justice-2024', 'seed-001-panzhihua-xiqu-justice-2023', 'seed-002-emin-justice-2024', 'seed-003-shapotou-justice-2022'];
const MODEL_FAILS = '本报告的模型调用总是失败';
// Each damaged input and the failure code it must be recorded with.
const DAMAGED: Record<string, string> = {
  'deep.html': 'too-large',
  'cut.pdf': 'corrupt',
  'cut.docx': 'corrupt',
  'noise.txt': 'binary-file',
  'empty.txt': 'empty-file',
  'huge.txt': 'too-large',
  'old.doc': 'unsupported-format',
};

let directory = '';
let input = '';
let mock: Awaited<ReturnType<typeof startMockOpenAiServer>>;
const good: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-damaged-batch-'));
  input = join(directory, 'in');
  await mkdir(input);
  for (const seed of SEEDS) {
    const text = readFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), 'utf8');
    for (const copy of [1, 2]) {
      const file = join(input, `${seed}-${copy}.txt`);
      await writeFile(file, `${text}\n本报告为第 ${copy} 份副本（${seed}）。\n`);
      good.push(file);
    }
  }
  const civil = readFileSync(join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024/report.txt'));
  // One invalid byte: read, with a notice (a good report).
  const badByte = join(input, 'one-bad-byte.txt');
  await writeFile(badByte, Buffer.concat([civil.subarray(0, 600), Buffer.from([0xff]), civil.subarray(600)]));
  good.push(badByte);
  await writeFile(join(input, 'model-fails.txt'), `${civil.toString('utf8')}\n${MODEL_FAILS}。\n`);
  await writeFile(join(input, 'deep.html'), `<html><body>${'<div>'.repeat(5000)}</body></html>`);
  const pdf = readFileSync(join(ROOT, 'fixtures/hongze-district-2023-pdf/report.pdf'));
  await writeFile(join(input, 'cut.pdf'), pdf.subarray(0, Math.floor(pdf.length / 3)));
  const docx = readFileSync(join(ROOT, 'fixtures/city-2025-docx/report.docx'));
  await writeFile(join(input, 'cut.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  await writeFile(join(input, 'noise.txt'), Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)));
  await writeFile(join(input, 'empty.txt'), '');
  await writeFile(join(input, 'huge.txt'), `${civil.toString('utf8')}\n${'其他需要报告的事项。'.repeat(200_000)}`);
  await writeFile(join(input, 'minutes.txt'), '会议纪要\n今天开会讨论了明年的工作安排。\n');
  await writeFile(join(input, 'old.doc'), 'not really a doc');
  await symlink(input, join(input, 'loop'));
  mock = await startMockOpenAiServer({
    respond: (request) => {
      const prose = String(request.body?.messages?.at(-1)?.content ?? '');
      if (prose.includes(MODEL_FAILS)) return { status: 500, message: 'the model is down for this one', delayMs: 100 };
      return { json: exampleFromSchema(requestedSchema(request.body)), delayMs: 150 };
    },
  });
});

afterAll(async () => {
  await mock?.close();
  await rm(directory, { recursive: true, force: true });
});

const ARGS = (out: string) => ['batch', input, '--out', out, '--provider', 'openai', '--concurrency', '3', '--max-retries', '0', '--no-cache'];
const ENV = () => ({ PATH: process.env['PATH'] ?? '', OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'sk-damaged-batch-secret', NIANBAO_MODEL: 'mock-model' });
const records = (file: string): unknown[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown) : [];

/** Runs the batch and SIGKILLs it once results.jsonl holds `lines` lines. */
async function runAndKill(out: string, lines: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...ARGS(out)], { env: ENV(), stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (records(join(out, 'results.jsonl')).length >= lines) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }
    }, 10);
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the batch ended (exit ${code}) before it could be killed`));
    });
  });
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('a batch of good and damaged files, killed twice and resumed', () => {
  it('ends with every good report once, every bad file named with its reason, and complete exports', async () => {
    const out = join(directory, 'out');
    await runAndKill(out, 3);
    await runAndKill(out, 6);
    const last = await runBin(ARGS(out), { env: ENV(), timeoutMs: 120_000 });
    // Files that cannot be read: 3, which outranks the failed narrative (4).
    expect(last.code, last.stderr).toBe(3);
    expect(last.stderr).not.toContain('sk-damaged-batch-secret');
    expect(last.stderr).not.toMatch(/internal error|at .*\.js:\d+/);

    const results = records(join(out, 'results.jsonl')) as Result[];
    const complete = results.filter((result) => !result.notices.some((notice) => notice.code === 'narrative-failed'));
    expect(complete.map((result) => result.source.path).sort()).toEqual([...good].sort());
    expect(new Set(complete.map((result) => result.source.sha256)).size).toBe(good.length);
    // The report the model fails on: its tables are kept each time it is tried.
    const tablesOnly = results.filter((result) => !complete.includes(result));
    expect(tablesOnly.length).toBeGreaterThanOrEqual(1);
    for (const result of tablesOnly) {
      expect(result.source.path).toBe(join(input, 'model-fails.txt'));
      expect(result.tables.applications!.newReceived.total).toBe(2);
    }

    const failures = records(join(out, 'failures.jsonl')) as { path: string; code: string }[];
    for (const [name, code] of Object.entries(DAMAGED)) {
      expect(failures.filter((failure) => failure.path === join(input, name)).map((failure) => failure.code)).toContain(code);
    }
    expect(failures.filter((failure) => failure.path === join(input, 'model-fails.txt')).map((failure) => failure.code)).toContain('provider');
    expect(failures.every((failure) => failure.path !== join(input, 'one-bad-byte.txt'))).toBe(true);
    // Minutes of a meeting are not a report: skipped with the reason, not a failure.
    expect(failures.every((failure) => failure.path !== join(input, 'minutes.txt'))).toBe(true);
    const skipped = records(join(out, 'skipped.jsonl')) as { path: string; code: string }[];
    expect(skipped.map((record) => record.path)).toContain(join(input, 'minutes.txt'));
    expect(skipped.every((record) => record.code === 'not-a-report')).toBe(true);
    expect(last.stderr).toContain(`nianbao: ${join(input, 'loop')}: skipped: the folder ${input} is already read`);

    // Exports: one row per report read (the good ones and the tables-only one), nothing half-written.
    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(csv).toHaveLength(1 + good.length + 1);
    const sqlite = execFileSync('sqlite3', [join(out, 'results.sqlite'), "SELECT count(*), sum(notices = 'narrative-failed') FROM reports"], { encoding: 'utf8' }).trim();
    expect(sqlite).toBe(`${good.length + 1}|1`);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 180_000);
});
