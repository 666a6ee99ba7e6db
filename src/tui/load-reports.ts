import type { Language } from '../checks/language.js';
import { stat } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { streamJsonLines } from '../batch/results-store.js';
import { listInputs } from '../batch/list-inputs.js';
import { IngestError } from '../errors.js';
import { readDocument } from '../ingest/read-document.js';
import { processBytes, readInputBytes } from '../pipeline/process-input.js';
import type { Result } from '../report/schemas.js';
import { INGEST } from '../messages/ingest.js';

/** `shown`: the path within the folder (or results file) given, so two reports of one agency are told apart. */
export type ReportEntry =
  | { readonly kind: 'read'; readonly result: Result; readonly shown: string }
  | { readonly kind: 'failed'; readonly path: string; readonly shown: string; readonly message: string };

/** A file of the folder that is not a report (a NOTES.md, a notice): left out of the list, counted. */
export type NotAReport = { readonly shown: string; readonly message: string };

export type LoadedReports = { readonly entries: ReportEntry[]; readonly notReports: readonly NotAReport[] };

/**
 * What the TUI opens: a report file, a folder of them (read with the offline rules), or a batch's
 * results.jsonl (read as written, no re-analysis). A file that cannot be read is listed as failed.
 */
export async function loadReports(input: string, language: Language = 'zh'): Promise<LoadedReports> {
  const info = await stat(input).catch((cause: unknown) => {
    throw new IngestError('file-not-found', input, INGEST.noSuchFileOrFolder(), { cause });
  });
  if (info.isFile() && input.endsWith('.jsonl')) {
    const entries: ReportEntry[] = [];
    // A report tried again (its tables kept after a failed model call, then read whole) is
    // there twice: its latest line stands, in the place of its first.
    const placeOf = new Map<string, number>();
    for await (const record of streamJsonLines(input)) {
      const result = record as Result;
      const place = placeOf.get(result.source?.sha256);
      if (place === undefined) {
        placeOf.set(result.source?.sha256, entries.length);
        entries.push({ kind: 'read', result, shown: result.source?.path ?? '' });
      } else entries[place] = { kind: 'read', result, shown: result.source?.path ?? '' };
    }
    return { entries: withinCommonFolder(entries), notReports: [] };
  }
  const files = info.isDirectory() ? (await listInputs([input], [])).files : [input];
  const entries: ReportEntry[] = [];
  const notReports: NotAReport[] = [];
  for (const path of files) {
    // The failure boundary of every command: whatever the file does, it is listed as failed.
    const read = await readInputBytes(path);
    const outcome = 'error' in read ? ({ status: 'failed', error: read.error } as const) : await processBytes(path, read.bytes, null, { language, currentYear: new Date().getFullYear() });
    const shown = info.isDirectory() ? relative(input, path) : basename(path);
    const notReport = outcome.status === 'failed' ? undefined : outcome.result.notices.find((notice) => notice.code === 'not-a-report');
    if (outcome.status === 'failed') entries.push({ kind: 'failed', path, shown, message: outcome.error.text[language] });
    else if (notReport) notReports.push({ shown, message: notReport.message });
    else entries.push({ kind: 'read', result: outcome.result, shown });
  }
  return { entries, notReports };
}

/** A batch's results name the files as the batch was given them: shown from the folder they share. */
function withinCommonFolder(entries: ReportEntry[]): ReportEntry[] {
  const folders = entries.map((entry) => dirname(entry.shown).split(/[\\/]/));
  let common = folders[0] ?? [];
  for (const folder of folders) {
    let same = 0;
    while (same < common.length && same < folder.length && common[same] === folder[same]) same += 1;
    common = common.slice(0, same);
  }
  const cut = common.join('/');
  if (!cut || cut === '.') return entries;
  return entries.map((entry) => ({ ...entry, shown: entry.shown.slice(cut.length).replace(/^[\\/]+/, '') }));
}

/** The document text a result's spans point into (read again from its path). */
export async function loadText(result: Result): Promise<string> {
  return (await readDocument(result.source.path)).text;
}
