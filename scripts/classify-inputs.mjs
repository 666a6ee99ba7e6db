#!/usr/bin/env node
// Is this a report? Every document under the folders given, as nianbao classifies it (after
// `npm run build`): one line each — REPORT or NOT, the template, the section headings found,
// the agency, the findings, the path — then the counts.
//   node scripts/classify-inputs.mjs fixtures ../shared/corpus
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readDocument } from '../dist/src/ingest/read-document.js';
import { analyzeDocument } from '../dist/src/pipeline/analyze-document.js';

const files = [];
const walk = (folder) => {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (['.txt', '.md', '.html', '.htm', '.pdf', '.docx'].includes(extname(name).toLowerCase())) files.push(path);
  }
};
for (const folder of process.argv.slice(2)) walk(folder);
const counts = { REPORT: 0, NOT: 0, UNREADABLE: 0 };
for (const path of files) {
  try {
    const result = analyzeDocument(await readDocument(path), { narrative: false });
    const kind = result.notices.some((notice) => notice.code === 'not-a-report') ? 'NOT' : 'REPORT';
    counts[kind] += 1;
    console.log([kind, result.template.format, result.sections.length, result.meta.agency ?? '-', result.findings.length, path].join('\t'));
  } catch (error) {
    counts.UNREADABLE += 1;
    console.log(['UNREADABLE', error.code ?? error.message, path].join('\t'));
  }
}
console.log(`${counts.REPORT} reports, ${counts.NOT} not reports, ${counts.UNREADABLE} unreadable`);
