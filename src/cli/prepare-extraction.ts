import { parseEnv } from '../config/env.js';
import { resolveExtractorConfig, type ExtractorFlags } from '../config/resolve-config.js';
import { createExtractor, DEFAULT_RETRIES, type ExtractorOptions } from './create-extractor.js';
import { formatDuration } from '../render/render-progress.js';
import type { RetryEvent } from '../providers/throttled.js';
import type { CliIo } from './io.js';
import type { Extraction } from './read-inputs.js';

export const DEFAULT_CACHE_DIRECTORY = '.nianbao-cache';

/** Reads the environment (only here), picks the narrative extractor and says which, on stderr. */
export async function prepareExtraction(flags: ExtractorFlags, io: CliIo, quiet: boolean, options: ExtractorOptions = {}): Promise<Extraction> {
  const config = resolveExtractorConfig(flags, parseEnv(io.env), { cacheDirectory: DEFAULT_CACHE_DIRECTORY });
  // Every retry is said, as batch says it: a run that waits must show why.
  const withRetries: ExtractorOptions = options.throttle
    ? options
    : { ...options, throttle: { maxRetries: DEFAULT_RETRIES, onRetry: (event) => io.stderr.write(`nianbao: ${describeRetry(event)}\n`) } };
  const extraction = await createExtractor(config, withRetries);
  if (!quiet) {
    const line =
      config.provider === 'rules'
        ? `narrative facts by the offline rules extractor — ${config.reason}`
        : `narrative facts by ${config.provider}:${config.model}${config.baseUrl ? ` at ${config.baseUrl}` : ''}, prompt ${extraction.extractor.promptVersion} (${extraction.extractor.promptHash}), ${config.cacheDirectory ? `cache ${config.cacheDirectory}` : 'no cache'}`;
    io.stderr.write(`nianbao: ${line}\n`);
  }
  return extraction;
}

/** "LLM call failed (429), retry 1/3 in 2.0s: …" — batch prints the same line. */
export function describeRetry(event: RetryEvent): string {
  return `LLM call failed (${event.status ?? 'no answer'}), retry ${event.attempt}/${event.maxRetries} in ${formatDuration(event.delayMs)}: ${event.reason}`;
}
