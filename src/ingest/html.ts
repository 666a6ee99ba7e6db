import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { AppError, IngestError } from '../errors.js';
import type { Span } from '../report/schemas.js';
import { INGEST } from '../messages/ingest.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

/** A cell of an HTML table, placed on the expanded grid. */
export type GridCell = {
  readonly text: string;
  /** Where the cell's text is in the visible text; empty cells get an empty span at their place. */
  readonly span: Span;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
};

/** A table read as a real grid: `rows[r]` lists the cells whose top-left corner is on row r. */
export type Grid = {
  readonly span: Span;
  readonly rows: readonly (readonly GridCell[])[];
  /** `cellAt[r][c]`: the cell covering grid position (r, c), rowspan/colspan expanded. */
  readonly cellAt: readonly (readonly (GridCell | undefined)[])[];
};

export type HtmlText = { readonly text: string; readonly grids: readonly Grid[] };

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'title', 'tr', 'table', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr',
  'form', 'nav', 'main', 'aside', 'center', 'address', 'caption', 'figure', 'figcaption',
  // Cells of layout tables (tables that hold tables) are blocks: their texts must not run together.
  'td', 'th',
]);

/**
 * How far one page may go. Report pages nest a few dozen elements; a page nested thousands deep
 * is an attack or a broken export, and parse5 spends time quadratic in the depth on it (a 100 000
 * deep page: 90 s before the stack gave out).
 */
export type HtmlLimits = { readonly depth: number; readonly milliseconds: number };
export const HTML_LIMITS: HtmlLimits = { depth: 1000, milliseconds: 20_000 };

/**
 * Renders an HTML page to the text a reader sees: block elements on their own lines, each
 * table row on one line with its cells separated by tabs. Offsets of every cell are recorded
 * so the table reader can point back into this text. Throws AppError `too-large` past the limits.
 */
export function readHtml(html: string, limits: HtmlLimits = HTML_LIMITS): HtmlText {
  const writer = createWriter();
  const grids: Grid[] = [];
  const document = parse(html, { treeAdapter: limitedTreeAdapter(limits) });
  walk(document, writer, grids);
  return { text: writer.finish(), grids };
}

/** `readHtml` on a file's page: its limits (nesting, time) become a failure of that file, named. */
export function readHtmlFile(path: string, html: string): HtmlText {
  try {
    return readHtml(html);
  } catch (error) {
    if (error instanceof AppError && error.code === 'too-large') throw new IngestError('too-large', path, error.text, { cause: error });
    throw error;
  }
}

/** parse5's own tree, stopped as soon as the page nests too deep or takes too long. */
function limitedTreeAdapter(limits: HtmlLimits): TreeAdapter<DefaultTreeAdapterMap> {
  const depths = new WeakMap<object, number>();
  const started = performance.now();
  let placed = 0;
  const place = (parent: DefaultTreeAdapterTypes.ParentNode, node: DefaultTreeAdapterTypes.ChildNode) => {
    const depth = (depths.get(parent) ?? 0) + 1;
    if (depth > limits.depth) throw new AppError('too-large', INGEST.tooDeep(limits.depth, INGEST.notAReportPage()));
    depths.set(node, depth);
    placed += 1;
    if (placed % 1024 === 0 && performance.now() - started > limits.milliseconds) {
      throw new AppError('too-large', INGEST.tooSlowToParse(limits.milliseconds / 1000));
    }
  };
  return {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      place(parent, node);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      place(parent, node);
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
  };
}

type Writer = ReturnType<typeof createWriter>;

function createWriter() {
  let text = '';
  // The last character written, kept aside: \`text.endsWith()\` on a string grown by += flattens
  // it every time, which made a 5 MB page take 20 s.
  let last = '';
  let pendingSpace = false;
  const append = (characters: string) => {
    if (characters.length === 0) return;
    text += characters;
    last = characters[characters.length - 1]!;
  };
  return {
    get length() {
      return text.length;
    },
    /** Appends inline text, collapsing whitespace the way a browser does. */
    inline(raw: string) {
      const collapsed = raw.replace(/[\s\u00a0\u3000]+/g, ' ');
      for (const part of collapsed.split(/( )/)) {
        if (part === '') continue;
        if (part === ' ') {
          pendingSpace = text.length > 0 && last !== '\n' && last !== '\t';
          continue;
        }
        if (pendingSpace) append(' ');
        pendingSpace = false;
        append(part);
      }
    },
    newline() {
      pendingSpace = false;
      if (text.length > 0 && last !== '\n') append('\n');
    },
    raw(characters: string) {
      pendingSpace = false;
      append(characters);
    },
    finish() {
      // Never rewrite what was written: recorded spans point into it.
      return last === '\n' || text.length === 0 ? text : `${text}\n`;
    },
  };
}

// Iterative: a page nested deeper than the call stack must not end the run.
function walk(root: Node, writer: Writer, grids: Grid[]): void {
  const stack: (Node | { readonly close: true })[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('close' in node) {
      writer.newline();
      continue;
    }
    if (node.nodeName === '#text') {
      writer.inline((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!('childNodes' in node)) continue;
    const name = node.nodeName;
    if (SKIPPED.has(name)) continue;
    if (name === 'table' && !containsTable(node as Element)) {
      writer.newline();
      grids.push(renderTable(node as Element, writer));
      writer.newline();
      continue;
    }
    if (BLOCKS.has(name)) {
      writer.newline();
      stack.push({ close: true });
    }
    for (let index = node.childNodes.length - 1; index >= 0; index -= 1) stack.push(node.childNodes[index]!);
  }
}

function containsTable(element: Element): boolean {
  const stack: Node[] = [...element.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    if (node.tagName === 'table') return true;
    stack.push(...node.childNodes);
  }
  return false;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (element: Element) => {
    for (const child of element.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visit(child);
    }
  };
  visit(table);
  return rows;
}

function spanAttribute(element: Element, name: string): number {
  const value = element.attrs.find((attribute) => attribute.name === name)?.value;
  const parsed = value === undefined ? 1 : Number.parseInt(value, 10);
  // Word exports write rowspan="0" or junk now and then; a cell always covers itself.
  return Number.isFinite(parsed) && parsed >= 1 ? Math.min(parsed, 1000) : 1;
}

function renderTable(table: Element, writer: Writer): Grid {
  const start = writer.length;
  const rows: GridCell[][] = [];
  const cellAt: (GridCell | undefined)[][] = [];
  rowsOf(table).forEach((row, rowIndex) => {
    const placed: GridCell[] = [];
    cellAt[rowIndex] ??= [];
    let column = 0;
    let first = true;
    for (const child of row.childNodes) {
      if (!('tagName' in child) || (child.tagName !== 'td' && child.tagName !== 'th')) continue;
      while (cellAt[rowIndex]![column] !== undefined) column += 1;
      if (!first) writer.raw('\t');
      first = false;
      const cellStart = writer.length;
      const cellWriter = createCellWriter(writer);
      for (const grandChild of child.childNodes) collectCellText(grandChild, cellWriter);
      const cell: GridCell = {
        text: cellWriter.text(),
        span: { start: cellStart, end: writer.length },
        row: rowIndex,
        column,
        rowSpan: spanAttribute(child, 'rowspan'),
        columnSpan: spanAttribute(child, 'colspan'),
      };
      placed.push(cell);
      for (let r = rowIndex; r < rowIndex + cell.rowSpan; r += 1) {
        cellAt[r] ??= [];
        for (let c = column; c < column + cell.columnSpan; c += 1) cellAt[r]![c] = cell;
      }
      column += cell.columnSpan;
    }
    rows.push(placed);
    writer.raw('\n');
  });
  return { span: { start, end: writer.length }, rows, cellAt };
}

// Inside a cell, line breaks become spaces so that one table row stays one line of text. A space
// is written only before the next word, so a cell's span ends at its last character.
function createCellWriter(writer: Writer) {
  let written = '';
  let pendingSpace = false;
  return {
    inline(raw: string) {
      for (const part of raw.replace(/[\s\u00a0\u3000]+/g, ' ').split(/( )/)) {
        if (part === '') continue;
        if (part === ' ') {
          pendingSpace = written.length > 0;
          continue;
        }
        const next = pendingSpace ? ` ${part}` : part;
        pendingSpace = false;
        writer.raw(next);
        written += next;
      }
    },
    text() {
      return written;
    },
  };
}

function collectCellText(root: Node, cellWriter: ReturnType<typeof createCellWriter>): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      cellWriter.inline((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!('childNodes' in node) || SKIPPED.has(node.nodeName)) continue;
    if (node.nodeName === 'br' || node.nodeName === 'p') cellWriter.inline(' ');
    for (let index = node.childNodes.length - 1; index >= 0; index -= 1) stack.push(node.childNodes[index]!);
  }
}
