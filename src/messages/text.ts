import type { Language } from '../checks/language.js';

/**
 * A sentence a person reads, written in both languages where it is made; the edge (the CLI, the
 * TUI, a page) says it in the language the person chose. Machine output keeps keys and ids.
 */
export type Text = { readonly zh: string; readonly en: string };

export function text(zh: string, en: string): Text {
  return { zh, en };
}

/** The text in `language`. A plain string has no translation and is said as it is. */
export function say(message: Text | string, language: Language): string {
  return typeof message === 'string' ? message : message[language];
}

/** Both languages of a text built from parts, each part said in the same language. */
export function compose(build: (language: Language) => string): Text {
  return { zh: build('zh'), en: build('en') };
}

/** "report.txt：文件不存在" / "report.txt: no such file": a file, then what is said about it. */
export function aboutFile(path: string, message: string, language: Language): string {
  return `${path}${language === 'zh' ? '：' : ': '}${message}`;
}
