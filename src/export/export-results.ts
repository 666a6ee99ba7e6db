import { rename, rm } from 'node:fs/promises';
import { checkCrossYear, crossYearCoverage, yearRecordOf, type CrossYearCoverage, type CrossYearFinding, type YearRecord } from '../checks/cross-year.js';
import type { Language } from '../checks/language.js';
import { answersConfig, isNarrativeFailed } from '../batch/config-key.js';
import { CROSS_YEAR_FILE, outPath, RESULTS_FILE, streamJsonLines } from '../batch/results-store.js';
import type { CurrentInputs } from '../batch/run-batch.js';
import { outputFailed } from '../file-system.js';
import type { Result } from '../report/schemas.js';
import { CELL_ROW_COLUMNS, CELL_ROW_KINDS, cellRows, columnKind, crossYearFindingRow, FINDING_COLUMNS, findingRows, NARRATIVE_COLUMNS, narrativeRows, NOTICE_COLUMNS, noticeRows, REPORT_COLUMNS, reportRow, type CellValue } from './columns.js';
import { columnTitle } from './column-titles.js';
import { CODEBOOK_COLUMNS, codebookRows, parquetCodebook } from './codebook.js';
import { overviewReportOf } from './overview-report.js';
import type { OverviewReport } from '../report/overview.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { OutputFile } from './output-file.js';
import { ParquetFile, writeParquet } from './parquet.js';
import { RowTable } from './row-table.js';
import { SqliteExport } from './sqlite.js';
import { writeWorkbook } from './xlsx.js';
import { OUTPUT } from '../messages/output.js';

export const EXPORT_FILES = {
  reports: 'reports.csv',
  findings: 'findings.csv',
  narrative: 'narrative.csv',
  notices: 'notices.csv',
  codebook: 'codebook.csv',
  crossYear: CROSS_YEAR_FILE,
  workbook: 'results.xlsx',
  database: 'results.sqlite',
} as const;

/** The tables also written as Parquet, for pandas, polars, R arrow and DuckDB; cells only here, in long form. */
export const PARQUET_FILES = {
  reports: 'reports.parquet',
  findings: 'findings.parquet',
  narrative: 'narrative.parquet',
  notices: 'notices.parquet',
  cells: 'cells.parquet',
} as const;

export type ExportSummary = {
  /** Results of this configuration exported (one per content hash). */
  readonly reports: number;
  /** Of them: tables only, the model failed on the narrative (marked narrative-failed). */
  readonly narrativeFailed: number;
  /** Lines of results.jsonl left out: another configuration's, or a second copy. */
  readonly otherLines: number;
  /** Reports of results.jsonl left out because they are not among this run's inputs (changed since, or not given). */
  readonly superseded: number;
  readonly findingsById: Readonly<Record<string, number>>;
  readonly costUsd: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly crossYear: readonly CrossYearFinding[];
  /** Every exported report as overview.html shows it. */
  readonly overview: readonly OverviewReport[];
  /** The pairs the cross-year checks compared, what had none, and the reports without an agency or year to match on. */
  readonly crossYearCoverage: CrossYearCoverage & { readonly withoutAgencyOrYear: number };
  readonly files: readonly string[];
};

const CROSS_YEAR_COLUMNS = ['id', 'severity', 'matched_as', 'previous_agency', 'previous_year', 'previous_path', 'current_agency', 'current_year', 'current_path', 'path', 'message', 'expected', 'actual', 'difference'] as const;

const titlesOf = (columns: readonly string[], sheet: string) => columns.map((column) => columnTitle(column, sheet));

function crossYearRow(finding: CrossYearFinding): CellValue[] {
  return [finding.id, finding.severity, finding.agency.matchedAs, finding.agency.previous, finding.previous.year, finding.previous.path, finding.agency.current, finding.current.year, finding.current.path, finding.path, finding.message, finding.expected, finding.actual, finding.difference];
}

/**
 * Derives every export from results.jsonl (the one record of the run): reports.csv, findings.csv,
 * narrative.csv, notices.csv, codebook.csv, cross-year.jsonl, results.xlsx, results.sqlite and the Parquet files. Streams the file (several passes) rather than
 * holding the results, and writes each export under a temporary name first, so a crash never
 * leaves a half-written export in place of the last good one.
 */
export async function exportResults(directory: string, key: string, language: Language, signal?: AbortSignal, inputs?: CurrentInputs): Promise<ExportSummary> {
  const resultsPath = outPath(directory, RESULTS_FILE);
  // Which record stands for each report: the first result of this configuration or, when the
  // model failed on it every time, its latest tables-only result (marked narrative-failed).
  const chosen = new Set<number>();
  const superseded = new Set<string>();
  let supersededLines = 0;
  let records = 0;
  {
    const byHash = new Map<string, { readonly index: number; readonly complete: boolean }>();
    for await (const record of streamJsonLines(resultsPath)) {
      const index = records++;
      const result = record as Result;
      if (!result?.source?.sha256) continue;
      const complete = answersConfig(result, key);
      if (!complete && !isNarrativeFailed(result)) continue;
      // A file changed since (another hash now) or not among this run's inputs: history, not exported.
      if (inputs && !inputs.hashes.has(result.source.sha256) && !inputs.notReached.has(result.source.path)) {
        superseded.add(result.source.sha256);
        supersededLines += 1;
        continue;
      }
      const before = byHash.get(result.source.sha256);
      if (before?.complete) continue;
      byHash.set(result.source.sha256, { index, complete });
    }
    for (const { index } of byHash.values()) chosen.add(index);
  }
  async function* results(): AsyncGenerator<Result> {
    let index = 0;
    for await (const record of streamJsonLines(resultsPath)) if (chosen.has(index++)) yield record as Result;
  }

  const temporary = (file: string) => outPath(directory, `.${file}.partial`);
  let database: SqliteExport | null = null;
  const table = (columns: readonly string[], csv: string | null, rows: string) => new RowTable(columns, columns.map(columnKind), { csv: csv && temporary(csv), rows: temporary(rows) });
  const tables = {
    reports: table(REPORT_COLUMNS, EXPORT_FILES.reports, 'reports-rows.jsonl'),
    findings: table(FINDING_COLUMNS, EXPORT_FILES.findings, 'findings-rows.jsonl'),
    narrative: table(NARRATIVE_COLUMNS, EXPORT_FILES.narrative, 'narrative-rows.jsonl'),
    notices: table(NOTICE_COLUMNS, EXPORT_FILES.notices, 'notice-rows.jsonl'),
  };
  // The cells, a few hundred rows per report, go straight to their Parquet file: their kinds are
  // fixed (value is real, for it mixes counts of 件 with amounts in 万元), so nothing waits for a profile.
  let cellsParquet: ParquetFile | null = null;
  const codebookCsv = new OutputFile(temporary(EXPORT_FILES.codebook));
  const crossYearJsonl = new OutputFile(temporary(EXPORT_FILES.crossYear));
  const streams = [crossYearJsonl, codebookCsv, ...Object.values(tables)];
  const findingsById: Record<string, number> = {};
  const years: YearRecord[] = [];
  let reports = 0;
  const overview: OverviewReport[] = [];
  let withoutAgencyOrYear = 0;
  let narrativeFailed = 0;
  let costUsd: number | null = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let renamed = false;
  try {
    // A run killed while writing the database may have left it, with its journal: never reused.
    await rm(temporary(EXPORT_FILES.database), { force: true });
    await rm(`${temporary(EXPORT_FILES.database)}-journal`, { force: true });
    database = new SqliteExport(temporary(EXPORT_FILES.database));
    for (const rows of Object.values(tables)) await rows.open();
    cellsParquet = new ParquetFile(temporary(PARQUET_FILES.cells), CELL_ROW_COLUMNS, CELL_ROW_KINDS, parquetCodebook(PARQUET_FILES.cells));
    await codebookCsv.write(UTF8_BOM + csvLine(CODEBOOK_COLUMNS) + codebookRows().map(csvLine).join(''));
    for await (const result of results()) {
      signal?.throwIfAborted();
      reports += 1;
      if (isNarrativeFailed(result)) narrativeFailed += 1;
      overview.push(overviewReportOf(result));
      await tables.reports.add(reportRow(result));
      for (const row of findingRows(result)) await tables.findings.add(row);
      for (const row of narrativeRows(result)) await tables.narrative.add(row);
      for (const row of noticeRows(result)) await tables.notices.add(row);
      for (const row of cellRows(result)) await cellsParquet.add(row);
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
      else withoutAgencyOrYear += 1;
    }
    const crossYear = checkCrossYear(years, language);
    for (const finding of crossYear) {
      findingsById[finding.id] = (findingsById[finding.id] ?? 0) + 1;
      database.addCrossYear(finding);
      await tables.findings.add(crossYearFindingRow(finding));
      await crossYearJsonl.write(`${JSON.stringify(finding)}\n`);
    }
    for (const stream of streams) await stream.close();
    await cellsParquet.close();
    database.close();
    await writeWorkbook(temporary(EXPORT_FILES.workbook), [
      { name: 'reports', columns: REPORT_COLUMNS, titles: titlesOf(REPORT_COLUMNS, 'reports'), rows: tables.reports.rows(signal) },
      { name: 'findings', columns: FINDING_COLUMNS, titles: titlesOf(FINDING_COLUMNS, 'findings'), rows: tables.findings.rows(signal) },
      { name: 'narrative', columns: NARRATIVE_COLUMNS, titles: titlesOf(NARRATIVE_COLUMNS, 'narrative'), rows: tables.narrative.rows(signal) },
      { name: 'notices', columns: NOTICE_COLUMNS, titles: titlesOf(NOTICE_COLUMNS, 'notices'), rows: tables.notices.rows(signal) },
      { name: 'cross-year', columns: CROSS_YEAR_COLUMNS, titles: titlesOf(CROSS_YEAR_COLUMNS, 'cross-year'), rows: async function* () { yield* crossYear.map(crossYearRow); } },
      { name: 'codebook', columns: CODEBOOK_COLUMNS, rows: async function* () { yield* codebookRows(); } },
    ]);
    for (const name of ['reports', 'findings', 'narrative', 'notices'] as const) {
      const rows = tables[name];
      const file = PARQUET_FILES[name];
      await writeParquet(temporary(file), { columns: rows.columns, kinds: rows.profile.kinds, rows: rows.rows(signal), metadata: parquetCodebook(file) });
    }
    const files = [...Object.values(EXPORT_FILES), ...Object.values(PARQUET_FILES)];
    renamed = true;
    for (const file of files) await rename(temporary(file), outPath(directory, file));
    return { reports, narrativeFailed, otherLines: records - reports - supersededLines, superseded: superseded.size, findingsById, costUsd, inputTokens, outputTokens, crossYear, overview, crossYearCoverage: { ...crossYearCoverage(years), withoutAgencyOrYear }, files: files.map((file) => outPath(directory, file)) };
  } catch (cause) {
    if (signal?.aborted) throw cause;
    // A bug is a bug; a file system's or SQLite's refusal (a full disk, a read-only folder) is named.
    if (!(cause instanceof Error && 'code' in cause)) throw cause;
    throw outputFailed(OUTPUT.exportsIn(directory), cause, OUTPUT.exportsKept(RESULTS_FILE, renamed));
  } finally {
    for (const stream of streams) stream.destroy();
    database?.discard();
    // Whatever was not renamed into place is removed: no .partial file is ever left behind.
    const leftovers = [...Object.values(EXPORT_FILES), ...Object.values(PARQUET_FILES), 'reports-rows.jsonl', 'findings-rows.jsonl', 'narrative-rows.jsonl', 'notice-rows.jsonl'].map(temporary);
    for (const file of [...leftovers, `${temporary(EXPORT_FILES.database)}-journal`]) await rm(file, { force: true }).catch(() => undefined);
  }
}
