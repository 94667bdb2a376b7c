export type Verdict = 'healthy' | 'unhealthy' | 'inconclusive';

export interface CheckResult {
  check: 'alarms' | 'metrics' | 'http' | 'invoke' | 'logs';
  verdict: Verdict;
  /** One line a person can act on. */
  reason: string;
  /** Observed values and thresholds, for the report. */
  observed: Record<string, number | string | null>;
  threshold: Record<string, number | string | null>;
}

/** The version judged, the one it is compared with, and how the target names versions. */
export interface Subject {
  version: string;
  baseline?: string;
  label(version: string): string;
  /** Epoch ms the evidence starts at (a checkpointed step's start): judge from then to now, not `window`. */
  since?: number;
}

/** Fail closed: what cannot be read is never healthy. */
export function unreadable(check: CheckResult['check'], reason: string): CheckResult {
  return { check, verdict: 'unhealthy', reason, observed: {}, threshold: {} };
}

export function round(n: number | null, digits = 2): number | null {
  return n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
}

export function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
