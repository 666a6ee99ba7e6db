// Every layout a copy-paste produces, with real non-zero numbers: the tables of
// fixtures/city-2025-html (labelled by hand) are printed in each layout below, parsed back, and
// must come out exact, with every cell's span pointing at its printed digits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenValues } from '../src/eval/compare-result.js';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { expectedSchema } from '../src/report/schemas.js';
import {
  ACTIVE_DISCLOSURE_ROWS,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  OUTCOME_COLUMNS,
  REVIEW_GROUPS,
} from '../src/report/template.js';

const expected = expectedSchema.parse(
  JSON.parse(readFileSync(new URL('../fixtures/city-2025-html/expected.json', import.meta.url), 'utf8')),
);
const tables = expected.tables!;
const values = flattenValues(tables) as Record<string, number>;

type Row = { label: string[]; cells: string[] };

// The rows as the template prints them: label cells (group label, item label), then values.
function tableTwoRows(): Row[][] {
  const sections: Row[][] = [];
  let current: Row[] = [];
  for (const row of ACTIVE_DISCLOSURE_ROWS) {
    if (['regulations', 'licensing', 'punishment', 'fees'].includes(row.path)) {
      if (current.length > 0) sections.push(current);
      current = [];
    }
    current.push({ label: [row.label], cells: row.columns.map((column) => String(values[`activeDisclosure.${row.path}.${column}`])) });
  }
  sections.push(current);
  return sections;
}

const LONG_LABELS: Record<string, string> = {
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'otherHandling.overdueCorrection': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'otherHandling.overdueFee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
};

function tableThreeRows(): Row[] {
  return APPLICATION_ROWS.map((row) => {
    const label = LONG_LABELS[row.path] ?? row.label;
    const [group, item] = label.includes(' ') ? label.split(' ') : ['', label];
    return {
      label: group ? [group, item!] : [item!],
      cells: APPLICATION_COLUMNS.map((column) => String(values[`applications.${row.path}.${column}`])),
    };
  });
}

const tableFourCells = REVIEW_GROUPS.flatMap((group) =>
  OUTCOME_COLUMNS.map((column) => String(values[`reviewLitigation.${group}.${column}`])),
);

const TABLE_TWO_HEADERS = ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'];
const TABLE_THREE_HEADER = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
  ['自然人', '法人或其他组织', '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];
const TABLE_FOUR_HEADER = [
  ['行政复议', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];

type Layout = (cells: readonly string[][]) => string;

const pipeRows: Layout = (rows) => rows.map((row) => `${row.join(' | ')} |`).join('\n');
const markdownRows: Layout = (rows) =>
  rows.map((row, index) => `| ${row.join(' | ')} |${index === 0 ? `\n|${row.map(() => '---').join('|')}|` : ''}`).join('\n');
const tabRows: Layout = (rows) => rows.map((row) => `${row.join('\t')}\t`).join('\n');
// Word copies: each cell on its own line, indented by a tab; a blank line ends a row.
const oneCellPerLine: Layout = (rows) => rows.map((row) => row.map((cell) => `\t${cell}`).join('\n')).join('\n\n');
// PDF text: cells separated by spaces, long labels wrapped onto the next line, header words split.
const pdfText: Layout = (rows) =>
  rows
    .map((row) => {
      const labels = row.filter((cell) => !/^\d/.test(cell));
      const numbers = row.filter((cell) => /^\d/.test(cell));
      const label = labels.join(' ').replace('商业企业', '商业 企业').replace('科研机构', '科研 机构');
      if (label.length > 24 && numbers.length > 0) return `${label.slice(0, 22)} ${numbers.join(' ')}\n${label.slice(22)}`;
      return [label, ...numbers].filter(Boolean).join(' ');
    })
    .join('\n');

// PDF text of narrow header cells: Word wraps each header word one character per line, and the
// characters of neighbouring columns come out interleaved line by line ("自 商 科" / "然 业 研" / …).
const pdfTextVerticalHeaders: Layout = (rows) =>
  rows
    .map((row) => {
      if (row.some((cell) => /^\d/.test(cell))) return pdfText([row]);
      const height = Math.max(...row.map((cell) => cell.length));
      return Array.from({ length: height }, (_, line) => row.map((cell) => cell[line] ?? '').filter(Boolean).join(' ')).join('\n');
    })
    .join('\n');

function documentText(layout: Layout): string {
  const tableTwo = tableTwoRows()
    .map((section, index) => {
      const header = section[0]!.cells.length === 3 ? ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'] : ['信息内容', index === 3 ? '本年收费金额（单位：万元）' : '本年处理决定数量'];
      return layout([[TABLE_TWO_HEADERS[index]!], header, ...section.map((row) => [...row.label, ...row.cells])]);
    })
    .join('\n');
  const tableThree = layout([...TABLE_THREE_HEADER, ...tableThreeRows().map((row) => [...row.label, ...row.cells])]);
  const tableFour = layout([...TABLE_FOUR_HEADER, tableFourCells]);
  return [
    '测试市2025年政府信息公开工作年度报告',
    '本报告中所列数据统计期限为2025年1月1日至12月31日。',
    '一、总体情况',
    '2025年，全市扎实推进政务公开工作。',
    '二、主动公开政府信息情况',
    tableTwo,
    '三、收到和处理政府信息公开申请情况',
    tableThree,
    '四、政府信息公开行政复议、行政诉讼情况',
    tableFour,
    '五、存在的主要问题及改进情况',
    '一是主动公开工作还需进一步规范。',
    '六、其他需要报告的事项',
    '2025年全市实际收取信息处理费共计400元。',
    '',
  ].join('\n');
}

const LAYOUTS: [string, Layout][] = [
  ['pipe rows', pipeRows],
  ['Markdown tables', markdownRows],
  ['tab rows', tabRows],
  ['one cell per line', oneCellPerLine],
  ['PDF text (spaces, wrapped labels, split header words)', pdfText],
  ['PDF text with header words one character per line', pdfTextVerticalHeaders],
];

describe('every layout reads the same non-zero tables', () => {
  it.each(LAYOUTS)('%s', (_name, layout) => {
    const text = documentText(layout);
    const result = analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
    expect(result.meta).toEqual({ agency: '测试市', year: 2025 });
    expect(result.tables).toEqual(tables);
    expect(result.findings).toEqual([]);
    for (const [path, cell] of Object.entries(result.cells)) {
      expect(text.slice(cell.span.start, cell.span.end), path).toBe(String(values[path]));
      expect(cell.placement).toBe('printed');
    }
    expect(Object.keys(result.cells)).toHaveLength(200);
  });

  it('the HTML page with rowspan/colspan (the fixture itself)', () => {
    const bytes = readFileSync(new URL('../fixtures/city-2025-html/report.html', import.meta.url));
    const document = documentFromBytes('report.html', 'html', bytes);
    const result = analyzeDocument(document);
    expect(result.tables).toEqual(tables);
    for (const [path, cell] of Object.entries(result.cells)) {
      expect(document.text.slice(cell.span.start, cell.span.end), path).toBe(String(values[path]));
    }
  });
});
