// Regression tests of issue 13: inputs that used to end the whole run (or a run's every resume)
// and now each fail alone, named, while the other files are still read — through the built
// binary, as a user meets them.
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damageXrefOffset } from '../fuzz/binary-mutations.js';
import { createRandom } from '../fuzz/random.js';
import { resultSchema, type Result } from '../src/report/schemas.js';
import { canDropPrivileges, ensureBuilt, problemLines, ROOT, runBin } from './support/run-bin.js';

const GOOD = join(ROOT, 'fixtures/seed-000-lingwu-justice-2024/report.txt');
const HONGZE_PDF = join(ROOT, 'fixtures/hongze-district-2023-pdf/report.pdf');

let directory = '';

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-damaged-'));
  // Readable by the unprivileged user of the permission tests.
  await chmod(directory, 0o755);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}深${'</div>'.repeat(depth)}</body></html>`;

function results(stdout: string): Result[] {
  const parsed = JSON.parse(stdout) as Result | Result[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

describe('a damaged file fails alone, named; the others are read', () => {
  it('HTML nested 5 000 and 100 000 deep: refused in about a second, in extract, check and view', async () => {
    const deep = join(directory, 'deep.html');
    const deeper = join(directory, 'deeper.html');
    await writeFile(deep, nested(5000));
    await writeFile(deeper, nested(100_000));
    const run = await runBin(['extract', deep, GOOD, deeper, '--json']);
    expect(run.code).toBe(3);
    expect(results(run.stdout).map((result) => result.source.path)).toEqual([GOOD]);
    expect(problemLines(run.stderr)).toEqual([
      `nianbao: ${deep}: nests elements more than 1000 deep: not a report page`,
      `nianbao: ${deeper}: nests elements more than 1000 deep: not a report page`,
    ]);
    // It took 90 s of parse5 before dying on the 100 000-deep page.
    expect(run.milliseconds).toBeLessThan(20_000);
    const check = await runBin(['check', deep, GOOD]);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(GOOD);
    const view = await runBin(['view', deep, '--html', '--out', join(directory, 'view.html')]);
    expect(view.code).toBe(3);
    expect(problemLines(view.stderr)).toEqual([`nianbao: ${deep}: nests elements more than 1000 deep: not a report page`]);
  });

  it('PDFs with one byte of one cross-reference offset changed: each read or named, never a crash', async () => {
    const bytes = new Uint8Array(await readFile(HONGZE_PDF));
    const files: string[] = [];
    for (let seed = 1; seed <= 12; seed += 1) {
      const file = join(directory, `xref-${seed}.pdf`);
      await writeFile(file, damageXrefOffset(bytes, createRandom(seed)));
      files.push(file);
    }
    const run = await runBin(['extract', ...files, GOOD, '--json']);
    expect([0, 3]).toContain(run.code);
    expect(run.stderr).not.toMatch(/Unhandled|internal error|at .*\.js:\d+/);
    const read = results(run.stdout);
    expect(read.at(-1)!.source.path).toBe(GOOD);
    for (const result of read) expect(resultSchema.safeParse(result).success).toBe(true);
    // Every damaged file is either among the results or named on its own line.
    const named = problemLines(run.stderr).map((line) => /^nianbao: (\S+?\.pdf): /.exec(line)?.[1]);
    for (const file of files) expect(read.some((result) => result.source.path === file) || named.includes(file)).toBe(true);
  });

  it('one invalid byte in a UTF-8 report: read, with a notice giving its offset, and every span still right', async () => {
    const text = await readFile(GOOD);
    const at = text.indexOf(Buffer.from('二、主动公开'));
    const damaged = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const file = join(directory, 'one-bad-byte.txt');
    await writeFile(file, damaged);
    const run = await runBin(['extract', file, '--json', '--lang', 'zh']);
    expect(run.code).toBe(0);
    const [result] = results(run.stdout);
    expect(result!.notices).toContainEqual({ code: 'damaged-text', message: `文件中有 1 处无效的 UTF-8 字节（字节偏移 ${at}），已按 � 读入，其余内容照常读取` });
    const decoded = damaged.toString('utf8');
    for (const cell of Object.values(result!.cells)) if (cell.raw !== '') expect(decoded.slice(cell.span.start, cell.span.end)).toBe(cell.raw);
    const clean = results((await runBin(['extract', GOOD, '--json'])).stdout)[0]!;
    expect(result!.tables).toEqual(clean.tables);
  });

  it('a file larger than a report can be is refused before it is read; --max-mb raises the limit', async () => {
    const big = join(directory, 'big.txt');
    const text = await readFile(GOOD, 'utf8');
    await writeFile(big, `${text}\n${'六、其他需要报告的事项。'.repeat(Math.ceil((6 * 1024 * 1024) / 36))}`);
    const refused = await runBin(['check', big, GOOD]);
    expect(refused.code).toBe(3);
    expect(problemLines(refused.stderr)).toEqual([`nianbao: ${big}: is 6.0 MB, larger than a report can be (the limit for this type is 5.0 MB; --max-mb raises it)`]);
    expect(refused.stdout).toContain(GOOD);
    const raised = await runBin(['check', big, '--max-mb', '8']);
    expect(raised.stderr).not.toContain('larger than a report can be');
  });

  it('a page just under the limit (5 MB of HTML) is read, not refused, in seconds (it took 24 s before the HTML writer stopped flattening its text)', async () => {
    const page = join(directory, 'largest.html');
    const report = await readFile(join(ROOT, 'fixtures/city-2025-html/report.html'), 'utf8');
    const paragraph = `<p>${'全年共办理政务服务事项，群众满意度不断提升，信息公开工作持续规范。'.repeat(10)}</p>\n`;
    await writeFile(page, report + paragraph.repeat(Math.floor((5 * 1024 * 1024 - Buffer.byteLength(report)) / Buffer.byteLength(paragraph))));
    const run = await runBin(['check', page]);
    expect([0, 1]).toContain(run.code);
    expect(problemLines(run.stderr)).toEqual([]);
    expect(run.milliseconds).toBeLessThan(15_000);
  });

  it.runIf(canDropPrivileges())('a file that cannot be read (permission denied): one line, the others still read', async () => {
    const secret = join(directory, 'secret.txt');
    await writeFile(secret, await readFile(GOOD));
    await chmod(secret, 0o000);
    const run = await runBin(['extract', secret, GOOD, '--json'], { asUser: 'nobody' });
    expect(run.code).toBe(3);
    expect(problemLines(run.stderr)).toEqual([`nianbao: ${secret}: cannot be read: permission denied`]);
    expect(results(run.stdout).map((result) => result.source.path)).toEqual([GOOD]);
  });

  it.runIf(canDropPrivileges())('batch: a folder that cannot be read is named and the rest is done; links are followed, a loop ends', async () => {
    const input = join(directory, 'batch-in');
    const out = join(directory, 'batch-out');
    await mkdir(join(input, 'locked'), { recursive: true });
    await mkdir(join(input, 'open'), { recursive: true });
    await mkdir(out);
    await chmod(out, 0o777);
    await writeFile(join(input, 'open/a.txt'), await readFile(GOOD));
    await writeFile(join(input, 'locked/b.txt'), 'x');
    await chmod(join(input, 'locked'), 0o000);
    await symlink(join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024/report.txt'), join(input, 'linked.txt'));
    await symlink(input, join(input, 'open/loop'));
    const run = await runBin(['batch', input, '--out', out], { asUser: 'nobody' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`nianbao: ${join(input, 'locked')}: cannot read this folder: permission denied: the reports in it are not read\n`);
    expect(run.stderr).toContain(`nianbao: ${join(input, 'open/loop')}: skipped: the folder ${input} is already read (through a link loop or a second path to it)\n`);
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as Result).source.path).sort()).toEqual([join(input, 'linked.txt'), join(input, 'open/a.txt')]);
  });
});
