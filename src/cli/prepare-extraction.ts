import type { Language } from '../checks/language.js';
import { parseEnv } from '../config/env.js';
import { resolveExtractorConfig, type ExtractorFlags } from '../config/resolve-config.js';
import { createExtractor, DEFAULT_RETRIES, type ExtractorOptions } from './create-extractor.js';
import { formatDuration } from '../render/render-progress.js';
import type { RetryEvent } from '../providers/throttled.js';
import type { CliIo } from './io.js';
import type { Extraction } from './read-inputs.js';
import { CLI } from '../messages/cli.js';

export const DEFAULT_CACHE_DIRECTORY = '.nianbao-cache';

/** Reads the environment (only here), picks the narrative extractor and says which, on stderr. */
export async function prepareExtraction(flags: ExtractorFlags, io: CliIo, language: Language, quiet: boolean, options: ExtractorOptions = {}): Promise<Extraction> {
  const config = resolveExtractorConfig(flags, parseEnv(io.env), { cacheDirectory: DEFAULT_CACHE_DIRECTORY });
  // Every retry is said, as batch says it: a run that waits must show why.
  const withRetries: ExtractorOptions = options.throttle
    ? options
    : { ...options, throttle: { maxRetries: DEFAULT_RETRIES, onRetry: (event) => io.stderr.write(`nianbao: ${describeRetry(event, language)}\n`) } };
  const extraction = await createExtractor(config, withRetries);
  if (!quiet) {
    const line =
      config.provider === 'rules'
        ? CLI.rulesExtractor(config.reason)
        : CLI.modelExtractor(
            `${config.provider}:${config.model}`,
            config.baseUrl,
            `${extraction.extractor.promptVersion} (${extraction.extractor.promptHash})`,
            config.cacheDirectory,
          );
    io.stderr.write(`nianbao: ${line[language]}\n`);
  }
  return extraction;
}

/** "调用大模型失败（429），2.0s 后第 1/3 次重试：…" — batch prints the same line. */
export function describeRetry(event: RetryEvent, language: Language): string {
  const status = event.status === null || event.status === undefined ? null : String(event.status);
  return CLI.retry(status, event.attempt, event.maxRetries, formatDuration(event.delayMs), event.reason[language])[language];
}
