// The 2021 template (国办公开办函〔2021〕30号): the keys of the three tables and the labels
// they are printed with. Keys are the canonical JSON keys of docs/report-format (the spec).

export const SECTION_KEYS = [
  'overview',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problems',
  'otherMatters',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: '一、总体情况',
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  problems: '五、政府信息公开工作存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
};

export const TABLE_KEYS = ['activeDisclosure', 'applications', 'reviewLitigation'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const TABLE_TITLES: Record<TableKey, string> = {
  activeDisclosure: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  reviewLitigation: '行政复议、行政诉讼情况',
};

/** How a person names each table: after the section of the template that prints it (二、三、四). */
export const TABLE_NUMBERS: Record<TableKey, { readonly zh: string; readonly en: string }> = {
  activeDisclosure: { zh: '表二', en: 'table 2' },
  applications: { zh: '表三', en: 'table 3' },
  reviewLitigation: { zh: '表四', en: 'table 4' },
};

/** The narrative's topics as a person names them (the same words in the terminal, the page and the findings). */
export const TOPIC_NAMES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  activeDisclosure: { zh: '主动公开', en: 'published' },
  applications: { zh: '依申请公开', en: 'applications' },
  reviewLitigation: { zh: '复议诉讼', en: 'reviews and lawsuits' },
  fee: { zh: '信息处理费', en: 'fee' },
};

/** The number of the table a cell path is in ("applications.granted.total" → 表三), or null. */
export function tableNumberOf(path: string): { readonly zh: string; readonly en: string } | null {
  return TABLE_NUMBERS[path.split('.')[0] as TableKey] ?? null;
}

/** A printed row of a table: where its cells go and how to recognise its label. */
export type RowTemplate = {
  /** Dotted path below the table key, e.g. "denied.stateSecret". */
  readonly path: string;
  /** The label as the template prints it (used in messages). */
  readonly label: string;
  /** Phrases, after normalisation, any of which identifies the row's label. */
  readonly keys: readonly string[];
  /** Cell keys in printed order. */
  readonly columns: readonly string[];
  /** Longer phrases in which a key does not count ("其他" inside "（六）其他处理"). */
  readonly notKeys?: readonly string[];
  /** Column headers as this row's table prints them, where they differ from the table's own. */
  readonly columnLabels?: Readonly<Record<string, string>>;
  /** Columns that may hold a negative number (the 2019 template's 本年增/减). */
  readonly signedColumns?: readonly string[];
};

// Table 2 ----------------------------------------------------------------------------------------

export const DOCUMENT_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
export const DOCUMENT_COLUMN_LABELS: Record<string, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  decisions: '本年处理决定数量',
  amountWanYuan: '本年收费金额（单位：万元）',
};

export const ACTIVE_DISCLOSURE_ROWS: readonly RowTemplate[] = [
  { path: 'regulations', label: '规章', keys: ['规章'], columns: DOCUMENT_COLUMNS },
  {
    path: 'normativeDocuments',
    label: '行政规范性文件',
    keys: ['规范性文件'],
    columns: DOCUMENT_COLUMNS,
  },
  { path: 'licensing', label: '行政许可', keys: ['行政许可'], columns: ['decisions'] },
  { path: 'punishment', label: '行政处罚', keys: ['行政处罚'], columns: ['decisions'] },
  { path: 'enforcement', label: '行政强制', keys: ['行政强制'], columns: ['decisions'] },
  { path: 'fees', label: '行政事业性收费', keys: ['事业性收费'], columns: ['amountWanYuan'] },
];

// Table 3 ----------------------------------------------------------------------------------------

export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
] as const;
export const APPLICATION_COLUMNS = [...APPLICANT_COLUMNS, 'total'] as const;
export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number];

export const APPLICATION_COLUMN_LABELS: Record<ApplicationColumn, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

function applicationRow(path: string, label: string, keys: readonly string[], notKeys?: readonly string[]): RowTemplate {
  return { path, label, keys, columns: APPLICATION_COLUMNS, ...(notKeys ? { notKeys } : {}) };
}

export const APPLICATION_ROWS: readonly RowTemplate[] = [
  applicationRow('newReceived', '一、本年新收政府信息公开申请数量', ['本年新收', '新收政府信息']),
  applicationRow('carriedOver', '二、上年结转政府信息公开申请数量', ['上年结转']),
  applicationRow('granted', '（一）予以公开', ['予以公开']),
  applicationRow('partiallyGranted', '（二）部分公开', ['部分公开']),
  applicationRow('denied.stateSecret', '（三）不予公开 1.属于国家秘密', ['国家秘密']),
  // 洪泽 2023/2024 print "2.其他法律行政止公开" (法规禁 lost): "其他法律" still names the row.
  applicationRow('denied.lawForbidden', '2.其他法律行政法规禁止公开', ['行政法规禁止', '法规禁止公开', '其他法律']),
  applicationRow('denied.securityStability', '3.危及“三安全一稳定”', ['三安全', '一稳定']),
  applicationRow('denied.thirdPartyRights', '4.保护第三方合法权益', ['第三方']),
  applicationRow('denied.internalAffairs', '5.属于三类内部事务信息', ['内部事务']),
  applicationRow('denied.processInfo', '6.属于四类过程性信息', ['过程性']),
  applicationRow('denied.enforcementFiles', '7.属于行政执法案卷', ['执法案卷']),
  applicationRow('denied.queryMatters', '8.属于行政查询事项', ['查询事项']),
  applicationRow('unavailable.notHeld', '（四）无法提供 1.本机关不掌握相关政府信息', ['不掌握']),
  applicationRow('unavailable.needsCreation', '2.没有现成信息需要另行制作', ['另行制作', '没有现成']),
  applicationRow('unavailable.unclear', '3.补正后申请内容仍不明确', ['仍不明确', '补正后']),
  applicationRow('notProcessed.complaint', '（五）不予处理 1.信访举报投诉类申请', ['信访', '举报投诉']),
  applicationRow('notProcessed.duplicate', '2.重复申请', ['重复申请']),
  applicationRow('notProcessed.publication', '3.要求提供公开出版物', ['出版物']),
  applicationRow('notProcessed.excessive', '4.无正当理由大量反复申请', ['大量反复']),
  applicationRow('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', [
    '重新出具',
    '确认或重新',
  ]),
  // PDF text wraps long labels anywhere, even inside "逾期不补正": an earlier phrase identifies it too.
  applicationRow('otherHandling.overdueCorrection', '（六）其他处理 1.申请人无正当理由逾期不补正', [
    '逾期不补正',
    '无正当理由逾期',
  ]),
  applicationRow('otherHandling.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用', [
    '缴纳费用',
    '收费通知',
  ]),
  // Some reports print （六）其他处理 as one merged row: that is not "3.其他".
  applicationRow('otherHandling.other', '3.其他', ['其他'], ['其他处理', '其他法律', '其他情形', '其他组织']),
  applicationRow('totalHandled', '（七）总计', ['总计']),
  applicationRow('carriedForward', '四、结转下年度继续办理', ['结转下年度', '下年度继续']),
];

// Table 4 ----------------------------------------------------------------------------------------

export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const OUTCOME_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼/未经复议直接起诉',
  litigationAfterReview: '行政诉讼/复议后起诉',
};
export const OUTCOME_LABELS: Record<(typeof OUTCOME_COLUMNS)[number], string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Table 4 is printed as one row of fifteen numbers. */
export const REVIEW_LITIGATION_CELLS: readonly string[] = REVIEW_GROUPS.flatMap((group) =>
  OUTCOME_COLUMNS.map((column) => `${group}.${column}`),
);

/** Table 4 as one template row: its fifteen cells in printed order. */
export const REVIEW_LITIGATION_ROW: RowTemplate = {
  path: '',
  label: '行政复议、行政诉讼',
  keys: [],
  columns: REVIEW_LITIGATION_CELLS,
};

/** The column label of a cell as the template prints it ("行政复议/结果维持", "总计", "本年制发件数"). */
export function columnLabel(table: TableKey, cellPath: string, column: string, row?: RowTemplate): string {
  const own = row?.columnLabels?.[column];
  if (own) return own;
  if (table === 'applications') return APPLICATION_COLUMN_LABELS[column as ApplicationColumn];
  if (table === 'reviewLitigation') {
    const [group, outcome] = cellPath.split('.') as [ReviewGroup, (typeof OUTCOME_COLUMNS)[number]];
    return `${REVIEW_GROUP_LABELS[group]}/${OUTCOME_LABELS[outcome]}`;
  }
  return DOCUMENT_COLUMN_LABELS[column] ?? column;
}
