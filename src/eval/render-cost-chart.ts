import type { Language } from '../checks/language.js';
import { EVAL_WORDS } from '../messages/eval.js';
import { measureLabel, MEASURES, type Measure, type ProviderSummary } from './aggregate.js';
import { escapeHtml, percent } from './html-text.js';

/** One provider of the run as the chart needs it. */
export type ChartProvider = {
  readonly summary: ProviderSummary;
  /** The offline rules: no API, no cost at all (as opposed to a priced model answered from cache). */
  readonly offline: boolean;
  readonly cachedAnswers: number;
  readonly answers: number;
};

/** What the y axis shows: the mean of every measure's rate, or one measure with its interval. */
export type ChartAxis = 'mean' | Measure;

export const CHART_AXES: readonly ChartAxis[] = ['mean', ...MEASURES];

export function chartAxisLabel(axis: ChartAxis, language: Language): string {
  return axis === 'mean' ? EVAL_WORDS[language].meanOfRates : measureLabel(axis, language);
}

type Point = { readonly provider: ChartProvider; readonly y: number; readonly low: number | null; readonly high: number | null };

const WIDTH = 760;
const HEIGHT = 400;
const LEFT = 64;
const RIGHT = WIDTH - 16;
const TOP = 24;
const BOTTOM = HEIGHT - 84;
// The x axis has three bands: the offline provider, a linear USD scale, and unpriced models.
const OFFLINE = { from: LEFT, to: LEFT + 110 };
const PRICED = { from: OFFLINE.to + 24, to: RIGHT - 134 };
const UNPRICED = { from: PRICED.to + 24, to: RIGHT };

function pointOf(provider: ChartProvider, axis: ChartAxis): Point | null {
  if (axis === 'mean') {
    const rates = MEASURES.map((measure) => provider.summary.rates[measure]).filter((rate) => rate.total > 0);
    if (rates.length === 0) return null;
    return { provider, y: rates.reduce((sum, rate) => sum + rate.rate, 0) / rates.length, low: null, high: null };
  }
  const rate = provider.summary.rates[axis];
  return rate.total === 0 ? null : { provider, y: rate.rate, low: rate.low, high: rate.high };
}

/** A step of 1, 2 or 5 × 10^k giving about four intervals up to `maximum`. */
function niceStep(maximum: number): number {
  const raw = maximum / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * magnitude).find((step) => step >= raw)!;
}

const money = (value: number, step: number) => `$${value.toFixed(Math.max(0, -Math.floor(Math.log10(step))))}`;

/**
 * Accuracy against cost, one point per provider, as inline SVG. The offline provider and
 * unpriced models get bands of their own: an unpriced model is not free, so it is not put at $0.
 */
export function renderCostChart(providers: readonly ChartProvider[], axis: ChartAxis, id: string, language: Language): string {
  const words = EVAL_WORDS[language];
  const axisLabel = chartAxisLabel(axis, language);
  const points = providers.flatMap((provider) => pointOf(provider, axis) ?? []);
  const lowest = Math.min(1, ...points.map((point) => point.low ?? point.y));
  const yMin = Math.max(0, Math.min(0.9, Math.floor(lowest * 10) / 10));
  const yStep = 1 - yMin >= 0.5 ? 0.1 : 1 - yMin >= 0.2 ? 0.05 : 0.02;
  const yOf = (value: number) => BOTTOM - ((value - yMin) / (1 - yMin)) * (BOTTOM - TOP);

  const priced = points.filter((point) => !point.provider.offline && point.provider.summary.costUsd !== null);
  const maxCost = Math.max(0, ...priced.map((point) => point.provider.summary.costUsd!));
  const xStep = niceStep(maxCost > 0 ? maxCost : 0.01);
  const xMax = Math.max(xStep, Math.ceil(maxCost / xStep) * xStep);
  const xOfCost = (cost: number) => PRICED.from + (cost / xMax) * (PRICED.to - PRICED.from);

  const inBand = (band: { from: number; to: number }, index: number, count: number) => band.from + ((index + 1) * (band.to - band.from)) / (count + 1);
  const offline = points.filter((point) => point.provider.offline);
  const unpriced = points.filter((point) => !point.provider.offline && point.provider.summary.costUsd === null);
  const placed = [
    ...offline.map((point, index) => ({ point, x: inBand(OFFLINE, index, offline.length), kind: 'offline' as const })),
    ...priced.map((point) => ({ point, x: xOfCost(point.provider.summary.costUsd!), kind: 'priced' as const })),
    ...unpriced.map((point, index) => ({ point, x: inBand(UNPRICED, index, unpriced.length), kind: 'unpriced' as const })),
  ];

  const parts: string[] = [];
  parts.push(`<rect class="band" x="${OFFLINE.from}" y="${TOP}" width="${OFFLINE.to - OFFLINE.from}" height="${BOTTOM - TOP}"/>`);
  parts.push(`<rect class="band unpriced" x="${UNPRICED.from}" y="${TOP}" width="${UNPRICED.to - UNPRICED.from}" height="${BOTTOM - TOP}"/>`);
  for (let tick = 0; tick <= Math.round((1 - yMin) / yStep); tick += 1) {
    const value = yMin + tick * yStep;
    const y = yOf(value).toFixed(1);
    parts.push(`<line class="grid" x1="${LEFT}" x2="${RIGHT}" y1="${y}" y2="${y}"/><text class="tick" x="${LEFT - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${Math.round(value * 100)} %</text>`);
  }
  parts.push(`<line class="axis" x1="${LEFT}" x2="${RIGHT}" y1="${BOTTOM}" y2="${BOTTOM}"/><line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${BOTTOM}"/>`);
  for (let tick = 0; priced.length > 0 && tick <= Math.round(xMax / xStep); tick += 1) {
    const value = tick * xStep;
    const x = xOfCost(value).toFixed(1);
    parts.push(`<line class="axis" x1="${x}" x2="${x}" y1="${BOTTOM}" y2="${BOTTOM + 5}"/><text class="tick" x="${x}" y="${BOTTOM + 18}" text-anchor="middle">${money(value, xStep)}</text>`);
  }
  if (priced.length === 0) parts.push(`<text class="note" x="${(PRICED.from + PRICED.to) / 2}" y="${(TOP + BOTTOM) / 2}" text-anchor="middle">${escapeHtml(words.noPricedModel)}</text>`);
  for (const [band, { from, to }] of [['offline', OFFLINE], ['unpriced', UNPRICED]] as const) {
    const [name, detail] = words.bands[band];
    parts.push(`<text class="band-label" x="${(from + to) / 2}" y="${BOTTOM + 18}" text-anchor="middle">${escapeHtml(name)}</text>`);
    parts.push(`<text class="band-label" x="${(from + to) / 2}" y="${BOTTOM + 32}" text-anchor="middle">${escapeHtml(detail)}</text>`);
  }
  parts.push(`<text class="axis-title" x="${(PRICED.from + PRICED.to) / 2}" y="${HEIGHT - 24}" text-anchor="middle">${escapeHtml(words.costAxis)}</text>`);
  parts.push(`<text class="axis-title" transform="translate(16 ${(TOP + BOTTOM) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(axisLabel)}</text>`);

  placed.forEach(({ point, x, kind }, index) => {
    const y = yOf(point.y);
    const { summary, cachedAnswers, answers } = point.provider;
    const cost = kind === 'offline' ? words.offlineNoCost : summary.costUsd === null ? words.unpriced : `$${summary.costUsd.toFixed(4)}${cachedAnswers > 0 ? words.fromCache(cachedAnswers, answers) : ''}`;
    const interval = point.low === null ? '' : ` [${percent(point.low)}–${percent(point.high!)}]`;
    const tooltip = words.pointTooltip(summary.provider, `${percent(point.y)}${interval}`, cost);
    const whisker =
      point.low === null
        ? ''
        : `<line class="whisker" x1="${x}" x2="${x}" y1="${yOf(point.low).toFixed(1)}" y2="${yOf(point.high!).toFixed(1)}"/>` +
          `<line class="whisker" x1="${x - 5}" x2="${x + 5}" y1="${yOf(point.low).toFixed(1)}" y2="${yOf(point.low).toFixed(1)}"/>` +
          `<line class="whisker" x1="${x - 5}" x2="${x + 5}" y1="${yOf(point.high!).toFixed(1)}" y2="${yOf(point.high!).toFixed(1)}"/>`;
    const marker =
      kind === 'offline'
        ? `<path class="marker offline" d="M ${x} ${y - 8} L ${x + 8} ${y} L ${x} ${y + 8} L ${x - 8} ${y} Z"/>`
        : kind === 'unpriced'
          ? `<circle class="marker unpriced" cx="${x}" cy="${y}" r="7"/><text class="marker-text" x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central">?</text>`
          : `<circle class="marker priced" cx="${x}" cy="${y}" r="7"/>`;
    // Labels alternate above and below their point so neighbours do not print over each other;
    // in the unpriced band, at the right edge, they run to the left of the point.
    const labelY = index % 2 === 0 || y + 20 > BOTTOM - 4 ? y - 12 : y + 20;
    const label = kind === 'unpriced' ? `x="${x - 10}" text-anchor="end"` : `x="${x + 10}"`;
    parts.push(
      `<g class="point"><title>${escapeHtml(tooltip)}</title>${whisker}${marker}<text class="label" ${label} y="${labelY.toFixed(1)}">${escapeHtml(summary.provider)} ${percent(point.y)}</text></g>`,
    );
  });

  const described = placed.map(({ point, kind }) =>
    words.chartPoint(point.provider.summary.provider, percent(point.y), kind === 'priced' ? `$${point.provider.summary.costUsd!.toFixed(4)}` : words.bands[kind][0]),
  );
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(words.chartTitle(axisLabel))}</title>`,
    `<desc id="${id}-desc">${escapeHtml(words.chartDescription(described, Math.round(yMin * 100)))}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}
