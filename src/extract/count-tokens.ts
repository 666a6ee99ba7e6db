import { get_encoding, type Tiktoken } from 'tiktoken';

let encoder: Tiktoken | undefined;

/**
 * Tokens of a text under o200k_base (the GPT-4o / GPT-4.1 tokenizer), a fixed yardstick for
 * "what would be sent": other models tokenize differently, and what a provider reports as
 * actually sent is recorded separately in the usage. tiktoken's WebAssembly build: the same
 * counts as the pure-JS js-tiktoken, about 10× faster on Chinese (7 ms, not 75 ms, for a 4 000-
 * character report), which matters when a batch counts every report.
 */
export function countTokens(text: string): number {
  encoder ??= get_encoding('o200k_base');
  return encoder.encode_ordinary(text).length;
}
