import { buildChatMessages, type ChatTurn } from './chat-messages.js';
import type { Prompt } from '../extract/prompt.js';
import type { LlmClient, TokenUsage } from '../providers/llm-client.js';
import type { Result } from '../report/schemas.js';
import { ProviderError } from '../errors.js';
import { CHAT_ANSWER_JSON_SCHEMA, chatAnswerSchema } from './answer-schema.js';
import { partialAnswerText } from './partial-answer.js';
import { givenNumbers, verifyAnswer, type VerifiedAnswer } from './verify-answer.js';

export type ChatReply = {
  readonly answer: VerifiedAnswer;
  /** "openai:gpt-4.1-mini", or "offline" for answers read from the extracted result. */
  readonly by: string;
  readonly usage: TokenUsage | null;
};

export type AskOptions = {
  readonly client: LlmClient;
  readonly prompt: Prompt;
  readonly result: Result;
  /** The document text the result's spans point into: context for the model, and where quotes are looked for. */
  readonly text: string;
  readonly history: readonly ChatTurn[];
  readonly question: string;
  /** The answer's text so far, each time more of it has arrived. */
  readonly onAnswerText?: (answerSoFar: string) => void;
};

/** Asks the model about one report and checks every number of its answer against the report. */
export async function askAboutReport(options: AskOptions): Promise<ChatReply> {
  const request = {
    messages: buildChatMessages(options.prompt, options.result, options.text, options.history, options.question),
    jsonSchema: { name: 'report_answer', schema: CHAT_ANSWER_JSON_SCHEMA },
  };
  let received = '';
  const response = options.client.stream
    ? await options.client.stream(request, (delta) => {
        received += delta;
        options.onAnswerText?.(partialAnswerText(received));
      })
    : await options.client.complete(request);
  if (response.refusal) throw new ProviderError(`the model declined to answer: ${response.refusal}`, null);
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new ProviderError(`the model's answer is not JSON (finish reason ${response.finishReason}): ${response.text.slice(0, 120)}`, null);
  }
  const parsed = chatAnswerSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError(`the model's answer does not match the answer schema: ${parsed.error.issues[0]?.message ?? ''}`, null);
  return { answer: verifyAnswer(parsed.data, options.text, givenNumbers(options.result, options.question)), by: `${options.client.provider}:${options.client.model}`, usage: response.usage };
}
