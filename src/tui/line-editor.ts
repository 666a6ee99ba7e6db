/** The keys of ink's useInput that a text line cares about. */
export type LineKey = { readonly return: boolean; readonly escape: boolean; readonly backspace: boolean; readonly delete: boolean; readonly ctrl: boolean };

export type LineEdit = { readonly text: string; readonly done: 'submit' | 'cancel' | null };

/**
 * One keypress (or a chunk of them: tmux and fast typing send "民政\r" at once) applied to a line
 * of typed text. Pure, so the typing rules are tested without a terminal.
 */
export function editLine(current: string, input: string, key: LineKey): LineEdit {
  if (key.escape) return { text: current, done: 'cancel' };
  if (key.backspace || key.delete) return { text: [...current].slice(0, -1).join(''), done: null };
  if (key.ctrl) return { text: current, done: null };
  const submitted = key.return || /[\r\n]/.test(input);
  const typed = input.replace(/[\r\n].*$/s, '').replace(/[\u0000-\u001f\u007f]/g, '');
  return { text: current + typed, done: submitted ? 'submit' : null };
}
