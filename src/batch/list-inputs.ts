import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

// Files a directory walk picks up: every type nianbao reads, and the Word formats it refuses with
// a message (so that they are counted as failures, not silently skipped).
const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.shtml', '.pdf', '.docx', '.doc', '.wps']);

export type InputListing = {
  /** Report files in a stable order (inputs as given, directory contents sorted). */
  readonly files: readonly string[];
  /** Inputs that could not be listed: a missing path, an unreadable list file. */
  readonly problems: readonly { readonly path: string; readonly message: string }[];
};

/**
 * Expands the inputs: a file is itself, a directory is every report file below it (hidden
 * folders and `exclude` skipped), and a list file (`--list`) holds one path per line, relative to
 * the current directory, with `#` comments. A path given twice is listed once.
 */
export async function listInputs(inputs: readonly string[], listFiles: readonly string[], exclude: readonly string[] = []): Promise<InputListing> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  const excluded = new Set(exclude.map((path) => resolve(path)));
  const add = (path: string) => {
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(path);
  };
  const fromLists: string[] = [];
  for (const list of listFiles) {
    try {
      const text = await readFile(list, 'utf8');
      fromLists.push(...text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0 && !line.startsWith('#')));
    } catch {
      problems.push({ path: list, message: 'cannot read this list file' });
    }
  }
  for (const input of [...inputs, ...fromLists]) {
    let info;
    try {
      info = await stat(input);
    } catch {
      problems.push({ path: input, message: 'no such file or directory' });
      continue;
    }
    if (info.isDirectory()) for (const file of await walk(input, excluded)) add(file);
    else add(input);
  }
  return { files, problems };
}

async function walk(directory: string, excluded: ReadonlySet<string>): Promise<string[]> {
  if (excluded.has(resolve(directory))) return [];
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, excluded)));
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}
