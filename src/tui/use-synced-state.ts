import { useRef, useState } from 'react';

/**
 * State that the key handler reads through `get()`: keys typed faster than the screen redraws
 * ("Enter j j Enter" in one burst, or from tmux) must act on what the earlier keys changed,
 * not on the values of the last render. `set` updates both at once.
 */
export function useSyncedState<T>(initial: T): readonly [get: () => T, set: (change: T | ((current: T) => T)) => void] {
  const ref = useRef(initial);
  const [, setShown] = useState(initial);
  const set = (change: T | ((current: T) => T)) => {
    ref.current = typeof change === 'function' ? (change as (current: T) => T)(ref.current) : change;
    setShown(ref.current);
  };
  return [() => ref.current, set] as const;
}
