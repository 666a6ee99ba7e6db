import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

let encoder: Tiktoken | undefined;

/**
 * Tokens of a text under o200k_base (the GPT-4o / GPT-4.1 tokenizer), a fixed yardstick for
 * "what would be sent": other models tokenize differently, and what a provider reports as
 * actually sent is recorded separately in the usage.
 */
export function countTokens(text: string): number {
  encoder ??= new Tiktoken(o200kBase);
  return encoder.encode(text).length;
}
