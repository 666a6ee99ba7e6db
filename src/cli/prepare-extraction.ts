import { parseEnv } from '../config/env.js';
import { resolveExtractorConfig, type ExtractorFlags } from '../config/resolve-config.js';
import { createExtractor, type ExtractorOptions } from './create-extractor.js';
import type { CliIo } from './io.js';
import type { Extraction } from './read-inputs.js';

export const DEFAULT_CACHE_DIRECTORY = '.nianbao-cache';

/** Reads the environment (only here), picks the narrative extractor and says which, on stderr. */
export async function prepareExtraction(flags: ExtractorFlags, io: CliIo, quiet: boolean, options: ExtractorOptions = {}): Promise<Extraction> {
  const config = resolveExtractorConfig(flags, parseEnv(io.env), { cacheDirectory: DEFAULT_CACHE_DIRECTORY });
  const extraction = await createExtractor(config, options);
  if (!quiet) {
    const line =
      config.provider === 'rules'
        ? `narrative facts by the offline rules extractor — ${config.reason}`
        : `narrative facts by ${config.provider}:${config.model}${config.baseUrl ? ` at ${config.baseUrl}` : ''}, prompt ${extraction.extractor.promptVersion} (${extraction.extractor.promptHash}), ${config.cacheDirectory ? `cache ${config.cacheDirectory}` : 'no cache'}`;
    io.stderr.write(`nianbao: ${line}\n`);
  }
  return extraction;
}
