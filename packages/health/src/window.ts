// CloudWatch makes a standard-resolution minute readable only some time after the minute ends, and AWS
// publishes no bound (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html says only that
// metrics are sent in one-minute intervals). A window ending now would read the newest minutes empty, so
// the metric checks query `window` plus a lookback and judge the newest `window` of minutes that answered.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far behind now readable minutes are looked for. */
export const METRICS_LOOKBACK_MS = 5 * MINUTE;

/** The time range to query: `window` plus the lookback, on whole minutes as CloudWatch lays its periods. */
export function queryRange(windowMs: number, now: number): { start: number; end: number; periodS: number } {
  const end = Math.floor(now / MINUTE) * MINUTE;
  return { start: end - windowMs - METRICS_LOOKBACK_MS, end, periodS: 60 };
}

/** Most datapoints a query is asked for; GetMetricData answers at most 100,800 per call over all its queries. */
export const MAX_POINTS = 1440;

/**
 * The time range of the evidence since `since` (a checkpointed step's start, maybe weeks ago): its whole minutes
 * up to the last whole minute before now, in periods long enough that a query stays within MAX_POINTS, and a
 * multiple of what CloudWatch keeps at that age (60 s up to 15 days, 300 s up to 63 days, then 3600 s:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html).
 */
export function sinceRange(since: number, now: number): { start: number; end: number; periodS: number } {
  const end = Math.floor(now / MINUTE) * MINUTE;
  const start = Math.min(end, Math.ceil(since / MINUTE) * MINUTE);
  const age = now - start;
  const unit = age > 63 * DAY ? 3600 : age > 15 * DAY ? 300 : 60;
  const periods = Math.ceil((end - start) / 1000 / MAX_POINTS / unit);
  return { start, end, periodS: Math.max(1, periods) * unit };
}

export interface Point {
  at: number;
  value: number;
}

/**
 * Every series cut to the newest `window` of readable minutes: those up to the newest minute any series
 * has a datapoint in. `until` is the end of that minute; undefined when nothing was readable.
 */
export function newestWindow(
  series: Map<string, Point[]>,
  windowMs: number,
): { values: Map<string, number[]>; until?: number } {
  const newest = Math.max(-Infinity, ...[...series.values()].flat().map((p) => p.at));
  if (!Number.isFinite(newest)) return { values: new Map() };
  const from = newest + MINUTE - windowMs;
  const values = new Map(
    [...series].map(([id, points]) => [id, points.filter((p) => p.at >= from).map((p) => p.value)]),
  );
  return { values, until: newest + MINUTE };
}
