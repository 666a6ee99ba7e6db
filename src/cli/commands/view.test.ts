import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { main } from '../program.js';

const CIVIL = fileURLToPath(new URL('../../../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url));

function createIo() {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: { write: (text: string) => (output.stdout += text) }, stderr: { write: (text: string) => (output.stderr += text) }, env: {} };
  return { io, output };
}

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'nianbao-view-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('nianbao view', () => {
  it('writes FILE.html next to the report by default', async () => {
    const report = join(directory, 'report.txt');
    await copyFile(CIVIL, report);
    const { io, output } = createIo();
    // --html is the only format: it may be left out.
    expect(await main(['view', report], io)).toBe(0);
    const html = await readFile(`${report}.html`, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('narrative.conflictingFigures');
    expect(output.stderr).toContain(`已写入 ${report}.html`);
  });

  it('prints the page with --out -, and writes where --out says', async () => {
    const printed = createIo();
    expect(await main(['view', CIVIL, '--html', '--out', '-'], printed.io)).toBe(0);
    expect(printed.output.stdout).toContain('灵武市民政局');
    const target = join(directory, 'elsewhere.html');
    expect(await main(['view', CIVIL, '--html', '--out', target, '--lang', 'en'], createIo().io)).toBe(0);
    const english = await readFile(target, 'utf8');
    expect(printed.output.stdout).toContain('发布信息前后不一');
    expect(english).not.toContain('发布信息前后不一');
    expect(english).toContain('narrative.conflictingFigures');
  });

  it.each([
    [['view', '--html'], 2, 'view 需要一个文件（FILE）'],
    [['view', CIVIL, CIVIL, '--html'], 2, 'view 一次只读一个文件'],
    [['view', CIVIL, '--html', '--lang', 'fr'], 2, '--lang 只能是 zh 或 en'],
    [['view', join('no', 'such', 'report.txt'), '--out', '-'], 3, 'report.txt：文件不存在'],
    [['view', join('no', 'such', 'report.txt'), '--out', '-', '--lang', 'en'], 3, 'report.txt: no such file'],
  ])('%j exits %i', async (argv, code, message) => {
    const { io, output } = createIo();
    expect(await main(argv, io)).toBe(code);
    expect(output.stderr).toContain(message);
  });
});
