import { pick, type Language } from '../checks/language.js';
import type { Result } from '../report/schemas.js';
import { TABLE_KEYS, TABLE_NUMBERS } from '../report/template.js';

/** How much of a report the checks could look at: all of it, part, or none (and why not). */
export type Coverage = { readonly extent: 'full' | 'partial' | 'none'; readonly reasons: readonly string[] };

/**
 * "No findings" is only a claim about what was checked. An old template's tables are not read,
 * a table not found is not checked, a narrative the model failed on is not checked against them:
 * each is said, so that "✔ 未发现问题" never stands for a report nobody could check.
 */
export function checkCoverage(result: Result, language: Language): Coverage {
  if (result.notices.some((notice) => notice.code === 'other-template')) {
    return { extent: 'none', reasons: [pick(language, '不是 2019 年以来的年报格式，统计表未读取', 'not the 2019 or 2021 template: its tables were not read')] };
  }
  const reasons: string[] = [];
  const missing = TABLE_KEYS.filter((table) => result.tables[table] === null);
  if (missing.length === 3) return { extent: 'none', reasons: [pick(language, '没有找到统计表', 'no statistics table was found')] };
  if (missing.length > 0) {
    const names = missing.map((table) => TABLE_NUMBERS[table][language]).join(pick(language, '、', ', '));
    reasons.push(pick(language, `没有找到${names}`, `${names} not found`));
  }
  if (result.notices.some((notice) => notice.code === 'narrative-failed')) {
    reasons.push(pick(language, '正文事实提取失败，正文未与表格核对', 'the narrative could not be extracted: it was not checked against the tables'));
  }
  return { extent: reasons.length > 0 ? 'partial' : 'full', reasons };
}
