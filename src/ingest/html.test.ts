import { describe, expect, it } from 'vitest';
import { readHtml, type Grid, type GridCell } from './html.js';

// Table 4 as 平潭综合实验区 2023 prints it (fixtures/pingtan-2023-html), styles stripped: merged
// header cells, <br/> inside labels and every value wrapped in a <p>.
const PINGTAN_TABLE_4 = `<p style="text-indent: 2em;"><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p><table border="1"><tbody><tr class="firstRow"><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr><tr><td rowspan="2"><p>结果维持</p></td><td rowspan="2"><p>结果<br/>纠正</p></td><td rowspan="2"><p>其他<br/>结果</p></td><td rowspan="2"><p>尚未<br/>审结</p></td><td rowspan="2"><p>总计</p></td><td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr><tr><td><p>结果<br/>维持</p></td><td><p>结果<br/>纠正</p></td><td><p>其他<br/>结果</p></td><td><p>尚未<br/>审结</p></td><td><p>总计</p></td><td><p>结果<br/>维持</p></td><td><p>结果<br/>纠正</p></td><td><p>其他<br/>结果</p></td><td><p>尚未<br/>审结</p></td><td><p>总计</p></td></tr><tr style="height:45px"><td><p>1</p></td><td><p>1</p></td><td><p>0</p></td><td><p>0</p></td><td><p>2</p></td><td><p>4</p></td><td><p>0</p></td><td><p>0</p></td><td><p>1</p></td><td><p>5</p></td><td><p>1</p></td><td><p>0</p></td><td><p>1</p></td><td><p>0</p></td><td><p>2</p></td></tr></tbody></table><p style="text-indent: 2em;"><strong>五、存在的主要问题及改进情况</strong></p>`;

// The head of table 3 of 测试市 2025 (fixtures/city-2025-html): one cell spans 3 rows and 3 columns.
const CITY_TABLE_3_HEAD = `<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>1167</td><td>9</td><td>0</td><td>1</td><td>48</td><td>4</td><td>1229</td></tr>
</table>`;

function onlyGrid(grids: readonly Grid[]): Grid {
  expect(grids).toHaveLength(1);
  return grids[0]!;
}

function textAt(grid: Grid, row: number, column: number): string | undefined {
  return grid.cellAt[row]?.[column]?.text;
}

function allCells(grid: Grid): GridCell[] {
  return grid.rows.flat();
}

describe('readHtml grids', () => {
  it('expands rowspan and colspan of table 4 onto a 4 × 15 grid', () => {
    const grid = onlyGrid(readHtml(PINGTAN_TABLE_4).grids);
    expect(grid.cellAt).toHaveLength(4);
    expect(grid.cellAt.map((row) => row.length)).toEqual([15, 15, 15, 15]);
    // Row 0: two merged group headers.
    expect(grid.cellAt[0]!.slice(0, 5).every((cell) => cell?.text === '行政复议')).toBe(true);
    expect(grid.cellAt[0]!.slice(5).every((cell) => cell?.text === '行政诉讼')).toBe(true);
    // Rows 1–2, columns 0–4: the review outcomes span two rows; the same cell object covers both.
    expect([0, 1, 2, 3, 4].map((column) => textAt(grid, 1, column))).toEqual(['结果维持', '结果 纠正', '其他 结果', '尚未 审结', '总计']);
    expect(grid.cellAt[2]![0]).toBe(grid.cellAt[1]![0]);
    expect(textAt(grid, 1, 5)).toBe('未经复议直接起诉');
    expect(textAt(grid, 1, 10)).toBe('复议后起诉');
    // Row 2's ten cells start after the five cells spanning down from row 1.
    expect(grid.rows[2]!.map((cell) => cell.column)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(textAt(grid, 2, 9)).toBe('总计');
    // Row 3: the fifteen values in printed order.
    expect(grid.cellAt[3]!.map((cell) => cell?.text)).toEqual(['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2']);
  });

  it('records each cell with its top-left position and its spans', () => {
    const grid = onlyGrid(readHtml(PINGTAN_TABLE_4).grids);
    expect(grid.rows[0]).toMatchObject([
      { text: '行政复议', row: 0, column: 0, rowSpan: 1, columnSpan: 5 },
      { text: '行政诉讼', row: 0, column: 5, rowSpan: 1, columnSpan: 10 },
    ]);
    expect(grid.rows[1]![0]).toMatchObject({ text: '结果维持', row: 1, column: 0, rowSpan: 2, columnSpan: 1 });
  });

  it('places cells around a block merged over three rows and three columns', () => {
    const grid = onlyGrid(readHtml(CITY_TABLE_3_HEAD).grids);
    const corner = grid.cellAt[0]![0]!;
    expect(corner.text).toMatch(/^（本列数据的勾稽关系为/);
    for (const row of [0, 1, 2]) for (const column of [0, 1, 2]) expect(grid.cellAt[row]![column]).toBe(corner);
    expect(textAt(grid, 1, 3)).toBe('自然人');
    expect(textAt(grid, 2, 3)).toBe('自然人');
    expect([4, 5, 6, 7, 8].map((column) => textAt(grid, 2, column))).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(textAt(grid, 2, 9)).toBe('总计');
    expect(grid.cellAt[3]!.map((cell) => cell?.text)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '一、本年新收政府信息公开申请数量',
      '一、本年新收政府信息公开申请数量',
      '1167', '9', '0', '1', '48', '4', '1229',
    ]);
  });

  it.each([
    ['rowspan="0"', '<table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'],
    ['rowspan="x"', '<table><tr><td rowspan="x">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'],
    ['colspan="-2"', '<table><tr><td colspan="-2">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'],
  ])('treats junk %s as 1', (_name, html) => {
    const grid = onlyGrid(readHtml(html).grids);
    expect(grid.cellAt.map((row) => row.map((cell) => cell?.text))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reads th cells and rows inside thead/tbody/tfoot in order', () => {
    const html = '<table><thead><tr><th>信息内容</th><th>本年制发件数</th></tr></thead><tbody><tr><td>规章</td><td>0</td></tr></tbody><tfoot><tr><td>合计</td><td>0</td></tr></tfoot></table>';
    const grid = onlyGrid(readHtml(html).grids);
    expect(grid.cellAt.map((row) => row.map((cell) => cell?.text))).toEqual([['信息内容', '本年制发件数'], ['规章', '0'], ['合计', '0']]);
  });
});

describe('readHtml spans', () => {
  it.each([
    ['平潭 table 4 (values in <p>, <br/> in labels)', PINGTAN_TABLE_4],
    ['测试市 table 3 head (newlines between cells)', CITY_TABLE_3_HEAD],
  ])('every cell span of %s points at the cell text', (_name, html) => {
    const { text, grids } = readHtml(html);
    const cells = allCells(onlyGrid(grids));
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
  });

  it('the grid span covers exactly the table rows', () => {
    const { text, grids } = readHtml(CITY_TABLE_3_HEAD);
    const grid = onlyGrid(grids);
    const rendered = text.slice(grid.span.start, grid.span.end);
    expect(rendered.split('\n').filter(Boolean)).toHaveLength(4);
    expect(rendered.endsWith('\t1229\n')).toBe(true);
  });

  it('gives an empty cell an empty span at its place between the tabs', () => {
    const { text, grids } = readHtml('<table><tr><td>行政许可</td><td>&nbsp;</td><td></td><td>3</td></tr></table>');
    const [label, blank, empty, value] = onlyGrid(grids).rows[0]!;
    expect(text).toBe('行政许可\t\t\t3\n');
    expect(blank).toMatchObject({ text: '', span: { start: 5, end: 5 } });
    expect(empty).toMatchObject({ text: '', span: { start: 6, end: 6 } });
    expect(text.slice(label!.span.start, label!.span.end)).toBe('行政许可');
    expect(text.slice(value!.span.start, value!.span.end)).toBe('3');
  });

  it('keeps a cell span inside its own cell when the markup pads the text with whitespace', () => {
    const { text, grids } = readHtml('<table><tr>\n  <td>\n    结果维持\n  </td>\n  <td> 12 </td>\n</tr></table>');
    for (const cell of allCells(onlyGrid(grids))) {
      const covered = text.slice(cell.span.start, cell.span.end);
      expect(covered.trim()).toBe(cell.text);
      expect(covered).not.toContain('\t');
    }
  });

  it('a padded cell span covers exactly the cell text', () => {
    const { text, grids } = readHtml('<table><tr><td> 12 </td><td>结果<br/></td></tr></table>');
    for (const cell of allCells(onlyGrid(grids))) expect(text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
  });
});

describe('readHtml visible text', () => {
  it('keeps text outside tables in reading order, each table row on one tab-separated line', () => {
    const { text } = readHtml(PINGTAN_TABLE_4);
    expect(text.split('\n')).toEqual([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼',
      '结果维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t复议后起诉',
      '结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计',
      '1\t1\t0\t0\t2\t4\t0\t0\t1\t5\t1\t0\t1\t0\t2',
      '五、存在的主要问题及改进情况',
      '',
    ]);
  });

  it('keeps <title>, skips script, style, noscript and template', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>平潭综合实验区2023年度政府信息公开工作年度报告</title>
<style>td { border: 1px solid windowtext; } /* 一、总体情况 */</style>
<script>var table = "| 本年新收 | 99 |";</script></head>
<body><noscript>请启用脚本</noscript><template><p>模板</p></template>
<div class="TRS_Editor"><p>一、总体情况</p><p>2023年，全区共主动公开政府信息13561条。</p></div>
<script src="/images/model.min.js"></script></body></html>`;
    const { text, grids } = readHtml(html);
    expect(grids).toEqual([]);
    expect(text).toBe('平潭综合实验区2023年度政府信息公开工作年度报告\n一、总体情况\n2023年，全区共主动公开政府信息13561条。\n');
  });

  it('decodes entities in text and in cells', () => {
    const html = '<p>&ldquo;谁公开、谁审查&rdquo;&nbsp;&amp;&nbsp;&lt;条例&gt; &#x4E00;&#19968; &quot;</p><table><tr><td>&#x4E00;&#x3001;本年新收</td><td>&#65298;</td></tr></table>';
    const { text, grids } = readHtml(html);
    expect(text.split('\n')[0]).toBe('“谁公开、谁审查” & <条例> 一一 "');
    expect(onlyGrid(grids).rows[0]!.map((cell) => cell.text)).toEqual(['一、本年新收', '２']);
  });

  it('collapses whitespace like a browser, including full-width spaces, and breaks lines at blocks and <br>', () => {
    const { text } = readHtml('<p>  一、\n  总体情况 </p><div>第一行<br>第二行　　结束</div><span>行内</span><span>文字</span>');
    expect(text).toBe('一、 总体情况\n第一行\n第二行 结束\n行内文字\n');
  });

  it('returns empty text for a page with nothing visible', () => {
    expect(readHtml('<html><head><script>x()</script></head><body></body></html>')).toEqual({ text: '', grids: [] });
  });
});

describe('readHtml nested layout tables', () => {
  // Government CMS pages wrap the article in a layout table; only innermost tables are grids.
  const LAYOUT = `<table class="layout"><tr><td>
  <table class="header"><tr><td>首页</td><td>政府信息公开年报</td></tr></table>
  <p>二、主动公开政府信息情况</p>
  <table border="1"><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>
  <p>三、收到和处理政府信息公开申请情况</p>
</td></tr></table>`;

  it('renders only the innermost tables as grids, in document order', () => {
    const { grids } = readHtml(LAYOUT);
    expect(grids).toHaveLength(2);
    expect(grids[0]!.cellAt[0]!.map((cell) => cell?.text)).toEqual(['首页', '政府信息公开年报']);
    expect(grids[1]!.cellAt.map((row) => row.map((cell) => cell?.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
    ]);
  });

  it('keeps the text of the layout table around the inner tables in order', () => {
    const { text, grids } = readHtml(LAYOUT);
    const heading2 = text.indexOf('二、主动公开政府信息情况');
    const heading3 = text.indexOf('三、收到和处理政府信息公开申请情况');
    const data = grids[1]!;
    expect(heading2).toBeGreaterThan(grids[0]!.span.end - 1);
    expect(heading2).toBeLessThan(data.span.start);
    expect(heading3).toBeGreaterThanOrEqual(data.span.end);
    expect(text.slice(data.span.start, data.span.end)).toBe('信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n');
    for (const cell of allCells(data)) expect(text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
  });

  it('finds a data table two layout levels deep', () => {
    const html = `<table><tr><td><table><tr><td><p>四、行政复议</p><table><tr><td>维持</td><td>总计</td></tr><tr><td>0</td><td>0</td></tr></table></td></tr></table></td></tr></table>`;
    const { text, grids } = readHtml(html);
    expect(onlyGrid(grids).cellAt[1]!.map((cell) => cell?.text)).toEqual(['0', '0']);
    expect(text).toBe('四、行政复议\n维持\t总计\n0\t0\n');
  });
});

describe('layout tables', () => {
  it('cells of a table that holds a table do not run together', () => {
    const { text } = readHtml('<table><tr><td>左栏</td><td>导航</td></tr><tr><td><table><tr><td>1</td></tr></table></td></tr></table>');
    expect(text).not.toContain('左栏导航');
    expect(text.split('\n')).toContain('左栏');
  });
});

// Issue 13: a page nested a few thousand elements deep overflowed the stack (exit 70), and a
// 100 000-deep one took parse5 90 s before it did.
describe('pages nested too deep', () => {
  const nested = (depth: number, inner = '深处的文字') => `<html><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;

  it('are refused, named as too large, as soon as the nesting passes the limit', () => {
    const started = performance.now();
    expect(() => readHtml(nested(100_000))).toThrow(expect.objectContaining({ code: 'too-large', message: expect.stringContaining('more than 1000 deep') }));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('are read without recursion up to the limit (8000 deep, deeper than the call stack)', () => {
    const { text } = readHtml(nested(8000, '<table><tr><td>深处的文字</td></tr></table>'), { depth: 10_000, milliseconds: 60_000 });
    expect(text.trim()).toBe('深处的文字');
  });

  it('are refused when parsing takes longer than allowed', () => {
    expect(() => readHtml(`<html><body>${'<p>第一段</p>'.repeat(3000)}</body></html>`, { depth: 1000, milliseconds: 0 })).toThrow(expect.objectContaining({ code: 'too-large', message: expect.stringContaining('to parse') }));
  });
});
