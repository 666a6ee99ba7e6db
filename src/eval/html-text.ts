import type { Span } from '../report/schemas.js';

import { escapeHtml } from '../render/escape-html.js';
import { spanTabs } from '../render/tab-spans.js';

export { escapeHtml };

export const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** A fragment id from any label: ASCII letters, digits and hyphens only. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'x';
}

// A span is shown with the lines around it, but never more than this many characters each side
// (web pages put whole paragraphs, or the whole site menu, on one line).
const CONTEXT_LINES = 2;
const CONTEXT_CHARACTERS = 240;

/**
 * The report text around a span, escaped, with the span in <mark>; null when the span does not
 * fit the text (a result read from another version of the document).
 */
export function markedContext(text: string, span: Span): string | null {
  if (span.start < 0 || span.end < span.start || span.end > text.length) return null;
  let from = lineStart(text, span.start);
  for (let line = 0; line < CONTEXT_LINES && from > 0; line += 1) from = lineStart(text, from - 1);
  let to = text.indexOf('\n', span.end);
  for (let line = 0; line < CONTEXT_LINES && to !== -1; line += 1) to = text.indexOf('\n', to + 1);
  if (to === -1) to = text.length;
  const clippedFrom = Math.max(from, span.start - CONTEXT_CHARACTERS);
  const clippedTo = Math.min(to, span.end + CONTEXT_CHARACTERS);
  // Table rows are tab-separated cells: each tab is spanned so the cells stay apart on the page.
  const shown = (from: number, until: number) => spanTabs(escapeHtml(text.slice(from, until)));
  return [clippedFrom > from ? '…' : '', shown(clippedFrom, span.start), `<mark>${shown(span.start, span.end)}</mark>`, shown(span.end, clippedTo), clippedTo < to ? '…' : ''].join('');
}

function lineStart(text: string, index: number): number {
  return index <= 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
}
