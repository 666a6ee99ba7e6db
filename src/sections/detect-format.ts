import type { ReportFormat } from '../report/schemas.js';
import { normalizeText, type NormalizedText } from './normalized-text.js';
import { TEMPLATE } from '../messages/template.js';
import type { Text } from '../messages/text.js';

/** The template, and why, in both languages (the result says it in its own). */
export type FormatDecision = { readonly format: ReportFormat; readonly reason: Text };

// Header words that only one template prints. Checked on the normalized text.
const SIGNS_2021 = ['本年制发件数', '本年新收政府信息公开申请数量', '三安全一稳定', '本年处理决定数量'];
const SIGNS_2019 = ['新制作数量', '新公开数量', '对外公开总数量', '政府集中采购'];
const SIGNS_PRE_2019 = ['指标名称', '计量单位', '历年累计'];

/** Which template the report follows, and which printed words decided it. */
export function detectFormat(text: string, normalized: NormalizedText = normalizeText(text)): FormatDecision {
  const view = normalized.text;
  const present = (signs: readonly string[]) => signs.filter((sign) => view.includes(sign));
  const of2021 = present(SIGNS_2021);
  const of2019 = present(SIGNS_2019);
  const ofPre2019 = present(SIGNS_PRE_2019);
  if (of2019.length >= 2 && of2019.length >= of2021.length) {
    return { format: '2019', reason: TEMPLATE.of2019(of2019) };
  }
  if (of2021.length >= 1) {
    return { format: '2021', reason: TEMPLATE.of2021(of2021) };
  }
  if (ofPre2019.length >= 2) {
    return { format: 'pre2019', reason: TEMPLATE.pre2019(ofPre2019) };
  }
  return { format: 'unknown', reason: TEMPLATE.none() };
}
