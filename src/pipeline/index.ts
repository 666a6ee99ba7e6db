export { analyzeDocument, type AnalyzeOptions } from './analyze-document.js';
export { readReport } from './read-report.js';
