import { numberLabel } from '../checks/narrative/number-label.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Language } from '../checks/language.js';
import { VIEW_WORDS, type ViewWords } from '../messages/view.js';
import { htmlDocumentHead } from './html-document-head.js';
import { escapeHtml } from './escape-html.js';
import { spanTabs } from './tab-spans.js';
import type { Finding, GroundedNumber, Result, Span, Tables } from '../report/schemas.js';
import { TABLE_TITLES, TABLE_KEYS, SECTION_TITLES } from '../report/template.js';


type Kind = 'cell' | 'number' | 'finding';

/** One highlighted span: `id` names its text anchor (t-…), `entry` its line in the side list (e-…). */
type Annotation = { readonly id: string; readonly entry: string; readonly kind: Kind; readonly span: Span; readonly title: string };

const KIND_CLASS: Record<Kind, string> = { cell: 'c', number: 'n', finding: 'f' };

function valueAt(tables: Tables, path: string): unknown {
  let value: unknown = tables;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

const show = (value: unknown) => (value === null || value === undefined ? 'null' : String(value));

function fitsText(span: Span, text: string): boolean {
  return span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

type Collected = {
  readonly annotations: Annotation[];
  readonly cells: { readonly path: string; readonly annotation: Annotation | null; readonly raw: string; readonly value: unknown; readonly labels: string; readonly recovered: boolean }[];
  readonly numbers: { readonly path: string; readonly label: string; readonly number: GroundedNumber; readonly annotation: Annotation | null }[];
  readonly findings: { readonly finding: Finding; readonly entry: string; readonly spans: (Annotation | null)[] }[];
};

function collect(result: Result, text: string, words: ViewWords): Collected {
  const annotations: Annotation[] = [];
  const add = (annotation: Annotation) => {
    if (!fitsText(annotation.span, text)) return null;
    annotations.push(annotation);
    return annotation;
  };
  const cells = Object.entries(result.cells)
    .sort(([, left], [, right]) => left.span.start - right.span.start)
    .map(([path, source], index) => {
      const value = valueAt(result.tables, path);
      const labels = `${source.rowLabel} / ${source.columnLabel}`;
      const recovered = source.placement === 'recovered';
      const title = `${path} = ${show(value)}${source.raw !== show(value) ? ` (${words.printed(source.raw)})` : ''} · ${labels}${recovered ? ` · ${words.placedByRowSum}` : ''}`;
      return { path, raw: source.raw, value, labels, recovered, annotation: add({ id: `c${index}`, entry: `e-c${index}`, kind: 'cell', span: source.span, title }) };
    });
  const numbers = result.narrative
    ? listNumbers(result.narrative.facts).map(({ path, number }, index) => {
        const label = numberLabel(result.narrative!.facts, path, words.language);
        const title = `${label} = ${number.value} · “${number.quote}”${number.grounded ? '' : ` · ${words.ungroundedTitle}`}`;
        return { path, label, number, annotation: number.span ? add({ id: `n${index}`, entry: `e-n${index}`, kind: 'number', span: number.span, title }) : null };
      })
    : [];
  const findings = result.findings.map((finding, index) => {
    const entry = `e-f${index}`;
    const title = `⚠ ${finding.id} (${words.severity[finding.severity]}): ${finding.message}`;
    return { finding, entry, spans: finding.spans.map((span, spanIndex) => add({ id: `f${index}-${spanIndex}`, entry, kind: 'finding', span, title })) };
  });
  return { annotations, cells, numbers, findings };
}

const length = (annotation: Annotation) => annotation.span.end - annotation.span.start;

/**
 * The document text with every annotation highlighted. Spans may overlap or nest, so the text is
 * cut at every span boundary into segments that no span starts or ends inside; each segment is
 * one <mark> linking to its most specific annotation (a value before a finding, the shorter span
 * first) and titled with all of them. Findings also get a ⚠ link after each of their spans, and a
 * value that is nowhere the most specific gets a small link of its own, so every highlight leads
 * to its line in the side list. Empty text anchors (t-…) mark where each span starts.
 */
function renderText(text: string, annotations: readonly Annotation[], sectionAnchors: readonly { id: string; at: number }[]): string {
  const cuts = new Set<number>([0, text.length, ...sectionAnchors.map((anchor) => anchor.at)]);
  for (const annotation of annotations) cuts.add(annotation.span.start).add(annotation.span.end);
  const boundaries = [...cuts].sort((left, right) => left - right);
  const segments: { from: number; to: number; covering: Annotation[]; primary: Annotation | null }[] = [];
  const primaries = new Set<Annotation>();
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const from = boundaries[index]!;
    const to = boundaries[index + 1]!;
    const covering = annotations.filter((annotation) => annotation.span.start <= from && annotation.span.end >= to);
    const candidates = covering.some((annotation) => annotation.kind !== 'finding') ? covering.filter((annotation) => annotation.kind !== 'finding') : covering;
    const primary = candidates.reduce<Annotation | null>((best, annotation) => (best === null || length(annotation) < length(best) ? annotation : best), null);
    if (primary) primaries.add(primary);
    segments.push({ from, to, covering, primary });
  }
  const startsAt = new Map<number, Annotation[]>();
  const endsAt = new Map<number, Annotation[]>();
  for (const annotation of annotations) {
    startsAt.set(annotation.span.start, [...(startsAt.get(annotation.span.start) ?? []), annotation]);
    endsAt.set(annotation.span.end, [...(endsAt.get(annotation.span.end) ?? []), annotation]);
  }
  const sectionsAt = new Map(sectionAnchors.map((anchor) => [anchor.at, anchor.id]));
  const out: string[] = [];
  const linksAt = (position: number) => {
    for (const annotation of endsAt.get(position) ?? []) {
      if (annotation.kind === 'finding') out.push(`<a class="flag" href="#${annotation.entry}" title="${escapeHtml(annotation.title)}">⚠</a>`);
      else if (length(annotation) === 0) {
        // A blank cell has an empty span where it would be printed: an empty box stands for it.
        out.push(`<a class="ref blank ${KIND_CLASS[annotation.kind]}" href="#${annotation.entry}" title="${escapeHtml(annotation.title)}" aria-label="${escapeHtml(annotation.title)}"></a>`);
      } else if (!primaries.has(annotation)) out.push(`<a class="ref ${KIND_CLASS[annotation.kind]}" href="#${annotation.entry}" title="${escapeHtml(annotation.title)}">◂</a>`);
    }
  };
  const anchorsAt = (position: number) => {
    const section = sectionsAt.get(position);
    if (section) out.push(`<span class="anchor" id="${section}"></span>`);
    for (const annotation of startsAt.get(position) ?? []) out.push(`<span class="anchor" id="t-${annotation.id}"></span>`);
  };
  for (const segment of segments) {
    linksAt(segment.from);
    anchorsAt(segment.from);
    // A tab between two cells gets at least 2em: in a proportional font "564\t984" ran together.
    const content = spanTabs(escapeHtml(text.slice(segment.from, segment.to)));
    if (segment.covering.length === 0 || segment.primary === null) {
      out.push(content);
      continue;
    }
    const kinds = [...new Set(segment.covering.map((annotation) => KIND_CLASS[annotation.kind]))].join(' ');
    const ids = segment.covering.map((annotation) => annotation.id).join(' ');
    const title = segment.covering.map((annotation) => annotation.title).join('\n');
    out.push(`<mark class="${kinds}" data-ids="${ids}"><a href="#${segment.primary.entry}" title="${escapeHtml(title)}">${content}</a></mark>`);
  }
  linksAt(text.length);
  anchorsAt(text.length);
  return out.join('');
}

const backLink = (words: ViewWords, annotation: Annotation | null, label = words.backToText) =>
  annotation ? `<a class="back" href="#t-${annotation.id}" title="${words.showInText}">${label}</a>` : `<span class="no-span" title="${words.noPosition}">${words.notInText}</span>`;

function renderFindingEntries(collected: Collected, cellAnnotations: ReadonlyMap<string, Annotation | null>, words: ViewWords): string {
  if (collected.findings.length === 0) return `<p class="none">${words.noFinding}</p>`;
  return `<ol class="entries findings">${collected.findings
    .map(({ finding, entry, spans }) => {
      const links = spans.length === 0 ? `<span class="no-span">${words.noPosition}</span>` : spans.map((annotation, index) => backLink(words, annotation, spans.length > 1 ? `↖ ${index + 1}` : words.backToText)).join(' ');
      const sides = finding.expected !== null || finding.actual !== null ? `<div class="sub">${words.sides(show(finding.expected), show(finding.actual), finding.difference)}</div>` : '';
      const suggestion = finding.suggestion ? `<div class="sub">${words.suggestion}${escapeHtml(finding.suggestion.message)}</div>` : '';
      const cells = finding.cells.length
        ? `<ul class="finding-cells">${finding.cells
            .map((cell) => {
              const annotation = cellAnnotations.get(cell.path) ?? null;
              const label = `${cell.rowLabel} / ${cell.columnLabel} = ${show(cell.value)}`;
              return `<li>${annotation ? `<a href="#${annotation.entry}">${escapeHtml(label)}</a>` : escapeHtml(label)}</li>`;
            })
            .join('')}</ul>`
        : '';
      return `<li id="${entry}" class="${finding.severity}"><div><span class="severity">${words.severity[finding.severity]}</span> <code>${escapeHtml(finding.id)}</code> ${links}</div><div class="message" lang="zh-CN">${escapeHtml(finding.message)}</div>${sides}${suggestion}${cells}</li>`;
    })
    .join('')}</ol>`;
}

function renderNumberEntries(collected: Collected, words: ViewWords): string {
  if (collected.numbers.length === 0) return `<p class="none">${words.noNumber}</p>`;
  return `<ol class="entries numbers">${collected.numbers
    .map(({ path, label, number, annotation }, index) => {
      const grounded = number.grounded ? '' : ` <span class="ungrounded" title="${words.ungroundedTitle}">${words.ungrounded}</span>`;
      return `<li id="e-n${index}"><div><span title="${escapeHtml(path)}">${escapeHtml(label)}</span> = <b>${number.value}</b>${grounded} ${backLink(words, annotation)}</div><div class="quote" lang="zh-CN">“${escapeHtml(number.quote)}”</div></li>`;
    })
    .join('')}</ol>`;
}

function renderCellEntries(collected: Collected, words: ViewWords): string {
  if (collected.cells.length === 0) return `<p class="none">${words.noCell}</p>`;
  return TABLE_KEYS.map((table) => {
    const rows = collected.cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => cell.path.startsWith(`${table}.`))
      .map(({ cell, index }) => {
        const printed = cell.raw !== show(cell.value) ? ` <span class="sub">“${escapeHtml(cell.raw)}”</span>` : '';
        return `<tr id="e-c${index}"><td lang="zh-CN">${escapeHtml(cell.labels)}${cell.recovered ? ` <span class="sub" title="${words.placedByRowSum}">~</span>` : ''}</td><td class="value">${escapeHtml(show(cell.value))}${printed}</td><td>${backLink(words, cell.annotation, '↖')}</td></tr>`;
      });
    if (rows.length === 0) return '';
    return `<h4 lang="zh-CN">${escapeHtml(TABLE_TITLES[table])} <span class="sub">(${rows.length})</span></h4><table class="cells"><tbody>${rows.join('')}</tbody></table>`;
  }).join('');
}

const STYLE = `
:root { --cjk: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; --line: #d5d9de; --muted: #5b6470;
  --cell: #dbeafe; --cell-edge: #60a5fa; --number: #dcfce7; --number-edge: #22c55e; --finding: #dc2626; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font: 14px/1.5 var(--cjk); color: #1d232a; background: #fff; }
header { padding: 16px 24px 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 2px; } h2 { font-size: 15px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 12px 0 4px; }
code { font-family: var(--mono); font-size: 12px; }
.sub, .none, .no-span, .meta-line { color: var(--muted); font-size: 12px; }
.key { display: inline-block; padding: 0 6px; margin-right: 8px; border-radius: 3px; font-size: 12px; }
.key.c { background: var(--cell); box-shadow: inset 0 -2px 0 var(--cell-edge); } .key.n { background: var(--number); box-shadow: inset 0 -2px 0 var(--number-edge); }
.key.f { text-decoration: underline wavy var(--finding); text-underline-offset: 3px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 500px; gap: 0; }
.doc { margin: 0; padding: 16px 24px 80px; white-space: pre-wrap; word-break: break-word; font: 14px/1.75 var(--cjk); tab-size: 4; }
.doc .tab { display: inline-block; min-width: 2em; tab-size: 8; }
.doc mark { background: transparent; color: inherit; border-radius: 2px; }
.doc mark a { color: inherit; text-decoration: none; }
.doc mark.c { background: var(--cell); box-shadow: inset 0 -2px 0 var(--cell-edge); }
.doc mark.n { background: var(--number); box-shadow: inset 0 -2px 0 var(--number-edge); }
.doc mark.f a { text-decoration: underline wavy var(--finding); text-underline-offset: 3px; text-decoration-skip-ink: none; }
/* Where a highlight starts (after its empty anchor), a hairline keeps touching highlights apart. */
.doc .anchor + mark { box-shadow: inset 1px 0 0 rgba(0, 0, 0, .35); }
.doc .anchor + mark.c { box-shadow: inset 1px 0 0 var(--cell-edge), inset 0 -2px 0 var(--cell-edge); }
.doc .anchor + mark.n { box-shadow: inset 1px 0 0 var(--number-edge), inset 0 -2px 0 var(--number-edge); }
.doc mark.current { outline: 2px solid #f59e0b; background: #fde68a; }
.doc a.flag { color: var(--finding); text-decoration: none; font-size: 12px; vertical-align: super; margin: 0 1px; }
.doc a.ref { text-decoration: none; font-size: 11px; vertical-align: super; color: #1d4ed8; }
.doc a.ref.blank { display: inline-block; width: 1em; height: 1.1em; vertical-align: -0.2em; margin: 0 2px; border: 1px dashed var(--cell-edge); border-radius: 2px; background: #f1f7ff; }
.doc a.ref.blank.n { border-color: var(--number-edge); background: #f0fdf4; }
.anchor { scroll-margin-top: 40vh; }
aside { position: sticky; top: 0; height: 100vh; overflow-y: auto; border-left: 1px solid var(--line); background: #fafbfc; padding: 8px 16px 40px; font-size: 13px; }
.entries { padding-left: 22px; margin: 4px 0; } .entries > li { margin: 4px 0; padding: 2px 4px; border-radius: 3px; }
.entries > li:target, table.cells tr:target { background: #fde68a; }
.findings .severity { text-transform: uppercase; font-size: 10.5px; font-weight: 700; padding: 0 4px; border-radius: 3px; color: #fff; background: var(--finding); }
.findings .warning .severity { background: #b45309; }
.message { margin: 2px 0; } .quote { color: #374151; font-size: 12.5px; }
.finding-cells { margin: 2px 0; padding-left: 18px; font-size: 12px; }
.ungrounded { color: #b45309; font-weight: 600; font-size: 12px; }
a.back { font-size: 12px; white-space: nowrap; text-decoration: none; }
table.cells { border-collapse: collapse; width: 100%; font-size: 12px; }
table.cells td { border-bottom: 1px solid #e5e7eb; padding: 2px 4px; vertical-align: top; }
table.cells td.value { font-family: var(--mono); text-align: right; white-space: nowrap; }
nav.sections a { display: block; font-size: 12.5px; }
.notices li { color: #92400e; }
a { color: #0b5cad; }
`;

// Following a link to the text lights up that span's highlight until the next one.
const SCRIPT = `
(function () {
  var lit = [];
  function light() {
    for (var index = 0; index < lit.length; index += 1) lit[index].classList.remove('current');
    lit = [];
    var match = /^#t-([A-Za-z0-9-]+)$/.exec(location.hash);
    if (!match) return;
    var marks = document.querySelectorAll('mark[data-ids~="' + match[1] + '"]');
    for (var index = 0; index < marks.length; index += 1) { marks[index].classList.add('current'); lit.push(marks[index]); }
  }
  window.addEventListener('hashchange', light);
  light();
})();
`;


/**
 * One report as a self-contained HTML page: its visible text with every table cell, stated number
 * and finding highlighted, each highlight linked to its line in a side list that links back.
 * `text` must be the document text the result's spans point into.
 */
export function renderViewHtml(result: Result, text: string, language: Language = 'zh'): string {
  const words = VIEW_WORDS[language];
  const collected = collect(result, text, words);
  const cellAnnotations = new Map(collected.cells.map((cell) => [cell.path, cell.annotation]));
  const sectionAnchors = result.sections.filter((section) => fitsText(section.headingSpan, text)).map((section) => ({ id: `s-${section.key}`, at: section.headingSpan.start }));
  const name = [result.meta.agency, result.meta.year === null ? null : `${result.meta.year} 年`].filter(Boolean).join(' ') || result.source.path;
  const title = words.title(name);
  const counts = words.counts(collected.cells.length, collected.numbers.length, collected.findings.length);
  const sections = result.sections.length
    ? `<nav class="sections" lang="zh-CN">${result.sections.map((section) => `<a href="#s-${section.key}">${escapeHtml(section.heading || SECTION_TITLES[section.key])}</a>`).join('')}</nav>`
    : `<p class="none">${words.noSection}</p>`;
  const notices = result.notices.length ? `<h2>${words.notices}</h2><ul class="notices">${result.notices.map((notice) => `<li>${escapeHtml(notice.message)}</li>`).join('')}</ul>` : '';
  return [
    ...htmlDocumentHead(title, STYLE, language),
    `<header><h1 lang="zh-CN">${escapeHtml(name)}</h1>`,
    `<p class="meta-line">${escapeHtml(words.metaLine(result.source.path, result.source.format, result.source.encoding, result.source.characters, result.template.format))} · ${counts}</p>`,
    `<p><span class="key c">${words.keyCell}</span><span class="key n">${words.keyNumber}</span><span class="key f">${words.keyFinding}</span><span class="sub">${words.howTo}</span></p></header>`,
    '<div class="layout">',
    `<main><div class="doc" lang="zh-CN">${renderText(text, collected.annotations, sectionAnchors)}</div></main>`,
    '<aside>',
    `<h2>${words.sections}</h2>`,
    sections,
    notices,
    `<h2>${words.findings(collected.findings.length)}</h2>`,
    renderFindingEntries(collected, cellAnnotations, words),
    `<h2>${words.numbers(collected.numbers.length)}</h2>`,
    renderNumberEntries(collected, words),
    `<h2>${words.cells(collected.cells.length)}</h2>`,
    renderCellEntries(collected, words),
    '</aside>',
    '</div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
