// The six-week rollout of a scheduled orchestrator (invoked every 4 hours), as its team plans it: a week per
// step, and the rules it rolls back on. Shared by the tests and the benchmark that drive it.
import type { VersionBehaviour } from './traffic';

export const SIX_WEEK_STEPS = '10:7d,30:7d,50:7d,70:7d,90:7d,100';

/** Error rate, duration against blue, failures in a row, memory, timeouts; a sample to wait for. */
export const SIX_WEEK_CHECKS: Record<string, string> = {
  'max-error-rate': '5',
  'max-duration-ratio': '1.5',
  'max-consecutive-failures': '3',
  'max-memory-mb': '750',
  'max-timeouts': '2',
  'min-invocations': '4',
  'on-inconclusive': 'wait',
  'max-bake': '14d',
};

/** How both versions run while nothing is wrong. */
export const STEADY_RUNS: VersionBehaviour = {
  errorRate: 0,
  latencyMs: { p50: 40, p95: 90 },
  memoryMb: 300,
  initMs: 400,
};
