import { z } from 'zod';
import { toStrictJsonSchema, type JsonSchema } from '../extract/json-schema.js';

/**
 * What the model answers a question with. `answer` comes first so that it streams first (strict
 * structured outputs write keys in schema order); every number it states is listed in
 * `citations` with the words of the report it comes from, which code then looks for.
 */
export const chatAnswerSchema = z.strictObject({
  answer: z.string().describe('The answer, in the language of the question. Numbers as Arabic digits.'),
  citations: z
    .array(
      z.strictObject({
        value: z.number().describe('A number stated in the answer.'),
        quote: z.string().describe('Words copied verbatim from the report text that contain this number.'),
      }),
    )
    .describe('One entry for every number in the answer.'),
});

export type ChatAnswer = z.infer<typeof chatAnswerSchema>;

export const CHAT_ANSWER_JSON_SCHEMA: JsonSchema = toStrictJsonSchema(chatAnswerSchema);
