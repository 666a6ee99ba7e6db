/** The words of the `view` page, per language. Keys, check ids and the report's own text stay. */
export type ViewWords = {
  readonly language: 'zh' | 'en';
  readonly title: (name: string) => string;
  readonly counts: (cells: number, numbers: number, findings: number) => string;
  readonly metaLine: (path: string, format: string, encoding: string, characters: number, template: string) => string;
  readonly keyCell: string;
  readonly keyNumber: string;
  readonly keyFinding: string;
  readonly howTo: string;
  readonly sections: string;
  readonly notices: string;
  readonly findings: (count: number) => string;
  readonly numbers: (count: number) => string;
  readonly cells: (count: number) => string;
  readonly noSection: string;
  readonly noFinding: string;
  readonly noNumber: string;
  readonly noCell: string;
  readonly backToText: string;
  readonly showInText: string;
  readonly noPosition: string;
  readonly notInText: string;
  readonly sides: (expected: string, actual: string, difference: number | null) => string;
  readonly suggestion: string;
  readonly severity: Record<'error' | 'warning', string>;
  readonly ungrounded: string;
  readonly ungroundedTitle: string;
  readonly placedByRowSum: string;
  readonly printed: (raw: string) => string;
};

export const VIEW_WORDS: Record<'zh' | 'en', ViewWords> = {
  zh: {
    language: 'zh',
    title: (name) => `nianbao 查看 — ${name}`,
    counts: (cells, numbers, findings) => `表格单元格 ${cells} 个 · 陈述的数字 ${numbers} 个 · 发现 ${findings} 条`,
    metaLine: (path, format, encoding, characters, template) => `${path} · ${format} · ${encoding} · ${characters} 字 · ${template} 年版格式`,
    keyCell: '表格单元格',
    keyNumber: '陈述的数字',
    keyFinding: '发现 ⚠',
    howTo: '点击高亮处查看其数值；列表中的 ↖ 回到原文。',
    sections: '章节',
    notices: '提示',
    findings: (count) => `发现（${count}）`,
    numbers: (count) => `陈述的数字（${count}）`,
    cells: (count) => `表格单元格（${count}）`,
    noSection: '没有找到章节标题。',
    noFinding: '没有发现问题。',
    noNumber: '没有提取到陈述的数字。',
    noCell: '没有读到表格单元格。',
    backToText: '↖ 原文',
    showInText: '在原文中显示',
    noPosition: '在原文中没有位置',
    notInText: '不在原文中',
    sides: (expected, actual, difference) => `应为 ${expected} · 实为 ${actual}${difference !== null ? ` · 相差 ${difference}` : ''}`,
    suggestion: '建议：',
    severity: { error: '错误', warning: '警告' },
    ungrounded: '原文中未找到',
    ungroundedTitle: '引文在原文中没有找到',
    placedByRowSum: '由行合计确定',
    printed: (raw) => `印作“${raw}”`,
  },
  en: {
    language: 'en',
    title: (name) => `nianbao view — ${name}`,
    counts: (cells, numbers, findings) =>
      [`${cells} table cell${cells === 1 ? '' : 's'}`, `${numbers} stated number${numbers === 1 ? '' : 's'}`, `${findings} finding${findings === 1 ? '' : 's'}`].join(' · '),
    metaLine: (path, format, encoding, characters, template) => `${path} · ${format} · ${encoding} · ${characters} characters · template ${template}`,
    keyCell: 'table cell',
    keyNumber: 'stated number',
    keyFinding: 'finding ⚠',
    howTo: 'Click a highlight for its value; ↖ in the list leads back to the text.',
    sections: 'Sections',
    notices: 'Notices',
    findings: (count) => `Findings (${count})`,
    numbers: (count) => `Stated numbers (${count})`,
    cells: (count) => `Table cells (${count})`,
    noSection: 'No section heading found.',
    noFinding: 'No finding.',
    noNumber: 'No stated number extracted.',
    noCell: 'No table cell read.',
    backToText: '↖ text',
    showInText: 'show in the text',
    noPosition: 'no position in the text',
    notInText: 'not in the text',
    sides: (expected, actual, difference) => `expected ${expected} · actual ${actual}${difference !== null ? ` · difference ${difference}` : ''}`,
    suggestion: 'suggestion: ',
    severity: { error: 'error', warning: 'warning' },
    ungrounded: 'ungrounded',
    ungroundedTitle: 'the quote was not found in the text',
    placedByRowSum: 'placed by the row sum',
    printed: (raw) => `printed “${raw}”`,
  },
};
