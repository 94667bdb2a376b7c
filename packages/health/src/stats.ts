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

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients; relative error below 1e-13). */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (Numerical Recipes, 2nd ed., §6.4 betacf). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const aa of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-12) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T > t) for Student's t distribution with `df` degrees of freedom. */
export function studentTail(t: number, df: number): number {
  const half = incompleteBeta(df / (df + t * t), df / 2, 0.5) / 2;
  return t > 0 ? half : 1 - half;
}

function meanAndVariance(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/**
 * Welch's one-sided t-test that the mean of `a` exceeds the mean of `b` by more than `margin`: its p-value, or
 * undefined with fewer than two values on a side (no variance to judge by).
 */
export function welchGreater(a: number[], b: number[], margin = 0): number | undefined {
  if (a.length < 2 || b.length < 2) return undefined;
  const x = meanAndVariance(a);
  const y = meanAndVariance(b);
  const diff = x.mean - y.mean - margin;
  const va = x.variance / a.length;
  const vb = y.variance / b.length;
  // Both samples without spread: the difference is exact.
  if (va + vb === 0) return diff > 0 ? 0 : 1;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return studentTail(diff / Math.sqrt(va + vb), df);
}
