import Database from 'better-sqlite3';
import type { CrossYearFinding } from '../checks/cross-year.js';
import { cellValue } from '../checks/equations.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Result } from '../report/schemas.js';
import { CELL_COLUMNS } from './columns.js';

const SCHEMA = `
CREATE TABLE reports (
  sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, template TEXT NOT NULL, template_reason TEXT,
  agency TEXT, year INTEGER, narrative_provider TEXT, narrative_model TEXT, prompt_hash TEXT,
  input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL, findings_error INTEGER NOT NULL, findings_warning INTEGER NOT NULL
);
CREATE TABLE cells (
  sha256 TEXT NOT NULL REFERENCES reports(sha256), cell TEXT NOT NULL, value REAL, raw TEXT,
  row_label TEXT, column_label TEXT, span_start INTEGER, span_end INTEGER, placement TEXT,
  PRIMARY KEY (sha256, cell)
);
CREATE TABLE findings (
  sha256 TEXT NOT NULL REFERENCES reports(sha256), id TEXT NOT NULL, severity TEXT NOT NULL, path TEXT NOT NULL,
  message TEXT NOT NULL, expected REAL, actual REAL, difference REAL, suggestion_path TEXT, suggestion_value REAL
);
CREATE TABLE narrative_numbers (
  sha256 TEXT NOT NULL REFERENCES reports(sha256), path TEXT NOT NULL, value REAL NOT NULL, quote TEXT NOT NULL,
  year INTEGER, grounded INTEGER NOT NULL, span_start INTEGER, span_end INTEGER
);
CREATE TABLE cross_year (
  id TEXT NOT NULL, severity TEXT NOT NULL, matched_as TEXT NOT NULL,
  previous_sha256 TEXT NOT NULL, previous_agency TEXT NOT NULL, previous_year INTEGER NOT NULL,
  current_sha256 TEXT NOT NULL, current_agency TEXT NOT NULL, current_year INTEGER NOT NULL,
  path TEXT NOT NULL, message TEXT NOT NULL, expected REAL, actual REAL, difference REAL
);
CREATE INDEX reports_agency_year ON reports (agency, year);
CREATE INDEX findings_id ON findings (id);
CREATE INDEX cells_cell ON cells (cell);
`;

// Rows are committed in transactions of this many reports: one per report would be slow, one
// for the whole run would hold everything in the journal.
const REPORTS_PER_TRANSACTION = 200;

/** The SQLite export: written to `path` (a new file), one report at a time. */
export class SqliteExport {
  readonly #database: Database.Database;
  readonly #statements;
  #pending = 0;

  constructor(path: string) {
    this.#database = new Database(path);
    this.#database.pragma('journal_mode = OFF');
    this.#database.pragma('synchronous = OFF');
    this.#database.exec(SCHEMA);
    this.#statements = {
      report: this.#database.prepare(
        'INSERT OR IGNORE INTO reports VALUES (@sha256, @path, @format, @template, @template_reason, @agency, @year, @narrative_provider, @narrative_model, @prompt_hash, @input_tokens, @output_tokens, @cost_usd, @findings_error, @findings_warning)',
      ),
      cell: this.#database.prepare('INSERT OR IGNORE INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      finding: this.#database.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      number: this.#database.prepare('INSERT INTO narrative_numbers VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      crossYear: this.#database.prepare('INSERT INTO cross_year VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    this.#database.exec('BEGIN');
  }

  add(result: Result): void {
    const sha256 = result.source.sha256;
    const narrative = result.narrative;
    this.#statements.report.run({
      sha256,
      path: result.source.path,
      format: result.source.format,
      template: result.template.format,
      template_reason: result.template.reason,
      agency: result.meta.agency,
      year: result.meta.year,
      narrative_provider: narrative?.extractor.provider ?? null,
      narrative_model: narrative?.extractor.model ?? null,
      prompt_hash: narrative?.extractor.promptHash ?? null,
      input_tokens: narrative?.usage.inputTokens ?? null,
      output_tokens: narrative?.usage.outputTokens ?? null,
      cost_usd: narrative?.usage.costUsd ?? null,
      findings_error: result.findings.filter((finding) => finding.severity === 'error').length,
      findings_warning: result.findings.filter((finding) => finding.severity === 'warning').length,
    });
    // Every cell of the report's template, blanks included (value NULL), so a query sees them.
    for (const cell of CELL_COLUMNS) {
      const value = cellValue(result.tables, cell);
      if (value === undefined) continue;
      const source = result.cells[cell];
      this.#statements.cell.run(sha256, cell, value, source?.raw ?? null, source?.rowLabel ?? null, source?.columnLabel ?? null, source?.span.start ?? null, source?.span.end ?? null, source?.placement ?? null);
    }
    for (const finding of result.findings) {
      this.#statements.finding.run(sha256, finding.id, finding.severity, finding.path, finding.message, finding.expected, finding.actual, finding.difference, finding.suggestion?.path ?? null, finding.suggestion?.value ?? null);
    }
    if (narrative) {
      for (const { path, number } of listNumbers(narrative.facts)) {
        this.#statements.number.run(sha256, path, number.value, number.quote, number.year, number.grounded ? 1 : 0, number.span?.start ?? null, number.span?.end ?? null);
      }
    }
    this.#pending += 1;
    if (this.#pending >= REPORTS_PER_TRANSACTION) {
      this.#database.exec('COMMIT; BEGIN');
      this.#pending = 0;
    }
  }

  addCrossYear(finding: CrossYearFinding): void {
    this.#statements.crossYear.run(
      finding.id,
      finding.severity,
      finding.agency.matchedAs,
      finding.previous.sha256,
      finding.agency.previous,
      finding.previous.year,
      finding.current.sha256,
      finding.agency.current,
      finding.current.year,
      finding.path,
      finding.message,
      finding.expected,
      finding.actual,
      finding.difference,
    );
  }

  close(): void {
    this.#database.exec('COMMIT');
    this.#database.close();
  }
}
