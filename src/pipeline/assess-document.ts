import { pick, type Language } from '../checks/language.js';
import type { Notice, Section } from '../report/schemas.js';
import { SECTION_KEYS, SECTION_TITLES } from '../report/template.js';
import type { FormatDecision } from '../sections/detect-format.js';
import { TEMPLATE } from '../messages/template.js';
import { hasReportTitle } from './report-evidence.js';

/**
 * The template to read the document with. Section headings of the 2021 template without any
 * table header still make a 2021 report (one whose tables are missing), not an unknown text.
 */
export function effectiveFormat(decision: FormatDecision, sections: readonly Section[], text: string): FormatDecision {
  if (decision.format !== 'unknown') return decision;
  if (sections.length >= 3) {
    return { format: '2021', reason: TEMPLATE.bySections(sections.length) };
  }
  // A report cut short after its first section still names itself in its title.
  if (sections.length >= 1 && hasReportTitle(text)) {
    return { format: '2021', reason: TEMPLATE.byTitle() };
  }
  return decision;
}

/** One-line notices about the document as a whole. */
export function assessDocument(decision: FormatDecision, sections: readonly Section[], language: Language): Notice[] {
  if (decision.format === 'unknown') {
    return [
      {
        code: 'not-a-report',
        message: pick(language, `不是政府信息公开工作年度报告：${decision.reason.zh}`, `not a government information-disclosure annual report: ${decision.reason.en}`),
      },
    ];
  }
  if (decision.format === 'pre2019') {
    return [
      {
        code: 'other-template',
        message: pick(
          language,
          `不是 2019 年以来的年报格式（${decision.reason.zh}），统计表未按 2019 或 2021 年版读取`,
          `not the 2019 or 2021 template (${decision.reason.en}); its tables are not read as either`,
        ),
      },
    ];
  }
  const found = new Set(sections.map((section) => section.key));
  const lastFound = Math.max(...SECTION_KEYS.map((key, index) => (found.has(key) ? index : -1)));
  const missingTail = SECTION_KEYS.slice(lastFound + 1);
  const missingBefore = SECTION_KEYS.slice(0, lastFound + 1).filter((key) => !found.has(key));
  if (lastFound >= 0 && missingTail.length > 0 && missingBefore.length === 0) {
    const titles = missingTail.map((key) => SECTION_TITLES[key]).join(pick(language, '、', ', '));
    return [
      {
        code: 'truncated',
        message: pick(
          language,
          `文件似乎被截断：在“${SECTION_TITLES[SECTION_KEYS[lastFound]!]}”之后结束，缺少 ${titles}`,
          `the file looks truncated: it ends after “${SECTION_TITLES[SECTION_KEYS[lastFound]!]}”; missing ${titles}`,
        ),
      },
    ];
  }
  return [];
}
