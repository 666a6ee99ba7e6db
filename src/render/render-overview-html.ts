import type { Language } from '../checks/language.js';
import { OVERVIEW_WORDS, type OverviewWords } from '../messages/overview.js';
import type { OverviewData, OverviewReport } from '../report/overview.js';
import { FINDING_SEVERITIES } from '../report/schemas.js';
import { escapeHtml } from './escape-html.js';
import { htmlDocumentHead } from './html-document-head.js';

const RANKED = 50;
const collator = new Intl.Collator('zh-Hans-CN');
const number = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN'));
const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

/** Findings by check id as horizontal bars (inline SVG): errors red, warnings amber. */
function findingsChart(reports: readonly OverviewReport[], crossYear: OverviewData['crossYear'], words: OverviewWords): string {
  const counts = new Map<string, number>();
  for (const report of reports) for (const [id, count] of Object.entries(report.findingIds)) counts.set(id, (counts.get(id) ?? 0) + count);
  for (const finding of crossYear) counts.set(finding.id, (counts.get(finding.id) ?? 0) + 1);
  const rows = [...counts].sort(([, left], [, right]) => right - left);
  if (rows.length === 0) return `<p class="note">${escapeHtml(words.noFindings)}</p>`;
  const most = Math.max(...rows.map(([, count]) => count));
  const height = rows.length * 26 + 10;
  const bars = rows.map(([id, count], index) => {
    const width = Math.max(2, (count / most) * 420);
    const y = index * 26 + 4;
    const severity = FINDING_SEVERITIES[id as keyof typeof FINDING_SEVERITIES] ?? 'warning';
    return `<g><title>${escapeHtml(`${id}: ${count}`)}</title><text x="296" y="${y + 15}" text-anchor="end" class="id">${escapeHtml(id)}</text><rect x="304" y="${y}" width="${width.toFixed(1)}" height="20" class="${severity}"/><text x="${(310 + width).toFixed(1)}" y="${y + 15}" class="count">${count}</text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 800 ${height}" width="800" height="${height}" role="img" aria-label="${escapeHtml(words.findingsChart)}">${bars.join('')}</svg>`;
}

function reportName(report: OverviewReport): string {
  return report.agency ?? report.path.split(/[\\/]/).at(-1) ?? report.path;
}

function ranked(reports: readonly OverviewReport[], words: OverviewWords): string {
  const flagged = [...reports].filter((report) => report.errors + report.warnings > 0).sort((left, right) => right.errors - left.errors || right.warnings - left.warnings || collator.compare(reportName(left), reportName(right)));
  if (flagged.length === 0) return `<p class="note">${escapeHtml(words.nothingFlagged)}</p>`;
  const rows = flagged.slice(0, RANKED).map((report, index) => {
    const ids = Object.entries(report.findingIds).sort(([, left], [, right]) => right - left).map(([id, count]) => `<code>${escapeHtml(id)}</code>${count > 1 ? ` ×${count}` : ''}`).join(' ');
    const name = escapeHtml(reportName(report));
    const link = report.view ? `<a href="${escapeHtml(report.view)}">${name}</a>` : name;
    return `<tr><td class="n">${index + 1}</td><th scope="row">${link}</th><td class="n">${report.year ?? '—'}</td><td class="n${report.errors > 0 ? ' errors' : ''}">${report.errors}</td><td class="n">${report.warnings}</td><td>${ids}</td><td class="path">${escapeHtml(report.path)}</td></tr>`;
  });
  const more = flagged.length > RANKED ? `<p class="note">${escapeHtml(words.moreFlagged(flagged.length - RANKED))}</p>` : '';
  return `<table class="ranked"><thead><tr>${words.rankedHeaders.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function figures(reports: readonly OverviewReport[], words: OverviewWords): string {
  const sorted = [...reports].sort((left, right) => collator.compare(reportName(left), reportName(right)) || (left.year ?? 0) - (right.year ?? 0));
  const rows = sorted.map((report) => {
    const { figures: f } = report;
    return `<tr><th scope="row">${escapeHtml(reportName(report))}</th><td class="n">${report.year ?? '—'}</td><td class="n">${number(f.received)}</td><td class="n">${number(f.handled)}</td><td class="n">${share(f.granted, f.handled)}</td><td class="n">${number(f.reviews)}</td><td class="n">${number(f.reviewsCorrected)}</td><td class="n">${number(f.lawsuits)}</td><td class="n">${number(f.lawsuitsCorrected)}</td><td class="n${report.errors > 0 ? ' errors' : ''}">${report.errors}</td></tr>`;
  });
  return `<div class="scroll"><table class="figures"><thead><tr>${words.figureHeaders.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Per agency with several years: 新收 by year as a small line, and the cross-year findings. */
function trends(reports: readonly OverviewReport[], crossYear: OverviewData['crossYear'], words: OverviewWords): string {
  const byAgency = new Map<string, OverviewReport[]>();
  for (const report of reports) if (report.agency && report.year !== null) byAgency.set(report.agency, [...(byAgency.get(report.agency) ?? []), report]);
  const several = [...byAgency].filter(([, years]) => new Set(years.map((report) => report.year)).size > 1).sort(([left], [right]) => collator.compare(left, right));
  if (several.length === 0) return `<p class="note">${escapeHtml(words.noTrends)}</p>`;
  return several
    .map(([agency, years]) => {
      const points = [...new Map(years.sort((left, right) => left.year! - right.year!).map((report) => [report.year!, report.figures.received])).entries()];
      const known = points.filter(([, value]) => value !== null) as [number, number][];
      const most = Math.max(1, ...known.map(([, value]) => value));
      const x = (index: number) => 20 + (index * 260) / Math.max(1, points.length - 1);
      const y = (value: number) => 70 - (value / most) * 55;
      const path = known.map(([year, value], index) => `${index === 0 ? 'M' : 'L'} ${x(points.findIndex(([other]) => other === year)).toFixed(1)} ${y(value).toFixed(1)}`).join(' ');
      const dots = known.map(([year, value]) => `<circle cx="${x(points.findIndex(([other]) => other === year)).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3"><title>${year}: ${value}</title></circle><text x="${x(points.findIndex(([other]) => other === year)).toFixed(1)}" y="${(y(value) - 7).toFixed(1)}" text-anchor="middle" class="value">${value}</text>`).join('');
      const labels = points.map(([year], index) => `<text x="${x(index).toFixed(1)}" y="92" text-anchor="middle" class="year">${year}</text>`).join('');
      const findings = crossYear.filter((finding) => finding.agency.current === agency || finding.agency.previous === agency);
      const list = findings.length === 0 ? `<p class="note">${escapeHtml(words.noCrossYear)}</p>` : `<ul>${findings.map((finding) => `<li><code>${escapeHtml(finding.id)}</code> ${escapeHtml(finding.message)}</li>`).join('')}</ul>`;
      return `<section class="trend"><h3>${escapeHtml(agency)}</h3><svg viewBox="0 0 300 100" width="300" height="100" role="img" aria-label="${escapeHtml(words.receivedByYear(agency))}"><path d="${path}" class="line"/>${dots}${labels}</svg>${list}</section>`;
    })
    .join('');
}

const STYLE = `
:root { --cjk: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; --line: #d5d9de; --muted: #5b6470; }
body { margin: 0; padding: 24px 32px 64px; font: 14px/1.5 var(--cjk); color: #1d232a; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 12px 0 4px; }
.note, .meta { color: var(--muted); font-size: 12.5px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 150px; }
.card .value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; } .card.bad .value { color: #b3261e; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; font-size: 12.5px; } td.n { text-align: right; font-variant-numeric: tabular-nums; } td.errors { color: #b3261e; font-weight: 600; }
td.path { color: var(--muted); font-size: 12px; word-break: break-all; } code { font-size: 12px; }
.scroll { overflow-x: auto; }
.chart .id { font: 12px ui-monospace, monospace; fill: #2b333b; } .chart .count { font-size: 12px; fill: #2b333b; }
.chart rect.error { fill: #c62828; } .chart rect.warning { fill: #e0a100; }
.trend { display: inline-block; vertical-align: top; width: 360px; margin: 0 16px 16px 0; }
.trend .line { fill: none; stroke: #0b5cad; stroke-width: 2; } .trend circle { fill: #0b5cad; } .trend .year, .trend .value { font-size: 11px; fill: #5b6470; }
a { color: #0b5cad; }
`;

/** The batch at a glance: one self-contained page (no network), Chinese unless English is asked for. */
export function renderOverviewHtml(data: OverviewData, language: Language = 'zh'): string {
  const words = OVERVIEW_WORDS[language];
  const withErrors = data.reports.filter((report) => report.errors > 0).length;
  const card = (label: string, value: number, bad = false) => `<div class="card${bad && value > 0 ? ' bad' : ''}"><div class="value">${value}</div><div>${escapeHtml(label)}</div></div>`;
  return [
    ...htmlDocumentHead(words.title, STYLE, language),
    `<header><h1>${escapeHtml(words.title)}</h1><p class="meta">${escapeHtml(words.meta(data.directory, data.generatedAt))}</p></header>`,
    '<main>',
    `<div class="cards">${card(words.read, data.reports.length)}${card(words.withErrors, withErrors, true)}${card(words.skipped, data.skipped)}${card(words.failed, data.failed, true)}</div>`,
    `<section id="ranked"><h2>${escapeHtml(words.rankedTitle)}</h2><p class="note">${escapeHtml(words.rankedNote)}</p>${ranked(data.reports, words)}</section>`,
    `<section id="findings"><h2>${escapeHtml(words.findingsTitle)}</h2>${findingsChart(data.reports, data.crossYear, words)}</section>`,
    `<section id="figures"><h2>${escapeHtml(words.figuresTitle)}</h2><p class="note">${escapeHtml(words.figuresNote)}</p>${figures(data.reports, words)}</section>`,
    `<section id="trends"><h2>${escapeHtml(words.trendsTitle)}</h2>${trends(data.reports, data.crossYear, words)}</section>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
