export * from './errors.js';
export { readDocument, documentFromBytes, type SourceDocument } from './ingest/index.js';
export { analyzeDocument, readReport, type AnalyzeOptions } from './pipeline/index.js';
export * from './report/schemas.js';
export * from './report/template.js';
export type { Language } from './checks/language.js';
