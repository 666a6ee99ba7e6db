import type { Section, Span } from '../report/schemas.js';
import type { TableParse } from '../tables/parse-tables.js';

/**
 * Where each table that was read lies: from its section's heading to its last label or cell.
 * These spans are cut out of what is sent for narrative extraction.
 */
export function tableSpans(parses: readonly TableParse[], sections: readonly Section[]): Span[] {
  const spans: Span[] = [];
  for (const parse of parses) {
    const section = sections.find((candidate) => candidate.key === parse.key);
    if (!section || !parse.region) continue;
    let end = -1;
    for (const row of parse.rows) {
      if (row.labelSpan) end = Math.max(end, row.labelSpan.end);
      if (!row.reading) continue;
      if (row.reading.kind === 'ambiguous') end = Math.max(end, row.reading.span.end);
      else for (const cell of row.reading.cells) end = Math.max(end, cell.span.end);
    }
    for (const leftover of parse.leftovers) end = Math.max(end, leftover.end);
    if (end > section.headingSpan.end) spans.push({ start: section.headingSpan.end, end });
  }
  return spans;
}
