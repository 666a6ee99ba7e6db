import { pick, type Language } from '../checks/language.js';
import { runChecks } from '../checks/run-checks.js';
import { buildNarrativeInput, type NarrativeInput } from '../extract/narrative-input.js';
import { narrativeJsonSchema } from '../extract/narrative-json-schema.js';
import { extractWithRules } from '../extract/rules/extract-with-rules.js';
import { createRulesExtractor } from '../extract/rules-extractor.js';
import type { SourceDocument } from '../ingest/source-document.js';
import { DEFAULT_PRICES } from '../providers/prices.js';
import type { Notice, Result } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';
import { detectFormat, type FormatDecision } from '../sections/detect-format.js';
import { findMeta, findReportDateYear } from '../sections/find-meta.js';
import { findSections, preambleSpan } from '../sections/find-sections.js';
import { normalizeText } from '../sections/normalized-text.js';
import { parseTables } from '../tables/parse-tables.js';
import { assessDocument, effectiveFormat } from './assess-document.js';
import { notAReportBecause, reportEvidence } from './report-evidence.js';
import { attachNarrative } from './attach-narrative.js';
import { tableSpans } from './table-spans.js';
import { yearNotices } from './year-notice.js';

export type AnalyzeOptions = {
  readonly language?: Language;
  /** Extract the narrative with the offline rules (default true). LLM extraction is async: see readReport. */
  readonly narrative?: boolean;
  /** The year it is now (the CLI reads the clock): a report year after it gets a notice. */
  readonly currentYear?: number;
};

const NO_TABLES = { activeDisclosure: null, applications: null, reviewLitigation: null } as const;

/** The deterministic part: sections, meta, tables, table checks, and what would go to an extractor. */
export function analyzeStructure(document: SourceDocument, options: AnalyzeOptions = {}): { result: Result; input: NarrativeInput | null } {
  const view = normalizeText(document.text);
  const sections = findSections(document.text, view);
  const read = effectiveFormat(detectFormat(document.text, view), sections, document.text);
  // A note that quotes a report's headings and headers (a fixture's NOTES.md) is not read as one.
  const notReport = notAReportBecause(reportEvidence(document.text, sections, read));
  const decision: FormatDecision = notReport ? { format: 'unknown', reason: notReport } : read;
  const language = options.language ?? 'zh';
  const template = { format: decision.format, reason: decision.reason[language] };
  const meta = findMeta(document.text, preambleSpan(document.text, sections).end);
  const layout = tableLayoutOf(template.format);
  const parsed = layout ? parseTables(document, sections, layout) : undefined;
  const tables = parsed?.tables ?? NO_TABLES;
  const cells = parsed?.cells ?? {};
  const findings = runChecks({ format: template.format, sections, tables, cells, parses: parsed?.parses ?? [], language });
  const result: Result = {
    source: {
      path: document.path,
      sha256: document.sha256,
      format: document.format,
      encoding: document.encoding,
      characters: document.text.length,
      pages: document.format === 'pdf' ? pagesOf(document) : null,
    },
    template,
    meta,
    sections,
    tables,
    cells,
    narrative: null,
    findings,
    notices: [
      ...damageNotices(document, language),
      ...assessDocument(decision, sections, language),
      ...yearNotices(meta.year, findReportDateYear(document.text), options.currentYear, language),
    ],
  };
  const input = parsed ? buildNarrativeInput(document.text, sections, tableSpans(parsed.parses, sections)) : null;
  return { result, input };
}

/** read → sections → tables → checks → narrative by rules, for a document already in memory. Pure. */
export function analyzeDocument(document: SourceDocument, options: AnalyzeOptions = {}): Result {
  const { result, input } = analyzeStructure(document, options);
  if (options.narrative === false || !input) return result;
  const started = performance.now();
  const narrative = extractWithRules(input, document.text, result.sections);
  const usage = { inputTokens: 0, outputTokens: 0, attempts: 1, latencyMs: performance.now() - started, cached: false };
  return attachNarrative(result, input, { narrative, usage }, createRulesExtractor(), {
    schemaHash: narrativeJsonSchema().hash,
    prices: DEFAULT_PRICES,
    language: options.language ?? 'zh',
    tokens: { tokens: null, wholeReportTokens: null },
  });
}

/** A few invalid bytes decoded as U+FFFD: the report is read, and the person told where. */
function damageNotices(document: SourceDocument, language: Language): Notice[] {
  const offsets = document.damagedBytes ?? [];
  if (offsets.length === 0) return [];
  const listed = offsets.slice(0, 8).join(', ') + (offsets.length > 8 ? ', …' : '');
  return [
    {
      code: 'damaged-text',
      message: pick(
        language,
        `文件中有 ${offsets.length} 处无效的 UTF-8 字节（字节偏移 ${listed}），已按 � 读入，其余内容照常读取`,
        `${offsets.length} invalid UTF-8 byte sequence(s) (at byte offsets ${listed}) were read as �; the rest of the file is read as usual`,
      ),
    },
  ];
}

/** Each PDF page's range in the extracted text, from the positions kept for every line. */
function pagesOf(document: SourceDocument): { number: number; start: number; end: number }[] {
  const pages: { number: number; start: number; end: number }[] = [];
  for (const line of document.lines) {
    const page = pages.at(-1);
    if (page && page.number === line.page) page.end = line.end;
    else pages.push({ number: line.page, start: line.start, end: line.end });
  }
  return pages;
}
