// The real binary in a real terminal: tmux runs `nianbao tui` at 80×24, keys are sent with
// send-keys, and each screen is read back with capture-pane.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SESSION = `nianbao-tui-${process.pid}`;
let directory = '';
let fixtures = '';
const STDERR_LOG = join(tmpdir(), `nianbao-tui-${process.pid}.stderr.log`);

// The tmux server gets a UTF-8 locale (or capture-pane prints Chinese as "_").
const TMUX_ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8', env: TMUX_ENV });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if ((typeof text === 'string' ? shown.includes(text) : text.test(shown)) || Date.now() > deadline) return shown;
    await pause(100);
  }
}

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = mkdtempSync(join(tmpdir(), 'nianbao-tui-'));
  fixtures = mkdtempSync(join(tmpdir(), 'nianbao-tui-fixtures-'));
  for (const seed of ['seed-000-lingwu-justice-2024', 'seed-003-shapotou-justice-2022', 'seed-004-lingwu-civil-affairs-2024']) {
    copyFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), join(directory, `${seed}.txt`));
  }
  // The pane's own environment is spelled out: a UTF-8 locale, a common TERM, and CI=true as CI
  // machines set it (ink draws nothing but the last frame under CI unless the command clears it).
  // stderr goes to a file, so a failure to start shows up in the test's message.
  const command = `env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color CI=true ${process.execPath} ${BIN} tui ${directory} --fixtures ${fixtures} 2>${STDERR_LOG}; sleep 30`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', command);
});

afterAll(() => {
  try {
    tmux('kill-session', '-t', SESSION);
  } catch {
    // already gone
  }
  rmSync(directory, { recursive: true, force: true });
  rmSync(fixtures, { recursive: true, force: true });
  rmSync(STDERR_LOG, { force: true });
});

describe('nianbao tui in tmux', () => {
  it('the seeds → the 89/92 conflict and both sentences → a question → a corrected value saved as a fixture → quit, all by keyboard in 80×24', async () => {
    const list = await waitFor('nianbao · 3 report(s)', 20_000);
    const stderr = existsSync(STDERR_LOG) ? readFileSync(STDERR_LOG, 'utf8') : '(no stderr file)';
    expect(list, `the first screen did not appear; stderr: ${stderr}; tmux ${tmux('-V').trim()}`).toContain('灵武市民政局');
    expect(list.split('\n').length).toBeLessThanOrEqual(25);
    tmux('send-keys', '-t', SESSION, '/', '民', '政', 'Enter');
    expect(await waitFor('filter: 民政')).toContain('nianbao · 1 report(s)');
    tmux('send-keys', '-t', SESSION, 'Enter');
    const report = await waitFor('narrative.conflictingFigures');
    expect(report).toContain('灵武市民政局 · 2024 · 2021');
    tmux('send-keys', '-t', SESSION, 'Enter');
    const source = await waitFor('line 6');
    expect(source).toContain('政务微博发布信息89条');
    expect(source).toContain('政务微博发布信息92条');
    tmux('send-keys', '-t', SESSION, 'Escape');
    expect(await waitFor('stated number(s)')).toContain('✗ narrative.conflictingFigures');

    // A question, answered offline from the extracted result with the report's words.
    tmux('send-keys', '-t', SESSION, 'a');
    await waitFor('ask about 灵武市民政局');
    tmux('send-keys', '-t', SESSION, '微博发布了多少条？', 'Enter');
    const answer = await waitFor('需要模型');
    expect(answer).toContain('✓ 89');
    expect(answer).toContain('✓ 92');
    for (const line of answer.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    // Correct the first 微博 figure, with a reason; nothing is written before the save.
    tmux('send-keys', '-t', SESSION, 'Escape');
    const items = (await waitFor('stated number(s)')).split('\n');
    const at = items.findIndex((line) => line.includes('= 89'));
    tmux('send-keys', '-t', SESSION, ...Array.from({ length: at - 2 }, () => 'j'), 'e');
    expect(await waitFor('new value')).toContain('activeDisclosure.channels.2.count: new value');
    tmux('send-keys', '-t', SESSION, '92', 'Enter');
    await waitFor('(reason)');
    tmux('send-keys', '-t', SESSION, '后文写的是92条', 'Enter');
    expect(await waitFor('not written yet')).toContain('= 89 →92');
    expect(readdirSync(fixtures)).toEqual([]);
    tmux('send-keys', '-t', SESSION, 's');
    expect(await waitFor('as a labelled fixture')).toContain('1 edited');
    tmux('send-keys', '-t', SESSION, 'Enter');
    const folder = join(fixtures, 'seed-004-lingwu-civil-affairs-2024-reviewed');
    // The status line wraps the folder's path onto the next row.
    expect((await waitFor(/saved\s+\//)).replace(/\s+/g, '')).toContain(`saved${folder}`);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    expect(expected.meta).toEqual({ agency: '灵武市民政局', year: 2024 });
    expect(readFileSync(join(folder, 'NOTES.md'), 'utf8')).toContain('后文写的是92条');

    const running = () => {
      try {
        // Anchored at the start: the tmux server's own command line holds the same words.
        return execFileSync('pgrep', ['-f', `^${process.execPath} ${BIN} tui ${directory} --fixtures`], { encoding: 'utf8' }).trim().length > 0;
      } catch {
        return false;
      }
    };
    expect(running()).toBe(true);
    tmux('send-keys', '-t', SESSION, 'q');
    await pause(800);
    expect(running(), screen()).toBe(false);
  }, 60_000);
});
