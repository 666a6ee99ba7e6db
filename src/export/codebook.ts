import { FINDING_IDS } from '../report/schemas.js';
import { TABLE_NUMBERS, type TableKey } from '../report/template.js';
import { CELL_LABELS, CELL_ROW_COLUMNS, cellUnit, FINDING_COLUMNS, NARRATIVE_COLUMNS, NOTICE_COLUMNS, REPORT_BASE_COLUMNS, type CellValue } from './columns.js';

/**
 * The codebook: every column of every export, with the table, row and column the report prints
 * for it, its unit and what it means, so that a researcher reads `applications.granted.total` as
 * 表三“（一）予以公开”行“总计”列 without the spec. Written as codebook.csv and the workbook's
 * codebook sheet; the exports keep the keys as their one header row, so pandas, R and DuckDB read
 * them with their defaults.
 */
export const CODEBOOK_COLUMNS = ['文件', '列名', '表', '行', '列', '单位', '含义'] as const;

const REPORT_MEANINGS: Record<(typeof REPORT_BASE_COLUMNS)[number], string> = {
  path: '报告文件的路径（批处理时给出的路径）',
  sha256: '文件内容的 SHA-256，同一内容只读一次',
  format: '文件类型：txt、md、html、pdf、docx',
  template: '按哪一版模板读取：2021（国办公开办函〔2021〕30号）、2019（试行版）、pre2019、unknown',
  agency: '报告所属机关（从标题和开头读出）',
  year: '报告年度',
  narrative_provider: '正文数字由谁提取：rules（离线规则）或所配置的大模型提供方',
  narrative_model: '提取正文所用的模型',
  cost_usd: '提取正文的费用（美元；空 = 未定价）',
  findings_error: '错误级发现的条数（勾稽关系不成立等）',
  findings_warning: '警告级发现的条数（单元格缺失、拆分不确定等）',
  notices: '对整份报告的说明代码，空格分隔：narrative-failed（只有表格，正文提取失败）、truncated（文件被截断）、other-template、damaged-text、implausible-year',
};

const FINDING_MEANINGS: Record<(typeof FINDING_COLUMNS)[number], string> = {
  report_path: '报告文件的路径',
  sha256: '报告文件内容的 SHA-256',
  agency: '报告所属机关',
  year: '报告年度',
  id: '检查项代码（见 README 的检查目录）',
  severity: 'error（错误）或 warning（警告）',
  path: '发现所涉及的表格、行或正文位置的键',
  message: '发现的说明（中文）',
  expected: '按规则应有的数值',
  actual: '报告中的数值',
  difference: '报告数值与应有数值之差',
  suggestion: '只改一格就能让所有规则成立时，建议的单元格和数值（键=数值）',
  cells: '涉及的单元格及其数值（键=数值；分号分隔）',
  spans: '在原文中的位置（字符偏移 起-止；分号分隔）',
};

const FIGURE_MEANINGS: Record<string, string> = {
  report_path: '报告文件的路径',
  sha256: '报告文件内容的 SHA-256',
  agency: '报告所属机关',
  year: '报告年度',
  provider: '提取者：rules 或大模型提供方',
  model: '提取所用的模型',
  path: '该数字在正文事实中的位置（主题.statements.序号，部分数字另有 .parts.序号）',
  topic: '主题：activeDisclosure 主动公开、applications 依申请公开、reviewLitigation 复议诉讼、fee 信息处理费',
  measure: '数的是什么（published 发布信息、received 收到申请、reviews 行政复议……）',
  platform_kind: '平台类型（政府网站、微信公众号、微博……）',
  platform_name: '平台名称（与数字同句时）',
  subject: '所指的事项（部分数字的类别）',
  period: '时间范围：本年、上年、累计等',
  approximate: '1 = 约数（“超过”“近”），不与表格比较',
  is_part: '1 = 是上一条陈述的组成部分',
  value: '数值（“536 万”记为 5360000）',
  quote: '该数字所在的原文（逐字）',
  quote_year: '引文所说的年份（若有）',
  grounded: '1 = 引文在原文中逐字找到',
  span_start: '引文在原文中的起始字符偏移',
  span_end: '引文在原文中的结束字符偏移',
  code: '说明代码',
  message: '说明（中文）',
};

const CELL_ROW_MEANINGS: Record<string, string> = {
  report_path: '报告文件的路径',
  sha256: '报告文件内容的 SHA-256',
  agency: '报告所属机关',
  year: '报告年度',
  cell: '单元格的键（与 reports.csv 的列名相同）',
  table_key: '所在的表：activeDisclosure 表二（主动公开）、applications 表三（收到和处理申请）、reviewLitigation 表四（复议诉讼）',
  row_label: '模板印出的行名',
  column_label: '模板印出的列名',
  unit: '数值的单位：件，收费金额为万元',
  value: '该单元格的数值；空 = 空白或未能确定地读出',
  raw: '原文中印出的样子',
  span_start: '在原文中的起始字符偏移',
  span_end: '在原文中的结束字符偏移',
  placement: '如何读出：printed 照印出的读，recovered 从粘连的数字或缺失的空白中恢复',
};


export function codebookRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const column of REPORT_BASE_COLUMNS) rows.push(['reports.csv', column, null, null, null, null, REPORT_MEANINGS[column]]);
  for (const label of CELL_LABELS) {
    rows.push([
      'reports.csv',
      label.cell,
      TABLE_NUMBERS[label.table as TableKey]?.zh ?? label.table,
      label.row,
      label.column,
      cellUnit(label.cell),
      '该单元格的数值；空 = 空白、未能确定地读出，或属于另一版模板',
    ]);
  }
  for (const id of FINDING_IDS) rows.push(['reports.csv', `findings.${id}`, null, null, null, '条', `该报告中 ${id} 发现的条数`]);
  for (const column of FINDING_COLUMNS) rows.push(['findings.csv', column, null, null, null, null, FINDING_MEANINGS[column]]);
  for (const column of NARRATIVE_COLUMNS) rows.push(['narrative.csv', column, null, null, null, column === 'value' ? '随所数之物' : null, FIGURE_MEANINGS[column] ?? null]);
  for (const column of NOTICE_COLUMNS) rows.push(['notices.csv', column, null, null, null, null, FIGURE_MEANINGS[column] ?? null]);
  for (const column of CELL_ROW_COLUMNS) rows.push(['cells.parquet', column, null, null, null, null, CELL_ROW_MEANINGS[column] ?? null]);
  return rows;
}

/** Which codebook file describes a Parquet file's columns: the CSV of the same table, or itself. */
export const CODEBOOK_FILE_OF_PARQUET: Readonly<Record<string, string>> = {
  'reports.parquet': 'reports.csv',
  'findings.parquet': 'findings.csv',
  'narrative.parquet': 'narrative.csv',
  'notices.parquet': 'notices.csv',
  'cells.parquet': 'cells.parquet',
};

/**
 * A Parquet file's codebook, as its key-value metadata "nianbao.codebook": a JSON object of
 * column → {表, 行, 列, 单位, 含义}, for a reader who has the file but not codebook.csv
 * (DuckDB: `select * from parquet_kv_metadata('reports.parquet')`).
 */
export function parquetCodebook(parquetFile: string): Record<string, string> {
  const file = CODEBOOK_FILE_OF_PARQUET[parquetFile];
  const entries: Record<string, Record<string, CellValue>> = {};
  for (const row of codebookRows()) {
    if (row[0] !== file) continue;
    const described: Record<string, CellValue> = {};
    CODEBOOK_COLUMNS.slice(2).forEach((heading, index) => {
      const value = row[index + 2];
      if (value !== null && value !== undefined) described[heading] = value;
    });
    entries[String(row[1])] = described;
  }
  return { 'nianbao.codebook': JSON.stringify(entries) };
}
