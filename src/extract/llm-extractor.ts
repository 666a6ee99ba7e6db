import { ExtractionError } from '../errors.js';
import type { ChatMessage, CompletionResponse, LlmClient } from '../providers/llm-client.js';
import type { ExtractionUsage, NarrativeExtractor } from './extractor.js';
import { narrativeJsonSchema } from './narrative-json-schema.js';
import { parseModelOutput } from './parse-model-output.js';
import { buildMessages, type Prompt } from './prompt.js';
import { MODEL } from '../messages/model.js';

/**
 * The longest answer taken: a report's narrative facts are tens of kilobytes of JSON, so an answer
 * of megabytes is a model that ran away (repeating itself until its limit), not facts.
 */
export const MAX_ANSWER_CHARACTERS = 1_000_000;

/** An answer worth caching: not a refusal, not runaway, valid against the schema. */
function isValidAnswer(response: CompletionResponse): boolean {
  return !response.refusal && response.text.length <= MAX_ANSWER_CHARACTERS && parseModelOutput(response.text).ok;
}

export type LlmExtractorOptions = {
  readonly client: LlmClient;
  readonly prompt: Prompt;
  /** Attempts in all, the first included; each retry feeds the validation issues back. */
  readonly maxAttempts?: number;
};

/**
 * Narrative facts by an LLM: the prose (never the tables) with the strict JSON Schema; every
 * answer zod-validated; on failure the issues go back to the model, at most `maxAttempts` times;
 * after that an ExtractionError carries the raw text. Tokens of every attempt are counted.
 */
export function createLlmExtractor(options: LlmExtractorOptions): NarrativeExtractor {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const { client, prompt } = options;
  return {
    provider: client.provider,
    model: client.model,
    promptVersion: `${prompt.name}/${prompt.version}`,
    promptHash: prompt.hash,
    async extract(request) {
      const started = performance.now();
      const jsonSchema = { name: 'narrative', schema: narrativeJsonSchema().schema };
      let messages: ChatMessage[] = buildMessages(prompt, request.input.text);
      let inputTokens = 0;
      let outputTokens = 0;
      let cached = true;
      let lastText = '';
      let issues: readonly string[] = [];
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const response = await client.complete({ messages, jsonSchema, accept: isValidAnswer });
        inputTokens += response.usage.inputTokens;
        outputTokens += response.usage.outputTokens;
        cached &&= response.cached === true;
        const usage = (): ExtractionUsage => ({ inputTokens, outputTokens, attempts: attempt, latencyMs: performance.now() - started, cached });
        if (response.refusal) {
          throw new ExtractionError(MODEL.refused(client.model, response.refusal), response.text, [`refusal: ${response.refusal}`], usage());
        }
        if (response.text.length > MAX_ANSWER_CHARACTERS) {
          // Not fed back for another attempt: a second runaway answer would cost as much again.
          const issue = `the answer is ${response.text.length} characters long, more than the ${MAX_ANSWER_CHARACTERS} a report's narrative can take (a runaway answer): not used`;
          throw new ExtractionError(MODEL.invalid(client.model, issue), response.text.slice(0, 2000), [issue], usage());
        }
        lastText = response.text;
        const parsed = parseModelOutput(response.text);
        if (parsed.ok) return { narrative: parsed.value, usage: usage() };
        issues = parsed.issues;
        messages = [
          ...messages,
          { role: 'assistant', content: response.text },
          {
            role: 'user',
            content: `The JSON above does not match the schema:\n${issues.slice(0, 20).map((issue) => `- ${issue}`).join('\n')}\nReply again with the complete corrected JSON only.`,
          },
        ];
      }
      throw new ExtractionError(
        MODEL.noValidAnswer(client.model, maxAttempts, issues.slice(0, 3).join('; ')),
        lastText,
        issues,
        { inputTokens, outputTokens, attempts: maxAttempts },
      );
    },
  };
}
