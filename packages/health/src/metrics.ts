import { errorMessage } from '@deploy-actions/core';
import type { HealthConfig } from './config';
import { round, unreadable, type CheckResult, type Subject, type Verdict } from './result';
import { compareFailureRates } from './stats';

const SIGNIFICANCE = 0.05;

/** One version's traffic over the window, as its target counts it. */
export interface VersionMetrics {
  /** Requests the version was asked to serve. */
  requests: number;
  /** Of those, the ones that failed. */
  failures: number;
  /** Latency in ms by statistic (p95, p99), when read. */
  latency: Record<string, number | undefined>;
  /** The target's own counts, for the report (Lambda: invocations, errors, throttles). */
  counts: Record<string, number>;
  /** Conditions the target reports that make the version unhealthy whatever its rates (unhealthy hosts). */
  problems?: string[];
}

export interface MetricsReading {
  green: VersionMetrics;
  blue?: VersionMetrics;
  /** The end of the newest readable minute judged (metrics arrive minutes late). */
  until?: number;
}

export type MetricsConfig = NonNullable<HealthConfig['metrics']>;

/** What a target gives the health checks: its per-version metrics and its own probes. */
export interface TargetSignals {
  /** Both versions' metrics over `windowMs` up to `now`, with the latency statistics named. */
  metrics?(subject: Subject, windowMs: number, percentiles: string[], now: number): Promise<MetricsReading>;
  /** Headers the target adds to every HTTP probe (Cloud Run: a Google-signed ID token), fetched per evaluation. */
  httpHeaders?(): Promise<Record<string, string>>;
  /** Checks only this target can make (Lambda: a direct invoke), run at every evaluation. */
  probes?(cfg: HealthConfig, subject: Subject, signal?: AbortSignal): Promise<CheckResult>[];
}

/** The latency statistics the config judges: p95 for the ratio, and each absolute limit. */
export function percentilesFor(cfg: MetricsConfig): string[] {
  const wanted = new Set(Object.keys(cfg.maxLatencyMs ?? {}));
  if (cfg.maxLatencyRatio !== undefined) wanted.add('p95');
  return [...wanted].sort();
}

export async function checkMetrics(
  signals: TargetSignals,
  cfg: MetricsConfig,
  s: Subject,
  now: number,
): Promise<CheckResult> {
  try {
    if (!signals.metrics) throw new Error('this target has no per-version metrics');
    return judgeMetrics(await signals.metrics(s, cfg.windowMs, percentilesFor(cfg), now), cfg, s);
  } catch (err) {
    return unreadable('metrics', `could not read the metrics of ${s.label(s.version)}: ${errorMessage(err)}`);
  }
}

/** Failure rate of the judged version against max-error-rate, beside a one-sided test against the baseline. */
export function judgeMetrics(m: MetricsReading, cfg: MetricsConfig, s: Subject): CheckResult {
  const g = m.green;
  const v = s.label(s.version);
  const base = s.baseline ? s.label(s.baseline) : '';
  const rate = g.requests ? (g.failures / g.requests) * 100 : null;
  const blueRate = m.blue && m.blue.requests ? (m.blue.failures / m.blue.requests) * 100 : null;
  const comparison = m.blue
    ? compareFailureRates(
        { failures: g.failures, total: g.requests },
        { failures: m.blue.failures, total: m.blue.requests },
      )
    : undefined;
  const p95 = g.latency.p95;
  const blueP95 = m.blue?.latency.p95;
  const ratio = p95 !== undefined && blueP95 ? p95 / blueP95 : null;
  const limits = Object.entries(cfg.maxLatencyMs ?? {});
  const observed = {
    ...g.counts,
    errorRate: round(rate),
    baselineErrorRate: round(blueRate),
    pValue: comparison ? round(comparison.pValue, 4) : null,
    p95: p95 ?? null,
    baselineP95: blueP95 ?? null,
    latencyRatio: round(ratio),
    ...Object.fromEntries(limits.map(([stat]) => [stat, g.latency[stat] ?? null])),
    readableUntil: m.until === undefined ? null : new Date(m.until).toISOString(),
  };
  const threshold = {
    minInvocations: cfg.minInvocations,
    maxErrorRate: cfg.maxErrorRate ?? null,
    maxLatencyRatio: cfg.maxLatencyRatio ?? null,
    maxLatencyMs: limits.length ? limits.map(([k, n]) => `${k}=${n}`).join(',') : null,
    significance: SIGNIFICANCE,
  };
  const result = (verdict: Verdict, reason: string): CheckResult => ({
    check: 'metrics',
    verdict,
    reason,
    observed,
    threshold,
  });

  if (g.problems?.length) return result('unhealthy', `${v}: ${g.problems.join(', ')}`);
  if (g.requests < cfg.minInvocations) {
    const span = s.since !== undefined ? 'since the step began' : 'in the window';
    const late =
      g.requests === 0 && m.until === undefined
        ? ' (no minute readable yet: metrics arrive minutes late)'
        : '';
    return result(
      'inconclusive',
      `${v} served ${g.requests} requests ${span}, below min-invocations ${cfg.minInvocations}${late}`,
    );
  }
  if (cfg.maxErrorRate !== undefined && rate !== null && rate > cfg.maxErrorRate) {
    const vs = blueRate !== null ? ` (${base}: ${round(blueRate)}%)` : '';
    // Blue failing as often means the cause is elsewhere (a dependency), not green.
    if (comparison && comparison.pValue >= SIGNIFICANCE) {
      return result(
        'inconclusive',
        `${v} fails ${round(rate)}% > ${cfg.maxErrorRate}%, but no more than ${base}'s ${round(blueRate)}% (p=${round(comparison.pValue, 3)}): the cause is likely outside the new version`,
      );
    }
    return result(
      'unhealthy',
      `${v} error rate ${round(rate)}% > max-error-rate ${cfg.maxErrorRate}%${vs}, ${g.failures} of ${g.requests} requests failed`,
    );
  }
  // Absolute limits need no baseline: they hold after promotion too.
  for (const [stat, limit] of limits) {
    const value = g.latency[stat];
    if (value === undefined) return result('inconclusive', `no ${stat} latency for ${v} in the window`);
    if (value > limit) {
      return result('unhealthy', `${v} ${stat} ${round(value)}ms > max-latency-ms ${stat}=${limit}ms`);
    }
  }
  if (cfg.maxLatencyRatio !== undefined) {
    if (ratio === null)
      return result('inconclusive', `no p95 latency for ${v} and its baseline in the window`);
    if (ratio > cfg.maxLatencyRatio) {
      return result(
        'unhealthy',
        `${v} p95 ${p95}ms is ${round(ratio)}× ${base}'s ${blueP95}ms > max-latency-ratio ${cfg.maxLatencyRatio}`,
      );
    }
  }
  const parts = [
    rate !== null && cfg.maxErrorRate !== undefined
      ? `error rate ${round(rate)}% ≤ ${cfg.maxErrorRate}%`
      : '',
    ...limits.map(([stat, limit]) => `${stat} ${round(g.latency[stat] ?? 0)}ms ≤ ${limit}ms`),
    cfg.maxLatencyRatio !== undefined && ratio !== null
      ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}`
      : '',
  ].filter(Boolean);
  return result('healthy', `${v}: ${parts.join(', ')} over ${g.requests} requests`);
}
