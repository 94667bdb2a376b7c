import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  newestWindow,
  queryRange,
  type CloudWatch,
  type MetricsReading,
  type Point,
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
  const range = queryRange(windowMs, now);
  const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) } as Record<string, string>;
  const queries: MetricDataQuery[] = [];
  for (const [key, version] of Object.entries(versions)) {
    const dims = [
      { Name: 'FunctionName', Value: fn.functionName },
      { Name: 'Resource', Value: `${fn.functionName}:${fn.alias}` },
      { Name: 'ExecutedVersion', Value: version },
    ];
    const metric = (id: string, name: string, stat: string): MetricDataQuery => ({
      Id: `${key}${id}`,
      MetricStat: {
        Metric: { Namespace: 'AWS/Lambda', MetricName: name, Dimensions: dims },
        Period: range.periodS,
        Stat: stat,
      },
      ReturnData: true,
    });
    queries.push(
      metric('inv', 'Invocations', 'Sum'),
      metric('err', 'Errors', 'Sum'),
      metric('thr', 'Throttles', 'Sum'),
    );
    for (const stat of percentiles) queries.push(metric(statId(stat), 'Duration', stat));
  }
  const series = new Map<string, Point[]>();
  let token: string | undefined;
  do {
    const r = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: new Date(range.start),
        EndTime: new Date(range.end),
        NextToken: token,
      }),
    );
    for (const result of r.MetricDataResults ?? []) {
      if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
        throw new Error(
          `metric ${result.Id} answered ${result.StatusCode}: ${result.Messages?.map((m) => m.Value).join('; ') ?? ''}`,
        );
      }
      const points = (result.Values ?? []).map((value, i) => ({
        at: result.Timestamps![i]!.getTime(),
        value,
      }));
      series.set(result.Id!, [...(series.get(result.Id!) ?? []), ...points]);
    }
    token = r.NextToken;
  } while (token);
  const { values, until } = newestWindow(series, windowMs);
  const sum = (id: string) => (values.get(id) ?? []).reduce((a, b) => a + b, 0);
  // Percentiles come per minute; the worst minute of the window is the safe reading.
  const worst = (id: string) => (values.get(id)?.length ? Math.max(...values.get(id)!) : undefined);
  const read = (k: string): VersionMetrics =>
    versionMetrics({
      invocations: sum(`${k}inv`),
      errors: sum(`${k}err`),
      throttles: sum(`${k}thr`),
      latency: Object.fromEntries(percentiles.map((stat) => [stat, worst(`${k}${statId(stat)}`)])),
    });
  return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}

/** Query ids allow letters, digits and _ only: p99.9 becomes p99_9. */
function statId(stat: string): string {
  return stat.replace('.', '_');
}
