export { analyzeDocument, analyzeStructure, RULES_EXTRACTOR, type AnalyzeOptions } from './analyze-document.js';
export { analyzeWithExtractor, readReport, type ReadOptions } from './read-report.js';
