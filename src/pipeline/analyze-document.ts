import { runChecks } from '../checks/run-checks.js';
import type { Language } from '../checks/language.js';
import type { SourceDocument } from '../ingest/source-document.js';
import type { Result } from '../report/schemas.js';
import { assessDocument, effectiveFormat } from './assess-document.js';
import { detectFormat } from '../sections/detect-format.js';
import { findMeta } from '../sections/find-meta.js';
import { findSections, preambleSpan } from '../sections/find-sections.js';
import { normalizeText } from '../sections/normalized-text.js';
import { parseTables } from '../tables/parse-tables.js';

export type AnalyzeOptions = { readonly language?: Language };

const NO_TABLES = { activeDisclosure: null, applications: null, reviewLitigation: null } as const;

/** read → sections → tables → checks, for a document already in memory. Pure. */
export function analyzeDocument(document: SourceDocument, options: AnalyzeOptions = {}): Result {
  const view = normalizeText(document.text);
  const sections = findSections(document.text, view);
  const template = effectiveFormat(detectFormat(document.text, view), sections, document.text);
  const language = options.language ?? 'zh';
  const meta = findMeta(document.text, preambleSpan(document.text, sections).end);
  const parsed = template.format === '2021' ? parseTables(document, sections) : undefined;
  const tables = parsed?.tables ?? NO_TABLES;
  const cells = parsed?.cells ?? {};
  const findings = runChecks({
    format: template.format,
    sections,
    tables,
    cells,
    parses: parsed?.parses ?? [],
    language,
  });
  return {
    source: {
      path: document.path,
      sha256: document.sha256,
      format: document.format,
      encoding: document.encoding,
      characters: document.text.length,
    },
    template,
    meta,
    sections,
    tables,
    cells,
    narrative: null,
    findings,
    notices: assessDocument(template, sections, language),
  };
}
