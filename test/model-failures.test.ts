// Regression tests of issue 13 on the model's side, against a mock OpenAI endpoint over a real
// socket: a daily-quota 429 fails at once and says so; every retry is printed by extract; answers
// that fail validation (or run away to megabytes) are never cached, so the next run asks again;
// and in a batch, reports whose model call failed keep their tables in results and exports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/report/schemas.js';
import { exampleFromSchema, requestedSchema, startMockOpenAiServer, type MockAction, type MockRequest } from './support/mock-openai-server.mjs';
import { ensureBuilt, problemLines, ROOT, runBin } from './support/run-bin.js';

const SEEDS = ['seed-000-lingwu-justice-2024', 'seed-004-lingwu-civil-affairs-2024'];
const GOOD = join(ROOT, 'fixtures', SEEDS[0]!, 'report.txt');

let directory = '';
let mock: Awaited<ReturnType<typeof startMockOpenAiServer>>;
let respond: (request: MockRequest) => MockAction = () => ({ json: {} });

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-model-'));
  mock = await startMockOpenAiServer({ respond: (request) => respond(request) });
});

afterAll(async () => {
  await mock?.close();
  await rm(directory, { recursive: true, force: true });
});

const valid = (request: MockRequest): MockAction => ({ json: exampleFromSchema(requestedSchema(request.body)) });
const env = (cache?: string) => ({
  OPENAI_BASE_URL: mock.url,
  OPENAI_API_KEY: 'sk-model-failures-secret',
  NIANBAO_MODEL: 'mock-model',
  ...(cache ? { NIANBAO_CACHE_DIR: cache } : {}),
});
const calls = () => mock.chatRequests().length;
const cachedAnswers = (cache: string): string[] => (existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')) : []);

describe('the model fails', () => {
  it('a 429 with retry-after of a day fails at once, naming the quota (it used to wait silently for hours)', async () => {
    respond = () => ({ status: 429, retryAfterSeconds: 86_400, message: 'You exceeded your current quota' });
    const before = calls();
    const run = await runBin(['extract', GOOD, '--no-cache'], { env: env(), timeoutMs: 30_000 });
    expect(run.code).toBe(4);
    expect(run.milliseconds).toBeLessThan(15_000);
    expect(calls() - before).toBe(1);
    expect(problemLines(run.stderr)).toEqual([
      expect.stringMatching(/^nianbao: .*report\.txt: narrative extraction failed: the LLM endpoint asks to wait 24 h before the next request \(retry-after\), longer than the 10 min a call may wait: a quota \(a daily or monthly limit\) is used up; not waiting/),
    ]);
    expect(run.stderr).not.toContain('sk-model-failures-secret');
  });

  it('extract prints every retry, as batch does', async () => {
    let failures = 2;
    respond = (request) => (failures-- > 0 ? { status: 503, message: 'overloaded' } : valid(request));
    const run = await runBin(['extract', GOOD, '--no-cache'], { env: env() });
    expect(run.code).toBe(0);
    const retries = problemLines(run.stderr).filter((line) => line.includes('retry'));
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(/^nianbao: LLM call failed \(503\), retry 1\/3 in [\d.]+s: /);
    expect(retries[1]).toMatch(/^nianbao: LLM call failed \(503\), retry 2\/3 in [\d.]+s: /);
  });

  it('answers that fail validation are not cached: the next run asks the model again', async () => {
    const cache = join(directory, 'cache-invalid');
    respond = () => ({ json: { not: 'the schema' } });
    const before = calls();
    const first = await runBin(['extract', GOOD], { env: env(cache) });
    expect(first.code).toBe(4);
    const asked = calls() - before;
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(cachedAnswers(cache)).toEqual([]);
    const second = await runBin(['extract', GOOD], { env: env(cache) });
    expect(second.code).toBe(4);
    expect(calls() - before).toBe(2 * asked);
    // A valid answer is cached, and served on the run after.
    respond = valid;
    expect((await runBin(['extract', GOOD], { env: env(cache) })).code).toBe(0);
    expect(cachedAnswers(cache)).toHaveLength(1);
    const served = calls();
    expect((await runBin(['extract', GOOD], { env: env(cache) })).code).toBe(0);
    expect(calls()).toBe(served);
  });

  it('a 20 MB answer is refused as a runaway, not retried, not cached', async () => {
    const cache = join(directory, 'cache-runaway');
    respond = () => ({ content: `{"activeDisclosure": "${'很'.repeat(20 * 1024 * 1024 / 3)}"}` });
    const before = calls();
    const run = await runBin(['extract', GOOD], { env: env(cache), timeoutMs: 60_000 });
    expect(run.code).toBe(4);
    expect(calls() - before).toBe(1);
    expect(problemLines(run.stderr).join('\n')).toMatch(/narrative extraction failed: the model mock-model: the answer is \d+ characters long, more than the 1000000 a report's narrative can take \(a runaway answer\): not used/);
    expect(cachedAnswers(cache)).toEqual([]);
  }, 90_000);
});

describe('batch, when the model fails on some reports', () => {
  it('keeps their tables and table findings in results.jsonl and the exports, marked narrative-failed; the next run tries again', async () => {
    const input = join(directory, 'batch-in');
    await mkdir(input);
    for (const seed of SEEDS) await copyFile(join(ROOT, 'fixtures', seed, 'report.txt'), join(input, `${seed}.txt`));
    const out = join(directory, 'batch-out');
    respond = () => ({ status: 500, message: 'the model is down' });
    const first = await runBin(['batch', input, '--out', out, '--provider', 'openai', '--max-retries', '0', '--no-cache'], { env: env() });
    expect(first.code).toBe(4);
    const stored = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Result);
    expect(stored).toHaveLength(2);
    for (const result of stored) {
      expect(result.narrative).toBeNull();
      expect(result.notices.map((notice) => notice.code)).toContain('narrative-failed');
      expect(result.tables.applications).not.toBeNull();
    }
    // 灵武市民政局 2024: its table findings are there without the model.
    expect(stored.find((result) => result.source.path.includes('seed-004'))!.tables.applications!.newReceived.total).toBe(2);
    const failures = readFileSync(join(out, 'failures.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { code: string });
    expect(failures.map((failure) => failure.code)).toEqual(['provider', 'provider']);
    const csv = readFileSync(join(out, 'reports.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    const header = csv[0]!.split(',');
    expect(csv.slice(1).map((row) => row.split(',')[header.indexOf('notices')])).toEqual(['narrative-failed', 'narrative-failed']);
    expect(first.stderr).toContain('2 of them tables only (the model failed on the narrative: notices = narrative-failed)');

    respond = valid;
    const before = calls();
    const second = await runBin(['batch', input, '--out', out, '--provider', 'openai', '--no-cache'], { env: env() });
    expect(second.code).toBe(0);
    expect(calls() - before).toBe(2);
    const rows = readFileSync(join(out, 'reports.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((row) => row.split(',')[header.indexOf('notices')])).toEqual(['', '']);
    expect(rows.slice(1).map((row) => row.split(',')[header.indexOf('narrative_model')])).toEqual(['mock-model', 'mock-model']);
  }, 120_000);
});
