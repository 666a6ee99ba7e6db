// The package as npm ships it: `npm pack`, the tarball unpacked into a folder of its own, and the
// binary run from there, from an unrelated working folder — offline, against a mock endpoint (the
// prompts must be in the package), eval, view and the TUI's help. The dependencies are the
// repository's own (linked): the registry is not reachable from the tests, and the lockfile is
// the one the package is installed with. scripts/check-install.sh, which CI runs, installs the
// tarball for real (a project and a global install, dependencies from the registry).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/run-bin.js';
import { startMockOpenAiServer, type MockOpenAiServer } from './support/mock-openai-server.mjs';

const SEED = join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024');
let directory = '';
let installed = '';
let elsewhere = '';
let packed: { files: { path: string }[] };
let mock: MockOpenAiServer;

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-pack-'));
  // --ignore-scripts: `prepare` would build again; the build is already there.
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', directory], { cwd: ROOT, encoding: 'utf8' });
  packed = JSON.parse(output)[0];
  installed = join(directory, 'node_modules', 'nianbao');
  await mkdir(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(directory, (packed as unknown as { filename: string }).filename), '-C', installed, '--strip-components=1']);
  await symlink(join(ROOT, 'node_modules'), join(installed, 'node_modules'));
  elsewhere = join(directory, 'work');
  await mkdir(elsewhere);
  const narrative = JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8')).narrative;
  mock = await startMockOpenAiServer({ respond: () => ({ json: narrative }) });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  await rm(directory, { recursive: true, force: true });
});

function run(argv: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(installed, 'dist/src/cli/main.js'), ...argv], { cwd: elsewhere, env: { PATH: process.env['PATH'] ?? '', HOME: elsewhere, NIANBAO_LANG: 'en', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the packed package', () => {
  it('ships the build and the prompts, and neither tests, benchmarks nor fuzzers', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('dist/src/cli/main.js');
    expect(paths).toContain('prompts/narrative/v2/system.md');
    expect(paths.some((path) => path.startsWith('prompts/chat/'))).toBe(true);
    expect(paths.filter((path) => /\.test\.|^dist\/(bench|fuzz)\/|^test\//.test(path))).toEqual([]);
    expect(existsSync(join(installed, 'prompts/narrative/v2/system.md'))).toBe(true);
  });

  it('extracts offline, and with a model configured finds its prompt and calls the endpoint', async () => {
    const offline = await run(['extract', join(SEED, 'report.txt'), '--json']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(JSON.parse(offline.stdout).narrative.extractor.provider).toBe('rules');
    const model = await run(['extract', join(SEED, 'report.txt'), '--json'], { OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'sk-pack-test', NIANBAO_MODEL: 'gpt-4.1-mini', NIANBAO_CACHE_DIR: join(directory, 'cache') });
    expect(model.code, model.stderr).toBe(0);
    expect(JSON.parse(model.stdout).narrative.extractor).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', promptVersion: 'narrative/v2' });
    expect(mock.requests.length).toBeGreaterThan(0);
  });

  it('evaluates, writes a view page and shows the TUI help', async () => {
    // Outside the repository there is no fixtures/: a usage error that says what eval needs, not a stack.
    const nowhere = await run(['eval', '--out', join(directory, 'evals')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('no fixtures folder fixtures');
    expect(nowhere.stderr).not.toContain('    at ');
    const evaluated = await run(['eval', '--dir', join(ROOT, 'fixtures'), '--fixtures', 'seed-00*', '--out', join(directory, 'evals')]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toContain('table cells exact');
    const viewed = await run(['view', join(SEED, 'report.txt'), '--out', join(directory, 'view.html')]);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(readFileSync(join(directory, 'view.html'), 'utf8')).toContain('灵武市民政局');
    const help = await run(['tui', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('nianbao tui');
  });
});
