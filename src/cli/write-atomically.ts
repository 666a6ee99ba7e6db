import { rename, rm, writeFile } from 'node:fs/promises';
import { outputFailed } from '../file-system.js';
import { OUTPUT } from '../messages/output.js';

/** Writes a page under a temporary name and renames it into place: never half a file; a failure names it. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw outputFailed(path, cause, OUTPUT.nothingWritten());
  }
}
