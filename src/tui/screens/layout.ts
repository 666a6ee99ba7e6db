import { truncate } from '../../render/display-width.js';

/** The part of a list that fits `size` lines, keeping the cursor near the middle. */
export function windowOf<T>(items: readonly T[], cursor: number, size: number): { start: number; shown: readonly T[] } {
  const start = Math.max(0, Math.min(cursor - Math.floor(size / 2), items.length - size));
  return { start, shown: items.slice(start, start + size) };
}

/**
 * Text meant for one row. Quotes keep the report's own line breaks (a label wrapped in the
 * source), so a run of whitespace holding a break or a tab becomes one space, or a single item
 * would take several rows and push the screen. Runs of plain spaces stay: they align columns.
 */
export function oneLine(text: string): string {
  // Each maximal run of whitespace is looked at once (a pattern \s*[\n…]\s* retried every split of a long run).
  return text.replace(/\s+/g, (run) => (/[\n\r\t\f\v]/.test(run) ? ' ' : run));
}

/** One line of a list: inverse video when selected, or a "›" in front when colours are off. */
export function selected(text: string, isSelected: boolean, color: boolean, width: number): string {
  const line = oneLine(text);
  if (color) return truncate(line, width);
  return truncate(`${isSelected ? '›' : ' '} ${line}`, width);
}
