import type { Language } from '../checks/language.js';
import { EVAL_WORDS, type EvalWords, type FamilyKey } from '../messages/eval.js';
import { measureLabel, MEASURES, type ProviderSummary, type Rate } from './aggregate.js';
import { htmlDocumentHead } from '../render/html-document-head.js';
import { escapeHtml, percent, slug } from './html-text.js';
import { CHART_AXES, chartAxisLabel, renderCostChart, type ChartProvider } from './render-cost-chart.js';
import { renderDrillDown, type FixtureRow } from './render-drill-down.js';
import { caveats, type RunMeta } from './render-eval.js';
import type { FixtureOutcome } from './run-eval.js';
import type { FixtureScore, Tally } from './score-fixture.js';

/** What the page is made from: the shape of the eval command's `EvalRun`. */
export type EvalReport = { readonly meta: RunMeta; readonly summaries: readonly ProviderSummary[]; readonly outcomes: readonly FixtureOutcome[] };

/** The field families of the heatmap, as tallies of one fixture's score (their words: EVAL_WORDS.families). */
const FAMILIES: readonly { readonly key: FamilyKey; readonly tally: (score: FixtureScore, words: EvalWords) => Tally & { readonly detail?: string } }[] = [
  { key: 'tableCells', tally: (score) => score.tableCells },
  { key: 'meta', tally: (score) => score.meta },
  { key: 'narrativeNumbers', tally: (score) => score.narrativeNumbers },
  { key: 'narrativePrecision', tally: (score) => score.narrativePrecision },
  { key: 'grounded', tally: (score) => score.grounded },
  {
    key: 'findings',
    tally: (score, words) => {
      const tallies = Object.values(score.findings);
      const matched = tallies.reduce((sum, tally) => sum + tally.truePositives, 0);
      const missed = tallies.reduce((sum, tally) => sum + tally.falseNegatives, 0);
      const spurious = tallies.reduce((sum, tally) => sum + tally.falsePositives, 0);
      return { correct: matched, total: matched + missed + spurious, detail: words.findingsDetail(matched, missed, spurious) };
    },
  },
];

// Perfect is pale green; anything less runs from pale orange to dark red, so defects stand out.
const SCALE: readonly (readonly [number, readonly [number, number, number]])[] = [
  [0, [103, 0, 13]],
  [0.5, [203, 24, 29]],
  [0.8, [251, 106, 74]],
  [0.95, [252, 187, 161]],
  [1, [254, 229, 217]],
];

export function heatColour(score: number): { background: string; text: string } {
  if (score >= 1) return { background: 'rgb(223, 240, 216)', text: '#173b12' };
  const upper = SCALE.findIndex(([stop]) => stop >= score);
  const [highStop, high] = SCALE[Math.max(1, upper)]!;
  const [lowStop, low] = SCALE[Math.max(0, upper - 1)]!;
  const share = highStop === lowStop ? 0 : (score - lowStop) / (highStop - lowStop);
  const [red, green, blue] = low.map((channel, index) => Math.round(channel + (high[index]! - channel) * share));
  return { background: `rgb(${red}, ${green}, ${blue})`, text: score < 0.8 ? '#ffffff' : '#3b0a00' };
}

function renderInterval(rate: Rate, words: EvalWords): string {
  if (rate.total === 0) return `<td class="rate-cell empty" title="${escapeHtml(words.nothingToScore)}">—</td>`;
  const title = words.intervalTitle(percent(rate.rate), percent(rate.low), percent(rate.high), rate.correct, rate.total);
  return [
    `<td class="rate-cell" title="${escapeHtml(title)}">`,
    `<div class="rate">${percent(rate.rate)}</div>`,
    `<div class="interval">[${percent(rate.low)} – ${percent(rate.high)}]</div>`,
    `<div class="count">${rate.correct} / ${rate.total}</div>`,
    `<div class="bar" aria-hidden="true"><span class="range" style="left:${(rate.low * 100).toFixed(2)}%;width:${((rate.high - rate.low) * 100).toFixed(2)}%"></span><span class="dot" style="left:${(rate.rate * 100).toFixed(2)}%"></span></div>`,
    '</td>',
  ].join('');
}

function providerHeading(meta: RunMeta, summary: ProviderSummary, words: EvalWords): string {
  const info = meta.providers.find((provider) => provider.label === summary.provider);
  const detail = info ? [info.model ?? words.noModel, info.promptVersion && info.promptHash ? words.prompt(info.promptVersion, info.promptHash) : null].filter(Boolean).join(' · ') : '';
  return `<th scope="row"><div class="provider">${escapeHtml(summary.provider)}</div>${detail ? `<div class="sub">${escapeHtml(detail)}</div>` : ''}</th>`;
}

function renderMatrix(meta: RunMeta, summaries: readonly ProviderSummary[], language: Language): string {
  const words = EVAL_WORDS[language];
  const head = `<tr><th scope="col">${escapeHtml(words.provider)}</th>${MEASURES.map((measure) => `<th scope="col">${escapeHtml(measureLabel(measure, language))}</th>`).join('')}</tr>`;
  const rows = summaries.map((summary) => `<tr>${providerHeading(meta, summary, words)}${MEASURES.map((measure) => renderInterval(summary.rates[measure], words)).join('')}</tr>`);
  return `<div class="scroll"><table class="matrix" id="matrix-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function renderUsage(meta: RunMeta, summaries: readonly ProviderSummary[], offline: (summary: ProviderSummary) => boolean, words: EvalWords): string {
  const head = `<tr>${[words.provider, words.textItems, words.tokens, words.cost, words.latency, words.failures].map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr>`;
  const rows = summaries.map((summary) => {
    const cost = offline(summary) ? escapeHtml(words.offlineFree) : summary.costUsd === null ? `<span class="unpriced">${escapeHtml(words.unpriced)}</span>` : `$${summary.costUsd.toFixed(4)}`;
    const seconds = (milliseconds: number) => words.seconds((milliseconds / 1000).toFixed(2));
    const cells = [
      percent(summary.textItems),
      `${summary.tokens.input.toLocaleString('en')} / ${summary.tokens.output.toLocaleString('en')}`,
      cost,
      escapeHtml(`${seconds(summary.latencyMs.p50)} / ${seconds(summary.latencyMs.p95)}`),
      escapeHtml(words.failedOf(summary.failures, summary.fixtures)),
    ];
    return `<tr>${providerHeading(meta, summary, words)}${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return `<div class="scroll"><table class="usage"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function renderPerFinding(summaries: readonly ProviderSummary[], words: EvalWords): string {
  const ids = [...new Set(summaries.flatMap((summary) => Object.keys(summary.perFinding)))].sort();
  if (ids.length === 0) return `<p>${escapeHtml(words.noFinding)}</p>`;
  const show = (value: number | null) => (value === null ? '—' : percent(value));
  const head = `<tr><th scope="col">${escapeHtml(words.finding)}</th>${summaries.map((summary) => `<th scope="col">${escapeHtml(summary.provider)}</th>`).join('')}</tr>`;
  const rows = ids.map((id) => {
    const cells = summaries.map((summary) => {
      const tally = summary.perFinding[id];
      if (!tally) return '<td>—</td>';
      return `<td>${escapeHtml(words.precisionRecall(show(tally.precision), show(tally.recall)))} <span class="sub">${escapeHtml(words.tallies(tally.truePositives, tally.falsePositives, tally.falseNegatives))}</span></td>`;
    });
    return `<tr><th scope="row"><code>${escapeHtml(id)}</code></th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="per-finding"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function renderWorstFields(summaries: readonly ProviderSummary[], words: EvalWords): string {
  // The words take the provider's markup: they hold no character that needs escaping.
  const bold = (summary: ProviderSummary) => `<b>${escapeHtml(summary.provider)}</b>`;
  return summaries
    .map((summary) =>
      summary.worstFields.length === 0
        ? `<p>${words.everyFieldExact(bold(summary))}</p>`
        : `<p>${words.worstFields(bold(summary))}</p><ol class="worst">${summary.worstFields.map((field) => `<li><code>${escapeHtml(field.field)}</code> <span class="sub">× ${field.count}</span></li>`).join('')}</ol>`,
    )
    .join('');
}

function renderHeatCell(fixtureId: string, family: (typeof FAMILIES)[number], score: FixtureScore, words: EvalWords): string {
  const tally = family.tally(score, words);
  const { label, explain } = words.families[family.key];
  if (tally.total === 0) return `<td class="heat empty" title="${escapeHtml(words.heatEmptyTitle(fixtureId, label))}">—</td>`;
  const value = tally.correct / tally.total;
  const { background, text } = heatColour(value);
  const title = words.heatTitle(fixtureId, label, tally.correct, tally.total, percent(value), tally.detail ?? explain);
  const shown = value === 1 ? '100 %' : percent(value);
  return `<td class="heat" style="background:${background};color:${text}" title="${escapeHtml(title)}"><span class="score">${shown}</span><span class="count">${tally.correct}/${tally.total}</span></td>`;
}

function renderHeatmap(rows: readonly FixtureRow[], providerCount: number, words: EvalWords): string {
  const familyHeads = FAMILIES.map(({ key }) => `<th scope="col" title="${escapeHtml(words.families[key].explain)}">${escapeHtml(words.families[key].label)}</th>`).join('');
  const head = `<tr><th scope="col">${escapeHtml(words.fixture)}</th>${providerCount > 1 ? `<th scope="col">${escapeHtml(words.provider)}</th>` : ''}${familyHeads}<th scope="col">${escapeHtml(words.wrongFieldsColumn)}</th></tr>`;
  const body = rows.flatMap((row) =>
    row.outcomes.map((entry, index) => {
      const fixtureCell = index === 0 ? `<th scope="row"${row.outcomes.length > 1 ? ` rowspan="${row.outcomes.length}"` : ''}><a href="#${entry.anchor}">${escapeHtml(row.fixtureId)}</a></th>` : '';
      const providerCell = providerCount > 1 ? `<td class="provider-cell"><a href="#${entry.anchor}">${escapeHtml(entry.provider)}</a></td>` : '';
      const { outcome } = entry;
      let cells: string;
      if (!outcome) cells = `<td class="heat empty" colspan="${FAMILIES.length + 1}">${escapeHtml(words.notRun)}</td>`;
      else if (outcome.failure !== null || !outcome.score) cells = `<td class="heat failed" colspan="${FAMILIES.length + 1}">${escapeHtml(words.failedBecause(outcome.failure ?? words.noScore))}</td>`;
      else {
        const score = outcome.score;
        const wrongCount = score.wrong.length === 0 ? `<span class="exact">${escapeHtml(words.exact)}</span>` : `<a href="#${entry.anchor}">${score.wrong.length}</a>`;
        cells = FAMILIES.map((family) => renderHeatCell(row.fixtureId, family, score, words)).join('') + `<td class="wrong-count">${wrongCount}</td>`;
      }
      return `<tr data-href="#${entry.anchor}">${fixtureCell}${providerCell}${cells}</tr>`;
    }),
  );
  return `<div class="scroll"><table class="heatmap"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`;
}

function renderLegend(words: EvalWords): string {
  const stops = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 1];
  return `<p class="legend" aria-hidden="true">${stops
    .map((stop) => {
      const { background, text } = heatColour(stop);
      return `<span style="background:${background};color:${text}">${Math.round(stop * 100)} %</span>`;
    })
    .join('')} <span class="empty">${escapeHtml(words.legendEmpty)}</span></p>`;
}

function renderCharts(summaries: readonly ProviderSummary[], outcomes: readonly FixtureOutcome[], offline: (summary: ProviderSummary) => boolean, language: Language): string {
  const words = EVAL_WORDS[language];
  const providers: ChartProvider[] = summaries.map((summary) => {
    const mine = outcomes.filter((outcome) => outcome.provider === summary.provider && outcome.usage);
    return { summary, offline: offline(summary), cachedAnswers: mine.filter((outcome) => outcome.usage!.cached).length, answers: mine.length };
  });
  const options = CHART_AXES.map((axis) => `<option value="${axis}">${escapeHtml(chartAxisLabel(axis, language))}</option>`).join('');
  const charts = CHART_AXES.map((axis, index) => `<div class="chart-box" data-chart="${axis}"${index === 0 ? '' : ' hidden'}>${renderCostChart(providers, axis, `chart-${slug(axis)}`, language)}</div>`).join('');
  const cached = providers.filter((provider) => !provider.offline && provider.summary.costUsd !== null && provider.cachedAnswers > 0);
  const cacheNote = cached.length === 0 ? '' : escapeHtml(words.cacheNote(cached.map((provider) => words.cacheEntry(provider.summary.provider, provider.cachedAnswers, provider.answers))));
  const key = (kind: 'offline' | 'priced' | 'unpriced', mark: string) => `<span class="key ${kind}">${mark}</span>`;
  return [
    `<p><label for="chart-measure">${escapeHtml(words.yAxis)}</label> <select id="chart-measure">${options}</select></p>`,
    charts,
    // The note's words hold no markup character, so they are put around the key marks as they are.
    `<p class="note">${words.chartNote(key('offline', '◇'), key('priced', '●'), key('unpriced', '?'), cacheNote)}</p>`,
  ].join('');
}

/** The rows of the heatmap and the drill-down: fixtures in run order, each with every provider. */
function fixtureRows(run: EvalReport): FixtureRow[] {
  const providers = run.summaries.map((summary) => summary.provider);
  for (const outcome of run.outcomes) if (!providers.includes(outcome.provider)) providers.push(outcome.provider);
  const fixtures = [...run.meta.fixtures];
  for (const outcome of run.outcomes) if (!fixtures.includes(outcome.fixtureId)) fixtures.push(outcome.fixtureId);
  return fixtures.map((fixtureId, fixtureIndex) => {
    const anchor = `fx-${fixtureIndex + 1}-${slug(fixtureId)}`;
    return {
      fixtureId,
      anchor,
      outcomes: providers.map((provider, providerIndex) => ({
        provider,
        anchor: providers.length > 1 ? `${anchor}--${providerIndex + 1}-${slug(provider)}` : `${anchor}--result`,
        outcome: run.outcomes.find((outcome) => outcome.fixtureId === fixtureId && outcome.provider === provider) ?? null,
      })),
    };
  });
}

const STYLE = `
:root { --cjk: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; --line: #d5d9de; --muted: #5b6470; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 64px; font: 14px/1.5 var(--cjk); color: #1d232a; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; } h4 { font-size: 14px; margin: 12px 0 4px; }
code { font-family: var(--mono); font-size: 12.5px; }
.meta-line, .sub, .note, .offsets { color: var(--muted); font-size: 12.5px; }
nav { margin: 8px 0 0; } nav a { margin-right: 14px; }
a { color: #0b5cad; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #f3f5f7; font-weight: 600; font-size: 12.5px; }
.matrix td.rate-cell { min-width: 128px; }
.rate { font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
.interval, .count { font-size: 11.5px; color: var(--muted); font-variant-numeric: tabular-nums; }
.bar { position: relative; height: 8px; background: #eef0f2; border-radius: 4px; margin-top: 4px; }
.bar .range { position: absolute; top: 0; bottom: 0; background: #8fb3d9; border-radius: 4px; min-width: 2px; }
.bar .dot { position: absolute; top: -2px; width: 4px; height: 12px; margin-left: -2px; background: #0b3d6e; }
.empty { color: var(--muted); text-align: center; background: repeating-linear-gradient(45deg, #f6f7f8, #f6f7f8 4px, #eceef0 4px, #eceef0 8px); }
.caveats li { margin: 4px 0; }
.unpriced { color: #9a5b00; font-weight: 600; }
table.heatmap td.heat { text-align: center; min-width: 92px; font-variant-numeric: tabular-nums; }
table.heatmap .score { display: block; font-weight: 600; } table.heatmap .count { display: block; font-size: 11px; opacity: .85; color: inherit; }
table.heatmap tr[data-href] { cursor: pointer; } table.heatmap tbody tr:hover th, table.heatmap tbody tr:hover td { outline: 2px solid #0b5cad; outline-offset: -2px; }
table.heatmap td.failed { background: #7a0010; color: #fff; text-align: left; }
.wrong-count { text-align: center; }
.exact { color: #1f6b12; font-weight: 600; }
.legend span { display: inline-block; padding: 2px 8px; font-size: 11.5px; }
.legend .empty { margin-left: 8px; }
.chart .band { fill: #f1f4f6; } .chart .band.unpriced { fill: #fbf1e2; }
.chart .grid { stroke: #e3e6e9; } .chart .axis { stroke: #4a525b; }
.chart text { font: 12px var(--cjk); fill: #2b333b; } .chart .tick, .chart .band-label { fill: #5b6470; font-size: 11px; } .chart .axis-title { font-weight: 600; }
.chart .note { fill: #8a929b; font-style: italic; }
.chart .whisker { stroke: #3b4650; stroke-width: 1.5; }
.chart .marker.offline { fill: #fff; stroke: #0f766e; stroke-width: 2.5; }
.chart .marker.priced { fill: #0b5cad; stroke: #fff; stroke-width: 1.5; }
.chart .marker.unpriced { fill: #fff; stroke: #c26a00; stroke-width: 2; stroke-dasharray: 3 2; }
.chart .marker-text { fill: #c26a00; font-weight: 700; font-size: 11px; }
.key { font-weight: 700; } .key.offline { color: #0f766e; } .key.priced { color: #0b5cad; } .key.unpriced { color: #c26a00; }
details.fixture { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; padding: 4px 10px; }
details.fixture > summary { cursor: pointer; padding: 2px 0; }
details.fixture[open] { background: #fcfcfd; }
.badge { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 8px; background: #eef0f2; margin-left: 4px; }
.badge.good { background: #dff0d8; color: #173b12; } .badge.bad { background: #fde0d6; color: #7a1500; }
table.wrong { width: 100%; } table.wrong td:first-child { width: 28%; word-break: break-all; } table.wrong caption { text-align: left; color: var(--muted); font-size: 12.5px; }
table.wrong td.value { font-family: var(--mono); white-space: nowrap; }
.null { color: #8a929b; font-style: italic; }
pre.context { margin: 0; white-space: pre-wrap; word-break: break-all; font: 13px/1.6 var(--cjk); background: #f7f8fa; padding: 6px 8px; border-radius: 3px; tab-size: 4; }
pre.context .tab { display: inline-block; min-width: 2em; tab-size: 8; }
mark { background: #ffe066; color: inherit; padding: 0 1px; border-radius: 2px; box-shadow: 0 0 0 1px #e0b400; }
.no-span { margin: 0; color: var(--muted); font-style: italic; }
.failure { color: #7a1500; }
:target { scroll-margin-top: 16px; } section.outcome { scroll-margin-top: 48px; }
section.outcome:target { box-shadow: -4px 0 0 #0b5cad; }
`;

// Heatmap rows open their drill-down; links into a closed <details> open it; the chart select swaps charts.
const SCRIPT = `
(function () {
  function reveal(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    var details = target.closest('details');
    if (details) details.open = true;
    target.scrollIntoView({ block: 'start' });
  }
  document.addEventListener('click', function (event) {
    var element = event.target instanceof Element ? event.target : null;
    if (!element || element.closest('a, summary')) return;
    var row = element.closest('[data-href]');
    if (!row) return;
    var hash = row.getAttribute('data-href');
    if (location.hash === hash) reveal(hash); else location.hash = hash;
  });
  window.addEventListener('hashchange', function () { reveal(location.hash); });
  reveal(location.hash);
  var select = document.getElementById('chart-measure');
  if (select) select.addEventListener('change', function () {
    var boxes = document.querySelectorAll('[data-chart]');
    for (var index = 0; index < boxes.length; index += 1) boxes[index].hidden = boxes[index].getAttribute('data-chart') !== select.value;
  });
})();
`;

// No request leaves the page: inline style and script only, images only from data: URLs.

/**
 * The eval run as one self-contained HTML page: the comparison matrix with intervals and
 * caveats, a per-fixture heatmap, accuracy against cost, and a drill-down of every wrong field
 * with the report text around its span (`documents` maps fixture id → the document's text).
 */
export function renderEvalHtml(run: EvalReport, documents: Readonly<Record<string, string>>, language: Language = 'zh'): string {
  const words = EVAL_WORDS[language];
  const { meta, summaries, outcomes } = run;
  const isOffline = (summary: ProviderSummary) => meta.providers.find((provider) => provider.label === summary.provider)?.provider === 'rules';
  const rows = fixtureRows(run);
  const providerCount = rows[0]?.outcomes.length ?? summaries.length;
  const providers = (meta.providers.length > 0 ? meta.providers.map((provider) => provider.label) : summaries.map((summary) => summary.provider)).join(words.listSeparator);
  const title = words.pageTitle(meta.fixtures.length, providers);
  const sections = [['matrix', words.nav.matrix], ['heatmap', words.nav.heatmap], ['cost', words.nav.cost], ['drill-down', words.nav.drillDown]] as const;
  const nav = sections.map(([id, name]) => `<a href="#${id}">${escapeHtml(name)}</a>`).join('');
  return [
    ...htmlDocumentHead(title, STYLE, language),
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="meta-line">${escapeHtml(words.runLine(meta.date, meta.gitSha?.slice(0, 12) ?? words.unknown, meta.schemaHash))}</p>`,
    `<nav>${nav}</nav></header>`,
    '<main>',
    `<section id="matrix"><h2>${escapeHtml(words.comparison)}</h2>`,
    `<p class="note">${escapeHtml(words.comparisonNote)}</p>`,
    renderMatrix(meta, summaries, language),
    `<ul class="caveats">${caveats(summaries, language).map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`,
    `<h3>${escapeHtml(words.usage)}</h3>`,
    renderUsage(meta, summaries, isOffline, words),
    `<h3>${escapeHtml(words.findingsPerId)}</h3>`,
    renderPerFinding(summaries, words),
    `<h3>${escapeHtml(words.worstFieldsHeading)}</h3>`,
    renderWorstFields(summaries, words),
    '</section>',
    `<section id="heatmap"><h2>${escapeHtml(words.perFixture)}</h2>`,
    `<p class="note">${escapeHtml(words.perFixtureNote)}</p>`,
    renderLegend(words),
    renderHeatmap(rows, providerCount, words),
    '</section>',
    `<section id="cost"><h2>${escapeHtml(words.accuracyAndCost)}</h2>`,
    renderCharts(summaries, outcomes, isOffline, language),
    '</section>',
    `<section id="drill-down"><h2>${escapeHtml(words.wrongFieldsHeading)}</h2>`,
    `<p class="note">${escapeHtml(words.wrongFieldsNote)}</p>`,
    renderDrillDown(rows, documents, language),
    '</section>',
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
