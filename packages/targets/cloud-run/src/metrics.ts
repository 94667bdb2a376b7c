// Per-revision health from Cloud Monitoring: request_count by response_code_class (5xx over all) and the
// request_latencies percentiles, per revision_name (https://cloud.google.com/monitoring/api/metrics_gcp_p_z#gcp-run).
// Requests to the tag URL (probes, pre-traffic tests) count in green's. Monitoring makes a minute readable
// only minutes after it, so the newest minutes are looked for as the CloudWatch checks do (window.ts).
import {
  newestWindow,
  queryRange,
  sinceRange,
  type MetricsReading,
  type Point,
  type Subject,
  type VersionMetrics,
} from '@deploy-actions/health';
import type { Http } from './api';
import type { CloudRunConfig } from './inputs';

interface TimeSeries {
  metric?: { labels?: Record<string, string> };
  resource?: { labels?: Record<string, string> };
  points?: {
    interval?: { startTime?: string; endTime?: string };
    value?: { int64Value?: string; doubleValue?: number };
  }[];
}

interface ListResponse {
  timeSeries?: TimeSeries[];
  nextPageToken?: string;
}

const REDUCERS: Record<string, string> = {
  p50: 'REDUCE_PERCENTILE_50',
  p95: 'REDUCE_PERCENTILE_95',
  p99: 'REDUCE_PERCENTILE_99',
};

/** The percentiles Cloud Monitoring can reduce to; others are refused by the metrics check. */
export const PERCENTILES = Object.keys(REDUCERS);

export async function readRevisionMetrics(
  http: Http,
  cfg: CloudRunConfig,
  s: Subject,
  windowMs: number,
  percentiles: string[],
  now: number,
): Promise<MetricsReading> {
  const range = s.since === undefined ? queryRange(windowMs, now) : sinceRange(s.since, now);
  if (range.end <= range.start)
    return { green: empty(percentiles), ...(s.baseline && { blue: empty(percentiles) }) };
  const list = (metric: string, reducer: string, byClass: boolean) =>
    listSeries(http, cfg, metric, reducer, byClass, range);
  const [counts, ...latencies] = await Promise.all([
    list('request_count', 'REDUCE_SUM', true),
    ...percentiles.map((p) => {
      const reducer = REDUCERS[p];
      if (!reducer)
        throw new Error(`Cloud Monitoring has no ${p} percentile (it has ${PERCENTILES.join(', ')})`);
      return list('request_latencies', reducer, false);
    }),
  ]);
  // One map of series for the window: `${revision}|${class}` for counts, `${revision}|${p}` for latencies.
  const series = new Map<string, Point[]>();
  const add = (key: string, points: Point[]) => series.set(key, [...(series.get(key) ?? []), ...points]);
  const points = (ts: TimeSeries) => pointsOf(ts, range.periodS);
  for (const ts of counts!)
    add(`${revisionOf(ts)}|count|${ts.metric?.labels?.response_code_class ?? ''}`, points(ts));
  percentiles.forEach((p, i) => {
    for (const ts of latencies[i]!) add(`${revisionOf(ts)}|${p}`, points(ts));
  });
  const { values, until } =
    s.since === undefined ? newestWindow(series, windowMs) : all(series, range.periodS);
  const read = (revision: string): VersionMetrics => {
    const sum = (prefix: string) =>
      [...values]
        .filter(([k]) => k.startsWith(prefix))
        .reduce((n, [, v]) => n + v.reduce((a, b) => a + b, 0), 0);
    const requests = sum(`${revision}|count|`);
    const failures = sum(`${revision}|count|5xx`);
    const latency = Object.fromEntries(
      percentiles.map((p) => {
        const v = values.get(`${revision}|${p}`);
        // The worst minute of the window is the safe reading.
        return [p, v?.length ? Math.round(Math.max(...v)) : undefined];
      }),
    );
    return {
      requests,
      failures,
      latency,
      counts: { requests, '5xx': failures, '4xx': sum(`${revision}|count|4xx`) },
    };
  };
  return {
    green: read(s.version),
    ...(s.baseline && { blue: read(s.baseline) }),
    ...(until !== undefined && { until }),
  };
}

// https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list
async function listSeries(
  http: Http,
  cfg: CloudRunConfig,
  metric: string,
  reducer: string,
  byClass: boolean,
  range: { start: number; end: number; periodS: number },
): Promise<TimeSeries[]> {
  const filter = `metric.type="run.googleapis.com/${metric}" AND resource.type="cloud_run_revision" AND resource.labels.service_name="${cfg.service}"`;
  const out: TimeSeries[] = [];
  let pageToken: string | undefined;
  do {
    const r = await http.call<ListResponse>(
      'GET',
      `${cfg.monitoring}/v3/projects/${cfg.project}/timeSeries`,
      {
        query: {
          filter,
          'interval.startTime': new Date(range.start).toISOString(),
          'interval.endTime': new Date(range.end).toISOString(),
          'aggregation.alignmentPeriod': `${range.periodS}s`,
          'aggregation.perSeriesAligner': 'ALIGN_DELTA',
          'aggregation.crossSeriesReducer': reducer,
          'aggregation.groupByFields': [
            'resource.labels.revision_name',
            ...(byClass ? ['metric.labels.response_code_class'] : []),
          ],
          pageToken,
        },
        what: `read ${metric} of service ${cfg.service}`,
      },
    );
    out.push(...(r.timeSeries ?? []));
    pageToken = r.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

function revisionOf(ts: TimeSeries): string {
  return ts.resource?.labels?.revision_name ?? '';
}

/** Each point at the start of its aligned period, as the CloudWatch datapoints are timestamped. */
function pointsOf(ts: TimeSeries, periodS: number): Point[] {
  return (ts.points ?? []).flatMap((p) => {
    const { startTime, endTime } = p.interval ?? {};
    const start = startTime ? Date.parse(startTime) : Date.parse(endTime ?? '') - periodS * 1000;
    const value = p.value?.doubleValue ?? Number(p.value?.int64Value ?? NaN);
    if (!Number.isFinite(start) || !Number.isFinite(value))
      throw new Error('Cloud Monitoring answered a point without a time or a value');
    return [{ at: start, value }];
  });
}

function all(
  series: Map<string, Point[]>,
  periodS: number,
): { values: Map<string, number[]>; until?: number } {
  const newest = Math.max(-Infinity, ...[...series.values()].flat().map((p) => p.at));
  const values = new Map([...series].map(([k, points]) => [k, points.map((p) => p.value)]));
  return Number.isFinite(newest) ? { values, until: newest + periodS * 1000 } : { values };
}

function empty(percentiles: string[]): VersionMetrics {
  return {
    requests: 0,
    failures: 0,
    latency: Object.fromEntries(percentiles.map((p) => [p, undefined])),
    counts: {},
  };
}
