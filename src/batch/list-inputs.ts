import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { LISTING } from '../messages/batch.js';
import type { Text } from '../messages/text.js';

// Files a directory walk picks up: every type nianbao reads, and the Word formats it refuses with
// a message (so that they are counted as failures, not silently skipped).
const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.shtml', '.pdf', '.docx', '.doc', '.wps']);

export type ListedPath = { readonly path: string; readonly message: Text };

export type InputListing = {
  /** Report files in a stable order (inputs as given, directory contents sorted). */
  readonly files: readonly string[];
  /** Inputs that could not be listed: a missing path, an unreadable list file or folder, a broken link to a report. */
  readonly problems: readonly ListedPath[];
  /** What the walk left out on purpose, and why: a link back to a folder already walked, a broken link to no report. */
  readonly skipped: readonly ListedPath[];
};

/**
 * Expands the inputs: a file is itself, a directory is every report file below it (hidden
 * folders and `exclude` skipped), and a list file (`--list`) holds one path per line, relative to
 * the current directory, with `#` comments. A path given twice is listed once. Symbolic links are
 * followed (scraped archives are often assembled from links); a folder is walked once however many
 * links lead to it, so a link loop ends.
 */
export async function listInputs(inputs: readonly string[], listFiles: readonly string[], exclude: readonly string[] = []): Promise<InputListing> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: ListedPath[] = [];
  const skipped: ListedPath[] = [];
  const excluded = new Set<string>();
  for (const path of exclude) {
    excluded.add(resolve(path));
    excluded.add(await realpath(path).catch(() => resolve(path)));
  }
  const walked = new Set<string>();
  const add = (path: string) => {
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(path);
  };
  const walk = async (directory: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(directory);
    } catch (cause) {
      problems.push({ path: directory, message: LISTING.cannotReadFolder(reasonOf(cause), false) });
      return;
    }
    if (excluded.has(resolve(directory)) || excluded.has(real)) return;
    if (walked.has(real)) {
      skipped.push({ path: directory, message: LISTING.folderAlreadyRead(real) });
      return;
    }
    walked.add(real);
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (cause) {
      problems.push({ path: directory, message: LISTING.cannotReadFolder(reasonOf(cause), true) });
      return;
    }
    entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(directory, entry.name);
      const isReport = REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase());
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (isReport) add(path);
      } else if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await stat(path);
        } catch (cause) {
          const listed = { path, message: LISTING.brokenLink(reasonOf(cause)) };
          if (isReport) problems.push(listed);
          else skipped.push({ ...listed, message: LISTING.skipped(listed.message) });
          continue;
        }
        if (target.isDirectory()) await walk(path);
        else if (target.isFile() && isReport) add(path);
      }
    }
  };
  const fromLists: string[] = [];
  for (const list of listFiles) {
    try {
      const text = await readFile(list, 'utf8');
      fromLists.push(...text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0 && !line.startsWith('#')));
    } catch {
      problems.push({ path: list, message: LISTING.cannotReadList() });
    }
  }
  for (const input of [...inputs, ...fromLists]) {
    let info;
    try {
      info = await stat(input);
    } catch {
      problems.push({ path: input, message: LISTING.noSuchInput() });
      continue;
    }
    if (info.isDirectory()) await walk(input);
    else add(input);
  }
  return { files, problems, skipped };
}

/** ": permission denied" and the like, from a file system error. */
function reasonOf(cause: unknown): Text | null {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return LISTING.permissionDenied();
  if (code === 'ENOENT') return LISTING.noTarget();
  if (code === 'ELOOP') return LISTING.linkLoop();
  return code ? LISTING.code(code) : null;
}
