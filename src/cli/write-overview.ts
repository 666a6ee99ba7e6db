import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../checks/language.js';
import { outPath, RESULTS_FILE, streamJsonLines } from '../batch/results-store.js';
import { outputFailed } from '../file-system.js';
import { readDocument } from '../ingest/read-document.js';
import { OUTPUT } from '../messages/output.js';
import { renderOverviewHtml } from '../render/render-overview-html.js';
import { renderViewHtml } from '../render/render-view-html.js';
import { writeAtomically } from './write-atomically.js';
import type { OverviewData, OverviewReport } from '../report/overview.js';
import type { Result } from '../report/schemas.js';

export const OVERVIEW_FILE = 'overview.html';
export const OVERVIEW_DATA_FILE = 'overview.json';
const VIEWS = 'views';
// The reports a supervisor opens first get their evidence view written with the overview.
const VIEWED = 50;

/**
 * Writes views/<hash>.html for the reports with the most errors (read again from their files: a
 * file gone or changed since gets no view), then overview.json and overview.html. Returns the page.
 */
export async function writeOverview(directory: string, data: Omit<OverviewData, 'reports'> & { readonly reports: readonly OverviewReport[] }, language: Language): Promise<string> {
  const flagged = new Set(
    [...data.reports]
      .filter((report) => report.errors > 0)
      .sort((left, right) => right.errors - left.errors || right.warnings - left.warnings)
      .slice(0, VIEWED)
      .map((report) => report.sha256),
  );
  const views = new Map<string, string>();
  if (flagged.size > 0) {
    await mkdir(join(directory, VIEWS), { recursive: true }).catch((cause: unknown) => {
      throw outputFailed(join(directory, VIEWS), cause, OUTPUT.nothingWritten());
    });
    for await (const record of streamJsonLines(outPath(directory, RESULTS_FILE))) {
      const result = record as Result;
      if (!flagged.has(result.source?.sha256) || views.has(result.source.sha256)) continue;
      const document = await readDocument(result.source.path).catch(() => null);
      // The spans point into the text as it was read: a file changed since is not shown against them.
      if (!document || document.sha256 !== result.source.sha256) continue;
      const name = `${VIEWS}/${result.source.sha256.slice(0, 16)}.html`;
      await writeAtomically(join(directory, name), renderViewHtml(result, document.text, language));
      views.set(result.source.sha256, name);
    }
  }
  const full: OverviewData = { ...data, reports: data.reports.map((report) => ({ ...report, view: views.get(report.sha256) ?? null })) };
  await writeAtomically(join(directory, OVERVIEW_DATA_FILE), `${JSON.stringify(full)}\n`);
  const page = join(directory, OVERVIEW_FILE);
  await writeAtomically(page, renderOverviewHtml(full, language));
  return page;
}

/** overview.html drawn again from overview.json (another language, or a newer nianbao). */
export async function redrawOverview(directory: string, language: Language): Promise<string> {
  const data = JSON.parse(await readFile(join(directory, OVERVIEW_DATA_FILE), 'utf8')) as OverviewData;
  const page = join(directory, OVERVIEW_FILE);
  await writeAtomically(page, renderOverviewHtml(data, language));
  return page;
}
