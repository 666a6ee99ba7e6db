import type { Narrative } from '../../report/narrative.js';
import type { Section } from '../../report/schemas.js';
import type { NarrativeInput } from '../narrative-input.js';
import { extractApplications, extractReviewLitigation } from './extract-applications.js';
import { extractActiveDisclosure } from './extract-channels.js';
import { extractContact, extractFee, extractProblems } from './extract-other-facts.js';
import { splitSentences } from './split-text.js';

/**
 * The offline extractor: the narrative schema filled from anchored phrases, every quote a
 * verbatim slice of the text that an LLM would have been sent. Deterministic and free; the
 * baseline in evals and the default when no model is configured.
 */
export function extractWithRules(input: NarrativeInput, documentText: string, sections: readonly Section[]): Narrative {
  const sentences = splitSentences(input.text);
  const problems = sections.find((section) => section.key === 'problems');
  const problemsText = problems
    ? { text: documentText.slice(problems.headingSpan.end, problems.span.end), start: problems.headingSpan.end }
    : null;
  return {
    activeDisclosure: extractActiveDisclosure(sentences),
    applications: extractApplications(sentences),
    reviewLitigation: extractReviewLitigation(sentences),
    fee: extractFee(sentences),
    ...extractProblems(problemsText),
    contact: extractContact(input.text),
  };
}
