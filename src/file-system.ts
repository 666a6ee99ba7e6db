import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError } from './errors.js';
import { OUTPUT, WRITE_REASONS } from './messages/output.js';
import type { Text } from './messages/text.js';

/**
 * mkdir -p, one level at a time. Node's own `mkdir(path, { recursive: true })` never returns on
 * some virtual file systems (/proc answers ENOENT for every new name, and Node retries the
 * parent forever); here the first level that cannot be made is the error.
 */
export async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  let directory = resolve(path);
  for (;;) {
    const info = await stat(directory).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code === 'ENOENT') return null;
      throw cause;
    });
    if (info?.isDirectory()) break;
    if (info) throw Object.assign(new Error(`${directory} is a file, not a folder`), { code: 'ENOTDIR', path: directory });
    missing.push(directory);
    if (dirname(directory) === directory) break;
    directory = dirname(directory);
  }
  for (const level of missing.reverse()) {
    await mkdir(level).catch((cause: NodeJS.ErrnoException) => {
      // Made meanwhile by another process: fine.
      if (cause.code !== 'EEXIST') throw cause;
    });
  }
}


/** Why a write failed, in words ("the disk is full"), from the system's error code. */
export function writeReason(cause: unknown): Text {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code && WRITE_REASONS[code]) return WRITE_REASONS[code]!;
  // SQLite's extended codes: SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, …
  if (code?.startsWith('SQLITE_IOERR')) return WRITE_REASONS['SQLITE_IOERR']!;
  const said = code ?? (cause instanceof Error ? cause.message : String(cause));
  return { zh: said, en: said };
}

/**
 * The error of an output that could not be written: what, why, and what is still safe (exit 3).
 * `kept` says what a reader may rely on, e.g. "results already written are kept".
 */
export function outputFailed(target: string | Text, cause: unknown, kept: Text): AppError {
  const named = typeof target === 'string' ? { zh: target, en: target } : target;
  return new AppError('output-failed', OUTPUT.cannotWrite(named, writeReason(cause), kept), { cause });
}
