import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
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
 * Where each result goes: its input's path within the folder all the inputs share, with .json
 * for its extension (fixtures/seed-000/report.txt → seed-000/report.json), so every file maps
 * back to its input. Two inputs of one folder and stem (report.txt, report.pdf) keep their
 * extensions (report.txt.json, report.pdf.json). The same input twice is written once.
 */
export function resultFileNames(results: readonly Result[]): Map<Result, string> {
  const absolute = results.map((result) => resolve(result.source.path));
  let common = absolute.length > 0 ? dirname(absolute[0]!) : '';
  for (const path of absolute) {
    while (common !== dirname(common) && !`${dirname(path)}${sep}`.startsWith(`${common}${sep}`) && dirname(path) !== common) common = dirname(common);
  }
  const stems = new Map<string, Set<string>>();
  for (const path of absolute) {
    const stem = join(dirname(path), basename(path, extname(path)));
    stems.set(stem, (stems.get(stem) ?? new Set()).add(path));
  }
  const names = new Map<Result, string>();
  const taken = new Set<string>();
  results.forEach((result, index) => {
    const path = absolute[index]!;
    const stem = join(dirname(path), basename(path, extname(path)));
    const name = `${relative(common, (stems.get(stem)?.size ?? 0) > 1 ? path : stem)}.json`;
    if (taken.has(name)) return;
    taken.add(name);
    names.set(result, name);
  });
  return names;
}

/**
 * Writes one JSON file per result into `directory` (named by resultFileNames), each written to a
 * temporary name and renamed, so an interrupted run never leaves a half-written result behind. A
 * failure (a full disk, a read-only folder) names the file, removes its temporary copy and keeps
 * the ones before.
 */
export async function writeResults(directory: string, results: readonly Result[]): Promise<string[]> {
  await createOutputFolder(directory);
  const written: string[] = [];
  for (const [result, name] of resultFileNames(results)) {
    const target = join(directory, name);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(target), { recursive: true });
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
