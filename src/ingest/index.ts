export { decodeText, type DecodedText, type TextEncoding } from './decode-text.js';
export { readHtml, type Grid, type GridCell, type HtmlText } from './html.js';
export { documentFromBytes, readDocument } from './read-document.js';
export type { DocumentFormat, SourceDocument } from './source-document.js';
