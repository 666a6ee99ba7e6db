import type { CellSource, ReportFormat, Section, Tables } from '../report/schemas.js';
import type { TableParse } from '../tables/parse-tables.js';
import type { Language } from './language.js';

/** Everything the deterministic checks look at. Checks are pure functions of this. */
export type CheckInput = {
  readonly format: ReportFormat;
  readonly sections: readonly Section[];
  readonly tables: Tables;
  readonly cells: Readonly<Record<string, CellSource>>;
  readonly parses: readonly TableParse[];
  readonly language: Language;
};
