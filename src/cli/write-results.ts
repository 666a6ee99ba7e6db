import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AppError } from '../errors.js';
import { makeDirectory, outputFailed, writeReason } from '../file-system.js';
import type { Result } from '../report/schemas.js';
import { OUTPUT } from '../messages/output.js';

/** The --out folder, made if missing; an AppError (exit 3) naming why it cannot be. */
export async function createOutputFolder(directory: string): Promise<void> {
  try {
    await makeDirectory(directory);
  } catch (cause) {
    throw new AppError('output-failed', OUTPUT.cannotCreateFolder(directory, writeReason(cause)), { cause });
  }
}

/**
 * Writes one JSON file per result into `directory`, each written to a temporary name and
 * renamed, so an interrupted run never leaves a half-written result behind. A failure (a full
 * disk, a read-only folder) names the file, removes its temporary copy and keeps the ones before.
 */
export async function writeResults(directory: string, results: readonly Result[]): Promise<string[]> {
  await createOutputFolder(directory);
  const names = new Map<string, string>();
  const written: string[] = [];
  for (const result of results) {
    const stem = basename(result.source.path, extname(result.source.path));
    // Two inputs may share a file name (every fixture is report.txt): add the content hash. The
    // same content twice is the same result, written once.
    const name = names.get(stem) === undefined || names.get(stem) === result.source.sha256 ? stem : `${stem}-${result.source.sha256.slice(0, 12)}`;
    if (names.get(name) === result.source.sha256) continue;
    names.set(name, result.source.sha256);
    const target = join(directory, `${name}.json`);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
      await rename(temporary, target);
    } catch (cause) {
      await rm(temporary, { force: true }).catch(() => undefined);
      const kept = written.length === 0 ? OUTPUT.nothingWritten() : OUTPUT.resultsWritten(written.length);
      throw outputFailed(target, cause, kept);
    }
    written.push(target);
  }
  return written;
}
