import type { Result } from '../report/schemas.js';

/** A fixture id: 3–80 lower-case letters, digits, Chinese characters and hyphens, not starting with a hyphen. */
export const FIXTURE_ID = /^[\p{Script=Han}a-z0-9][\p{Script=Han}a-z0-9-]{2,79}$/u;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id a reviewed report is saved under unless the person types another: its agency and year
 * as printed ("灵武市民政局-2024"), or the file's name when the agency was not found, made unique
 * among the fixtures already there ("…-2", "…-3").
 */
export function defaultFixtureId(result: Result, taken: ReadonlySet<string>): string {
  const year = result.meta.year === null ? '' : `-${result.meta.year}`;
  const agency = slug(result.meta.agency ?? '').slice(0, 60);
  const file = slug((result.source.path.split(/[\\/]/).at(-1) ?? '').replace(/\.[^.]+$/, '')).slice(0, 60);
  const base = agency ? `${agency}${year}` : file.length >= 3 ? `${file}-reviewed` : `reviewed${year}-${result.source.sha256.slice(0, 8)}`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}
