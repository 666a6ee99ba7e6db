// What a batch run leaves for people to open, opened by other programs than the one that wrote
// it: the database and the CSV files by the sqlite3 shell, the workbook by exceljs's reader and
// Python's XML parser, the Parquet files by DuckDB. Three real reports (two consecutive 平潭 years, one edited so that the
// years disagree, and a 洪泽 PDF) and one file that is not a report.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
let directory = '';
let out = '';
let stderr = '';
let code = 0;

const sqlite = (database: string, ...commands: string[]) => execFileSync('sqlite3', ['-bail', database, ...commands], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = await mkdtemp(join(tmpdir(), 'nianbao-export-'));
  const input = join(directory, 'in');
  await mkdir(join(input, 'pingtan'), { recursive: true });
  await copyFile(join(ROOT, 'fixtures/pingtan-2022-txt/report.txt'), join(input, 'pingtan', '2022.txt'));
  // 2022 carried 0 forward; this copy of 2023 says it carried 2 over (自然人 2, 总计 2).
  const pingtan2023 = readFileSync(join(ROOT, 'fixtures/pingtan-2023-txt/report.txt'), 'utf8');
  expect(pingtan2023).toContain('上年结转政府信息公开申请数量0000000');
  await writeFile(join(input, 'pingtan', '2023.txt'), pingtan2023.replace('上年结转政府信息公开申请数量0000000', '上年结转政府信息公开申请数量2000002'));
  await copyFile(join(ROOT, 'fixtures/hongze-district-2023-pdf/report.pdf'), join(input, 'hongze-2023.pdf'));
  await writeFile(join(input, 'notes.md'), '# 会议纪要\n\n这不是年报。\n');
  out = join(directory, 'out');
  ({ code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, [BIN, 'batch', input, '--out', out], { env: { PATH: process.env['PATH'] ?? '' } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    ),
  ));
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('nianbao batch exports', () => {
  it('reads the reports, skips the non-report with its reason, and counts it apart in the summary', () => {
    // A note among the reports is not a failure: the run exits 0.
    expect(code, stderr).toBe(0);
    // In Chinese, the default: no language was asked for.
    expect(stderr).toMatch(/跳过，.*notes\.md：不是政府信息公开工作年度报告/);
    expect(stderr).toContain('本次运行：读取 3，失败 0');
    expect(stderr).toContain('跳过 1 个不是年报的文件：notes.md（原因见 skipped.jsonl）');
    expect(stderr).not.toContain('失败原因');
    expect(stderr).toContain('crossYear.carryOver 2');
    // 平潭 2022 and 2023 are compared; 洪泽 2023 has no other year here.
    expect(stderr).toContain('跨年度核对：比较了 1 对相邻年度；未比较：1 份的机关只有这一年');
    expect(readFileSync(join(out, 'failures.jsonl'), 'utf8')).toBe('');
    const skipped = JSON.parse(readFileSync(join(out, 'skipped.jsonl'), 'utf8').trim());
    expect(skipped).toMatchObject({ path: join(directory, 'in', 'notes.md'), code: 'not-a-report', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(skipped.reason).toContain('既没有年报的章节标题，也没有年报统计表');
  });

  it('overview.html shows the batch at a glance, links the flagged reports to their views, and is drawn again in English', async () => {
    const page = readFileSync(join(out, 'overview.html'), 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('nianbao 批处理概览');
    expect(page).toMatch(/<div class="value">3<\/div><div>份报告已读取/);
    expect(page).toMatch(/<div class="value">1<\/div><div>个文件不是年报（已跳过）/);
    expect(page).toContain('先看这些报告');
    // The changed 平潭 2023 breaks its own balance and the carry-over from 2022: ranked with a view.
    const view = page.match(/<a href="(views\/[0-9a-f]{16}\.html)">平潭综合实验区<\/a>/)?.[1];
    expect(view).toBeTruthy();
    expect(readFileSync(join(out, view!), 'utf8')).toMatch(/<title>[^<]*平潭综合实验区[^<]*2023/);
    expect(page).toContain('crossYear.carryOver');
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    const redraw = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, [BIN, 'overview', out, '--lang', 'en'], (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr })),
    );
    expect(redraw.code, redraw.stderr).toBe(0);
    const english = readFileSync(join(out, 'overview.html'), 'utf8');
    expect(english).toContain('nianbao batch overview');
    expect(english).toContain(`<a href="${view}">`);
  });

  it('the SQLite database answers queries in the sqlite3 shell', () => {
    const database = join(out, 'results.sqlite');
    expect(sqlite(database, 'select count(*) from reports')).toBe('3');
    expect(sqlite(database, "select agency || ' ' || year from reports order by year, agency")).toBe('平潭综合实验区 2022\n平潭综合实验区 2023\n洪泽区人民政府 2023');
    expect(sqlite(database, "select c.value from cells c join reports r on c.report_id = r.id where r.year = 2023 and r.format = 'txt' and c.cell = 'applications.carriedOver.total'")).toBe('2');
    // Counts are INTEGER, amounts REAL: pandas and R read 2, not 2.0.
    expect(sqlite(database, 'select distinct typeof(value) from cells where value is not null and cell not like \'%amount%\' order by 1')).toBe('integer');
    expect(sqlite(database, "select typeof(value) from cells c join reports r on c.report_id = r.id where r.format = 'pdf' and c.cell = 'activeDisclosure.fees.amountWanYuan'")).toBe('real');
    // A blank stays NULL, never 0 (平潭 2022's 规范性文件 row is ambiguous: its cells are null).
    expect(sqlite(database, "select count(*) from cells c join reports r on c.report_id = r.id where r.year = 2022 and c.cell like 'activeDisclosure.normativeDocuments.%' and c.value is null")).toBe('3');
    expect(sqlite(database, "select id || ' ' || path || ' ' || expected || '→' || actual from cross_year order by path")).toBe(
      'crossYear.carryOver applications.carriedOver.naturalPerson 0→2\ncrossYear.carryOver applications.carriedOver.total 0→2',
    );
    expect(sqlite(database, "select count(*) from findings where id = 'applications.balance'")).not.toBe('0');
    expect(Number(sqlite(database, 'select count(*) from narrative_numbers where grounded = 1'))).toBeGreaterThan(3);
    // Each stated figure says what it counts: 平潭 2022's 收到 75, with its applicants as parts.
    expect(sqlite(database, "select n.measure || ' ' || n.is_part || ' ' || n.value from narrative_numbers n join reports r on n.report_id = r.id where r.year = 2022 and n.topic = 'applications' order by n.path")).toBe(
      'received 0 75\nreceived 1 72\nreceived 1 3',
    );
    // The views: one row per report with its key figures, cells in long form with their labels, findings with theirs.
    expect(sqlite(database, 'select agency, year, received, carried_over, handled, reviews from report_figures order by year, agency')).toBe(
      sqlite(database, "select r.agency, r.year, (select value from cells where report_id = r.id and cell = 'applications.newReceived.total'), (select value from cells where report_id = r.id and cell = 'applications.carriedOver.total'), (select value from cells where report_id = r.id and cell = 'applications.totalHandled.total'), (select value from cells where report_id = r.id and cell = 'reviewLitigation.review.total') from reports r order by r.year, r.agency"),
    );
    expect(sqlite(database, "select row_label || '/' || column_label || '=' || value from cells_long where year = 2023 and agency = '平潭综合实验区' and cell = 'applications.carriedOver.total'")).toBe('二、上年结转政府信息公开申请数量/总计=2');
    expect(sqlite(database, 'select count(*) from findings_labelled')).toBe(sqlite(database, 'select count(*) from findings'));
  });

  it('the CSV files load into sqlite3 with the spec keys as column names', () => {
    const reports = sqlite(':memory:', `.import --csv ${join(out, 'reports.csv')} r`, "select count(*), sum(\"applications.carriedOver.total\" = '2') from r");
    expect(reports).toBe('3|1');
    const header = readFileSync(join(out, 'reports.csv'), 'utf8').split('\r\n')[0]!;
    expect(header.startsWith('\ufeffpath,sha256,format,template,agency,year')).toBe(true);
    for (const key of ['activeDisclosure.regulations.inForce', 'applications.otherHandling.other.total', 'activeDisclosure.procurement.amountYuan', 'reviewLitigation.review.total', 'findings.crossYear.carryOver']) {
      expect(header.split(',')).toContain(key);
    }
    const findings = sqlite(':memory:', `.import --csv ${join(out, 'findings.csv')} f`, "select count(*) from f where id = 'crossYear.carryOver' and message like '%上年结转%'");
    expect(findings).toBe('2');
    // The narrative's figures and the notices are in the CSV files too, not only in SQLite.
    expect(sqlite(':memory:', `.import --csv ${join(out, 'narrative.csv')} n`, 'select count(*) from n')).toBe(sqlite(join(out, 'results.sqlite'), 'select count(*) from narrative_numbers'));
    expect(sqlite(':memory:', `.import --csv ${join(out, 'narrative.csv')} n`, "select measure || ' ' || value from n where year = '2022' and topic = 'applications' order by path")).toBe('received 75\nreceived 72\nreceived 3');
    expect(sqlite(':memory:', `.import --csv ${join(out, 'notices.csv')} n`, 'select count(*) from n')).toBe(sqlite(join(out, 'results.sqlite'), "select count(*) from reports where notices <> ''"));
  });

  it('the codebook names every column of every export by its table, row, column and unit', () => {
    const codebook = (query: string) => sqlite(':memory:', `.import --csv ${join(out, 'codebook.csv')} c`, query);
    expect(codebook("select 表 || '“' || 行 || '”行“' || 列 || '”列 ' || 单位 from c where 列名 = 'applications.granted.total'")).toBe('表三“（一）予以公开”行“总计”列 件');
    expect(codebook("select 单位 from c where 列名 = 'activeDisclosure.fees.amountWanYuan'")).toBe('万元');
    for (const file of ['reports.csv', 'findings.csv', 'narrative.csv', 'notices.csv']) {
      const header = readFileSync(join(out, file), 'utf8').replace(/^\ufeff/, '').split('\r\n')[0]!.split(',');
      const described = codebook(`select 列名 from c where 文件 = '${file}' and 含义 is not null and 含义 <> ''`).split('\n');
      expect(header.filter((column) => !described.includes(column)), file).toEqual([]);
    }
  });

  it('the workbook opens: its sheets with the same rows, a frozen header with a filter, well-formed XML in every part', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['reports', 'findings', 'narrative', 'notices', 'cross-year', 'codebook']);
    for (const sheet of workbook.worksheets) {
      // Chinese titles over the keys: both rows frozen (the codebook's one header is Chinese already).
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: sheet.name === 'codebook' ? 1 : 2 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
    }
    expect(workbook.getWorksheet('reports')!.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(workbook.getWorksheet('codebook')!.getRow(1).values).toContain('含义');
    const reports = workbook.getWorksheet('reports')!;
    expect(reports.rowCount).toBe(5);
    expect(reports.getRow(1).getCell(5).value).toBe('机关');
    expect(reports.getRow(2).getCell(5).value).toBe('agency');
    const granted = (reports.getRow(2).values as unknown[]).indexOf('applications.granted.total');
    expect(reports.getRow(1).getCell(granted).value).toBe('表三 （一）予以公开 · 总计');
    const agencies = [3, 4, 5].map((row) => reports.getRow(row).getCell(5).value);
    expect(agencies).toContain('洪泽区人民政府');
    expect(workbook.getWorksheet('cross-year')!.rowCount).toBe(4);
    expect(workbook.getWorksheet('findings')!.getRow(1).values).toEqual(expect.arrayContaining(['检查项', '级别', '说明', '应有值', '报告值']));
    const check = execFileSync('python3', ['-c', 'import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n[m.parseString(z.read(n)) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]\nprint(len(z.namelist()))', join(out, 'results.xlsx')], { encoding: 'utf8' });
    expect(Number(check)).toBeGreaterThanOrEqual(9);
  });

  describe('the Parquet files, read by DuckDB', () => {
    let duckdb: DuckDBConnection;
    const query = async (sql: string) => (await duckdb.runAndReadAll(sql)).getRowObjectsJson();
    const file = (name: string) => `'${join(out, name)}'`;
    beforeAll(async () => {
      duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    });
    afterAll(() => duckdb?.closeSync());

    it('hold the same rows as the CSV files, value for value', async () => {
      for (const name of ['reports', 'findings', 'narrative', 'notices']) {
        const fromParquet = await query(`select * from ${file(`${name}.parquet`)}`);
        const fromCsv = await query(`select * from read_csv(${file(`${name}.csv`)}, all_varchar = true, header = true)`);
        expect(fromParquet.length, name).toBe(fromCsv.length);
        // A CSV cannot tell an empty text from a blank; both read as null there.
        const asText = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, value === null || value === '' ? null : String(value)]));
        expect(fromParquet.map(asText), name).toEqual(fromCsv);
      }
    });

    it('type counts as whole numbers, amounts as reals, text as text; blank is null', async () => {
      const types = Object.fromEntries((await query(`describe select * from ${file('reports.parquet')}`)).map((row) => [row['column_name'], row['column_type']]));
      expect(types).toMatchObject({ agency: 'VARCHAR', year: 'BIGINT', 'applications.granted.total': 'BIGINT', 'activeDisclosure.fees.amountWanYuan': 'DOUBLE', findings_error: 'BIGINT' });
      expect(await query(`select agency, year, "applications.carriedForward.total" as forward, "applications.carriedOver.total" as over from ${file('reports.parquet')} where format = 'txt' order by year`)).toEqual([
        { agency: '平潭综合实验区', year: '2022', forward: '0', over: '1' },
        { agency: '平潭综合实验区', year: '2023', forward: '0', over: '2' },
      ]);
      expect(await query(`select count(*) as blanks from ${file('cells.parquet')} where year = 2022 and cell like 'activeDisclosure.normativeDocuments.%' and value is null`)).toEqual([{ blanks: '3' }]);
    });

    it('give the cells in long form with their labels and units, as the database has them', async () => {
      expect(await query(`select row_label, column_label, unit, value from ${file('cells.parquet')} where year = 2023 and agency = '平潭综合实验区' and cell = 'applications.carriedOver.total'`)).toEqual([
        { row_label: '二、上年结转政府信息公开申请数量', column_label: '总计', unit: '件', value: 2 },
      ]);
      const count = await query(`select count(*) as cells from ${file('cells.parquet')}`);
      expect(count[0]!['cells']).toBe(sqlite(join(out, 'results.sqlite'), 'select count(*) from cells'));
    });

    it('carry their codebook in the file, for a reader who has only the file', async () => {
      const [metadata] = await query(`select decode(value) as codebook from parquet_kv_metadata(${file('reports.parquet')}) where decode(key) = 'nianbao.codebook'`);
      const codebook = JSON.parse(String(metadata!['codebook']));
      expect(codebook['applications.granted.total']).toMatchObject({ 表: '表三', 行: '（一）予以公开', 列: '总计', 单位: '件' });
    });
  });
});
