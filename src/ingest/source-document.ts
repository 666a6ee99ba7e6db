import type { TextEncoding } from './decode-text.js';

export type DocumentEncoding = TextEncoding | 'pdf-text-layer' | 'docx';
import type { Grid } from './html.js';
import type { PdfLine } from './pdf.js';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** A report as read from disk: the text a person sees, and for HTML the tables as grids. */
export type SourceDocument = {
  readonly path: string;
  readonly format: DocumentFormat;
  readonly encoding: DocumentEncoding;
  readonly sha256: string;
  /** Every span in a result is a character offset into this text. */
  readonly text: string;
  readonly grids: readonly Grid[];
  /** For PDFs: the page and position of every line of `text`. Empty for other formats. */
  readonly lines: readonly PdfLine[];
  /** Byte offsets of invalid UTF-8 decoded as U+FFFD (a few, in an otherwise UTF-8 file). */
  readonly damagedBytes?: readonly number[];
};
