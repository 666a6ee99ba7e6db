// `nianbao extract` end to end with OPENAI_BASE_URL pointing at a mock OpenAI-compatible server
// started by a script in its own process: the built binary, real HTTP, the on-disk cache.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SEED = join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024');
const API_KEY = 'sk-e2e-secret-abcdef123456';

let directory = '';
let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  // The mock answers every request with the hand label of the report's narrative.
  const answer = join(directory, 'answer.json');
  await writeFile(answer, JSON.stringify(JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8')).narrative));
  server = spawn(process.execPath, [join(ROOT, 'test/support/mock-openai-server.mjs'), '--port', '0', '--answer', answer], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server!.stdout! }).once('line', resolve);
    server!.once('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(directory, { recursive: true, force: true });
});

function runBin(argv: readonly string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NIANBAO_LANG: 'en', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('nianbao extract against an OpenAI-compatible endpoint', () => {
  it('uses the configured model, grounds its answer, and a re-run is served from the cache', async () => {
    const cache = join(directory, 'cache');
    const env = { OPENAI_BASE_URL: url, OPENAI_API_KEY: API_KEY, NIANBAO_MODEL: 'gpt-4.1-mini', NIANBAO_CACHE_DIR: cache };
    const first = await runBin(['extract', join(SEED, 'report.txt'), '--lang', 'zh'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`nianbao: 正文事实由 openai:gpt-4.1-mini（${url}）提取，提示词 narrative/v2`);
    expect(first.stdout).toContain('抽取 openai:gpt-4.1-mini · 发送正文');
    expect(first.stdout).toContain('微博“灵武民政”发布信息前后不一：89 与 92');

    const second = await runBin(['extract', join(SEED, 'report.txt'), '--json'], env);
    const result = JSON.parse(second.stdout);
    expect(result.narrative.extractor).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', promptVersion: 'narrative/v2' });
    expect(result.narrative.usage.cached).toBe(true);
    expect(result.narrative.facts.applications.statements[0]).toMatchObject({ measure: 'received', count: { value: 2, grounded: true } });
    expect(result.narrative.input.tokens).toBeLessThan(result.narrative.input.wholeReportTokens);

    // The key is in no output and no cache file.
    const files = readdirSync(cache, { recursive: true }).map(String).filter((file) => statSync(join(cache, file)).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const text of [first.stdout, first.stderr, second.stdout, second.stderr, ...files.map((file) => readFileSync(join(cache, file), 'utf8'))]) {
      expect(text).not.toContain(API_KEY);
    }
  });

  it('an endpoint that fails: the tables are still read, one line says why, exit 4', async () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: API_KEY, NIANBAO_MODEL: 'gpt-4.1-mini', NIANBAO_TIMEOUT_MS: '2000' };
    const { code, stdout, stderr } = await runBin(['extract', join(SEED, 'report.txt'), '--json', '--no-cache'], env);
    expect(code).toBe(4);
    expect(stderr).toMatch(/narrative extraction failed: the LLM endpoint http:\/\/127\.0\.0\.1:9\/v1 \(model gpt-4\.1-mini\) could not be reached/);
    const result = JSON.parse(stdout);
    expect(result.tables.applications.newReceived.total).toBe(2);
    expect(result.narrative).toBeNull();
    expect(result.notices[0].code).toBe('narrative-failed');
    expect(stderr).not.toContain(API_KEY);
  }, 60_000);
});
