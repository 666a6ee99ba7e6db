import { numberLabel } from '../checks/narrative/number-label.js';
import { rowCells, rowValuesText, tableRowName, tableRowsOf } from '../checks/table-rows.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Result, Span } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';
import type { ChatAnswer } from './answer-schema.js';
import type { ChatReply } from './ask.js';
import { givenNumbers, numbersIn, verifyAnswer } from './verify-answer.js';

type Candidate = { readonly label: string; readonly line: string; readonly citations: ChatAnswer['citations'] };

// Words of a question that say nothing about which number is meant.
const STOP_BIGRAMS = new Set(['多少', '是多', '少？', '什么', '为什', '么被', '被标', '哪些', '是否', '请问', '一下', '情况', '本年', '今年']);
const STOP_WORDS = new Set(['what', 'why', 'how', 'many', 'much', 'the', 'is', 'are', 'was', 'were', 'this', 'that', 'does', 'did', 'report', 'number', 'of', 'in', 'and']);
// A question about a flag or a problem is answered with the findings first.
const ABOUT_FINDINGS = /flag|wrong|error|problem|finding|conflict|不一致|错|问题|标记|矛盾|核对|为什么/i;
const MAX_LINES = 6;

/**
 * Without a model: the rows, stated numbers and findings whose labels share the most words with
 * the question, each with the report's own words, and a line saying a model is needed for more.
 */
export function offlineAnswer(result: Result, text: string, question: string): ChatReply {
  const chinese = /[\u4e00-\u9fff]/.test(question);
  const terms = termsOf(question);
  const wantsFindings = ABOUT_FINDINGS.test(question);
  const scored = candidatesOf(result, text)
    .map((candidate) => ({ candidate, score: terms.filter((term) => candidate.label.toLowerCase().includes(term)).length + (wantsFindings && candidate.label.startsWith('finding') ? 2 : 0) }))
    .filter(({ score }) => score > 0)
    .sort((left, right) => right.score - left.score);
  const best = scored[0]?.score ?? 0;
  const chosen = scored.filter(({ score }) => score * 2 >= best).slice(0, MAX_LINES).map(({ candidate }) => candidate);
  const heading = chosen.length === 0
    ? pick(chinese, '抽取结果中没有找到与问题相关的数字。', 'Nothing in the extracted result matches the question.')
    : pick(chinese, '抽取结果中与问题相关的内容（离线，未使用模型）：', 'From the extracted result (offline, no model):');
  const footer = pick(
    chinese,
    '其余问题需要模型来回答：设置 NIANBAO_MODEL 和 OPENAI_API_KEY（或 OPENAI_BASE_URL），再打开 nianbao tui。',
    'Anything else needs a model: set NIANBAO_MODEL and OPENAI_API_KEY (or OPENAI_BASE_URL) and reopen nianbao tui.',
  );
  const answer: ChatAnswer = {
    answer: [heading, ...chosen.map((candidate) => `· ${candidate.line}`), footer].join('\n'),
    // A finding repeats the quotes of the numbers it is about: each quote once.
    citations: [...new Map(chosen.flatMap((candidate) => candidate.citations).map((citation) => [`${citation.value}\u0000${citation.quote}`, citation])).values()],
  };
  return { answer: verifyAnswer(answer, text, givenNumbers(result, question)), by: 'offline', usage: null };
}

function pick(chinese: boolean, zh: string, en: string): string {
  return chinese ? zh : en;
}

/** Chinese bigrams and English words of the question. */
function termsOf(question: string): string[] {
  const bigrams = [...question.matchAll(/[\u4e00-\u9fff]+/g)].flatMap(([run]) => [...run].slice(0, -1).map((character, index) => character + run[index + 1]));
  const words = (question.toLowerCase().match(/[a-z][a-z.]+/g) ?? []).filter((word) => word.length > 2 && !STOP_WORDS.has(word));
  const single = [...question.matchAll(/[\u4e00-\u9fff]+/g)].filter(([run]) => run.length === 1).map(([run]) => run);
  return [...new Set([...bigrams.filter((bigram) => !STOP_BIGRAMS.has(bigram)), ...words, ...single])];
}

function candidatesOf(result: Result, text: string): Candidate[] {
  const candidates: Candidate[] = [];
  const layout = tableLayoutOf(result.template.format);
  for (const row of layout ? tableRowsOf(layout.format) : []) {
    const cells = rowCells(row, result.tables, result.cells);
    const printed = cells.filter((cell) => cell.source);
    if (printed.length === 0) continue;
    const quote = lineAround(text, printed[0]!.source!.span, printed.at(-1)!.source!.span);
    candidates.push({
      label: `table ${row.label} ${cells.map((cell) => `${cell.columnLabel} ${cell.path}`).join(' ')}`,
      line: `${tableRowName(row)}：${rowValuesText(cells)}`,
      citations: cells.flatMap((cell) => (cell.value === null ? [] : [{ value: cell.value, quote }])),
    });
  }
  for (const { path, number } of result.narrative ? listNumbers(result.narrative.facts) : []) {
    // Matched on the key and the words; shown by what it counts (主动公开 · 微博“灵武民政”发布信息).
    const named = numberLabel(result.narrative!.facts, path, 'zh');
    candidates.push({ label: `narrative ${path} ${named} ${number.quote}`, line: `正文 ${named} = ${number.value}：“${number.quote}”`, citations: [{ value: number.value, quote: number.quote }] });
  }
  for (const finding of result.findings) {
    const quotes = finding.spans.map((span) => text.slice(span.start, span.end));
    candidates.push({
      label: `finding ${finding.id} ${finding.message} ${finding.cells.map((cell) => `${cell.rowLabel} ${cell.columnLabel}`).join(' ')} ${quotes.join(' ')}`,
      line: `${finding.severity === 'error' ? '✗' : '?'} ${finding.id}：${finding.message}`,
      citations: [...finding.cells.flatMap((cell) => (cell.value === null || !cell.span ? [] : [{ value: cell.value, quote: lineAround(text, cell.span, cell.span) }])), ...quotes.flatMap((quote) => numbersIn(quote).map((value) => ({ value, quote })))],
    });
  }
  return candidates;
}

/** The source line(s) from the first span's line start to the last span's line end. */
function lineAround(text: string, first: Span, last: Span): string {
  const start = text.lastIndexOf('\n', first.start - 1) + 1;
  const newline = text.indexOf('\n', last.end);
  return text.slice(start, newline === -1 ? text.length : newline).trim();
}
