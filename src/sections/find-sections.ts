import type { Section, Span } from '../report/schemas.js';
import { SECTION_KEYS, type SectionKey } from '../report/template.js';
import { normalizeText, originalSpan, type NormalizedText } from './normalized-text.js';

// Matched on the normalized view (no whitespace, half-width punctuation). Any numeral may
// head a section: Shanghai reports renumber them and move the tables into an appendix.
const NUMERAL = '[一二三四五六七八九十]{1,2}[、,.:]';
const HEADINGS: Record<SectionKey, RegExp> = {
  overview: new RegExp(`${NUMERAL}(?:总体情况|概述|概况|基本情况)`, 'g'),
  activeDisclosure: new RegExp(`${NUMERAL}主动公开政府信息(?:的)?情况`, 'g'),
  applications: new RegExp(`${NUMERAL}收到和处理政府信息公开申请(?:的)?情况`, 'g'),
  reviewLitigation: new RegExp(`${NUMERAL}[^。;；、\\d]{0,24}?行政法?复议[^。;；]{0,16}?行政诉讼(?:的)?情况`, 'g'),
  problems: new RegExp(`${NUMERAL}[^。;；、\\d]{0,16}?存在(?:的)?(?:主要)?问题(?:及|和|与)?(?:其)?(?:改进|整改)(?:情况|措施)`, 'g'),
  otherMatters: new RegExp(`${NUMERAL}其他需要报告的事项`, 'g'),
};

type HeadingMatch = { key: SectionKey; start: number; end: number };

/**
 * Finds the six sections. Each heading is taken at its first match after the previous
 * section's heading (falling back to its first match anywhere); a section runs to the next
 * heading found. Absent headings are simply missing from the result.
 */
export function findSections(text: string, view: NormalizedText = normalizeText(text)): Section[] {
  const found: HeadingMatch[] = [];
  let after = 0;
  for (const key of SECTION_KEYS) {
    const match = firstMatch(view, HEADINGS[key], after) ?? firstMatch(view, HEADINGS[key], 0);
    if (!match) continue;
    if (found.some((other) => other.start === match.start)) continue;
    found.push({ key, ...match });
    after = match.end;
  }
  const ordered = [...found].sort((left, right) => left.start - right.start);
  return ordered.map((heading, index) => {
    const headingSpan = originalSpan(view, heading.start, heading.end);
    const next = ordered[index + 1];
    const end = next ? originalSpan(view, next.start, next.end).start : text.length;
    const span: Span = { start: headingSpan.start, end };
    return { key: heading.key, heading: text.slice(headingSpan.start, headingSpan.end), headingSpan, span };
  });
}

function firstMatch(view: NormalizedText, pattern: RegExp, from: number) {
  pattern.lastIndex = from;
  const match = pattern.exec(view.text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** The text before the first section: title, legal basis, statistics period. */
export function preambleSpan(text: string, sections: readonly Section[]): Span {
  const first = sections[0];
  return { start: 0, end: first ? first.span.start : Math.min(text.length, 2000) };
}
