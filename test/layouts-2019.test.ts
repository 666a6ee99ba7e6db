// The 2019 trial template (国办公开办函〔2019〕60号) in every layout a copy-paste produces. The
// numbers are the 平潭 2019/2020 reports' as a person reads them across both years (see
// fixtures/pingtan-2019-format2019-txt/NOTES.md), printed here with their cells apart, plus a
// negative 本年增/减 and a decimal procurement amount. Each layout must read back exactly.
import { describe, expect, it } from 'vitest';
import { flattenValues } from '../src/eval/compare-result.js';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { tables2019Schema } from '../src/report/schemas.js';
import { APPLICATION_ROWS_2019 } from '../src/report/template-2019.js';
import { APPLICATION_COLUMNS, OUTCOME_COLUMNS, REVIEW_GROUPS } from '../src/report/template.js';

const row = (values: readonly number[]) => Object.fromEntries(APPLICATION_COLUMNS.map((column, index) => [column, values[index]!]));
const zero = row([0, 0, 0, 0, 0, 0, 0]);
const applicationValues: Record<string, readonly number[]> = {
  newReceived: [20, 0, 0, 0, 0, 1, 21],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [6, 0, 0, 0, 0, 1, 7],
  partiallyGranted: [4, 0, 0, 0, 0, 0, 4],
  'unavailable.notHeld': [4, 0, 0, 0, 0, 0, 4],
  'unavailable.unclear': [3, 0, 0, 0, 0, 0, 3],
  'notProcessed.duplicate': [2, 0, 0, 0, 0, 0, 2],
  otherHandling: [1, 0, 0, 0, 0, 0, 1],
  totalHandled: [20, 0, 0, 0, 0, 1, 21],
  carriedForward: [1, 0, 0, 0, 0, 0, 1],
};
const valuesOf = (path: string) => applicationValues[path] ?? [0, 0, 0, 0, 0, 0, 0];

const expected = tables2019Schema.parse({
  activeDisclosure: {
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 7 },
    normativeDocuments: { newlyMade: 77, newlyPublished: 77, totalPublished: 166 },
    licensing: { previousYear: 396, change: 0, decisions: 181 },
    otherServices: { previousYear: 10, change: 7, decisions: 105 },
    punishment: { previousYear: 2648, change: -185, decisions: 38 },
    enforcement: { previousYear: 126, change: 26, decisions: 29 },
    fees: { previousYear: 35, change: -15 },
    procurement: { projects: 395, amountYuan: 73802895.9 },
  },
  applications: {
    ...Object.fromEntries(APPLICATION_ROWS_2019.filter((template) => !template.path.includes('.')).map((template) => [template.path, row(valuesOf(template.path))])),
    denied: Object.fromEntries(['stateSecret', 'lawForbidden', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFiles', 'queryMatters'].map((key) => [key, zero])),
    unavailable: { notHeld: row(valuesOf('unavailable.notHeld')), needsCreation: zero, unclear: row(valuesOf('unavailable.unclear')) },
    notProcessed: { complaint: zero, duplicate: row(valuesOf('notProcessed.duplicate')), publication: zero, excessive: zero, confirmation: zero },
  },
  reviewLitigation: Object.fromEntries(REVIEW_GROUPS.map((group) => [group, Object.fromEntries(OUTCOME_COLUMNS.map((column) => [column, 0]))])),
});

// Table 2 as the 2019 template prints it: a title row per 第二十条 item, its header, its rows.
const TABLE_TWO: readonly (readonly string[])[][] = [
  [['第二十条第（一）项'], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '0', '0', '7'], ['规范性文件', '77', '77', '166']],
  [['第二十条第（五）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '396', '0', '181'], ['其他对外管理服务事项', '10', '7', '105']],
  [['第二十条第（六）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政处罚', '2648', '-185', '38'], ['行政强制', '126', '26', '29']],
  [['第二十条第（八）项'], ['信息内容', '上一年项目数量', '本年增/减'], ['行政事业性收费', '35', '-15']],
  [['第二十条第（九）项'], ['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购', '395', '73802895.90']],
];

const TABLE_THREE_LABELS: Record<string, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果 （一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
};

function tableThreeRows(): string[][] {
  const header = [['申请人情况'], ['自然人', '法人或其他组织', '总计'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']];
  const rows = APPLICATION_ROWS_2019.map((template) => {
    const label = TABLE_THREE_LABELS[template.path] ?? template.label;
    return [...label.split(' '), ...valuesOf(template.path).map(String)];
  });
  return [...header, ...rows];
}

const TABLE_FOUR = [
  ['行政复议', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  Array.from({ length: 15 }, () => '0'),
];

type Layout = (rows: readonly (readonly string[])[]) => string;
const isValue = (cell: string) => /^-?\d/.test(cell);

const LAYOUTS: [string, Layout][] = [
  ['pipe rows', (rows) => rows.map((cells) => `${cells.join(' | ')} |`).join('\n')],
  ['Markdown tables', (rows) => rows.map((cells, index) => `| ${cells.join(' | ')} |${index === 0 ? `\n|${cells.map(() => '---').join('|')}|` : ''}`).join('\n')],
  ['tab rows', (rows) => rows.map((cells) => `${cells.join('\t')}\t`).join('\n')],
  ['one cell per line', (rows) => rows.map((cells) => cells.map((cell) => `\t${cell}`).join('\n')).join('\n\n')],
  // PDF text: spaces between cells, a full-width minus, long labels wrapped after the numbers.
  [
    'PDF text',
    (rows) =>
      rows
        .map((cells) => {
          const label = cells.filter((cell) => !isValue(cell)).join(' ');
          const numbers = cells.filter(isValue).map((cell) => cell.replace('-', '－'));
          if (label.length > 24 && numbers.length > 0) return `${label.slice(0, 22)} ${numbers.join(' ')}\n${label.slice(22)}`;
          return [label, ...numbers].filter(Boolean).join(' ');
        })
        .join('\n'),
  ],
];

function documentText(layout: Layout): string {
  return [
    '测试区2020年政府信息公开工作年度报告',
    '本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
    '一、总体情况',
    '2020年，全区扎实推进政务公开工作。',
    '二、主动公开政府信息情况',
    TABLE_TWO.map((table) => layout(table)).join('\n'),
    '三、收到和处理政府信息公开申请情况',
    layout(tableThreeRows()),
    '四、政府信息公开行政复议、行政诉讼情况',
    layout(TABLE_FOUR),
    '五、存在的主要问题及改进情况',
    '一是主动公开工作还需进一步规范。',
    '六、其他需要报告的事项',
    '无。',
    '',
  ].join('\n');
}

// Word and web copies: one <table> per item of table 2 with the title row spanning every
// column; table 3 with its header cells merged and its group labels spanning rows.
function htmlDocument(): string {
  const cell = (text: string, attributes = '') => `<td${attributes}>${text}</td>`;
  const tableTwo = TABLE_TWO.map(([title, ...rows]) => {
    const width = rows[0]!.length;
    return `<table><tr>${cell(title![0]!, ` colspan="${width}"`)}</tr>${rows.map((cells) => `<tr>${cells.map((text) => cell(text)).join('')}</tr>`).join('')}</table>`;
  }).join('');
  const threeRows = tableThreeRows().slice(3);
  const tableThree = [
    `<tr>${cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="2" rowspan="3"')}${cell('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${cell('自然人', ' rowspan="2"')}${cell('法人或其他组织', ' colspan="5"')}${cell('总计', ' rowspan="2"')}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => cell(text)).join('')}</tr>`,
    ...threeRows.map((cells) => {
      const values = cells.filter(isValue);
      const labels = cells.filter((text) => !isValue(text));
      const label = labels.length === 2 ? cell(labels[0]!) + cell(labels[1]!) : cell(labels[0]!, ' colspan="2"');
      return `<tr>${label}${values.map((text) => cell(text.replace('-', '－'))).join('')}</tr>`;
    }),
  ].join('');
  const tableFour = TABLE_FOUR.map((cells) => `<tr>${cells.map((text) => cell(text)).join('')}</tr>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>测试区2020年政府信息公开工作年度报告</title></head><body>
<h1>测试区2020年政府信息公开工作年度报告</h1>
<p>本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。</p>
<p>一、总体情况</p><p>2020年，全区扎实推进政务公开工作。</p>
<p>二、主动公开政府信息情况</p>${tableTwo}
<p>三、收到和处理政府信息公开申请情况</p><table>${tableThree}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><table>${tableFour}</table>
<p>五、存在的主要问题及改进情况</p><p>一是主动公开工作还需进一步规范。</p>
<p>六、其他需要报告的事项</p><p>无。</p></body></html>`;
}

const printedValue = (path: string) => {
  const value = flattenValues(expected)[path];
  return value === 73802895.9 ? '73802895.90' : String(value);
};

describe('the 2019 trial template in every layout', () => {
  it.each(LAYOUTS)('%s', (_name, layout) => {
    const text = documentText(layout);
    const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
    expect(result.template.format).toBe('2019');
    expect(result.tables).toEqual(expected);
    expect(result.findings).toEqual([]);
    for (const [path, source] of Object.entries(result.cells)) {
      expect(text.slice(source.span.start, source.span.end).replace('－', '-'), path).toBe(printedValue(path));
    }
    // 22 cells of table 2, 23 rows × 7 of table 3, 15 of table 4.
    expect(Object.keys(result.cells)).toHaveLength(22 + 23 * 7 + 15);
  });

  it('an HTML page with merged cells', () => {
    const document = documentFromBytes('report.html', 'html', new TextEncoder().encode(htmlDocument()));
    const result = analyzeDocument(document);
    expect(result.template.format).toBe('2019');
    expect(result.tables).toEqual(expected);
    expect(result.findings).toEqual([]);
  });

  it('the column labels in findings are the 2019 headers', () => {
    const text = documentText(LAYOUTS[0]![1]);
    const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
    expect(result.cells['activeDisclosure.punishment.change']).toMatchObject({ raw: '-185', rowLabel: '行政处罚', columnLabel: '本年增/减' });
    expect(result.cells['activeDisclosure.procurement.amountYuan']).toMatchObject({ raw: '73802895.90', columnLabel: '采购总金额（元）' });
    expect(result.cells['applications.otherHandling.total']).toMatchObject({ rowLabel: '（六）其他处理', columnLabel: '总计' });
  });

  it('a broken 2019 table 3 raises the same rules, over its 23 rows', () => {
    // （六）其他处理 printed as 2 instead of 1: its row total and the handled total break.
    const text = documentText(LAYOUTS[0]![1]).replace('（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 1 |');
    const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
    const keys = result.findings.map((finding) => `${finding.id}@${finding.path}`);
    expect(keys).toEqual(['applications.rowTotal@applications.otherHandling', 'applications.handledTotal@applications.*.naturalPerson']);
    expect(result.findings[0]!.suggestion).toMatchObject({ path: 'applications.otherHandling.naturalPerson', value: 1 });
  });

  it('a minus sign in a column that cannot be negative makes the cell unreadable, not negative', () => {
    const text = documentText(LAYOUTS[0]![1]).replace('行政许可 | 396 | 0 | 181 |', '行政许可 | 396 | 0 | -181 |');
    const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
    expect(result.tables.activeDisclosure).toMatchObject({ licensing: { previousYear: 396, change: 0, decisions: null } });
    expect(result.findings.map((finding) => `${finding.id}@${finding.path}`)).toEqual(['table.missingCell@activeDisclosure.licensing']);
  });
});
