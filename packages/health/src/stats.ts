/** Standard normal CDF (Abramowitz–Stegun 7.1.26 for erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface Comparison {
  /** One-sided p-value of "green fails more often than blue". */
  pValue: number;
  z: number;
  greenRate: number;
  blueRate: number;
}

/**
 * One-sided two-proportion z-test of green's failure rate against blue's, or undefined when the counts are
 * too small for the normal approximation (each group needs at least 5 failures and 5 successes expected).
 */
export function compareFailureRates(
  green: { failures: number; total: number },
  blue: { failures: number; total: number },
): Comparison | undefined {
  if (green.total === 0 || blue.total === 0) return undefined;
  const pooled = (green.failures + blue.failures) / (green.total + blue.total);
  const expected = [
    green.total * pooled,
    green.total * (1 - pooled),
    blue.total * pooled,
    blue.total * (1 - pooled),
  ];
  if (expected.some((e) => e < 5)) return undefined;
  const greenRate = green.failures / green.total;
  const blueRate = blue.failures / blue.total;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / green.total + 1 / blue.total));
  const z = (greenRate - blueRate) / se;
  return { pValue: 1 - normalCdf(z), z, greenRate, blueRate };
}
