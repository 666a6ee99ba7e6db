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
