import { TOPICS, type Narrative } from '../../report/narrative.js';
import type { Section } from '../../report/schemas.js';
import { normalizeText } from '../../sections/normalized-text.js';
import type { NarrativeInput } from '../narrative-input.js';
import { toStatements } from './draft.js';
import { extractClaims } from './extract-claims.js';
import { extractContact, extractProblems } from './extract-other-facts.js';
import { extractStatements } from './extract-statements.js';

// A heading glued to the clause after it ("（一）主动公开方面\n全年主动公开…", "六、其他需要报告的事项\n…").
const HEADING_LINE = /^\s*(?:#+\s*)?(?:(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])[^\n，,。；;]{0,30}|[^\n，,。；;]{1,24}(?:方面|情况|事项))\n/;

function withoutHeading(quote: string): string {
  let rest = quote;
  for (let match = HEADING_LINE.exec(rest); match && /\d/.test(rest.slice(match[0].length)); match = HEADING_LINE.exec(rest)) {
    rest = rest.slice(match[0].length).replace(/^\s+/, '');
  }
  return rest;
}

/**
 * The offline extractor: the narrative schema filled from the words around every count, each
 * quote a verbatim slice of the text that an LLM would have been sent. Deterministic and free;
 * the baseline in evals and the default when no model is configured.
 */
export function extractWithRules(input: NarrativeInput, documentText: string, sections: readonly Section[]): Narrative {
  // The rules read a view without whitespace and with full-width folded; quotes come from the original.
  const view = normalizeText(input.text);
  const quoteOf = (start: number, end: number) => withoutHeading(input.text.slice(view.offsets[start]!, view.offsets[Math.max(start, end - 1)]! + 1));
  const drafts = extractStatements(view.text, quoteOf);
  const problems = sections.find((section) => section.key === 'problems');
  const problemsText = problems
    ? { text: documentText.slice(problems.headingSpan.end, problems.span.end), start: problems.headingSpan.end }
    : null;
  const [activeDisclosure, applications, reviewLitigation, fee] = TOPICS.map((topic) => toStatements(drafts, topic));
  return {
    activeDisclosure: { statements: activeDisclosure! },
    applications: { statements: applications! },
    reviewLitigation: { statements: reviewLitigation!, claims: extractClaims(view.text, quoteOf) },
    fee: { statements: fee! },
    ...extractProblems(problemsText),
    contact: extractContact(input.text),
  } as Narrative;
}
