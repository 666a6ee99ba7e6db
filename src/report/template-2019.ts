// The 2019 trial template (国办公开办函〔2019〕60号), used for the 2019 and 2020 report years.
// Table 4 is the 2021 one. Table 3 differs only in （六）其他处理, printed as one row; table 2
// is a different table altogether: counts of documents made and published, counts of items
// with their change over the year, and government procurement.

import { APPLICATION_COLUMNS, APPLICATION_ROWS, type RowTemplate } from './template.js';

export const PUBLISHED_COLUMNS = ['newlyMade', 'newlyPublished', 'totalPublished'] as const;
export const ITEM_COLUMNS = ['previousYear', 'change', 'decisions'] as const;
export const FEE_COLUMNS = ['previousYear', 'change'] as const;
export const PROCUREMENT_COLUMNS = ['projects', 'amountYuan'] as const;

const COLUMN_LABELS_2019: Readonly<Record<string, string>> = {
  newlyMade: '本年新制作数量',
  newlyPublished: '本年新公开数量',
  totalPublished: '对外公开总数量',
  previousYear: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  projects: '采购项目数量',
  amountYuan: '采购总金额（元）',
};

function activeRow(path: string, label: string, keys: readonly string[], columns: readonly string[]): RowTemplate {
  const signedColumns = columns.includes('change') ? ['change'] : [];
  return { path, label, keys, columns, columnLabels: COLUMN_LABELS_2019, signedColumns };
}

export const ACTIVE_DISCLOSURE_ROWS_2019: readonly RowTemplate[] = [
  activeRow('regulations', '规章', ['规章'], PUBLISHED_COLUMNS),
  activeRow('normativeDocuments', '规范性文件', ['规范性文件'], PUBLISHED_COLUMNS),
  activeRow('licensing', '行政许可', ['行政许可'], ITEM_COLUMNS),
  activeRow('otherServices', '其他对外管理服务事项', ['对外管理服务', '管理服务事项'], ITEM_COLUMNS),
  activeRow('punishment', '行政处罚', ['行政处罚'], ITEM_COLUMNS),
  activeRow('enforcement', '行政强制', ['行政强制'], ITEM_COLUMNS),
  activeRow('fees', '行政事业性收费', ['事业性收费'], FEE_COLUMNS),
  activeRow('procurement', '政府集中采购', ['集中采购'], PROCUREMENT_COLUMNS),
];

const OTHER_HANDLING_2021 = new Set(['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other']);

// The 2021 rows up to （五）, then （六）其他处理 as a single row, then （七） and 四.
export const APPLICATION_ROWS_2019: readonly RowTemplate[] = APPLICATION_ROWS.flatMap((row) => {
  if (row.path === 'otherHandling.overdueCorrection') {
    return [{ path: 'otherHandling', label: '（六）其他处理', keys: ['其他处理'], columns: APPLICATION_COLUMNS }];
  }
  return OTHER_HANDLING_2021.has(row.path) ? [] : [row];
});
