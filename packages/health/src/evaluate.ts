import { errorMessage, formatDuration, type Clock } from '@deploy-actions/core';
import { checkAlarms } from './alarms';
import type { CloudWatch } from './client';
import { hasAlarms, type HealthConfig } from './config';
import { checkHttp } from './http';
import { checkMetrics, type TargetSignals } from './metrics';
import { unreadable, type CheckResult, type Subject, type Verdict } from './result';

export interface Evaluation {
  at: number;
  verdict: Verdict;
  reason: string;
  checks: CheckResult[];
}

export interface Clients {
  /** Set when alarms are checked. */
  cloudwatch?: CloudWatch;
  signals: TargetSignals;
}

/** One evaluation: every configured check at once, combined (any unhealthy wins, then any inconclusive). */
export async function evaluateOnce(
  cfg: HealthConfig,
  t: Subject,
  clients: Clients,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Evaluation> {
  const at = clock.now();
  const pending: Promise<CheckResult>[] = [];
  if (hasAlarms(cfg)) pending.push(checkAlarms(clients.cloudwatch!, cfg.alarms));
  if (cfg.metrics) pending.push(checkMetrics(clients.signals, cfg.metrics, t, at));
  if (cfg.http) pending.push(probeHttp(cfg.http, clients.signals, signal));
  pending.push(...(clients.signals.probes?.(cfg, t, signal) ?? []));
  const checks = await Promise.all(pending);
  return { at, ...combine(checks), checks };
}

/** The HTTP probe with the target's headers; credentials that cannot be had fail closed. */
async function probeHttp(
  http: NonNullable<HealthConfig['http']>,
  signals: TargetSignals,
  signal?: AbortSignal,
): Promise<CheckResult> {
  if (!signals.httpHeaders) return checkHttp(http, signal);
  let headers: Record<string, string>;
  try {
    headers = await signals.httpHeaders();
  } catch (err) {
    return unreadable(
      'http',
      `could not get the credentials of the probe of ${http.url}: ${errorMessage(err)}`,
    );
  }
  return checkHttp({ ...http, headers: { ...http.headers, ...headers } }, signal);
}

export function combine(checks: CheckResult[]): { verdict: Verdict; reason: string } {
  for (const verdict of ['unhealthy', 'inconclusive'] as const) {
    const hit = checks.filter((c) => c.verdict === verdict);
    if (hit.length) return { verdict, reason: hit.map((c) => `${c.check}: ${c.reason}`).join('; ') };
  }
  if (!checks.length) return { verdict: 'healthy', reason: 'no checks configured' };
  return { verdict: 'healthy', reason: checks.map((c) => `${c.check}: ${c.reason}`).join('; ') };
}

/** The one rule for letting a release go on: healthy, or inconclusive when on-inconclusive is pass. */
export function passes(verdict: Verdict, onInconclusive: 'fail' | 'pass' | 'wait'): boolean {
  return verdict === 'healthy' || (verdict === 'inconclusive' && onInconclusive === 'pass');
}

export interface WatchResult {
  verdict: Verdict;
  reason: string;
  evaluations: Evaluation[];
}

export interface WatchOptions {
  durationMs: number;
  intervalMs: number;
  consecutiveFailures: number;
  clock: Clock;
  signal?: AbortSignal;
  /** Called after each evaluation, for progress in the log. */
  onEvaluation?(e: Evaluation, index: number, total: number, nextInMs: number | undefined): void;
}

/**
 * Evaluates every interval over the duration (once when it is 0). `consecutiveFailures` unhealthy
 * evaluations in a row make the verdict certain and end the watch at once; otherwise the last evaluation
 * decides, an unhealthy one short of the streak counting as inconclusive.
 */
export async function watch(evaluate: () => Promise<Evaluation>, o: WatchOptions): Promise<WatchResult> {
  const total = o.durationMs === 0 ? 1 : Math.ceil(o.durationMs / o.intervalMs);
  const started = o.clock.now();
  const evaluations: Evaluation[] = [];
  let streak = 0;
  for (let i = 1; i <= total; i++) {
    if (o.durationMs > 0) {
      // Each evaluation at its slot in time, however long the previous one took.
      const due = started + Math.min(i * o.intervalMs, o.durationMs);
      const wait = due - o.clock.now();
      if (wait > 0) await o.clock.sleep(wait, o.signal);
    }
    const e = await evaluate();
    evaluations.push(e);
    streak = e.verdict === 'unhealthy' ? streak + 1 : 0;
    const nextIn =
      i < total ? started + Math.min((i + 1) * o.intervalMs, o.durationMs) - o.clock.now() : undefined;
    o.onEvaluation?.(e, i, total, nextIn);
    if (streak >= o.consecutiveFailures) {
      const why = o.consecutiveFailures > 1 ? ` (${streak} evaluations in a row)` : '';
      return { verdict: 'unhealthy', reason: `${e.reason}${why}`, evaluations };
    }
  }
  const last = evaluations[evaluations.length - 1];
  if (last.verdict === 'unhealthy') {
    return {
      verdict: 'inconclusive',
      reason: `${last.reason} (${streak} of ${o.consecutiveFailures} unhealthy evaluations needed in a row within ${formatDuration(o.durationMs)})`,
      evaluations,
    };
  }
  return { verdict: last.verdict, reason: last.reason, evaluations };
}
