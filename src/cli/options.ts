import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Language } from '../checks/language.js';
import { UsageError } from '../errors.js';
import { CLI } from '../messages/cli.js';
import type { Text } from '../messages/text.js';
import { LANGUAGE_OPTION, resolveLanguage } from './language.js';

type Environment = Readonly<Record<string, string | undefined>>;

import type { ExtractorFlags } from '../config/resolve-config.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../ingest/read-document.js';

export type CommonOptions = {
  readonly files: string[];
  readonly json: boolean;
  readonly out?: string;
  readonly language: Language;
  readonly help: boolean;
  readonly extractor: ExtractorFlags;
  readonly limits: ReadLimits;
};

/** --max-mb: the largest report text, in MB (PDF and Word files may be ten times as large on disk). */
export const LIMIT_OPTIONS = { 'max-mb': { type: 'string' } } as const;

export function readLimitsFrom(value: string | undefined): ReadLimits {
  if (value === undefined) return DEFAULT_READ_LIMITS;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new UsageError(CLI.maxMb(value));
  return { maxTextBytes: Math.round(megabytes * 1024 * 1024) };
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, strict, with any mistake in the command line turned into a UsageError (exit 2). */
export function parseCommandLine<const Options extends OptionsConfig>(
  argv: readonly string[],
  options: Options,
  allowPositionals = true,
): ReturnType<typeof parseArgs<{ args: string[]; strict: true; allowPositionals: boolean; options: Options }>> {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals, options });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** node:util's parseArgs says its errors in English: each kind is said again from its code. */
function describeParseError(error: unknown): Text {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
  const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return CLI.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? CLI.optionNeedsValue(option) : CLI.optionTakesNoValue(option);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return CLI.unexpectedArgument(argument);
  return CLI.badCommandLine(message);
}

/** The narrative extractor's flags, shared by extract, check and batch. */
export const NARRATIVE_OPTIONS = {
  provider: { type: 'string' },
  model: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'max-attempts': { type: 'string' },
  'response-format': { type: 'string' },
  prices: { type: 'string' },
} as const;

type NarrativeValues = {
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  readonly 'no-cache'?: boolean | undefined;
  readonly 'max-attempts'?: string | undefined;
  readonly 'response-format'?: string | undefined;
  readonly prices?: string | undefined;
};

/** The parsed narrative flags as ExtractorFlags, --max-attempts checked. */
export function extractorFlagsFrom(values: NarrativeValues): ExtractorFlags {
  const maxAttempts = values['max-attempts'] === undefined ? undefined : Number(values['max-attempts']);
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10)) {
    throw new UsageError(CLI.maxAttempts(String(values['max-attempts'])));
  }
  return {
    ...(values.provider ? { provider: values.provider } : {}),
    ...(values.model ? { model: values.model } : {}),
    ...(values['no-cache'] ? { cache: false } : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
    ...(values['response-format'] ? { responseFormat: values['response-format'] } : {}),
    ...(values.prices ? { prices: values.prices } : {}),
  };
}

/** Parses the flags shared by extract and check; unknown flags are usage errors. */
export function parseCommonOptions(argv: readonly string[], allowOut: boolean, env: Environment): CommonOptions {
  const parsed = parseCommandLine(argv, {
    json: { type: 'boolean', default: false },
    ...LANGUAGE_OPTION,
    help: { type: 'boolean', short: 'h', default: false },
    ...NARRATIVE_OPTIONS,
    ...LIMIT_OPTIONS,
    ...(allowOut ? { out: { type: 'string' as const } } : {}),
  });
  const { values, positionals } = parsed;
  const language = resolveLanguage(values.lang, env);
  const out = 'out' in values && typeof values.out === 'string' ? values.out : undefined;
  const extractor = extractorFlagsFrom(values);
  const limits = readLimitsFrom(values['max-mb']);
  return { files: positionals, json: values.json === true, language, help: values.help === true, extractor, limits, ...(out ? { out } : {}) };
}
