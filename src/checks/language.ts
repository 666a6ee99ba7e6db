/** Finding messages are in Chinese by default (the users read Chinese), English on request. */
export type Language = 'zh' | 'en';

export function pick(language: Language, zh: string, en: string): string {
  return language === 'zh' ? zh : en;
}
