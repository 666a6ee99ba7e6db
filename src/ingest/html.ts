import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Span } from '../report/schemas.js';

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
 * Renders an HTML page to the text a reader sees: block elements on their own lines, each
 * table row on one line with its cells separated by tabs. Offsets of every cell are recorded
 * so the table reader can point back into this text.
 */
export function readHtml(html: string): HtmlText {
  const writer = createWriter();
  const grids: Grid[] = [];
  const document = parse(html);
  walk(document, writer, grids);
  return { text: writer.finish(), grids };
}

type Writer = ReturnType<typeof createWriter>;

function createWriter() {
  let text = '';
  let pendingSpace = false;
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
          pendingSpace = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\t');
          continue;
        }
        if (pendingSpace) text += ' ';
        pendingSpace = false;
        text += part;
      }
    },
    newline() {
      pendingSpace = false;
      if (text.length > 0 && !text.endsWith('\n')) text += '\n';
    },
    raw(characters: string) {
      pendingSpace = false;
      text += characters;
    },
    finish() {
      // Never rewrite what was written: recorded spans point into it.
      return text.endsWith('\n') || text.length === 0 ? text : `${text}\n`;
    },
  };
}

function walk(node: Node, writer: Writer, grids: Grid[]): void {
  if (node.nodeName === '#text') {
    writer.inline((node as DefaultTreeAdapterTypes.TextNode).value);
    return;
  }
  if (!('childNodes' in node)) return;
  const name = node.nodeName;
  if (SKIPPED.has(name)) return;
  if (name === 'table' && !containsTable(node as Element)) {
    writer.newline();
    grids.push(renderTable(node as Element, writer));
    writer.newline();
    return;
  }
  const isBlock = BLOCKS.has(name);
  if (isBlock) writer.newline();
  for (const child of node.childNodes) walk(child, writer, grids);
  if (isBlock) writer.newline();
}

function containsTable(element: Element): boolean {
  return element.childNodes.some(
    (child) => 'tagName' in child && (child.tagName === 'table' || containsTable(child)),
  );
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

function collectCellText(node: Node, cellWriter: ReturnType<typeof createCellWriter>): void {
  if (node.nodeName === '#text') {
    cellWriter.inline((node as DefaultTreeAdapterTypes.TextNode).value);
    return;
  }
  if (!('childNodes' in node) || SKIPPED.has(node.nodeName)) return;
  if (node.nodeName === 'br' || node.nodeName === 'p') cellWriter.inline(' ');
  for (const child of node.childNodes) collectCellText(child, cellWriter);
}
