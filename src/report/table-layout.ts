import type { ReportFormat } from './schemas.js';
import { ACTIVE_DISCLOSURE_ROWS_2019, APPLICATION_ROWS_2019 } from './template-2019.js';
import { ACTIVE_DISCLOSURE_ROWS, APPLICATION_ROWS, type RowTemplate } from './template.js';

/** The templates whose tables are read. A pre-2019 or unknown document has none. */
export type TableFormat = '2021' | '2019';

/** The printed rows of tables 2 and 3 of one template (table 4 is the same in both). */
export type TableLayout = {
  readonly format: TableFormat;
  readonly activeDisclosure: readonly RowTemplate[];
  readonly applications: readonly RowTemplate[];
};

export const TABLE_LAYOUTS: Readonly<Record<TableFormat, TableLayout>> = {
  '2021': { format: '2021', activeDisclosure: ACTIVE_DISCLOSURE_ROWS, applications: APPLICATION_ROWS },
  '2019': { format: '2019', activeDisclosure: ACTIVE_DISCLOSURE_ROWS_2019, applications: APPLICATION_ROWS_2019 },
};

export function tableLayoutOf(format: ReportFormat): TableLayout | null {
  return format === '2021' || format === '2019' ? TABLE_LAYOUTS[format] : null;
}
