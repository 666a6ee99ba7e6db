import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { checkCrossYear, yearRecordOf, type CrossYearFinding, type YearRecord } from '../checks/cross-year.js';
import type { Language } from '../checks/language.js';
import { answersConfig } from '../batch/config-key.js';
import { CROSS_YEAR_FILE, outPath, RESULTS_FILE, streamJsonLines } from '../batch/results-store.js';
import type { Result } from '../report/schemas.js';
import { crossYearFindingRow, FINDING_COLUMNS, findingRows, REPORT_COLUMNS, reportRow, type CellValue } from './columns.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { SqliteExport } from './sqlite.js';
import { writeWorkbook } from './xlsx.js';

export const EXPORT_FILES = {
  reports: 'reports.csv',
  findings: 'findings.csv',
  crossYear: CROSS_YEAR_FILE,
  workbook: 'results.xlsx',
  database: 'results.sqlite',
} as const;

export type ExportSummary = {
  /** Results of this configuration exported (one per content hash). */
  readonly reports: number;
  /** Lines of results.jsonl left out: another configuration's, or a second copy. */
  readonly otherLines: number;
  readonly findingsById: Readonly<Record<string, number>>;
  readonly costUsd: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly crossYear: readonly CrossYearFinding[];
  readonly files: readonly string[];
};

const CROSS_YEAR_COLUMNS = ['id', 'severity', 'matched_as', 'previous_agency', 'previous_year', 'previous_path', 'current_agency', 'current_year', 'current_path', 'path', 'message', 'expected', 'actual', 'difference'] as const;

function crossYearRow(finding: CrossYearFinding): CellValue[] {
  return [finding.id, finding.severity, finding.agency.matchedAs, finding.agency.previous, finding.previous.year, finding.previous.path, finding.agency.current, finding.current.year, finding.current.path, finding.path, finding.message, finding.expected, finding.actual, finding.difference];
}

/**
 * Derives every export from results.jsonl (the one record of the run): reports.csv, findings.csv,
 * cross-year.jsonl, results.xlsx and results.sqlite. Streams the file (several passes) rather than
 * holding the results, and writes each export under a temporary name first, so a crash never
 * leaves a half-written export in place of the last good one.
 */
export async function exportResults(directory: string, key: string, language: Language): Promise<ExportSummary> {
  const resultsPath = outPath(directory, RESULTS_FILE);
  async function* results(counter?: { lines: number }): AsyncGenerator<Result> {
    const seen = new Set<string>();
    for await (const record of streamJsonLines(resultsPath)) {
      if (counter) counter.lines += 1;
      const result = record as Result;
      if (!result?.source?.sha256 || !answersConfig(result, key) || seen.has(result.source.sha256)) continue;
      seen.add(result.source.sha256);
      yield result;
    }
  }

  const temporary = (file: string) => outPath(directory, `.${file}.partial`);
  await rm(temporary(EXPORT_FILES.database), { force: true });
  const database = new SqliteExport(temporary(EXPORT_FILES.database));
  const reportsCsv = createWriteStream(temporary(EXPORT_FILES.reports));
  const findingsCsv = createWriteStream(temporary(EXPORT_FILES.findings));
  // The workbook's sheets are written one after the other; their rows are kept in these small
  // files meanwhile, so that results.jsonl (tens of KB per report) is parsed once, not per sheet.
  const reportRows = createWriteStream(temporary('reports-rows.jsonl'));
  const findingRowsFile = createWriteStream(temporary('findings-rows.jsonl'));
  await write(reportsCsv, UTF8_BOM + csvLine(REPORT_COLUMNS));
  await write(findingsCsv, UTF8_BOM + csvLine(FINDING_COLUMNS));
  const findingsById: Record<string, number> = {};
  const years: YearRecord[] = [];
  let reports = 0;
  const counter = { lines: 0 };
  let costUsd: number | null = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  const addFinding = async (row: CellValue[]) => {
    await write(findingsCsv, csvLine(row));
    await write(findingRowsFile, `${JSON.stringify(row)}\n`);
  };
  try {
    for await (const result of results(counter)) {
      reports += 1;
      const row = reportRow(result);
      await write(reportsCsv, csvLine(row));
      await write(reportRows, `${JSON.stringify(row)}\n`);
      for (const findingRow of findingRows(result)) await addFinding(findingRow);
      for (const finding of result.findings) findingsById[finding.id] = (findingsById[finding.id] ?? 0) + 1;
      database.add(result);
      const usage = result.narrative?.usage;
      if (usage) {
        inputTokens += usage.inputTokens;
        outputTokens += usage.outputTokens;
        costUsd = costUsd === null || (usage.costUsd === null && usage.inputTokens > 0) ? null : costUsd + (usage.costUsd ?? 0);
      }
      const year = yearRecordOf(result);
      if (year) years.push(year);
    }
    const crossYear = checkCrossYear(years, language);
    const crossYearJsonl = createWriteStream(temporary(EXPORT_FILES.crossYear));
    for (const finding of crossYear) {
      findingsById[finding.id] = (findingsById[finding.id] ?? 0) + 1;
      database.addCrossYear(finding);
      await addFinding(crossYearFindingRow(finding));
      await write(crossYearJsonl, `${JSON.stringify(finding)}\n`);
    }
    for (const stream of [crossYearJsonl, reportsCsv, findingsCsv, reportRows, findingRowsFile]) await close(stream);
    database.close();
    const rowsOf = (file: string) => async function* () {
      for await (const row of streamJsonLines(temporary(file))) yield row as CellValue[];
    };
    await writeWorkbook(temporary(EXPORT_FILES.workbook), [
      { name: 'reports', columns: REPORT_COLUMNS, rows: rowsOf('reports-rows.jsonl') },
      { name: 'findings', columns: FINDING_COLUMNS, rows: rowsOf('findings-rows.jsonl') },
      { name: 'cross-year', columns: CROSS_YEAR_COLUMNS, rows: async function* () { yield* crossYear.map(crossYearRow); } },
    ]);
    const files = Object.values(EXPORT_FILES);
    for (const file of files) await rename(temporary(file), outPath(directory, file));
    return { reports, otherLines: counter.lines - reports, findingsById, costUsd, inputTokens, outputTokens, crossYear, files: files.map((file) => outPath(directory, file)) };
  } finally {
    for (const stream of [reportsCsv, findingsCsv, reportRows, findingRowsFile]) stream.destroy();
    await rm(temporary('reports-rows.jsonl'), { force: true });
    await rm(temporary('findings-rows.jsonl'), { force: true });
  }
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}
