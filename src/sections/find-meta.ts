import type { Meta } from '../report/schemas.js';
import { normalizeText } from './normalized-text.js';

// "灵武市司法局2024年政府信息公开工作年度报告", "2024年上海市科委政府信息公开工作年度报告",
// "平潭综合实验区2021年度政府信息公开工作年度报告": the agency sits before or after the year.
const TITLE = /([^《》<>"“”。,;:!?()\[\]]{0,40}?)((?:19|20)\d{2})年度?([^《》<>"“”。,;:!?()\[\]\d]{0,30}?)政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/g;
const PERIOD = /(?:统计|期限|周期|期间|数据)[^。]{0,20}?((?:19|20)\d{2})年1月1日/;
const AGENCY_END = /(?:局|委|委员会|政府|办公室|办公厅|厅|区|市|县|镇|乡|街道|院|中心|会|所|处|署|部|馆|站|队|旗|州|盟|社|团|行|司)$/;
// Words that precede a title in copies: page furniture, not part of the agency's name.
const NOISE_PREFIX = /^(?:.*?(?:标题|正文|现发布|现将|公布|印发|发布)[:]?)|^[#*\s\d.、-]+/;

/** The agency and the report year, from the title (or the statistics period for the year). */
export function findMeta(text: string, preambleEnd: number): Meta {
  const head = normalizeText(text, 0, Math.min(text.length, Math.max(preambleEnd, 400) + 200)).text;
  let agency: string | null = null;
  let year: number | null = null;
  for (const match of head.matchAll(TITLE)) {
    const before = cleanAgency(match[1] ?? '');
    const after = cleanAgency(match[3] ?? '');
    const candidate = AGENCY_END.test(before) ? before : AGENCY_END.test(after) ? after : null;
    if (!candidate) continue;
    agency = candidate;
    year = plausibleYear(match[2]);
    break;
  }
  if (year === null) year = plausibleYear(PERIOD.exec(head)?.[1]);
  return { agency, year };
}

// Disclosure reports exist since the 2008 regulation; a year far outside that is an OCR or
// typing slip, and the report year is then unknown rather than wrong.
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

function plausibleYear(digits: string | undefined): number | null {
  const year = Number(digits);
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR ? year : null;
}

function cleanAgency(raw: string): string {
  let name = raw;
  for (let pass = 0; pass < 3; pass += 1) name = name.replace(NOISE_PREFIX, '');
  return name.replace(/^(?:关于|我|本)/, '').trim();
}

// A web copy's header ("发布时间：2023-02-20"), or the sign-off under the last section: a short
// line of its own holding only a date, perhaps after the agency ("灵武市司法局 2025年1月20日").
// A date inside a sentence ("2023年6月1日开通……") is an event, not the report's date.
const PUBLISHED = /(?:发布|成文|印发|生成)(?:日期|时间)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年./]\s*\d{1,2}/;
const SIGN_OFF_LINE = /^[^。，,；;：:！？]{0,30}?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const SIGN_OFF_LINES = 6;

/**
 * The year the report was published or signed, when it says: the publication line of a web copy
 * (in its first 2 000 characters), else a date line among its last lines. Null when neither.
 */
export function findReportDateYear(text: string): number | null {
  const published = PUBLISHED.exec(text.slice(0, 2000));
  if (published) return Number(published[1]);
  const lastLines = text.slice(Math.max(0, text.length - 2000)).split('\n').map((line) => line.trim()).filter(Boolean).slice(-SIGN_OFF_LINES);
  for (const line of lastLines.reverse()) {
    const date = SIGN_OFF_LINE.exec(line);
    if (date) return Number(date[1]);
  }
  return null;
}
