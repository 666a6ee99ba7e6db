import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { findMeta } from './find-meta.js';
import { findSections } from './find-sections.js';

const STANDARD = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  '五、政府信息公开工作存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

describe('findSections', () => {
  it.each([
    ['the template headings', STANDARD],
    ['half-width punctuation and stray spaces', ['一. 总体情况', '二, 主动公开政府信息情况', '三、 收到和处理政府信息公开申请 情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']],
    ['line breaks inside words (Word and PDF copies)', ['一、总体\n情况', '二、主动公开政\n\n府信息情况', '三、收到和处理政府信息公开申\n请情况', '四、政府信息公开行政复议、\n行政诉讼情况', '五、存在的主要问题及改\n进情况', '六、其他需要报告\n的事项']],
    ['the variants seen in real reports', ['一、概述', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政法复议、行政诉讼情况', '五、存在的主要问题及整改措施', '六、其他需要报告的事项']],
    ['full-width numerals separator', ['一，总体情况', '二．主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在问题及改进情况', '六、其他需要报告的事项']],
  ])('%s', (_name, headings) => {
    const text = headings.map((heading, index) => `${heading}\n正文第${index + 1}部分。\n`).join('');
    const sections = findSections(text);
    expect(sections.map((section) => section.key)).toEqual([
      'overview',
      'activeDisclosure',
      'applications',
      'reviewLitigation',
      'problems',
      'otherMatters',
    ]);
    sections.forEach((section, index) => {
      expect(text.slice(section.headingSpan.start, section.headingSpan.end)).toBe(headings[index]);
      expect(section.span.end).toBe(sections[index + 1]?.span.start ?? text.length);
    });
  });

  it('does not take table rows or the preamble’s list of parts for headings', () => {
    const text =
      '报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。\n' +
      `${STANDARD[0]}\n${STANDARD[1]}\n${STANDARD[2]}\n一、本年新收政府信息公开申请数量 0\n四、结转下年度继续办理0000000\n${STANDARD[3]}\n`;
    const sections = findSections(text);
    expect(sections.map((section) => section.heading)).toEqual(STANDARD.slice(0, 4));
  });

  it('a missing section is simply absent', () => {
    const text = [STANDARD[0], STANDARD[1], STANDARD[2], STANDARD[3], STANDARD[5]].join('\n');
    expect(findSections(text).map((section) => section.key)).not.toContain('problems');
  });
});

describe('findMeta', () => {
  it.each([
    ['title in 《》 after the legal basis (seed 000)', '根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)要求,现发布《灵武市司法局2024年政府信息公开工作年度报告》,本报告统计数据从2024年1月1日至12月31日。', '灵武市司法局', 2024],
    ['agency and year on separate lines (seed 001)', '\n\n攀枝花市西区司法局\n\n2023 年政府信息公开工作年度报告\n\n', '攀枝花市西区司法局', 2023],
    ['title wrapped before 年度报告 (seed 002)', '额敏县司法局2024年政府信息公开工作\n\n年度报告\n', '额敏县司法局', 2024],
    ['agency after the year (Shanghai)', '正文\n2024 年上海市科委政府信息公开工作\n年度报告\n', '上海市科委', 2024],
    ['archive header line (平潭)', '标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08', '平潭综合实验区', 2021],
    ['Markdown heading (OCR)', '# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n', '沐阳县人民政府', 2025],
    ['year only from the statistics period', '本报告中所列数据统计期限为2025年1月1日至12月31日。', null, 2025],
  ])('%s', (_name, preamble, agency, year) => {
    expect(findMeta(preamble, preamble.length)).toEqual({ agency, year });
  });
});

describe('detectFormat', () => {
  it.each([
    ['2021', '信息内容 本年制发件数 本年废止件数 现行有效件数 一、本年新收政府信息公开申请数量'],
    ['2019', '信息内容 本年新制作数量 本年新公开数量 对外公开总数量 政府集中采购'],
    ['pre2019', '指标名称 计量单位 本年度 历年累计'],
    ['unknown', '这是一段普通的文字。'],
  ] as const)('%s', (format, text) => {
    expect(detectFormat(text).format).toBe(format);
  });
});
