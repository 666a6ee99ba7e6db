import type { Measure } from '../../report/narrative.js';
import type { Tables } from '../../report/schemas.js';
import { cellValue } from '../equations.js';

const DENIED = ['stateSecret', 'lawForbidden', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFiles', 'queryMatters'];
const UNAVAILABLE = ['notHeld', 'needsCreation', 'unclear'];
const NOT_PROCESSED = ['complaint', 'duplicate', 'publication', 'excessive', 'confirmation'];
const OTHER_HANDLING = ['overdueCorrection', 'overdueFee', 'other'];

/** The table cells whose sum a narrative measure states (the 总计 column of table 3, the totals of table 4). */
export function tablePathsOf(measure: Measure, tables: Tables): readonly string[] | null {
  const rows = (group: string, keys: readonly string[]) => keys.map((key) => `applications.${group}.${key}.total`);
  switch (measure) {
    case 'answered':
      return ['applications.totalHandled.total'];
    case 'granted':
      return ['applications.granted.total'];
    case 'partiallyGranted':
      return ['applications.partiallyGranted.total'];
    case 'grantedOrPartial':
      return ['applications.granted.total', 'applications.partiallyGranted.total'];
    case 'denied':
      return rows('denied', DENIED);
    case 'unavailable':
      return rows('unavailable', UNAVAILABLE);
    case 'notProcessed':
      return rows('notProcessed', NOT_PROCESSED);
    case 'otherHandling':
      // The 2019 template prints （六）其他处理 as one row.
      return cellValue(tables, 'applications.otherHandling.total') !== undefined ? ['applications.otherHandling.total'] : rows('otherHandling', OTHER_HANDLING);
    case 'carriedForward':
      return ['applications.carriedForward.total'];
    case 'reviews':
      return ['reviewLitigation.review.total'];
    case 'lawsuits':
      return ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'];
    case 'reviewsAndLawsuits':
      return ['reviewLitigation.review.total', 'reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'];
    default:
      return null;
  }
}

/** The sum of the cells, or null when one is blank, unreadable or the table is absent. */
export function sumCells(tables: Tables, paths: readonly string[]): number | null {
  let sum = 0;
  for (const path of paths) {
    const value = cellValue(tables, path);
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}
