import type { Span } from '../report/schemas.js';

export type Excerpt = {
  /** Whole lines before the span's line(s), then the span's lines cut into before / span / after. */
  readonly before: string;
  readonly highlighted: string;
  readonly after: string;
  /** 1-based line of the span's start in the document. */
  readonly line: number;
};

/**
 * The source around a span: `contextLines` whole lines either side (no more than `maxContext`
 * characters), so a person reads the sentence a number came from. Pure; the span is clamped.
 */
export function sourceExcerpt(text: string, span: Span, contextLines = 2, maxContext = Number.POSITIVE_INFINITY): Excerpt {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  let from = start;
  for (let lines = 0; from > 0; from -= 1) {
    if (text[from - 1] === '\n' && (lines += 1) > contextLines) break;
  }
  let to = end;
  for (let lines = 0; to < text.length; to += 1) {
    if (text[to] === '\n' && (lines += 1) > contextLines) break;
  }
  const line = text.slice(0, start).split('\n').length;
  // A report's paragraphs are long lines: at most `maxContext` characters either side, cut with "…".
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  return {
    before: before.length > maxContext ? `…${before.slice(before.length - maxContext)}` : before,
    highlighted: text.slice(start, end),
    after: after.length > maxContext ? `${after.slice(0, maxContext)}…` : after,
    line,
  };
}
