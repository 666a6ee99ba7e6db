// Cell paths ("applications.denied.stateSecret.total") are a fixed, small set and are walked for
// every cell of every rule: each is split once.
const splitPaths = new Map<string, readonly string[]>();

export function keysOf(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  return keys;
}
