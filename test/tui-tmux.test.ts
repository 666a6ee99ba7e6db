// The real binary in a real terminal: tmux runs `nianbao tui` at 80×24, keys are sent with
// send-keys, and each screen is read back with capture-pane.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SESSION = `nianbao-tui-${process.pid}`;
let directory = '';
const STDERR_LOG = join(tmpdir(), `nianbao-tui-${process.pid}.stderr.log`);

// The tmux server gets a UTF-8 locale (or capture-pane prints Chinese as "_").
const TMUX_ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8', env: TMUX_ENV });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function waitFor(text: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (shown.includes(text) || Date.now() > deadline) return shown;
    await pause(100);
  }
}

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = mkdtempSync(join(tmpdir(), 'nianbao-tui-'));
  for (const seed of ['seed-000-lingwu-justice-2024', 'seed-003-shapotou-justice-2022', 'seed-004-lingwu-civil-affairs-2024']) {
    copyFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), join(directory, `${seed}.txt`));
  }
  // The pane's own environment is spelled out: a UTF-8 locale, a common TERM, and CI=true as CI
  // machines set it (ink draws nothing but the last frame under CI unless the command clears it).
  // stderr goes to a file, so a failure to start shows up in the test's message.
  const command = `env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color CI=true ${process.execPath} ${BIN} tui ${directory} 2>${STDERR_LOG}; sleep 30`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', command);
});

afterAll(() => {
  try {
    tmux('kill-session', '-t', SESSION);
  } catch {
    // already gone
  }
  rmSync(directory, { recursive: true, force: true });
  rmSync(STDERR_LOG, { force: true });
});

describe('nianbao tui in tmux', () => {
  it('list → filter → report → the 89/92 conflict with both sentences → back → quit, in 80×24', async () => {
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
    const running = () => {
      try {
        return execFileSync('pgrep', ['-f', `tui ${directory}$`], { encoding: 'utf8' }).trim().length > 0;
      } catch {
        return false;
      }
    };
    expect(running()).toBe(true);
    tmux('send-keys', '-t', SESSION, 'q');
    await pause(800);
    expect(running()).toBe(false);
  }, 60_000);
});
