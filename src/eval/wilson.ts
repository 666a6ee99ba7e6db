/**
 * The Wilson score interval of a rate (95 % by default): honest for small samples and for rates
 * near 0 or 1, where the normal approximation claims certainty it does not have.
 */
export function wilsonInterval(successes: number, total: number, z = 1.96): { low: number; high: number } {
  if (total === 0) return { low: 0, high: 1 };
  const rate = successes / total;
  const denominator = 1 + (z * z) / total;
  const centre = rate + (z * z) / (2 * total);
  const margin = z * Math.sqrt((rate * (1 - rate)) / total + (z * z) / (4 * total * total));
  return { low: Math.max(0, (centre - margin) / denominator), high: Math.min(1, (centre + margin) / denominator) };
}

/** Whether two rates' intervals overlap: if they do, the data does not tell them apart. */
export function intervalsOverlap(left: { low: number; high: number }, right: { low: number; high: number }): boolean {
  return left.low <= right.high && right.low <= left.high;
}
