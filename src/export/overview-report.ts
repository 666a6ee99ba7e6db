import { cellValue } from '../checks/equations.js';
import type { OverviewReport } from '../report/overview.js';
import type { Result } from '../report/schemas.js';
import { severityCounts } from './columns.js';

const value = (result: Result, path: string) => cellValue(result.tables, path) ?? null;
const sum = (left: number | null, right: number | null) => (left === null || right === null ? null : left + right);

/** A report as overview.html shows it (a few hundred bytes: ten thousand of them fit in memory). */
export function overviewReportOf(result: Result): OverviewReport {
  const findingIds: Record<string, number> = {};
  for (const finding of result.findings) findingIds[finding.id] = (findingIds[finding.id] ?? 0) + 1;
  const { findings_error, findings_warning } = severityCounts(result);
  return {
    path: result.source.path,
    sha256: result.source.sha256,
    agency: result.meta.agency,
    year: result.meta.year,
    template: result.template.format,
    errors: findings_error,
    warnings: findings_warning,
    findingIds,
    figures: {
      received: value(result, 'applications.newReceived.total'),
      handled: value(result, 'applications.totalHandled.total'),
      granted: value(result, 'applications.granted.total'),
      reviews: value(result, 'reviewLitigation.review.total'),
      reviewsCorrected: value(result, 'reviewLitigation.review.corrected'),
      lawsuits: sum(value(result, 'reviewLitigation.litigationDirect.total'), value(result, 'reviewLitigation.litigationAfterReview.total')),
      lawsuitsCorrected: sum(value(result, 'reviewLitigation.litigationDirect.corrected'), value(result, 'reviewLitigation.litigationAfterReview.corrected')),
    },
    notices: result.notices.map((notice) => notice.code),
    view: null,
  };
}
