/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = {
  readonly next: () => number;
  /** An integer in [0, below); 0 when below ≤ 1. */
  readonly int: (below: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
};

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (below: number) => Math.floor(next() * Math.max(below, 1));
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/**
 * The seed of input `index` of a run seeded with `seed`: each input's mutations depend on these
 * two numbers only, so any one input is rebuilt on its own (by another process, or to reproduce).
 */
export function inputSeed(seed: number, index: number): number {
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
}
