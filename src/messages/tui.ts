/** The words of `nianbao tui`, per language. Check ids, keys typed and the report's text stay. */
export type TuiWords = {
  readonly help: readonly string[];
  readonly footers: Readonly<Record<'list' | 'report' | 'source' | 'tables' | 'row' | 'chat' | 'save', string>>;
  readonly notWrittenYet: (message: string) => string;
  readonly newValue: (label: string, cell: boolean) => string;
  readonly numberNotBlank: string;
  readonly emptyNotSaved: string;
  readonly whyValue: (label: string, value: string) => string;
  readonly editNeedsReason: string;
  readonly saving: string;
  readonly saved: (folder: string) => string;
  readonly notSaved: (reason: string) => string;
  readonly unsavedOnQuit: (count: number) => string;
  readonly fixtureId: string;
  readonly confirmed: (label: string) => string;
  readonly undone: (label: string) => string;
  readonly findingNotValue: string;
  readonly onlyFindingDismissed: string;
  readonly whyFalseAlarm: (label: string) => string;
  readonly dismissed: (label: string) => string;
  readonly dismissNeedsReason: string;
  readonly listTitle: (count: number, filter: string | null, order: string | null) => string;
  readonly reportCounts: (sections: string, findings: number, numbers: number, reviewed: number) => string;
  readonly tablesTitle: (agency: string, flagged: number) => string;
  readonly columns: (labels: string) => string;
  readonly noTables: (format: string) => string;
  readonly printedUnder: (raw: string, column: string, recovered: boolean) => string;
  readonly notPrinted: string;
  readonly cellNotInText: string;
  readonly notInText: string;
  readonly readingSource: string;
  readonly line: (number: number) => string;
  readonly quoteNotFound: string;
  readonly blank: string;
  readonly askAbout: (report: string, model: string) => string;
  readonly asking: string;
  readonly citationNotFound: string;
  readonly moreQuotes: (count: number) => string;
  readonly unverified: (count: number) => string;
  readonly askHint: string;
  readonly saveTitle: (report: string) => string;
  readonly saveLines: (folder: string, document: string, edited: number, confirmed: number, dismissed: number, narrative: boolean) => readonly string[];
  readonly saveNote: string;
  readonly cancelled: string;
  readonly agency: string;
  readonly year: string;
  readonly sortNames: Readonly<Record<'given' | 'errors' | 'agency' | 'year', string>>;
  readonly rechecked: (raised: readonly string[], mended: readonly string[]) => string;
  readonly editsRechecked: (raised: number, mended: number) => string;
  readonly raisedMark: string;
  readonly candidates: string;
  readonly candidate: (number: number, values: string) => string;
  readonly whyCandidate: (number: number, values: string) => string;
  readonly pickNeedsReason: string;
  readonly picked: (row: string, number: number) => string;
  readonly noSuchCandidate: (count: number) => string;
  readonly shownLines: (from: number, to: number, count: number, page: number | null) => string;
  readonly filterPrompt: string;
  readonly moreCells: (count: number) => string;
  readonly notReports: (count: number) => string;
};

export const TUI_WORDS: Record<'zh' | 'en', TuiWords> = {
  zh: {
    help: [
      '↑/↓ k/j 移动    Enter 打开    Esc ← 返回    q 退出    ? 本帮助',
      '/ 筛选列表    o 排序（错误数、机关、年度）    t 表格    a 提问',
      'c 确认    e 修改    x 驳回发现    u 撤销    1–9 选用候选读法',
      '每次修改后立即重新检查；s 把报告存为样例（按 Enter 之前不写任何东西）',
    ],
    footers: {
      list: '↑↓ 移动 · Enter 打开 · / 筛选 · o 排序 · ? 帮助 · q 退出',
      report: 'Enter 原文 · t 表格 · a 提问 · c 确认 · e 修改 · x 驳回 · s 保存 · Esc',
      source: '↑↓ PgUp PgDn 滚动 · Esc 返回 · ? 帮助',
      tables: '↑↓ 移动 · Enter 单元格 · Esc 返回',
      row: '↑↓ 移动 · c 确认 · e 修改 · u 撤销 · 1–9 选用候选读法 · Esc 返回',
      chat: '输入问题 · Enter 提问 · Esc 返回',
      save: 'Enter 保存 · i 修改 id · n 标注/不标注正文 · Esc 取消',
    },
    notWrittenYet: (message) => `${message}——尚未写入：按 s 存为样例`,
    newValue: (label, cell) => `${label}：新数值${cell ? '（空白请输入 空）' : ''}`,
    numberNotBlank: '陈述的数字不能为空',
    emptyNotSaved: '空值未保存',
    whyValue: (label, value) => `为什么 ${label} 是 ${value}？（理由）`,
    editNeedsReason: '修改需要理由：未作改动',
    saving: '正在保存…',
    saved: (folder) => `已保存 ${folder}`,
    notSaved: (reason) => `未保存：${reason}`,
    unsavedOnQuit: (count) => `${count} 份报告已审阅但未保存：再按 q 退出，按其他键留下`,
    fixtureId: '样例 id',
    confirmed: (label) => `${label} 已确认`,
    undone: (label) => `${label}：已撤销`,
    findingNotValue: '发现不是数值：c 确认它，x 驳回它',
    onlyFindingDismissed: '只有发现可以驳回',
    whyFalseAlarm: (label) => `为什么 ${label} 是误报？（理由）`,
    dismissed: (label) => `${label} 已驳回`,
    dismissNeedsReason: '驳回需要理由：未作改动',
    listTitle: (count, filter, order) => `nianbao · ${count} 份报告${filter === null ? '' : ` · 筛选：${filter}`}${order === null ? '' : ` · ${order}`}`,
    reportCounts: (sections, findings, numbers, reviewed) => `章节 ${sections} · 发现 ${findings} 条 · 陈述的数字 ${numbers} 个${reviewed > 0 ? ` · 已审阅 ${reviewed}` : ''}`,
    tablesTitle: (agency, flagged) => `${agency} · 表格 · 有问题的单元格 ${flagged} 个 ✗ · 空 = 空白`,
    columns: (labels) => `列：${labels}`,
    noTables: (format) => `没有表格：这份报告的格式不在读取表格的模板之列（${format}）`,
    printedUnder: (raw, column, recovered) => `印作“${raw}”，在“${column}”下${recovered ? '，由行规则确定' : ''}`,
    notPrinted: '未印出',
    cellNotInText: '这个单元格在原文中没有位置',
    notInText: '这一项在原文中没有位置',
    readingSource: '正在读取原文…',
    line: (number) => `第 ${number} 行`,
    quoteNotFound: '（引文在报告中没有找到）',
    blank: '空白',
    askAbout: (report, model) => `提问：${report} · ${model}`,
    asking: '正在提问…',
    citationNotFound: ' —— 报告中没有找到',
    moreQuotes: (count) => `…另有 ${count} 处引文`,
    unverified: (count) => `⚠ ${count} 个数字没有在报告中找到的引文`,
    askHint: '可用中文或英文提问，如：申请数量是多少？为什么这一项被标出？回答中的每个数字都会与报告核对。',
    saveTitle: (report) => `把 ${report} 存为已标注的样例`,
    saveLines: (folder, document, edited, confirmed, dismissed, narrative) => [
      `文件夹     ${folder}/`,
      `文件       ${document}（副本）、expected.json、NOTES.md`,
      `已审阅     修改 ${edited}，确认 ${confirmed}，驳回发现 ${dismissed}`,
      `正文       ${narrative ? '已标注：列出了每个陈述的数字' : '未标注（null）'}`,
    ],
    saveNote: '未审阅的数值按 nianbao 读出的保存；NOTES.md 写明哪些审阅过。只有正文陈述的每个数字都在列表中时，才标注正文。',
    cancelled: '已取消',
    agency: '机关',
    year: '年度',
    sortNames: { given: '原顺序', errors: '错误多的在前', agency: '按机关', year: '按年度' },
    rechecked: (raised, mended) =>
      `；重新检查：${raised.length === 0 && mended.length === 0 ? '发现不变' : [raised.length > 0 ? `新增 ${raised.join('、')}` : '', mended.length > 0 ? `消除 ${mended.join('、')}` : ''].filter(Boolean).join('；')}`,
    editsRechecked: (raised, mended) => `按修改重新检查：比读出时新增发现 ${raised} 条，消除 ${mended} 条（标“新”的是新增的）`,
    raisedMark: '新',
    candidates: '候选读法（按数字键选用，需填写理由）：',
    candidate: (number, values) => `  ${number}  ${values}`,
    whyCandidate: (number, values) => `为什么选用候选读法 ${number}（${values}）？（理由）`,
    pickNeedsReason: '选用候选读法需要理由：未作改动',
    picked: (row, number) => `${row}：选用候选读法 ${number}`,
    noSuchCandidate: (count) => `只有 ${count} 种候选读法`,
    shownLines: (from, to, count, page) => `原文${page === null ? '' : `第 ${page} 页`}第 ${from}${to > from ? `–${to}` : ''} 行（共 ${count} 行）· ↑↓ PgUp PgDn 滚动`,
    filterPrompt: '筛选',
    moreCells: (count) => `…另有 ${count} 格`,
    notReports: (count) => ` · 跳过 ${count} 个不是年报的文件`,
  },
  en: {
    help: [
      '↑/↓ k/j move    Enter open    Esc ← back    q quit    ? this help',
      '/ filter the list    o order (errors, agency, year)    t tables    a ask',
      'c confirm    e edit    x dismiss a finding    u undo    1–9 pick reading',
      'edits are rechecked at once; s saves a fixture (written only on Enter)',
    ],
    footers: {
      list: '↑↓ move · Enter open · / filter · o order · ? help · q quit',
      report: 'Enter source · t tables · a ask · c confirm · e edit · x dismiss · s save · Esc',
      source: '↑↓ PgUp PgDn scroll · Esc back · ? help',
      tables: '↑↓ move · Enter cells · Esc back',
      row: '↑↓ move · c confirm · e edit · u undo · 1–9 pick a reading · Esc back',
      chat: 'type a question · Enter ask · Esc back',
      save: 'Enter save · i change the id · n narrative on/off · Esc cancel',
    },
    notWrittenYet: (message) => `${message} — not written yet: s saves a fixture`,
    newValue: (label, cell) => `${label}: new value${cell ? ' (空 for blank)' : ''}`,
    numberNotBlank: 'a stated number cannot be blank',
    emptyNotSaved: 'an empty value was not saved',
    whyValue: (label, value) => `why is ${label} ${value}? (reason)`,
    editNeedsReason: 'an edit needs a reason: nothing changed',
    saving: 'saving…',
    saved: (folder) => `saved ${folder}`,
    notSaved: (reason) => `not saved: ${reason}`,
    unsavedOnQuit: (count) => `${count} report(s) reviewed but not saved: q again to quit, any other key to stay`,
    fixtureId: 'fixture id',
    confirmed: (label) => `${label} confirmed`,
    undone: (label) => `${label}: decision undone`,
    findingNotValue: 'a finding is not a value: c confirms it, x dismisses it',
    onlyFindingDismissed: 'only a finding can be dismissed',
    whyFalseAlarm: (label) => `why is ${label} a false alarm? (reason)`,
    dismissed: (label) => `${label} dismissed`,
    dismissNeedsReason: 'dismissing needs a reason: nothing changed',
    listTitle: (count, filter, order) => `nianbao · ${count} report(s)${filter === null ? '' : ` · filter: ${filter}`}${order === null ? '' : ` · ${order}`}`,
    reportCounts: (sections, findings, numbers, reviewed) => `sections ${sections} · ${findings} finding(s) · ${numbers} stated number(s)${reviewed > 0 ? ` · ${reviewed} reviewed` : ''}`,
    tablesTitle: (agency, flagged) => `${agency} · tables · ${flagged} flagged cell(s) ✗ · 空 = blank`,
    columns: (labels) => `columns: ${labels}`,
    noTables: (format) => `no tables: the report follows no template whose tables are read (${format})`,
    printedUnder: (raw, column, recovered) => `printed “${raw}” under “${column}”${recovered ? ', placed by the row rule' : ''}`,
    notPrinted: 'not printed',
    cellNotInText: 'this cell has no place in the source text',
    notInText: 'this has no place in the source text',
    readingSource: 'reading the source…',
    line: (number) => `line ${number}`,
    quoteNotFound: ' (quote not found in the report)',
    blank: '空白',
    askAbout: (report, model) => `ask about ${report} · ${model}`,
    asking: 'asking…',
    citationNotFound: ' — not found in the report',
    moreQuotes: (count) => `… ${count} more quote(s)`,
    unverified: (count) => `⚠ ${count} number(s) without a quote found in the report`,
    askHint: 'Ask in Chinese or English, e.g. 申请数量是多少？ or why is it flagged? Every number in an answer is checked against the report.',
    saveTitle: (report) => `save ${report} as a labelled fixture`,
    saveLines: (folder, document, edited, confirmed, dismissed, narrative) => [
      `folder     ${folder}/`,
      `files      ${document} (a copy), expected.json, NOTES.md`,
      `reviewed   ${edited} edited, ${confirmed} confirmed, ${dismissed} finding(s) dismissed`,
      `narrative  ${narrative ? 'labelled: every stated number is listed' : 'not labelled (null)'}`,
    ],
    saveNote: 'Values not reviewed are saved as nianbao read them; NOTES.md says which were. Label the narrative only when every number the text states is in the list.',
    cancelled: 'cancelled',
    agency: 'agency',
    year: 'year',
    sortNames: { given: 'as given', errors: 'most errors first', agency: 'by agency', year: 'by year' },
    rechecked: (raised, mended) =>
      `; rechecked: ${raised.length === 0 && mended.length === 0 ? 'findings unchanged' : [raised.length > 0 ? `raised ${raised.join(', ')}` : '', mended.length > 0 ? `mended ${mended.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    editsRechecked: (raised, mended) => `rechecked with the edits: ${raised} finding(s) raised, ${mended} mended since the report was read (raised ones marked “new”)`,
    raisedMark: 'new',
    candidates: 'candidate readings (a digit picks one, with a reason):',
    candidate: (number, values) => `  ${number}  ${values}`,
    whyCandidate: (number, values) => `why reading ${number} (${values})? (reason)`,
    pickNeedsReason: 'picking a reading needs a reason: nothing changed',
    picked: (row, number) => `${row}: reading ${number} picked`,
    noSuchCandidate: (count) => `there are only ${count} candidate reading(s)`,
    shownLines: (from, to, count, page) => `source${page === null ? '' : `, page ${page}`}, line${to > from ? `s ${from}–${to}` : ` ${from}`} of ${count} · ↑↓ PgUp PgDn scroll`,
    filterPrompt: 'filter',
    moreCells: (count) => `… ${count} more cell(s)`,
    notReports: (count) => ` · ${count} file(s) that are not reports left out`,
  },
};
