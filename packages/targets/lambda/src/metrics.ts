import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  minuteQuery,
  readWindow,
  sumOf,
  worstOf,
  type CloudWatch,
  type MetricsReading,
  type Subject,
  type VersionMetrics,
} from '@deploy-actions/health';

/** Lambda's counts for one version; throttled requests are not in Invocations, yet the caller saw them fail. */
export interface LambdaCounts {
  invocations: number;
  errors: number;
  throttles: number;
  latency?: Record<string, number | undefined>;
}

export function versionMetrics(c: LambdaCounts): VersionMetrics {
  return {
    requests: c.invocations + c.throttles,
    failures: c.errors + c.throttles,
    latency: c.latency ?? {},
    counts: { invocations: c.invocations, errors: c.errors, throttles: c.throttles },
  };
}

/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export async function readVersionMetrics(
  cw: CloudWatch,
  fn: { functionName: string; alias: string },
  t: Subject,
  windowMs: number,
  percentiles: string[],
  now: number,
): Promise<MetricsReading> {
  const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) } as Record<string, string>;
  const queries: MetricDataQuery[] = [];
  for (const [key, version] of Object.entries(versions)) {
    const dimensions = {
      FunctionName: fn.functionName,
      Resource: `${fn.functionName}:${fn.alias}`,
      ExecutedVersion: version,
    };
    const metric = (id: string, name: string, stat: string) =>
      minuteQuery(`${key}${id}`, { namespace: 'AWS/Lambda', name, dimensions }, stat);
    queries.push(
      metric('inv', 'Invocations', 'Sum'),
      metric('err', 'Errors', 'Sum'),
      metric('thr', 'Throttles', 'Sum'),
      ...percentiles.map((stat) => metric(stat, 'Duration', stat)),
    );
  }
  const { values, until } = await readWindow(cw, queries, windowMs, now, t.since);
  const read = (k: string): VersionMetrics =>
    versionMetrics({
      invocations: sumOf(values, `${k}inv`),
      errors: sumOf(values, `${k}err`),
      throttles: sumOf(values, `${k}thr`),
      latency: Object.fromEntries(percentiles.map((stat) => [stat, worstOf(values, `${k}${stat}`)])),
    });
  return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}
