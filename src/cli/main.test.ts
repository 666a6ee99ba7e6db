// End to end: the built bin entry (dist/src/cli/main.js) in a child process, as a user runs it.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultSchema } from '../report/schemas.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const CLEAN = join(ROOT, 'fixtures', 'seed-000-lingwu-justice-2024', 'report.txt');
const CIVIL = join(ROOT, 'fixtures', 'seed-004-lingwu-civil-affairs-2024', 'report.txt');

let directory = '';
let broken = ''; // seed-000 with 予以公开 / 自然人 changed from 0 to 5

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = await mkdtemp(join(tmpdir(), 'nianbao-bin-'));
  broken = join(directory, 'broken.txt');
  await writeFile(broken, (await readFile(CLEAN, 'utf8')).replace('(一)予以公开 | 0 |', '(一)予以公开 | 5 |'));
}, 120_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function runBin(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A pipe, not a terminal, and an environment without NO_COLOR: output must still be plain.
    execFile(process.execPath, [BIN, ...argv], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NIANBAO_LANG: 'en' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('nianbao (built binary)', () => {
  it('extract --json: exit 0 and a parseable result', async () => {
    const { code, stdout, stderr } = await runBin(['extract', '--json', CIVIL]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(resultSchema.parse(JSON.parse(stdout)).meta).toEqual({ agency: '灵武市民政局', year: 2024 });
  });

  it('check: exit 1 for a broken rule, exit 0 for a clean seed, no colour on a pipe', async () => {
    const failing = await runBin(['check', broken]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/applications\.rowTotal · table 3 “\(一\)予以公开” \/ “总计” and 6 more cell\(s\) · line \d+/);
    expect(failing.stdout).not.toMatch(/\u001b\[/);
    expect((await runBin(['check', CLEAN])).code).toBe(0);
  });

  it('exit 3 for a missing file, with one line on stderr', async () => {
    const missing = join(directory, 'missing.txt');
    const { code, stderr } = await runBin(['check', missing, CLEAN]);
    expect(code).toBe(3);
    // The first line says the narrative comes from the offline rules (no model configured).
    expect(stderr).toBe(`nianbao: narrative facts by the offline rules extractor — no model configured: set NIANBAO_MODEL and OPENAI_API_KEY or OPENAI_BASE_URL, see .env.example\nnianbao: ${missing}: no such file\n`);
  });

  it('usage error: exit 2; --version reads package.json', async () => {
    const usage = await runBin(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runBin(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });
});
