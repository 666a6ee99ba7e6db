import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Result } from '../report/schemas.js';

/**
 * Writes one JSON file per result into `directory`, each written to a temporary name and
 * renamed, so an interrupted run never leaves a half-written result behind.
 */
export async function writeResults(directory: string, results: readonly Result[]): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const used = new Set<string>();
  const written: string[] = [];
  for (const result of results) {
    const stem = basename(result.source.path, extname(result.source.path));
    // Two inputs may share a file name (every fixture is report.txt): add the content hash.
    const name = used.has(stem) ? `${stem}-${result.source.sha256.slice(0, 12)}` : stem;
    used.add(name);
    const target = join(directory, `${name}.json`);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
