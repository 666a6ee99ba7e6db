// The built binary as a user runs it: a real process, its exit code, stdout and stderr, and how
// long it took. `asUser: 'nobody'` runs it without root's right to read anything (permission
// tests), through runuser when the tests themselves run as root.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const BIN = join(ROOT, 'dist/src/cli/main.js');

export type BinRun = { readonly code: number; readonly stdout: string; readonly stderr: string; readonly milliseconds: number };

export function ensureBuilt(): void {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

const isRoot = process.getuid?.() === 0;

/**
 * Whether a permission test can run here: as a user root is not, or as root through runuser, with
 * the checkout readable by `nobody` (a clone in a private folder, mode 700, is not: the binary
 * would fail to load and every permission test would fail for that reason instead).
 */
export function canDropPrivileges(): boolean {
  if (!isRoot) return true;
  try {
    execFileSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function runBin(
  argv: readonly string[],
  options: { readonly env?: Record<string, string>; readonly cwd?: string; readonly asUser?: 'nobody'; readonly timeoutMs?: number } = {},
): Promise<BinRun> {
  const started = performance.now();
  // These tests assert the English wording (--lang en); the Chinese default is walked, command by
  // command, in test/chinese-output.test.ts.
  const env = { PATH: process.env['PATH'] ?? '', HOME: options.cwd ?? ROOT, NIANBAO_LANG: 'en', ...options.env };
  const [command, args] =
    options.asUser && isRoot ? ['runuser', ['-u', options.asUser, '--', process.execPath, BIN, ...argv]] : [process.execPath, [BIN, ...argv]];
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd ?? ROOT, env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : error.killed ? -1 : 1) : 0;
      resolve({ code, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
}

/** stderr without the line every run without a model prints (which extractor reads the prose). */
export function problemLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.length > 0 && !line.startsWith('nianbao: narrative facts by'));
}
