import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AppError } from '../errors.js';
import type { Result } from '../report/schemas.js';

/**
 * Writes one JSON file per result into `directory`, each written to a temporary name and
 * renamed, so an interrupted run never leaves a half-written result behind.
 */
export async function writeResults(directory: string, results: readonly Result[]): Promise<string[]> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (cause) {
    throw new AppError('output-failed', `cannot create the output folder ${directory}: ${describe(cause)}`, { cause });
  }
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
      throw new AppError('output-failed', `cannot write ${target}: ${describe(cause)}`, { cause });
    }
    written.push(target);
  }
  return written;
}

function describe(cause: unknown): string {
  return cause instanceof Error && 'code' in cause ? String(cause.code) : String(cause);
}
