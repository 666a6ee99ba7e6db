import { createContext, useContext } from 'react';
import { TUI_WORDS, type TuiWords } from '../messages/tui.js';

/** The words of the chosen language, for every screen (the App provides them). */
export const WordsContext = createContext<TuiWords>(TUI_WORDS.zh);

export function useWords(): TuiWords {
  return useContext(WordsContext);
}
