import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding nianbao's package.json (prompts/ lives there), from src/ or dist/src/. */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json')) || !existsSync(join(directory, 'prompts'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('nianbao: cannot find its package folder (package.json with prompts/)');
    directory = parent;
  }
  return directory;
}
