import type { Prompt } from '../extract/prompt.js';
import type { ChatMessage } from '../providers/llm-client.js';
import type { Result } from '../report/schemas.js';
import { reportContext } from './report-context.js';

/** One exchange already shown: the question and the answer's text. */
export type ChatTurn = { readonly question: string; readonly answer: string };

/** System prompt; the rules and the report as the first user message; earlier turns; the question. */
export function buildChatMessages(prompt: Prompt, result: Result, text: string, history: readonly ChatTurn[], question: string): ChatMessage[] {
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: `${prompt.instructions}\n\n${reportContext(result, text)}` },
    { role: 'assistant', content: '好的，请提问。 / Ready.' },
    ...history.flatMap((turn): ChatMessage[] => [
      { role: 'user', content: turn.question },
      { role: 'assistant', content: turn.answer },
    ]),
    { role: 'user', content: question },
  ];
}
