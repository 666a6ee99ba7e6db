export { parseLabelledRows, type ParsedRow } from './parse-labelled-rows.js';
export { parseTables, type TableParse, type TablesParse } from './parse-tables.js';
export { readRow, type PlacedCell, type RowReading, type RowRule } from './read-row.js';
export { tokenizeGrids, tokenizeText, type Token } from './tokens.js';
