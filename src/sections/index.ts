export { detectFormat, type FormatDecision } from './detect-format.js';
export { findMeta } from './find-meta.js';
export { findSections, preambleSpan } from './find-sections.js';
export { normalizeLabel, normalizeText, originalSpan, type NormalizedText } from './normalized-text.js';
