// Latency distributions as Cloud Monitoring keeps them: counts in exponential buckets, percentiles interpolated
// within a bucket (https://cloud.google.com/monitoring/api/ref_v3/rest/v3/TypedValue#Distribution), so a
// percentile read back is only as exact as its bucket.

// Assumed, as Google does not publish Cloud Run's bucket layout: growth 1.4 from 1 ms.
export const BUCKETS = { numFiniteBuckets: 60, growthFactor: 1.4, scale: 1 };

/** Exact values (value → count), merged as Monitoring merges distributions. */
export type Histogram = Map<number, number>;

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [v, n] of from) into.set(v, (into.get(v) ?? 0) + n);
  return into;
}

export function bucketOf(value: number): number {
  const { numFiniteBuckets: n, growthFactor: g, scale } = BUCKETS;
  if (value < scale) return 0;
  const i = Math.floor(Math.log(value / scale) / Math.log(g)) + 1;
  return Math.min(i, n + 1);
}

/** Lower and upper bound of bucket i (0 underflow, n+1 overflow). */
export function bucketBounds(i: number): [number, number] {
  const { numFiniteBuckets: n, growthFactor: g, scale } = BUCKETS;
  if (i === 0) return [0, scale];
  if (i > n) return [scale * g ** n, scale * g ** n];
  return [scale * g ** (i - 1), scale * g ** i];
}

function counts(h: Histogram): number[] {
  const out: number[] = [];
  for (const [v, c] of h) {
    const b = bucketOf(v);
    while (out.length <= b) out.push(0);
    out[b]! += c;
  }
  return out;
}

/** The percentile (0..100) Monitoring reports: linear interpolation inside the bucket holding that rank. */
export function percentile(h: Histogram, p: number): number | undefined {
  const c = counts(h);
  const total = c.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = (p / 100) * total;
  let seen = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === 0) continue;
    if (seen + c[i]! >= rank) {
      const [lo, hi] = bucketBounds(i);
      return lo + ((hi - lo) * Math.max(0, rank - seen)) / c[i]!;
    }
    seen += c[i]!;
  }
  return bucketBounds(c.length - 1)[1];
}

export function mean(h: Histogram): number {
  let n = 0;
  let sum = 0;
  for (const [v, c] of h) {
    n += c;
    sum += v * c;
  }
  return n ? sum / n : 0;
}

/** google.api.Distribution JSON (int64 counts as strings; trailing empty buckets left out, as Google does). */
export function distributionJson(h: Histogram) {
  let count = 0;
  for (const c of h.values()) count += c;
  const m = mean(h);
  let ssd = 0;
  for (const [v, c] of h) ssd += c * (v - m) ** 2;
  return {
    count: String(count),
    ...(m ? { mean: m } : {}),
    ...(ssd ? { sumOfSquaredDeviation: ssd } : {}),
    bucketOptions: { exponentialBuckets: BUCKETS },
    bucketCounts: counts(h).map(String),
  };
}
