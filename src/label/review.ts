import { pick, type Language } from '../checks/language.js';

/**
 * What a person decided about one value while reviewing a report. Keys name the value:
 * "cell:applications.newReceived.total", "narrative:applications.statements.0.count", "meta:year",
 * "meta:agency", "finding:narrative.conflictingFigures@narrative.activeDisclosure.published…".
 */
export type Decision =
  | { readonly kind: 'confirmed'; readonly reason: string }
  | { readonly kind: 'edited'; readonly value: number | string | null; readonly reason: string }
  /** A finding the report does not have (a false alarm): left out of the fixture. */
  | { readonly kind: 'dismissed'; readonly reason: string };

export type Decisions = ReadonlyMap<string, Decision>;

export const cellKey = (path: string) => `cell:${path}`;
export const narrativeKey = (path: string) => `narrative:${path}`;
export const metaKey = (field: 'agency' | 'year') => `meta:${field}`;
export const findingKey = (finding: { readonly id: string; readonly path: string }) => `finding:${finding.id}@${finding.path}`;

/** A typed value as a cell or stated number: digits (a decimal point, a leading minus), or 空/blank for a blank cell. */
export function parseEditedNumber(typed: string, language: Language = 'zh'): { value: number | null } | { problem: string } {
  const text = typed.trim().replace(/[，,]/g, '');
  if (/^(空|空白|blank|null|-|—)$/i.test(text)) return { value: null };
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return { problem: pick(language, `“${typed}”不是数字（请输入数字，空白单元格输入 空）`, `"${typed}" is not a number (digits, or 空 for a blank cell)`) };
  return { value: Number(text) };
}
