import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type CloudWatchClient,
  type MetricAlarm,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage, InputError } from '@deploy-actions/core';
import type { HealthConfig } from './config';
import { compareFailureRates } from './stats';

export type Verdict = 'healthy' | 'unhealthy' | 'inconclusive';

export interface CheckResult {
  check: 'alarms' | 'metrics' | 'http' | 'invoke';
  verdict: Verdict;
  /** One line a person can act on. */
  reason: string;
  /** Observed values and thresholds, for the report. */
  observed: Record<string, number | string | null>;
  threshold: Record<string, number | string | null>;
}

export interface Target {
  functionName: string;
  alias: string;
  version: string;
  baseline?: string;
}

const SIGNIFICANCE = 0.05;

/** Every alarm the config names, read once; names that match nothing are the alarms input's error. */
export async function resolveAlarms(cw: CloudWatchClient, alarms: HealthConfig['alarms']): Promise<string[]> {
  const found = await describeAlarms(cw, alarms);
  const byName = new Set(found.map((a) => a.AlarmName));
  const missing = alarms.names.filter((n) => !byName.has(n));
  if (missing.length)
    throw new InputError(
      'alarms',
      missing.join(', '),
      'names no CloudWatch alarm in this account and region',
    );
  for (const prefix of alarms.prefixes) {
    if (!found.some((a) => a.AlarmName?.startsWith(prefix))) {
      throw new InputError('alarms', `${prefix}*`, 'matches no CloudWatch alarm in this account and region');
    }
  }
  return [...byName].filter((n): n is string => !!n).sort();
}

async function describeAlarms(cw: CloudWatchClient, alarms: HealthConfig['alarms']): Promise<MetricAlarm[]> {
  const out: MetricAlarm[] = [];
  const pages: { AlarmNames?: string[]; AlarmNamePrefix?: string }[] = [
    ...(alarms.names.length ? [{ AlarmNames: alarms.names }] : []),
    ...alarms.prefixes.map((p) => ({ AlarmNamePrefix: p })),
  ];
  for (const filter of pages) {
    let token: string | undefined;
    do {
      const r = await cw.send(
        new DescribeAlarmsCommand({
          ...filter,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken: token,
        }),
      );
      out.push(...(r.MetricAlarms ?? []), ...((r.CompositeAlarms ?? []) as MetricAlarm[]));
      token = r.NextToken;
    } while (token);
  }
  // A name and a prefix may find the same alarm.
  return [...new Map(out.map((a) => [a.AlarmName, a])).values()];
}

/** Any alarm in ALARM is unhealthy; INSUFFICIENT_DATA is inconclusive; a read that fails is unhealthy. */
export async function checkAlarms(
  cw: CloudWatchClient,
  alarms: HealthConfig['alarms'],
): Promise<CheckResult> {
  let found: MetricAlarm[];
  try {
    found = await describeAlarms(cw, alarms);
  } catch (err) {
    return unreadable('alarms', `could not read the alarms: ${errorMessage(err)}`);
  }
  const inAlarm = found.filter((a) => a.StateValue === 'ALARM').map((a) => a.AlarmName);
  const noData = found.filter((a) => a.StateValue === 'INSUFFICIENT_DATA').map((a) => a.AlarmName);
  const observed = {
    alarms: found.length,
    inAlarm: inAlarm.join(', ') || null,
    insufficientData: noData.join(', ') || null,
  };
  const result = (verdict: Verdict, reason: string): CheckResult => ({
    check: 'alarms',
    verdict,
    reason,
    observed,
    threshold: { inAlarm: 'none' },
  });
  if (inAlarm.length) return result('unhealthy', `alarm ${inAlarm.join(', ')} in ALARM`);
  if (noData.length) return result('inconclusive', `alarm ${noData.join(', ')} has INSUFFICIENT_DATA`);
  return result('healthy', `${found.length} alarm(s) OK`);
}

export interface VersionMetrics {
  invocations: number;
  errors: number;
  throttles: number;
  p95?: number;
}

/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export async function readVersionMetrics(
  cw: CloudWatchClient,
  t: Target,
  windowMs: number,
  withLatency: boolean,
  now: number,
): Promise<{ green: VersionMetrics; blue?: VersionMetrics }> {
  const period = windowMs / 1000;
  const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) } as Record<string, string>;
  const queries: MetricDataQuery[] = [];
  for (const [key, version] of Object.entries(versions)) {
    const dims = [
      { Name: 'FunctionName', Value: t.functionName },
      { Name: 'Resource', Value: `${t.functionName}:${t.alias}` },
      { Name: 'ExecutedVersion', Value: version },
    ];
    const metric = (id: string, name: string, stat: string): MetricDataQuery => ({
      Id: `${key}${id}`,
      MetricStat: {
        Metric: { Namespace: 'AWS/Lambda', MetricName: name, Dimensions: dims },
        Period: period,
        Stat: stat,
      },
      ReturnData: true,
    });
    queries.push(
      metric('inv', 'Invocations', 'Sum'),
      metric('err', 'Errors', 'Sum'),
      metric('thr', 'Throttles', 'Sum'),
    );
    if (withLatency) queries.push(metric('p95', 'Duration', 'p95'));
  }
  const values = new Map<string, number[]>();
  let token: string | undefined;
  do {
    const r = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: new Date(now - windowMs),
        EndTime: new Date(now),
        NextToken: token,
      }),
    );
    for (const result of r.MetricDataResults ?? []) {
      if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
        throw new Error(
          `metric ${result.Id} answered ${result.StatusCode}: ${result.Messages?.map((m) => m.Value).join('; ') ?? ''}`,
        );
      }
      values.set(result.Id!, [...(values.get(result.Id!) ?? []), ...(result.Values ?? [])]);
    }
    token = r.NextToken;
  } while (token);
  const sum = (id: string) => (values.get(id) ?? []).reduce((a, b) => a + b, 0);
  // A window can straddle two periods; the worse p95 of the two is the safe reading.
  const p95 = (id: string) => (values.get(id)?.length ? Math.max(...values.get(id)!) : undefined);
  const read = (k: string): VersionMetrics => ({
    invocations: sum(`${k}inv`),
    errors: sum(`${k}err`),
    throttles: sum(`${k}thr`),
    ...(withLatency && { p95: p95(`${k}p95`) }),
  });
  return { green: read('g'), ...(t.baseline && { blue: read('b') }) };
}

/** Failure rate of the judged version against max-error-rate, beside a one-sided test against the baseline. */
export function judgeMetrics(
  m: { green: VersionMetrics; blue?: VersionMetrics },
  cfg: NonNullable<HealthConfig['metrics']>,
  t: Target,
): CheckResult {
  const g = m.green;
  const failures = g.errors + g.throttles;
  // Throttled requests are not counted in Invocations, yet the caller saw them fail.
  const total = g.invocations + g.throttles;
  const rate = total ? (failures / total) * 100 : null;
  const blueTotal = m.blue ? m.blue.invocations + m.blue.throttles : 0;
  const blueRate = m.blue && blueTotal ? ((m.blue.errors + m.blue.throttles) / blueTotal) * 100 : null;
  const comparison = m.blue
    ? compareFailureRates(
        { failures, total },
        { failures: m.blue.errors + m.blue.throttles, total: blueTotal },
      )
    : undefined;
  const ratio = g.p95 !== undefined && m.blue?.p95 ? g.p95 / m.blue.p95 : null;
  const observed = {
    invocations: g.invocations,
    errors: g.errors,
    throttles: g.throttles,
    errorRate: round(rate),
    baselineErrorRate: round(blueRate),
    pValue: comparison ? round(comparison.pValue, 4) : null,
    p95: g.p95 ?? null,
    baselineP95: m.blue?.p95 ?? null,
    latencyRatio: round(ratio),
  };
  const threshold = {
    minInvocations: cfg.minInvocations,
    maxErrorRate: cfg.maxErrorRate ?? null,
    maxLatencyRatio: cfg.maxLatencyRatio ?? null,
    significance: SIGNIFICANCE,
  };
  const result = (verdict: Verdict, reason: string): CheckResult => ({
    check: 'metrics',
    verdict,
    reason,
    observed,
    threshold,
  });

  if (total < cfg.minInvocations) {
    return result(
      'inconclusive',
      `v${t.version} served ${total} requests in the window, below min-invocations ${cfg.minInvocations}`,
    );
  }
  if (cfg.maxErrorRate !== undefined && rate !== null && rate > cfg.maxErrorRate) {
    const vs = blueRate !== null ? ` (v${t.baseline}: ${round(blueRate)}%)` : '';
    // Blue failing as often means the cause is elsewhere (a dependency), not green.
    if (comparison && comparison.pValue >= SIGNIFICANCE) {
      return result(
        'inconclusive',
        `v${t.version} fails ${round(rate)}% > ${cfg.maxErrorRate}%, but no more than v${t.baseline}'s ${round(blueRate)}% (p=${round(comparison.pValue, 3)}): the cause is likely outside the new version`,
      );
    }
    return result(
      'unhealthy',
      `v${t.version} error rate ${round(rate)}% > max-error-rate ${cfg.maxErrorRate}%${vs}, ${failures} of ${total} requests failed`,
    );
  }
  if (cfg.maxLatencyRatio !== undefined) {
    if (ratio === null)
      return result('inconclusive', `no p95 Duration for v${t.version} and its baseline in the window`);
    if (ratio > cfg.maxLatencyRatio) {
      return result(
        'unhealthy',
        `v${t.version} p95 ${g.p95}ms is ${round(ratio)}× v${t.baseline}'s ${m.blue?.p95}ms > max-latency-ratio ${cfg.maxLatencyRatio}`,
      );
    }
  }
  const parts = [
    rate !== null && cfg.maxErrorRate !== undefined
      ? `error rate ${round(rate)}% ≤ ${cfg.maxErrorRate}%`
      : '',
    ratio !== null ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}` : '',
  ].filter(Boolean);
  return result('healthy', `v${t.version}: ${parts.join(', ')} over ${total} requests`);
}

export async function checkMetrics(
  cw: CloudWatchClient,
  cfg: NonNullable<HealthConfig['metrics']>,
  t: Target,
  now: number,
): Promise<CheckResult> {
  try {
    return judgeMetrics(
      await readVersionMetrics(cw, t, cfg.windowMs, cfg.maxLatencyRatio !== undefined, now),
      cfg,
      t,
    );
  } catch (err) {
    return unreadable('metrics', `could not read the metrics of v${t.version}: ${errorMessage(err)}`);
  }
}

/** N requests; a wrong status, a failed request or one slower than the limit is unhealthy. */
export async function checkHttp(
  cfg: NonNullable<HealthConfig['http']>,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const timeout = cfg.maxLatencyMs ? Math.max(cfg.maxLatencyMs * 2, 1000) : 10_000;
  for (let i = 0; i < cfg.samples; i++) {
    const started = performance.now();
    try {
      const res = await fetch(cfg.url, {
        method: cfg.method,
        headers: cfg.headers,
        body: cfg.body,
        redirect: 'manual',
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeout)])
          : AbortSignal.timeout(timeout),
      });
      await res.arrayBuffer();
      const ms = Math.round(performance.now() - started);
      latencies.push(ms);
      if (!cfg.expect.some((r) => res.status >= r.from && res.status <= r.to))
        failures.push(`status ${res.status}`);
      else if (cfg.maxLatencyMs !== undefined && ms > cfg.maxLatencyMs)
        failures.push(`${ms}ms > ${cfg.maxLatencyMs}ms`);
    } catch (err) {
      // fetch says only "fetch failed"; the cause (ECONNREFUSED, a bad port, a timeout) is what helps.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      failures.push(cause ? `${errorMessage(err)}: ${cause.code ?? cause.message}` : errorMessage(err));
    }
  }
  const observed = {
    samples: cfg.samples,
    failed: failures.length,
    maxLatencyMs: latencies.length ? Math.max(...latencies) : null,
  };
  const threshold = {
    status: cfg.expect.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
    maxLatencyMs: cfg.maxLatencyMs ?? null,
  };
  if (failures.length) {
    return {
      check: 'http',
      verdict: 'unhealthy',
      reason: `${failures.length} of ${cfg.samples} requests to ${cfg.url} failed: ${failures[0]}`,
      observed,
      threshold,
    };
  }
  return {
    check: 'http',
    verdict: 'healthy',
    reason: `${cfg.samples} requests to ${cfg.url} answered ${threshold.status}`,
    observed,
    threshold,
  };
}

export async function checkInvoke(
  lambda: LambdaClient,
  cfg: NonNullable<HealthConfig['invoke']>,
  t: Target,
): Promise<CheckResult> {
  const { InvokeCommand } = await import('@aws-sdk/client-lambda');
  const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
  try {
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: t.functionName,
        Qualifier: t.version,
        Payload: new TextEncoder().encode(cfg.payload),
      }),
    );
    const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    const observed = { functionError: out.FunctionError ?? null, response: clip(body) };
    if (out.FunctionError) {
      return {
        check: 'invoke',
        verdict: 'unhealthy',
        reason: `v${t.version} returned a function error (${out.FunctionError}): ${clip(body)}`,
        observed,
        threshold,
      };
    }
    if (cfg.expect && !cfg.expect.test(body)) {
      return {
        check: 'invoke',
        verdict: 'unhealthy',
        reason: `v${t.version} answered ${clip(body)}, which does not match ${cfg.expect.describe}`,
        observed,
        threshold,
      };
    }
    return {
      check: 'invoke',
      verdict: 'healthy',
      reason: `v${t.version} answered the invoke${cfg.expect ? ` matching ${cfg.expect.describe}` : ''}`,
      observed,
      threshold,
    };
  } catch (err) {
    return {
      check: 'invoke',
      verdict: 'unhealthy',
      reason: `invoking v${t.version} failed: ${errorMessage(err)}`,
      observed: {},
      threshold,
    };
  }
}

/** Fail closed: what cannot be read is never healthy. */
function unreadable(check: CheckResult['check'], reason: string): CheckResult {
  return { check, verdict: 'unhealthy', reason, observed: {}, threshold: {} };
}

function round(n: number | null, digits = 2): number | null {
  return n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
