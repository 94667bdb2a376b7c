// Figures of one version from its invocations: runs (a request id counted once), failures in a row, timeouts,
// memory, durations and cold starts.
import type { Invocation, Outcome } from './records';

/** One request: its first attempt and every retry, which reuse its request id. */
export interface Run {
  requestId: string;
  at: number;
  /** How its last attempt ended: a request retried to success did not fail. */
  outcome: Outcome;
  /** Some attempt timed out. */
  timedOut: boolean;
}

// Async invocations are retried with the same request id:
// https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html
export function runsOf(records: Invocation[]): Run[] {
  const byId = new Map<string, Run>();
  for (const r of records) {
    const run = byId.get(r.requestId);
    if (!run) {
      byId.set(r.requestId, {
        requestId: r.requestId,
        at: r.at,
        outcome: r.outcome,
        timedOut: r.outcome === 'timeout',
      });
    } else {
      run.outcome = r.outcome;
      run.timedOut ||= r.outcome === 'timeout';
    }
  }
  return [...byId.values()].sort((a, b) => a.at - b.at);
}

/** The most runs that failed one after another, and how each of those ended. */
export function longestFailingStreak(runs: Run[]): Outcome[] {
  let best: Outcome[] = [];
  let current: Outcome[] = [];
  for (const run of runs) {
    current = run.outcome === 'success' ? [] : [...current, run.outcome];
    if (current.length > best.length) best = current;
  }
  return best;
}

export function mean(values: number[]): number | undefined {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** Nearest-rank p95: with few records, the slowest but the top 5%. */
export function p95(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1];
}

export interface VersionFigures {
  records: number;
  runs: Run[];
  durations: number[];
  /** Max Memory Used of every record that has it. */
  memory: number[];
  /** Init Duration of each cold start. */
  inits: number[];
}

export function figuresOf(records: Invocation[]): VersionFigures {
  return {
    records: records.length,
    runs: runsOf(records),
    durations: records.map((r) => r.durationMs),
    memory: records.flatMap((r) => (r.maxMemoryMb === undefined ? [] : [r.maxMemoryMb])),
    inits: records.flatMap((r) => (r.initDurationMs === undefined ? [] : [r.initDurationMs])),
  };
}
