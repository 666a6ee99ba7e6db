import type { Language } from '../checks/language.js';
import { UsageError } from '../errors.js';
import { CLI } from '../messages/cli.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** --lang on every command: the language of everything a person reads (machine output keeps its keys). */
export const LANGUAGE_OPTION = { lang: { type: 'string' } } as const;

/**
 * The language a person reads: `--lang`, else NIANBAO_LANG, else the locale (LC_ALL, LC_MESSAGES,
 * LANG). English only when one of them says English: the users read Chinese, and a server's locale
 * (C, POSIX, C.UTF-8) says nothing about its user.
 */
export function resolveLanguage(flag: string | undefined, env: Environment): Language {
  if (flag !== undefined) return checked(flag, '--lang');
  const variable = env['NIANBAO_LANG'];
  if (variable) return checked(variable, 'NIANBAO_LANG');
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^en(?:[_.@-]|$)/i.test(locale) ? 'en' : 'zh';
}

/** The language of a command line before its flags are parsed, so a mistake in them is told in it. */
export function languageOfCommandLine(argv: readonly string[], env: Environment): Language {
  const at = argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  const flag = at === -1 ? undefined : argv[at]!.startsWith('--lang=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
  try {
    return resolveLanguage(flag === 'zh' || flag === 'en' ? flag : undefined, env);
  } catch {
    return 'zh';
  }
}

function checked(value: string, source: string): Language {
  if (value !== 'zh' && value !== 'en') throw new UsageError(CLI.badLanguage(source, value));
  return value;
}
