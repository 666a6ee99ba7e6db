import { parseArgs } from 'node:util';
import type { Language } from '../checks/language.js';
import { UsageError } from '../errors.js';

export type CommonOptions = { readonly files: string[]; readonly json: boolean; readonly out?: string; readonly language: Language; readonly help: boolean };

/** Parses the flags shared by extract and check; unknown flags are usage errors. */
export function parseCommonOptions(argv: readonly string[], allowOut: boolean): CommonOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h', default: false },
        ...(allowOut ? { out: { type: 'string' as const } } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const language = values.lang;
  if (language !== 'zh' && language !== 'en') throw new UsageError(`--lang must be zh or en, not "${String(language)}"`);
  const out = 'out' in values && typeof values.out === 'string' ? values.out : undefined;
  return { files: positionals, json: values.json === true, language, help: values.help === true, ...(out ? { out } : {}) };
}
