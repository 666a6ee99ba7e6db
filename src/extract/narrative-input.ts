import type { Section, Span } from '../report/schemas.js';

/** A piece of the document that goes to the extractor, and where it came from. */
export type InputSegment = { readonly text: string; readonly start: number };

/**
 * What is sent for narrative extraction: the preamble and the six sections' prose, never the
 * tables. `text` joins the segments with blank lines; `toDocumentOffset` maps an offset in it
 * back into the document (null inside a separator).
 */
export type NarrativeInput = {
  readonly text: string;
  readonly segments: readonly InputSegment[];
  toDocumentOffset(offset: number): number | null;
};

const SEPARATOR = '\n\n';

// Web pages put navigation and site furniture before the report: keep only the end of the
// preamble (title, legal basis, statistics period, often the contact).
const PREAMBLE_CHARACTERS = 1500;

/** The document from shortly before its first section, minus the tables' spans. */
export function buildNarrativeInput(documentText: string, sections: readonly Section[], tableSpans: readonly Span[]): NarrativeInput {
  const cuts = [...tableSpans].sort((left, right) => left.start - right.start);
  const first = sections[0];
  const ranges: Span[] = [];
  let cursor = first ? Math.max(0, first.span.start - PREAMBLE_CHARACTERS) : 0;
  for (const cut of cuts) {
    if (cut.start > cursor) ranges.push({ start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  ranges.push({ start: cursor, end: documentText.length });
  const segments = ranges
    .map((range) => trimRange(documentText, range))
    .filter((range) => range.end > range.start)
    .map((range) => ({ text: documentText.slice(range.start, range.end), start: range.start }));
  return joinSegments(segments);
}

function trimRange(text: string, range: Span): Span {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

function joinSegments(segments: readonly InputSegment[]): NarrativeInput {
  const starts: number[] = [];
  let text = '';
  for (const segment of segments) {
    if (text.length > 0) text += SEPARATOR;
    starts.push(text.length);
    text += segment.text;
  }
  return {
    text,
    segments,
    toDocumentOffset(offset) {
      for (let index = segments.length - 1; index >= 0; index -= 1) {
        const from = starts[index]!;
        const segment = segments[index]!;
        if (offset >= from) return offset <= from + segment.text.length ? segment.start + (offset - from) : null;
      }
      return null;
    },
  };
}
