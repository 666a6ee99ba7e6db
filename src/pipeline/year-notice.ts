import { pick, type Language } from '../checks/language.js';
import type { Notice } from '../report/schemas.js';

/** The regulation (《中华人民共和国政府信息公开条例》) took effect in 2008: no annual report is older. */
export const FIRST_REPORT_YEAR = 2008;

/**
 * A report year that cannot be right is said, not corrected: a year before the regulation, a
 * year after the report's own publication date, or (when the caller knows the date) a year that
 * has not ended. A report is published in the year after the one it covers (or late in it), so
 * its year is at most its publication year.
 */
export function yearNotices(year: number | null, publishedYear: number | null, currentYear: number | undefined, language: Language): Notice[] {
  if (year === null) return [];
  const notice = (zh: string, en: string): Notice[] => [{ code: 'implausible-year', message: pick(language, zh, en) }];
  if (year < FIRST_REPORT_YEAR) {
    return notice(
      `报告年度为 ${year} 年，早于《中华人民共和国政府信息公开条例》施行的 ${FIRST_REPORT_YEAR} 年：可能是录入或识别错误，年度按原文保留`,
      `the report year ${year} is before ${FIRST_REPORT_YEAR}, when the disclosure regulation took effect: probably a typing or OCR slip; the year is kept as printed`,
    );
  }
  if (publishedYear !== null && year > publishedYear) {
    return notice(
      `报告年度为 ${year} 年，晚于报告自身的发布或落款日期（${publishedYear} 年）：可能是录入或识别错误，年度按原文保留`,
      `the report year ${year} is after the report's own publication or signing date (${publishedYear}): probably a typing or OCR slip; the year is kept as printed`,
    );
  }
  if (currentYear !== undefined && year > currentYear) {
    return notice(
      `报告年度为 ${year} 年，晚于今年（${currentYear} 年）：可能是录入或识别错误，年度按原文保留`,
      `the report year ${year} has not come yet (it is ${currentYear}): probably a typing or OCR slip; the year is kept as printed`,
    );
  }
  return [];
}
