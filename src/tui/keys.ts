import type { LineKey } from './line-editor.js';

/** The keys the UI reads; ink's Key has these and more. */
export type KeyPress = LineKey & {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageUp: boolean;
  readonly pageDown: boolean;
};

/** A character of a chunk as the key it stands for. */
export function keyOf(character: string): KeyPress {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageUp: false,
    pageDown: false,
    return: character === '\r' || character === '\n',
    escape: false,
    backspace: character === '\u007f' || character === '\b',
    delete: false,
    ctrl: false,
  };
}

/**
 * What ink handed over, as the keys a person pressed, in order. Keys typed fast, pasted or sent
 * by tmux arrive as one chunk ("jj\r", "/民政\r"): each character is a key of its own. Esc and
 * the next key sent together ("\u001bj") reach ink as Alt+j: that is Esc, then j; Esc Esc reaches
 * it as one Esc.
 */
export function keysOfChunk(input: string, key: KeyPress & { readonly meta?: boolean }): [string, KeyPress][] {
  // Esc pressed twice in a row arrives as one Esc whose input is the other Esc.
  if (key.escape && /^\u001b+$/.test(input)) return Array.from({ length: input.length + 1 }, () => ['', { ...keyOf(''), escape: true }]);
  if (input.length > 1 && !input.includes('\u001b')) return [...input].map((character) => [character, keyOf(character)]);
  if (key.meta && !key.escape && input.length === 1) return [['', { ...keyOf(''), escape: true }], [input, keyOf(input)]];
  return [[input, key]];
}

/** Enter or →: open what is selected. */
export const opens = (key: KeyPress) => key.return || key.rightArrow;
