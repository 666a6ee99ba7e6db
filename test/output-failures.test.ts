// Regression tests of issue 13: an --out that cannot take the results (a file, a read-only
// folder, a full disk, a place where no folder can be made, a folder another batch is using) or a
// Ctrl-C. Each ends in exit 3 (130 for Ctrl-C) with one line saying what could not be written,
// within seconds, with nothing already written lost and no temporary file left behind.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, canDropPrivileges, ensureBuilt, problemLines, ROOT, runBin } from './support/run-bin.js';

const SEEDS = ['seed-000-lingwu-justice-2024', 'seed-001-panzhihua-xiqu-justice-2023', 'seed-004-lingwu-civil-affairs-2024'];
const GOOD = join(ROOT, 'fixtures', SEEDS[0]!, 'report.txt');
const FULL_DISK = existsSync('/dev/full');

let directory = '';
let input = '';

// A real full disk: a small tmpfs, where the machine lets the tests mount one (root with
// CAP_SYS_ADMIN); /dev/full stands in for the exports' files elsewhere.
let smallDisk = '';
let canMountSmallDisk = false;

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-out-'));
  await chmod(directory, 0o755);
  input = join(directory, 'in');
  await mkdir(input);
  for (const seed of SEEDS) await copyFile(join(ROOT, 'fixtures', seed, 'report.txt'), join(input, `${seed}.txt`));
  smallDisk = join(directory, 'small-disk');
  await mkdir(smallDisk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', smallDisk], { stdio: 'ignore' });
    canMountSmallDisk = true;
  } catch {
    canMountSmallDisk = false;
  }
});

afterAll(async () => {
  if (canMountSmallDisk) execFileSync('umount', [smallDisk], { stdio: 'ignore' });
  await rm(directory, { recursive: true, force: true });
});

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.partial') || name.endsWith('.tmp') || name.includes('-journal') || name.endsWith('.lock'));

describe('--out that cannot be written', () => {
  it('a file in the way, or a place where no folder can be made (/proc/x used to hang): exit 3 in seconds, one line', async () => {
    const file = join(directory, 'a-file');
    await writeFile(file, 'x');
    for (const [out, reason] of [
      [file, 'a part of the path is a file, not a folder'],
      [join(file, 'below'), 'a part of the path is a file, not a folder'],
      ['/proc/nianbao-out', 'the folder cannot be made there'],
    ] as const) {
      for (const command of [['extract', GOOD, '--out', out], ['batch', input, '--out', out]]) {
        const run = await runBin(command, { timeoutMs: 20_000 });
        expect(run.code, `${command.join(' ')}\n${run.stderr}`).toBe(3);
        expect(problemLines(run.stderr)).toEqual([`nianbao: cannot create the output folder ${out}: ${reason}; nothing was written`]);
        expect(run.milliseconds).toBeLessThan(15_000);
      }
    }
  });

  it.runIf(canDropPrivileges())('a read-only folder: exit 3, one line, for extract and batch', async () => {
    const out = join(directory, 'read-only');
    await mkdir(out);
    await chmod(out, 0o555);
    const extract = await runBin(['extract', GOOD, '--out', out], { asUser: 'nobody' });
    expect(extract.code).toBe(3);
    expect(problemLines(extract.stderr)).toEqual([`nianbao: cannot write ${join(out, 'report.json')}: permission denied; nothing was written`]);
    // The results are still printed: the run is not lost.
    expect(extract.stdout).toContain('灵武市司法局');
    const batch = await runBin(['batch', input, '--out', out], { asUser: 'nobody' });
    expect(batch.code).toBe(3);
    expect(problemLines(batch.stderr)).toEqual([`nianbao: cannot write ${join(out, '.nianbao-batch.lock')}: permission denied; nothing was read or written`]);
  });

  it('a full disk under results.jsonl: exit 3, one line; space freed, the run goes on and nothing is lost', async (context) => {
    if (!canMountSmallDisk) return context.skip('no tmpfs can be mounted here');
    const out = join(smallDisk, 'out');
    // All but 8 KB of the disk taken: the first result (about 60 KB) does not fit.
    execFileSync('sh', ['-c', `head -c $(( $(df --output=avail -B1 ${smallDisk} | tail -1) - 8192 )) /dev/zero > ${join(smallDisk, 'filler')}`]);
    const run = await runBin(['batch', input, '--out', out]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      `nianbao: cannot write ${join(out, 'results.jsonl')}: the disk is full; the lines written before it are kept (a partly written last line is removed on the next run); run the same command again to go on`,
    );
    expect(run.stderr).not.toMatch(/ERR_STREAM_DESTROYED|at .*\.js:\d+/);
    expect(leftovers(out)).toEqual([]);
    await rm(join(smallDisk, 'filler'));
    const again = await runBin(['batch', input, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(SEEDS.length);
  });

  it.runIf(FULL_DISK)('a full disk under an export: exit 3, one line, results.jsonl whole, no .partial file left', async () => {
    for (const temporary of ['.reports.csv.partial', '.results.xlsx.partial', '.findings-rows.jsonl.partial']) {
      const out = join(directory, `full-export${temporary}`);
      await mkdir(out);
      await symlink('/dev/full', join(out, temporary));
      const run = await runBin(['batch', input, '--out', out]);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(
        `nianbao: cannot write the exports in ${out}: the disk is full; results.jsonl is complete and nothing in it was lost, the exports of an earlier run, if any, are kept; run the same command again to write them (no report is redone)`,
      );
      expect(run.stderr).not.toMatch(/ERR_STREAM_DESTROYED|at .*\.js:\d+/);
      expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(SEEDS.length);
      expect(leftovers(out)).toEqual([]);
    }
  });
});

describe('one batch per --out folder', () => {
  it('a second batch on a folder in use says who holds it and exits 3; a lock left by a killed run is taken over', async () => {
    const slow = join(directory, 'slow-in');
    await mkdir(slow);
    // Enough reports that the first run is still going when the second starts.
    const text = readFileSync(join(ROOT, 'fixtures/shuyang-fgj-2023-html/report.html'), 'utf8');
    for (let copy = 0; copy < 40; copy += 1) await writeFile(join(slow, `r${copy}.html`), `${text}<p>${copy}</p>`);
    const out = join(directory, 'locked-out');
    const first = spawn(process.execPath, [BIN, 'batch', slow, '--out', out], { stdio: 'ignore', env: { ...process.env, NIANBAO_LANG: 'en' } });
    while (!existsSync(join(out, '.nianbao-batch.lock'))) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await runBin(['batch', slow, '--out', out]);
    expect(second.code).toBe(3);
    expect(problemLines(second.stderr)[0]).toMatch(
      new RegExp(`^nianbao: ${out} is in use by another nianbao batch \\(process ${first.pid}, since [0-9T:.Z-]+: nianbao batch ${slow} --out ${out}\\); wait for it to finish, or stop it$`),
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const third = await runBin(['batch', slow, '--out', out]);
    expect(third.code).toBe(0);
    expect(existsSync(join(out, '.nianbao-batch.lock'))).toBe(false);
  }, 120_000);
});

describe('Ctrl-C', () => {
  it('stops after the reports in flight, writes the exports, and exits 130; a re-run finishes the rest', async () => {
    const many = join(directory, 'many-in');
    await mkdir(many);
    const text = readFileSync(join(ROOT, 'fixtures/shuyang-fgj-2023-html/report.html'), 'utf8');
    for (let copy = 0; copy < 150; copy += 1) await writeFile(join(many, `r${String(copy).padStart(3, '0')}.html`), `${text}<p>${copy}</p>`);
    const out = join(directory, 'interrupted');
    const child = spawn(process.execPath, [BIN, 'batch', many, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NIANBAO_LANG: 'en' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    while (!/\[5\/150\]/.test(stderr)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('nianbao: stopping after the reports in flight (Ctrl-C again to quit now; a re-run resumes)');
    expect(stderr).toContain('nianbao batch: stopped early; run the same command again to go on');
    const done = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').length;
    expect(done).toBeLessThan(150);
    expect(existsSync(join(out, 'reports.csv'))).toBe(true);
    expect(leftovers(out)).toEqual([]);
    const again = await runBin(['batch', many, '--out', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(150);
  }, 180_000);
});
