import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { cloudwatchSdk, type CloudWatch } from './client';
import { newestWindow, queryRange, sinceRange, type Point } from './window';

/** A query of one statistic per minute; ids allow letters, digits and _ only (p99.9 becomes p99_9). */
export function minuteQuery(
  id: string,
  metric: { namespace: string; name: string; dimensions: Record<string, string> },
  stat: string,
): MetricDataQuery {
  return {
    Id: id.replace('.', '_'),
    MetricStat: {
      Metric: {
        Namespace: metric.namespace,
        MetricName: metric.name,
        Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: 60,
      Stat: stat,
    },
    ReturnData: true,
  };
}

/**
 * Every query's per-minute values over the newest readable `window` (see window.ts), read with
 * GetMetricData, all pages. With `since`, every period from then to now instead (periods longer than a
 * minute over a long step). A query CloudWatch could not answer fails the read: fail closed.
 */
export async function readWindow(
  cw: CloudWatch,
  minuteQueries: MetricDataQuery[],
  windowMs: number,
  now: number,
  since?: number,
): Promise<{ values: Map<string, number[]>; until?: number }> {
  const { GetMetricDataCommand } = await cloudwatchSdk();
  const range = since === undefined ? queryRange(windowMs, now) : sinceRange(since, now);
  if (range.end <= range.start) return { values: new Map() };
  const queries = minuteQueries.map((q) =>
    q.MetricStat ? { ...q, MetricStat: { ...q.MetricStat, Period: range.periodS } } : q,
  );
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
      const values = result.Values ?? [];
      const times = result.Timestamps ?? [];
      if (values.length !== times.length)
        throw new Error(`metric ${result.Id} answered values without timestamps`);
      const points = values.map((value, i) => ({ at: times[i]!.getTime(), value }));
      series.set(result.Id!, [...(series.get(result.Id!) ?? []), ...points]);
    }
    token = r.NextToken;
  } while (token);
  if (since === undefined) return newestWindow(series, windowMs);
  const newest = Math.max(-Infinity, ...[...series.values()].flat().map((p) => p.at));
  const values = new Map([...series].map(([id, points]) => [id, points.map((p) => p.value)]));
  return Number.isFinite(newest) ? { values, until: newest + range.periodS * 1000 } : { values };
}

export const sumOf = (values: Map<string, number[]>, id: string) =>
  (values.get(id.replace('.', '_')) ?? []).reduce((a, b) => a + b, 0);

/** Percentiles come per minute; the worst minute of the window is the safe reading. */
export const worstOf = (values: Map<string, number[]>, id: string) => {
  const v = values.get(id.replace('.', '_'));
  return v?.length ? Math.max(...v) : undefined;
};
