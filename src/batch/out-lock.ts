import { rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { AppError } from '../errors.js';
import { outputFailed } from '../file-system.js';
import { outPath } from './results-store.js';
import { LOCK } from '../messages/batch.js';
import { OUTPUT } from '../messages/output.js';

export const LOCK_FILE = '.nianbao-batch.lock';

type LockRecord = { readonly pid: number; readonly host: string; readonly startedAt: string; readonly command: string };

export type OutLock = {
  readonly release: () => Promise<void>;
  /** For a process about to exit at once (a second Ctrl-C): no await is possible there. */
  readonly releaseNow: () => void;
};

/**
 * Takes the --out folder for this run: a second batch on the same folder would redo every report
 * the first has not finished and append its own copies. The lock is a file made with O_EXCL; a
 * lock whose process is gone (killed, the machine restarted) is taken over. A lock of another
 * machine (a shared drive) cannot be checked: it is respected, and the message says how to clear it.
 */
export async function takeOutLock(directory: string, command: string, isAlive: (pid: number) => boolean = processIsAlive): Promise<OutLock> {
  const path = outPath(directory, LOCK_FILE);
  const mine: LockRecord = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return {
        release: () => releaseIfMine(path, mine),
        releaseNow: () => rmSync(path, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputFailed(path, error, OUTPUT.nothingReadOrWritten());
    }
    const holder = await readLock(path);
    if (holder && (holder.host !== mine.host || isAlive(holder.pid))) {
      const here = holder.host === mine.host;
      const where = LOCK.process(holder.pid, here ? null : holder.host);
      throw new AppError('locked', LOCK.inUse(directory, where, holder.startedAt, holder.command, here ? null : { host: holder.host, lockFile: path }));
    }
    // Its process is gone (or the file is unreadable, left half-written by a crash): take it over.
    await rm(path, { force: true });
  }
  throw new AppError('locked', LOCK.race(directory));
}

async function readLock(path: string): Promise<LockRecord | null> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as Partial<LockRecord>;
    return typeof record.pid === 'number' && typeof record.host === 'string' ? (record as LockRecord) : null;
  } catch {
    return null;
  }
}

async function releaseIfMine(path: string, mine: LockRecord): Promise<void> {
  const holder = await readLock(path);
  if (holder && holder.pid === mine.pid && holder.host === mine.host && holder.startedAt === mine.startedAt) await rm(path, { force: true });
}

/** Signal 0 tests a process without touching it: ESRCH means gone, EPERM means alive (another user's). */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
