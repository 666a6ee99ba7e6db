import type { Section } from '../report/schemas.js';
import type { FormatDecision } from '../sections/detect-format.js';
import { compose, type Text } from '../messages/text.js';

/** What a document shows of being an annual report, as counted on its text. */
export type ReportEvidence = {
  /** 政府信息公开（工作）年度报告 in its opening. */
  readonly title: boolean;
  /** Section headings of the template found. */
  readonly headings: number;
  /** The template's table headers (the format decision's reason names them). */
  readonly template: FormatDecision;
  /** Chinese characters among its letters (汉字 and Latin letters). */
  readonly chineseShare: number;
};

const REPORT_TITLE = /政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const TITLE_WINDOW = 2000;
// Reports are written in Chinese: every report of the fixtures and the corpus has ≥ 81 % 汉字 among
// its letters (the excerpt of a 2018 table with its units, the lowest), every note about them
// (NOTES.md, README.md: English prose quoting the report's headings and headers) ≤ 29 %.
const MIN_CHINESE_SHARE = 0.5;

/** 政府信息公开（工作）年度报告 in the opening of the text, however it is spaced. */
export function hasReportTitle(text: string): boolean {
  return REPORT_TITLE.test(text.slice(0, TITLE_WINDOW).replace(/\s+/g, ''));
}

export function reportEvidence(text: string, sections: readonly Section[], template: FormatDecision): ReportEvidence {
  // Counted in one pass without building arrays: a report may be 5 MB of text.
  let chinese = 0;
  let latin = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) chinese += 1;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
  }
  return {
    title: hasReportTitle(text),
    headings: sections.length,
    template,
    chineseShare: chinese + latin === 0 ? 0 : chinese / (chinese + latin),
  };
}

/**
 * Whether the document is a report, and when it is not, why, with what it does show: a note that
 * quotes a report's headings and headers is still a note. Null: it is a report.
 */
export function notAReportBecause(evidence: ReportEvidence): Text | null {
  const shows = (language: 'zh' | 'en') =>
    [
      evidence.title ? (language === 'zh' ? '年报标题' : 'a report title') : '',
      evidence.headings > 0 ? (language === 'zh' ? `${evidence.headings} 个章节标题` : `${evidence.headings} section heading(s)`) : '',
      evidence.template.format !== 'unknown' ? evidence.template.reason[language] : '',
    ].filter(Boolean);
  if (evidence.template.format === 'unknown') {
    return compose((language) => (language === 'zh' ? '既没有年报的章节标题，也没有年报统计表' : 'no section headings and no statistics table of the template'));
  }
  if (evidence.chineseShare < MIN_CHINESE_SHARE) {
    const share = Math.round(evidence.chineseShare * 100);
    return compose((language) =>
      language === 'zh'
        ? `正文以英文为主（汉字只占文字的 ${share}%），是关于报告的说明而不是报告本身${shows('zh').length > 0 ? `（文中引用了：${shows('zh').join('；')}）` : ''}`
        : `its text is mostly English (汉字 are ${share}% of its letters): a note about a report, not a report${shows('en').length > 0 ? `; it quotes ${shows('en').join(', ')}` : ''}`,
    );
  }
  return null;
}
