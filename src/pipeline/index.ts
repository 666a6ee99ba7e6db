export { analyzeDocument, analyzeStructure, type AnalyzeOptions } from './analyze-document.js';
export { analyzeWithExtractor, readReport, type ReadOptions } from './read-report.js';
