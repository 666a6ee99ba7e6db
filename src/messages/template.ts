import { text } from './text.js';

const quoted = (signs: readonly string[], separator: string) => signs.map((sign) => `“${sign}”`).join(separator);

/** Why a report is taken to follow a template: the header words it prints, or its headings. */
export const TEMPLATE = {
  of2019: (signs: readonly string[]) =>
    text(`2019 年试行版格式（国办公开办函〔2019〕60号）：印有 ${quoted(signs, '、')}`, `2019 trial template (国办公开办函〔2019〕60号): prints ${quoted(signs, ', ')}`),
  of2021: (signs: readonly string[]) =>
    text(`2021 年版格式（国办公开办函〔2021〕30号）：印有 ${quoted(signs, '、')}`, `2021 template (国办公开办函〔2021〕30号): prints ${quoted(signs, ', ')}`),
  pre2019: (signs: readonly string[]) => text(`2019 年以前的统计表：印有 ${quoted(signs, '、')}`, `pre-2019 statistics table: prints ${quoted(signs, ', ')}`),
  none: () => text('三种格式的表头都没有找到', 'none of the three templates’ table headers were found'),
  bySections: (count: number) => text(`2021 年版格式：找到 ${count} 个章节标题，没有表头`, `2021 template: ${count} of its section headings found, no table header`),
  byTitle: () => text('2021 年版格式：有“政府信息公开工作年度报告”标题和第一个章节标题，没有表头', 'a 政府信息公开工作年度报告 title and its first section heading, no table header'),
};
