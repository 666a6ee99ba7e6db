// nianbao batch --batch-api against the mock's Files and Batches endpoints (real HTTP): requests
// gathered into one uploaded JSONL batch, polled, joined back by custom_id; a request that fails
// inside a batch goes into the next one; a run killed while its batch is processing is resumed by
// the batch id it recorded, without submitting (and paying for) the requests again.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFromSchema, requestedSchema, startMockOpenAiServer } from './support/mock-openai-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SEEDS = ['seed-000-lingwu-justice-2024', 'seed-001-panzhihua-xiqu-justice-2023', 'seed-002-emin-justice-2024'];

let directory = '';
let mock: Awaited<ReturnType<typeof startMockOpenAiServer>>;
let failOnce = new Set<string>();
let gate: Promise<void> = Promise.resolve();

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = await mkdtemp(join(tmpdir(), 'nianbao-batch-api-'));
  for (const name of ['a', 'b']) {
    await mkdir(join(directory, name));
    for (const seed of SEEDS) {
      await writeFile(join(directory, name, `${seed}.txt`), `${readFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), 'utf8')}\n（${name} 组）\n`);
    }
  }
  mock = await startMockOpenAiServer({
    respond: async (request) => {
      await gate;
      const prose = String(request.body?.messages?.at(-1)?.content ?? '');
      const failing = [...failOnce].find((marker) => prose.includes(marker));
      if (failing) {
        failOnce.delete(failing);
        return { status: 500, message: 'mock: this request fails once' };
      }
      const schema = requestedSchema(request.body);
      return { json: schema ? exampleFromSchema(schema) : {} };
    },
  });
});

afterAll(async () => {
  await mock?.close();
  await rm(directory, { recursive: true, force: true });
});

const ENV = () => ({ PATH: process.env['PATH'] ?? '', NIANBAO_LANG: 'en', OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'sk-batch-api-secret-1234', NIANBAO_MODEL: 'mock-model' });
const ARGS = (input: string, out: string) => [BIN, 'batch', join(directory, input), '--out', out, '--provider', 'openai', '--batch-api', '--poll-interval', '0.05', '--no-cache'];
const run = (args: string[]) =>
  new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, args, { env: ENV() }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr })),
  );
const results = (out: string) => readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('nianbao batch --batch-api', () => {
  it('one batch for all reports; a request failing inside it goes into a second batch', async () => {
    failOnce = new Set([readFileSync(join(ROOT, 'fixtures', SEEDS[1]!, 'report.txt'), 'utf8').slice(-20).trim().slice(-10)]);
    const before = mock.batches.length;
    const out = join(directory, 'out-a');
    const { code, stderr } = await run(ARGS('a', out));
    expect(code, stderr).toBe(0);
    expect(mock.batches.length - before).toBe(2);
    expect(stderr).toMatch(/Batch API: submitted batch_mock_\d+ with 3 request\(s\)/);
    expect(stderr).toMatch(/finished: 2 answered, 1 to retry in the next batch, 0 failed/);
    expect(stderr).toMatch(/Batch API: submitted batch_mock_\d+ with 1 request\(s\)/);
    const written = results(out);
    expect(written).toHaveLength(3);
    for (const result of written) expect(result.narrative.extractor).toMatchObject({ provider: 'openai', model: 'mock-model' });
    expect(mock.chatRequests().filter((request) => !('batchId' in request))).toHaveLength(0);
    expect(stderr).not.toContain('sk-batch-api-secret');
  }, 30_000);

  it('killed while its batch is processing, a re-run polls the same batch instead of submitting again', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const before = mock.batches.length;
    const out = join(directory, 'out-b');
    const child = spawn(process.execPath, ARGS('b', out), { env: ENV(), stdio: 'ignore' });
    // The batch is submitted and recorded; its answers are held back by the gate.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(join(out, 'batch-api.json')) && mock.batches.length > before && mock.batches.at(-1)!.polls >= 2) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const recorded = JSON.parse(readFileSync(join(out, 'batch-api.json'), 'utf8'));
    expect(recorded.batches).toHaveLength(1);
    expect(recorded.batches[0].id).toBe(mock.batches.at(-1)!.id);
    open();

    const { code, stderr } = await run(ARGS('b', out));
    expect(code, stderr).toBe(0);
    expect(mock.batches.length - before).toBe(1);
    expect(stderr).toContain(`picking up ${recorded.batches[0].id} (3 request(s)) from an earlier run`);
    expect(results(out)).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(out, 'batch-api.json'), 'utf8')).batches).toEqual([]);
  }, 30_000);

  it('refuses --batch-api without an OpenAI model, in one line', async () => {
    const { code, stderr } = await run([BIN, 'batch', join(directory, 'a'), '--out', join(directory, 'out-c'), '--provider', 'rules', '--batch-api']);
    expect(code).toBe(2);
    expect(stderr).toContain('--batch-api sends requests to a model');
  });
});
