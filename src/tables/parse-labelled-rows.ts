import type { Span } from '../report/schemas.js';
import type { RowTemplate } from '../report/template.js';
import { normalizeLabel } from '../sections/normalized-text.js';
import { readRow, type RowReading, type RowRule, type ValueToken } from './read-row.js';
import type { Token } from './tokens.js';

/** A template row as found in the report. `reading` is null when its label was not found. */
export type ParsedRow = {
  readonly template: RowTemplate;
  readonly printedLabel: string | null;
  readonly labelSpan: Span | null;
  readonly reading: RowReading | null;
};

export type LabelledRowsParse = {
  readonly rows: readonly ParsedRow[];
  /** Numbers that no row label claimed (cells left over). */
  readonly leftovers: readonly Span[];
};

const MAX_SKIPPED_ROWS = 8;

type Group = { readonly context: Extract<Token, { kind: 'text' }>[]; readonly values: ValueToken[] };

/**
 * Lays a token stream onto template rows. The stream is cut into groups (the label text seen
 * since the last row, then a run of values). A group belongs to the first template row, at or
 * after the next expected one, whose key phrase occurs in its label text. Labels wrapped over
 * several lines, split into several cells or glued to their digits all reduce to this.
 */
export function parseLabelledRows(
  tokens: readonly Token[],
  templates: readonly RowTemplate[],
  ruleFor: (template: RowTemplate) => RowRule | undefined,
): LabelledRowsParse {
  const found = new Map<number, ParsedRow>();
  const leftovers: Span[] = [];
  let nextRow = 0;
  let context: Extract<Token, { kind: 'text' }>[] = [];
  for (const group of groupsOf(tokens)) {
    context = [...context, ...group.context];
    const hasNumbers = group.values.some((token) => token.kind === 'number');
    // Header rows print column words ("其他", "总计") that are also row keys: a group without
    // numbers may only be the row expected next, and a row with numbers may skip a few rows
    // whose labels were lost, no more.
    const match = matchRow(context, templates, nextRow, hasNumbers ? nextRow + MAX_SKIPPED_ROWS : nextRow);
    if (!match) {
      if (hasNumbers && nextRow > 0) leftovers.push(spanOfValues(group.values));
      if (hasNumbers) context = [];
      continue;
    }
    const template = templates[match.index]!;
    found.set(match.index, {
      template,
      printedLabel: match.label,
      labelSpan: match.span,
      reading: readRow(group.values, template.columns.length, ruleFor(template)),
    });
    nextRow = match.index + 1;
    context = [];
    if (nextRow >= templates.length) break;
  }
  const rows = templates.map(
    (template, index) => found.get(index) ?? { template, printedLabel: null, labelSpan: null, reading: null },
  );
  return { rows, leftovers };
}

function* groupsOf(tokens: readonly Token[]): Generator<Group> {
  let context: Extract<Token, { kind: 'text' }>[] = [];
  let values: ValueToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (values.length > 0) {
        yield { context, values };
        context = [];
        values = [];
      }
      context.push(token);
    } else {
      values.push(token);
    }
  }
  if (values.length > 0) yield { context, values };
}

type RowMatch = { index: number; label: string; span: Span };

function matchRow(
  context: readonly Extract<Token, { kind: 'text' }>[],
  templates: readonly RowTemplate[],
  from: number,
  to: number,
): RowMatch | undefined {
  if (context.length === 0) return undefined;
  const normalized = context.map((token) => normalizeLabel(token.text));
  const joined = normalized.join('');
  for (let index = from; index <= Math.min(to, templates.length - 1); index += 1) {
    for (const key of templates[index]!.keys) {
      const at = joined.lastIndexOf(key);
      if (at === -1) continue;
      // The printed label starts at the token holding the key phrase.
      let offset = 0;
      let first = 0;
      while (first < normalized.length - 1 && offset + normalized[first]!.length <= at) {
        offset += normalized[first]!.length;
        first += 1;
      }
      const labelTokens = context.slice(first);
      return {
        index,
        label: labelTokens.map((token) => token.text).join(' '),
        span: { start: labelTokens[0]!.span.start, end: labelTokens.at(-1)!.span.end },
      };
    }
  }
  return undefined;
}

function spanOfValues(values: readonly ValueToken[]): Span {
  return { start: values[0]!.span.start, end: values.at(-1)!.span.end };
}
