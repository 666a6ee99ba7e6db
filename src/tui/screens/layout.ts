import { truncate } from '../../render/display-width.js';

/** The part of a list that fits `size` lines, keeping the cursor near the middle. */
export function windowOf<T>(items: readonly T[], cursor: number, size: number): { start: number; shown: readonly T[] } {
  const start = Math.max(0, Math.min(cursor - Math.floor(size / 2), items.length - size));
  return { start, shown: items.slice(start, start + size) };
}

/** The selected line: inverse video, or a "›" in front when colours are off. */
export function selected(text: string, isSelected: boolean, color: boolean, width: number): string {
  if (color) return truncate(text, width);
  return truncate(`${isSelected ? '›' : ' '} ${text}`, width);
}
