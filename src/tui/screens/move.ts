import type { KeyPress } from '../keys.js';
import type { Session } from '../session.js';

/** ↑↓ (k/j) move the cursor over `count` lines, PgUp/PgDn by a screenful. True when the key moved it. */
export function moveKeys(input: string, key: KeyPress, session: Session, count: number): boolean {
  const page = Math.max(1, session.bodyHeight - 3);
  const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown || input === ' ' ? page : 0;
  if (step === 0) return false;
  session.setCursor(Math.max(0, Math.min(Math.max(0, count - 1), session.view.cursor + step)));
  return true;
}
