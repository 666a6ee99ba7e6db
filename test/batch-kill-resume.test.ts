// The batch run's promise, tested as a user would break it: the built binary is killed with
// SIGKILL in the middle of a run against a mock OpenAI endpoint (real HTTP, answers taking 150 ms),
// then run again. Nothing written before the kill may be lost or duplicated, and the second run
// may call the model only for the reports that had no result yet.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFromSchema, requestedSchema, startMockOpenAiServer } from './support/mock-openai-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SEEDS = ['seed-000-lingwu-justice-2024', 'seed-001-panzhihua-xiqu-justice-2023', 'seed-002-emin-justice-2024', 'seed-003-shapotou-justice-2022', 'seed-004-lingwu-civil-affairs-2024'];
const COPIES = 3;
const TOTAL = SEEDS.length * COPIES;

let directory = '';
let mock: Awaited<ReturnType<typeof startMockOpenAiServer>>;
// Which report each request was for: the report's own closing line is in the prose sent.
const requestsPerCopy = new Map<string, number>();

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = await mkdtemp(join(tmpdir(), 'nianbao-batch-'));
  await mkdir(join(directory, 'in'));
  for (const seed of SEEDS) {
    const text = readFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), 'utf8');
    for (let copy = 1; copy <= COPIES; copy += 1) {
      await writeFile(join(directory, 'in', `${seed}-${copy}.txt`), `${text}\n本报告为第 ${copy} 份副本（${seed}）。\n`);
    }
  }
  mock = await startMockOpenAiServer({
    respond: (request) => {
      const prose = String(request.body?.messages?.at(-1)?.content ?? '');
      const marker = /本报告为第 \d+ 份副本（[^）]+）/.exec(prose)?.[0] ?? 'unknown';
      requestsPerCopy.set(marker, (requestsPerCopy.get(marker) ?? 0) + 1);
      const schema = requestedSchema(request.body);
      return { json: schema ? exampleFromSchema(schema) : {}, delayMs: 150 };
    },
  });
});

afterAll(async () => {
  await mock?.close();
  await rm(directory, { recursive: true, force: true });
});

const ENV = () => ({ PATH: process.env['PATH'] ?? '', NIANBAO_LANG: 'en', OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'sk-batch-secret-123456', NIANBAO_MODEL: 'mock-model' });
const ARGS = (out: string) => [BIN, 'batch', join(directory, 'in'), '--out', out, '--provider', 'openai', '--concurrency', '3', '--no-cache'];

function resultLines(out: string): { sha256: string; marker: string }[] {
  const text = readFileSync(join(out, 'results.jsonl'), 'utf8');
  expect(text.endsWith('\n') || text.length === 0).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const result = JSON.parse(line);
      return { sha256: result.source.sha256 as string, marker: /本报告为第 \d+ 份副本（[^）]+）/.exec(readFileSync(result.source.path, 'utf8'))![0] };
    });
}

describe('nianbao batch, killed and resumed', () => {
  it('kill -9 mid-run, run again: every report once, no result lost, the model called only for what was missing', async () => {
    const out = join(directory, 'out');
    const child = spawn(process.execPath, ARGS(out), { env: ENV(), stdio: 'ignore' });
    // Kill once some results are written and others are in flight.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const lines = existsSync(join(out, 'results.jsonl')) ? readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').length - 1 : 0;
        if (lines >= 5) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`the batch finished (exit ${code}) before it could be killed`));
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const beforeResume = resultLines(out);
    expect(beforeResume.length).toBeGreaterThanOrEqual(5);
    expect(beforeResume.length).toBeLessThan(TOTAL);
    const requestsAtKill = new Map(requestsPerCopy);

    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ARGS(out), { env: ENV() }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`resuming: ${beforeResume.length} result(s) already in results.jsonl`);

    const after = resultLines(out);
    expect(after).toHaveLength(TOTAL);
    expect(new Set(after.map((line) => line.sha256)).size).toBe(TOTAL);
    // The results written before the kill are still the first lines, unchanged.
    expect(after.slice(0, beforeResume.length)).toEqual(beforeResume);
    // Reports with a result before the kill were not sent again.
    for (const { marker } of beforeResume) expect(requestsPerCopy.get(marker), marker).toBe(1);
    // The others: sent once by the second run, plus at most once more if in flight at the kill.
    for (const { marker } of after.slice(beforeResume.length)) {
      expect(requestsPerCopy.get(marker)! - (requestsAtKill.get(marker) ?? 0), marker).toBe(1);
    }
    expect(stderr).not.toContain('sk-batch-secret');
    for (const file of ['reports.csv', 'findings.csv', 'results.xlsx', 'results.sqlite', 'failures.jsonl']) expect(existsSync(join(out, file)), file).toBe(true);

    // A third run finds everything done and calls nothing.
    const requestsBefore = mock.chatRequests().length;
    const third = await new Promise<string>((resolve) => execFile(process.execPath, ARGS(out), { env: ENV() }, (_error, _stdout, stderr) => resolve(stderr)));
    expect(mock.chatRequests().length).toBe(requestsBefore);
    expect(third).toContain(`0 read, 0 failed, ${TOTAL} already done`);
  }, 60_000);

  it('a torn last line (a write cut off by the kill) is removed and that report redone', async () => {
    const out = join(directory, 'out');
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean);
    // Tear the last result: cut the file in the middle of its line.
    const lastShas = JSON.parse(lines.at(-1)!).source.sha256 as string;
    await writeFile(join(out, 'results.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    await appendFile(join(out, 'results.jsonl'), Buffer.from(lines.at(-1)!, 'utf8').subarray(0, 500));
    const stderr = await new Promise<string>((resolve) => execFile(process.execPath, ARGS(out), { env: ENV() }, (_error, _stdout, stderr) => resolve(stderr)));
    expect(stderr).toMatch(/a torn last line \(500 bytes, from an interrupted write\) was removed/);
    expect(stderr).toContain(`1 read, 0 failed, ${TOTAL - 1} already done`);
    const after = readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).source.sha256);
    expect(after).toHaveLength(TOTAL);
    expect(after.at(-1)).toBe(lastShas);
  }, 60_000);
});
