import { AppError } from '../errors.js';
import { readReport } from '../pipeline/read-report.js';
import type { Language } from '../checks/language.js';
import type { Result } from '../report/schemas.js';
import type { CliIo } from './io.js';

export type InputOutcome = { readonly results: Result[]; readonly unreadable: number };

/**
 * Reads every file; a bad one gets one line on stderr naming it and what is wrong, and the
 * others are still processed. Documents that are not reports count as unreadable.
 */
export async function readInputs(files: readonly string[], language: Language, io: CliIo): Promise<InputOutcome> {
  const results: Result[] = [];
  let unreadable = 0;
  for (const file of files) {
    let result: Result;
    try {
      result = await readReport(file, { language });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.stderr.write(`nianbao: ${error.message}\n`);
      unreadable += 1;
      continue;
    }
    const notReport = result.notices.find((notice) => notice.code === 'not-a-report');
    if (notReport) {
      io.stderr.write(`nianbao: ${file}: ${notReport.message}\n`);
      unreadable += 1;
      continue;
    }
    for (const notice of result.notices) io.stderr.write(`nianbao: ${file}: ${notice.message}\n`);
    results.push(result);
  }
  return { results, unreadable };
}
