import type { TextEncoding } from './decode-text.js';
import type { Grid } from './html.js';

export type DocumentFormat = 'txt' | 'md' | 'html';

/** A report as read from disk: the text a person sees, and for HTML the tables as grids. */
export type SourceDocument = {
  readonly path: string;
  readonly format: DocumentFormat;
  readonly encoding: TextEncoding;
  readonly sha256: string;
  /** Every span in a result is a character offset into this text. */
  readonly text: string;
  readonly grids: readonly Grid[];
};
