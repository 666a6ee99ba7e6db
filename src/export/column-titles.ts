import { TABLE_NUMBERS, type TableKey } from '../report/template.js';
import { CELL_LABELS } from './columns.js';

/**
 * The Chinese title of every column of the workbook's sheets, printed above its key, so that a
 * supervisor who opens results.xlsx in Excel or WPS reads 表三 （一）予以公开 · 总计 rather than
 * applications.granted.total. The CSV and Parquet files keep the key as their one header, for
 * pandas, R and DuckDB; codebook.csv says the same at length.
 */
const TITLES: Readonly<Record<string, string>> = {
  path: '位置',
  sha256: 'SHA-256',
  format: '文件类型',
  template: '模板',
  agency: '机关',
  year: '年度',
  narrative_provider: '正文提取者',
  narrative_model: '正文模型',
  cost_usd: '费用（美元）',
  findings_error: '错误数',
  findings_warning: '警告数',
  notices: '说明代码',
  report_path: '报告文件',
  id: '检查项',
  severity: '级别',
  message: '说明',
  expected: '应有值',
  actual: '报告值',
  difference: '差值',
  suggestion: '建议修改',
  cells: '涉及的单元格',
  spans: '原文位置',
  provider: '提取者',
  model: '模型',
  topic: '主题',
  measure: '所数之物',
  platform_kind: '平台类型',
  platform_name: '平台名称',
  subject: '事项',
  period: '时间范围',
  approximate: '约数',
  is_part: '组成部分',
  value: '数值',
  quote: '原文',
  quote_year: '引文年份',
  grounded: '引文已核实',
  span_start: '起始偏移',
  span_end: '结束偏移',
  code: '代码',
  matched_as: '按此名称匹配',
  previous_agency: '上一年度的机关',
  previous_year: '上一年度',
  previous_path: '上一年度的报告',
  current_agency: '本年度的机关',
  current_year: '本年度',
  current_path: '本年度的报告',
  文件: '文件',
  列名: '列名',
  表: '表',
  行: '行',
  列: '列',
  单位: '单位',
  含义: '含义',
};

const CELL_TITLES = new Map(CELL_LABELS.map((label) => [label.cell, `${TABLE_NUMBERS[label.table as TableKey]?.zh ?? label.table} ${label.row} · ${label.column}`]));

export function columnTitle(column: string, sheet: string): string {
  // reports.path is the report file's path; elsewhere path is a place within the report.
  if (column === 'path' && sheet === 'reports') return '报告文件';
  if (column.startsWith('findings.')) return `发现条数 · ${column.slice('findings.'.length)}`;
  return CELL_TITLES.get(column) ?? TITLES[column] ?? column;
}
