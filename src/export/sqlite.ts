import Database from 'better-sqlite3';
import type { CrossYearFinding } from '../checks/cross-year.js';
import { cellValue } from '../checks/equations.js';
import { listFigures } from '../checks/narrative/index.js';
import type { Result } from '../report/schemas.js';
import { CELL_COLUMNS, CELL_LABELS, figureFields, noticeCodes, severityCounts } from './columns.js';

const SCHEMA = `
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL, format TEXT NOT NULL, template TEXT NOT NULL, template_reason TEXT,
  agency TEXT, year INTEGER, narrative_provider TEXT, narrative_model TEXT, prompt_hash TEXT,
  input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL, findings_error INTEGER NOT NULL, findings_warning INTEGER NOT NULL,
  notices TEXT NOT NULL
);
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id), cell TEXT NOT NULL REFERENCES cell_keys(cell), value NUMERIC, raw TEXT,
  span_start INTEGER, span_end INTEGER, placement TEXT,
  PRIMARY KEY (report_id, cell)
) WITHOUT ROWID;
CREATE TABLE cell_keys (cell TEXT PRIMARY KEY, table_key TEXT NOT NULL, row_label TEXT NOT NULL, column_label TEXT NOT NULL);
CREATE TABLE findings (
  report_id INTEGER NOT NULL REFERENCES reports(id), id TEXT NOT NULL, severity TEXT NOT NULL, path TEXT NOT NULL,
  message TEXT NOT NULL, expected NUMERIC, actual NUMERIC, difference NUMERIC, suggestion_path TEXT, suggestion_value NUMERIC
);
CREATE TABLE narrative_numbers (
  report_id INTEGER NOT NULL REFERENCES reports(id), path TEXT NOT NULL, topic TEXT NOT NULL, measure TEXT NOT NULL,
  platform_kind TEXT, platform_name TEXT, subject TEXT, period TEXT NOT NULL, approximate INTEGER NOT NULL,
  is_part INTEGER NOT NULL, value NUMERIC NOT NULL, quote TEXT NOT NULL,
  year INTEGER, grounded INTEGER NOT NULL, span_start INTEGER, span_end INTEGER
);
CREATE TABLE cross_year (
  id TEXT NOT NULL, severity TEXT NOT NULL, matched_as TEXT NOT NULL,
  previous_report_id INTEGER NOT NULL REFERENCES reports(id), previous_agency TEXT NOT NULL, previous_year INTEGER NOT NULL,
  current_report_id INTEGER NOT NULL REFERENCES reports(id), current_agency TEXT NOT NULL, current_year INTEGER NOT NULL,
  path TEXT NOT NULL, message TEXT NOT NULL, expected NUMERIC, actual NUMERIC, difference NUMERIC
);
CREATE INDEX reports_agency_year ON reports (agency, year);
CREATE INDEX findings_id ON findings (id);
CREATE INDEX findings_report ON findings (report_id);
CREATE INDEX narrative_numbers_report ON narrative_numbers (report_id);
CREATE INDEX cells_cell ON cells (cell);
CREATE INDEX cells_report ON cells (report_id);

-- The common questions, answered without knowing the cell keys.
CREATE VIEW report_figures AS
SELECT r.id AS report_id, r.agency, r.year, r.path, r.template,
  MAX(CASE c.cell WHEN 'applications.newReceived.total' THEN c.value END) AS received,
  MAX(CASE c.cell WHEN 'applications.carriedOver.total' THEN c.value END) AS carried_over,
  MAX(CASE c.cell WHEN 'applications.totalHandled.total' THEN c.value END) AS handled,
  MAX(CASE c.cell WHEN 'applications.granted.total' THEN c.value END) AS granted,
  MAX(CASE c.cell WHEN 'applications.partiallyGranted.total' THEN c.value END) AS partially_granted,
  MAX(CASE c.cell WHEN 'applications.carriedForward.total' THEN c.value END) AS carried_forward,
  MAX(CASE c.cell WHEN 'reviewLitigation.review.total' THEN c.value END) AS reviews,
  MAX(CASE c.cell WHEN 'reviewLitigation.review.corrected' THEN c.value END) AS reviews_corrected,
  MAX(CASE c.cell WHEN 'reviewLitigation.litigationDirect.total' THEN c.value END) + MAX(CASE c.cell WHEN 'reviewLitigation.litigationAfterReview.total' THEN c.value END) AS lawsuits,
  MAX(CASE c.cell WHEN 'reviewLitigation.litigationDirect.corrected' THEN c.value END) + MAX(CASE c.cell WHEN 'reviewLitigation.litigationAfterReview.corrected' THEN c.value END) AS lawsuits_corrected,
  r.findings_error, r.findings_warning, r.notices
FROM reports r LEFT JOIN cells c ON c.report_id = r.id
GROUP BY r.id;
CREATE VIEW cells_long AS
SELECT r.id AS report_id, r.agency, r.year, c.cell, k.table_key, k.row_label, k.column_label, c.value, c.raw, c.placement
FROM cells c JOIN reports r ON r.id = c.report_id JOIN cell_keys k ON k.cell = c.cell;
CREATE VIEW findings_labelled AS
SELECT r.id AS report_id, r.agency, r.year, r.path AS report_path, f.id AS check_id, f.severity, f.path, k.row_label, k.column_label,
  f.message, f.expected, f.actual, f.difference, f.suggestion_path, f.suggestion_value
FROM findings f JOIN reports r ON r.id = f.report_id LEFT JOIN cell_keys k ON k.cell = f.suggestion_path;
`;

// Rows are committed in transactions of this many reports: one per report would be slow, one
// for the whole run would hold everything in the journal.
const REPORTS_PER_TRANSACTION = 200;

/** The SQLite export: written to `path` (a new file), one report at a time. */
export class SqliteExport {
  readonly #database: Database.Database;
  readonly #statements;
  #pending = 0;
  /** Report ids by content hash, for the cross-year rows that name two reports. */
  readonly #ids = new Map<string, number>();

  constructor(path: string) {
    this.#database = new Database(path);
    this.#database.pragma('journal_mode = OFF');
    this.#database.pragma('synchronous = OFF');
    this.#database.exec(SCHEMA);
    // The template's labels once per cell key; the labels as each report prints them are in results.jsonl.
    const key = this.#database.prepare('INSERT INTO cell_keys VALUES (?, ?, ?, ?)');
    for (const label of CELL_LABELS) key.run(label.cell, label.table, label.row, label.column);
    this.#statements = {
      report: this.#database.prepare(
        'INSERT OR IGNORE INTO reports VALUES (@id, @sha256, @path, @format, @template, @template_reason, @agency, @year, @narrative_provider, @narrative_model, @prompt_hash, @input_tokens, @output_tokens, @cost_usd, @findings_error, @findings_warning, @notices)',
      ),
      cell: this.#database.prepare('INSERT OR IGNORE INTO cells VALUES (?, ?, ?, ?, ?, ?, ?)'),
      finding: this.#database.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      number: this.#database.prepare('INSERT INTO narrative_numbers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      crossYear: this.#database.prepare('INSERT INTO cross_year VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    this.#database.exec('BEGIN');
  }

  add(result: Result): void {
    const sha256 = result.source.sha256;
    if (this.#ids.has(sha256)) return;
    const id = this.#ids.size + 1;
    this.#ids.set(sha256, id);
    const narrative = result.narrative;
    this.#statements.report.run({
      id,
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
      ...severityCounts(result),
      notices: noticeCodes(result),
    });
    // Every cell of the report's template, blanks included (value NULL), so a query sees them.
    // Labels live in cell_keys (the template's); each report's printed labels are in results.jsonl.
    for (const cell of CELL_COLUMNS) {
      const value = cellValue(result.tables, cell);
      if (value === undefined) continue;
      const source = result.cells[cell];
      this.#statements.cell.run(id, cell, value, source?.raw ?? null, source?.span.start ?? null, source?.span.end ?? null, source?.placement ?? null);
    }
    for (const finding of result.findings) {
      this.#statements.finding.run(id, finding.id, finding.severity, finding.path, finding.message, finding.expected, finding.actual, finding.difference, finding.suggestion?.path ?? null, finding.suggestion?.value ?? null);
    }
    if (narrative) {
      // Each figure with what it counts and where: a part carries its statement's measure unless it has its own.
      for (const figure of listFigures(narrative.facts)) this.#statements.number.run(id, ...figureFields(figure));
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
      this.#ids.get(finding.previous.sha256) ?? null,
      finding.agency.previous,
      finding.previous.year,
      this.#ids.get(finding.current.sha256) ?? null,
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

  /** Closes the file if close() was not reached (a failure); the caller removes it. */
  discard(): void {
    if (this.#database.open) this.#database.close();
  }
}
