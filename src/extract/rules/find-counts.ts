import type { Unit } from '../../report/narrative.js';

/** A number printed with its counting word ("42件", "84.24万次", "1000余条"), in normalized text. */
export type Count = {
  readonly value: number;
  readonly unit: Unit | null;
  readonly approximate: boolean;
  /** [start, end) of the number and its unit, relative to the searched text. */
  readonly start: number;
  readonly end: number;
};

const UNIT_WORDS = '人次|条|篇|件|个|项|期|次|场|人|元|起|宗|家|份';
// 近/约/超过 before the digits, 余/多 between the digits and the unit: the count is approximate.
const COUNT = new RegExp(`(将近|大约|超过|突破|近|约|超|逾)?(\\d[\\d,]*(?:\\.\\d+)?)(万|亿)?(余|多)?(${UNIT_WORDS})?(左右|以上)?`, 'g');
// Digits inside something else: a phone number, a document number, a web address, "H5".
const GLUED_BEFORE = /[\dA-Za-z.\-—－:/@〔[_]$/;
// Digits that are a date, a time, a share or a number of a document.
const NOT_A_COUNT_AFTER = /^[年月日号%时分秒岁周.\-—－:/〕\]]/;
// "8个领域", "15个平台", "10个语种": the unit counts something that is not information or applications.
const NOT_COUNTED_NOUN = /^(?:领域|单位|部门|平台|栏目|专栏|专题|语种|事项|主题|账号|渠道|乡镇|村|功能|片区|批次|类|大类|小项|大项|工作日|小时|分钟|天|周年|月|年|轮|家单位|清单|目录|任务|区|县|市)/;
const SCALE: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Every count of a normalized text, in order. Counts without a unit are kept with `unit: null`. */
export function findCounts(text: string): Count[] {
  const counts: Count[] = [];
  for (const match of text.matchAll(COUNT)) {
    const [whole, before, digits, scale, after, unit, tail] = match;
    const digitsAt = match.index + (before?.length ?? 0);
    if (GLUED_BEFORE.test(text.slice(0, digitsAt))) continue;
    const rest = text.slice(match.index + whole.length);
    if (!unit && !scale && NOT_A_COUNT_AFTER.test(rest)) continue;
    if (unit && NOT_COUNTED_NOUN.test(rest)) continue;
    const value = toNumber(digits!) * (scale ? SCALE[scale]! : 1);
    // Beyond 2^53 a number is not held exactly (a run of digits from damage or glued cells): not a count.
    if (!Number.isSafeInteger(Math.round(value))) continue;
    counts.push({
      value: Math.round(value * 1_000_000) / 1_000_000,
      unit: unit === '人次' ? '人' : ((unit as Unit | undefined) ?? null),
      approximate: Boolean(before || after || tail),
      start: match.index,
      end: match.index + whole.length,
    });
  }
  return counts;
}

/** Digits as a number, thousands separators allowed. */
export function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}
