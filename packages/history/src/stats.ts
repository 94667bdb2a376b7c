import { ROLLBACK_STRATEGY, targetKey, type DeploymentRecord } from './record';

const DAY_MS = 86_400_000;

/** [from, to) as ISO times. */
export interface Period {
  from: string;
  to: string;
}

export interface DeliveryStats {
  period: { from: string; to: string; days: number };
  /** Releases started in the period, finished or not; rollbacks are counted apart. */
  count: number;
  inProgress: number;
  succeeded: number;
  failed: number;
  rolledBack: number;
  /** succeeded / finished, 0..1; null when nothing finished. */
  successRate: number | null;
  /** endedAt - startedAt of finished deployments. */
  durationMs: { median: number | null; p95: number | null };
  /** (failed + rolled-back) / finished, 0..1; null when nothing finished. */
  changeFailureRate: number | null;
  /**
   * For each failed or rolled-back deployment: from its end to the end of the next succeeded deployment of
   * the same target. `unrestored` counts those with no success after them yet.
   */
  timeToRestoreMs: { median: number | null; restored: number; unrestored: number };
  deploymentsPerDay: number;
  successfulPerDay: number;
  /** Rollback records (strategy `rollback`) started in the period: a recovery, not a change, so not in count. */
  rollbacks: number;
  /** Of count, the releases shipped by the hotfix path (releaseKind hotfix), and how many of them succeeded. */
  hotfixes: { count: number; succeeded: number };
}

/** The last `days` days up to `now`. */
export function reportPeriod(now: Date | number, days: number): Period {
  const to = typeof now === 'number' ? now : now.getTime();
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/**
 * Delivery figures for the deployments started in `period`. Records outside it count only as the success
 * that restores a failure inside it. Sorting dominates: O(n log n).
 */
export function computeStats(records: readonly DeploymentRecord[], period: Period): DeliveryStats {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  if (!(to > from)) throw new Error(`report period ${period.from} .. ${period.to} is empty`);
  const days = (to - from) / DAY_MS;

  let count = 0;
  let inProgress = 0;
  let succeeded = 0;
  let failed = 0;
  let rolledBack = 0;
  let rollbacks = 0;
  const hotfixes = { count: 0, succeeded: 0 };
  const durations: number[] = [];
  const failures: { target: string; ended: number }[] = [];
  const successEnds = new Map<string, number[]>();

  for (const r of records) {
    const started = Date.parse(r.startedAt);
    const ended = r.endedAt === undefined ? NaN : Date.parse(r.endedAt);
    if (r.status === 'succeeded' && Number.isFinite(ended)) {
      const key = targetKey(r);
      const list = successEnds.get(key);
      if (list) list.push(ended);
      else successEnds.set(key, [ended]);
    }
    if (!(started >= from && started < to)) continue;
    // A rollback restores (its success ends a failure above) but is no change of its own.
    if (r.strategy === ROLLBACK_STRATEGY) {
      rollbacks++;
      continue;
    }
    count++;
    if (r.releaseKind === 'hotfix') {
      hotfixes.count++;
      if (r.status === 'succeeded') hotfixes.succeeded++;
    }
    if (r.status === 'started' || !Number.isFinite(ended)) {
      inProgress++;
      continue;
    }
    durations.push(Math.max(0, ended - started));
    if (r.status === 'succeeded') succeeded++;
    else {
      if (r.status === 'failed') failed++;
      else rolledBack++;
      failures.push({ target: targetKey(r), ended });
    }
  }

  for (const list of successEnds.values()) list.sort(byNumber);
  const restore: number[] = [];
  let unrestored = 0;
  for (const f of failures) {
    const ends = successEnds.get(f.target);
    const i = ends ? firstAtOrAbove(ends, f.ended) : -1;
    if (i < 0) unrestored++;
    else restore.push(ends![i]! - f.ended);
  }

  durations.sort(byNumber);
  restore.sort(byNumber);
  const finished = succeeded + failed + rolledBack;
  return {
    period: { from: period.from, to: period.to, days },
    count,
    inProgress,
    succeeded,
    failed,
    rolledBack,
    successRate: finished ? succeeded / finished : null,
    durationMs: { median: wholeMs(quantile(durations, 0.5)), p95: wholeMs(quantile(durations, 0.95)) },
    changeFailureRate: finished ? (failed + rolledBack) / finished : null,
    timeToRestoreMs: { median: wholeMs(quantile(restore, 0.5)), restored: restore.length, unrestored },
    deploymentsPerDay: count / days,
    successfulPerDay: succeeded / days,
    rollbacks,
    hotfixes,
  };
}

/**
 * The q-quantile of ascending values, interpolating between the two nearest ranks (Hyndman and Fan's
 * type 7, as numpy and spreadsheets' PERCENTILE.INC), so the median of an even count is the middle mean.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function wholeMs(x: number | null): number | null {
  return x === null ? null : Math.round(x);
}

function byNumber(a: number, b: number): number {
  return a - b;
}

/** Index of the first value at or above x in ascending values, or -1: a rollback may end in the same ms. */
function firstAtOrAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? lo : -1;
}
