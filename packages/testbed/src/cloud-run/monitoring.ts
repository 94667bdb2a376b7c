// Cloud Monitoring's projects.timeSeries.list over what Cloud Run revisions served
// (https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list): request_count (DELTA INT64)
// and request_latencies (DELTA DISTRIBUTION, ms) on cloud_run_revision
// (https://cloud.google.com/monitoring/api/metrics_gcp_p_z#gcp-run). A minute's data is readable only
// readableAfterMs after the minute ends (Cloud Run metrics are sampled every 60 s and "not visible for up to
// 180 seconds" after).
import type { Clock } from '@deploy-actions/core';
import { readableAt } from '../traffic-ticks';
import { distributionJson, merge, mean, percentile, type Histogram } from './distribution';
import { GoogleError } from './errors';
import { parseFilter, type Labels } from './filter';
import type { Json, ServedSample } from './types';

export const REQUEST_COUNT = 'run.googleapis.com/request_count';
export const REQUEST_LATENCIES = 'run.googleapis.com/request_latencies';
const MINUTE = 60_000;

interface Raw {
  at: number;
  /** End of the minute the sample falls in: raw Cloud Run points are one-minute deltas ending there. */
  end: number;
  readyAt: number;
  key: string;
  labels: Labels;
  count: number;
  latencies: Histogram;
}

// A value being aligned or reduced: a count, a double, or a distribution.
type Value = { int: number } | { double: number } | { dist: Histogram };

const ALIGNERS = new Set([
  'ALIGN_NONE',
  'ALIGN_DELTA',
  'ALIGN_SUM',
  'ALIGN_RATE',
  'ALIGN_MEAN',
  'ALIGN_PERCENTILE_99',
  'ALIGN_PERCENTILE_95',
  'ALIGN_PERCENTILE_50',
  'ALIGN_PERCENTILE_05',
]);
const REDUCERS = new Set([
  'REDUCE_NONE',
  'REDUCE_SUM',
  'REDUCE_MEAN',
  'REDUCE_MAX',
  'REDUCE_MIN',
  'REDUCE_COUNT',
  'REDUCE_PERCENTILE_99',
  'REDUCE_PERCENTILE_95',
  'REDUCE_PERCENTILE_50',
  'REDUCE_PERCENTILE_05',
]);
const pct = (name: string) => Number(/PERCENTILE_(\d+)$/.exec(name)?.[1]);

export function monitoringStore(o: {
  clock: Clock;
  project: string;
  region: string;
  readableAfterMs: number;
}) {
  const raws: Raw[] = [];

  function record(s: ServedSample): void {
    const code = String(s.status);
    const labels: Labels = {
      project: o.project,
      'resource.type': 'cloud_run_revision',
      'resource.labels.project_id': o.project,
      'resource.labels.service_name': s.service,
      'resource.labels.revision_name': s.revision,
      'resource.labels.location': o.region,
      'resource.labels.configuration_name': s.service,
      'metric.labels.response_code': code,
      'metric.labels.response_code_class': `${code[0]}xx`,
    };
    const latencies: Histogram = new Map([[s.latencyMs, s.count ?? 1]]);
    raws.push({
      at: s.at,
      // With no delay a sample is its own point, readable at once.
      end: o.readableAfterMs > 0 ? Math.floor(s.at / MINUTE) * MINUTE + MINUTE : s.at,
      readyAt: readableAt(s.at, o.readableAfterMs),
      key: `${s.service}/${s.revision}/${code}`,
      labels,
      count: s.count ?? 1,
      latencies,
    });
  }

  /** Answers projects.timeSeries.list; `request` is the bound ListTimeSeriesRequest. */
  function list(request: Json): Json {
    if (request.name !== `projects/${o.project}`)
      throw new GoogleError(
        'PERMISSION_DENIED',
        `Permission monitoring.timeSeries.list denied (or the resource may not exist).`,
      );
    const filter = String(request.filter ?? '');
    if (!filter)
      throw new GoogleError(
        'INVALID_ARGUMENT',
        'Field filter had an invalid value of "": must not be empty.',
      );
    const { test, metricTypes } = parseFilter(filter);
    if (metricTypes.length !== 1)
      throw new GoogleError(
        'INVALID_ARGUMENT',
        `Field filter had an invalid value of "${filter}": a single metric.type must be given.`,
      );
    const metricType = metricTypes[0]!;
    if (metricType !== REQUEST_COUNT && metricType !== REQUEST_LATENCIES) return {};
    const interval = (request.interval as Json | undefined) ?? {};
    if (!interval.endTime)
      throw new GoogleError('INVALID_ARGUMENT', 'Field interval.endTime had an invalid value: must be set.');
    const end = Date.parse(String(interval.endTime));
    const start = interval.startTime ? Date.parse(String(interval.startTime)) : end;
    if (start > end)
      throw new GoogleError('INVALID_ARGUMENT', 'Field interval.startTime is later than interval.endTime.');
    const now = o.clock.now();
    const series = new Map<string, { labels: Labels; raws: Raw[] }>();
    for (const r of raws) {
      if (r.readyAt > now || r.end <= start || r.end > end) continue;
      const labels = { ...r.labels, 'metric.type': metricType };
      if (!test(labels)) continue;
      let s = series.get(r.key);
      if (!s) series.set(r.key, (s = { labels, raws: [] }));
      s.raws.push(r);
    }
    const out = aggregate(
      metricType,
      [...series.values()],
      (request.aggregation as Json | undefined) ?? {},
      start,
      end,
    );
    const view = request.view === 'HEADERS' || request.view === 1;
    return page(
      out.map((s) => (view ? { ...s, points: undefined } : s)),
      request,
    );
  }

  return { record, list };
}

function page(series: Json[], request: Json): Json {
  const size = Number(request.pageSize ?? 0) || 100_000;
  const start = request.pageToken ? Number(Buffer.from(String(request.pageToken), 'base64').toString()) : 0;
  const items = series.slice(start, start + size).map((s) => JSON.parse(JSON.stringify(s)) as Json);
  const next =
    start + size < series.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
  return { ...(items.length ? { timeSeries: items } : {}), ...(next ? { nextPageToken: next } : {}) };
}

function aggregate(
  metricType: string,
  series: { labels: Labels; raws: Raw[] }[],
  agg: Json,
  start: number,
  end: number,
): Json[] {
  const dist = metricType === REQUEST_LATENCIES;
  const aligner = String(agg.perSeriesAligner ?? 'ALIGN_NONE');
  const reducer = String(agg.crossSeriesReducer ?? 'REDUCE_NONE');
  if (!ALIGNERS.has(aligner) || !REDUCERS.has(reducer))
    throw new GoogleError('INVALID_ARGUMENT', `The stand-in does not serve ${aligner}/${reducer}.`);
  const period = agg.alignmentPeriod
    ? Number(String(agg.alignmentPeriod).replace(/s$/, '')) * 1000
    : undefined;
  if (aligner !== 'ALIGN_NONE' && period === undefined)
    throw new GoogleError(
      'INVALID_ARGUMENT',
      'The alignment period must be specified when a per-series aligner is given.',
    );
  if (period !== undefined && period < MINUTE)
    throw new GoogleError('INVALID_ARGUMENT', 'The alignment period must be at least 60 seconds.');
  if (reducer !== 'REDUCE_NONE' && aligner === 'ALIGN_NONE')
    throw new GoogleError(
      'INVALID_ARGUMENT',
      'A cross-series reducer needs a per-series aligner other than ALIGN_NONE.',
    );
  if (!dist && (aligner.startsWith('ALIGN_PERCENTILE') || aligner === 'ALIGN_MEAN'))
    throw new GoogleError(
      'INVALID_ARGUMENT',
      `The aligner ${aligner} is not valid for metric kind DELTA and value type INT64.`,
    );
  if (dist && aligner === 'ALIGN_RATE')
    throw new GoogleError(
      'INVALID_ARGUMENT',
      `The aligner ${aligner} is not valid for metric kind DELTA and value type DISTRIBUTION.`,
    );

  // Windows (end - k*period - period, end - k*period], newest first; raw data without an aligner is per minute.
  const step = period ?? MINUTE;
  const windowOf = (at: number) => (period === undefined ? at : end - Math.floor((end - at) / step) * step);
  const aligned = series.map(({ labels, raws }) => {
    const byWindow = new Map<number, Raw[]>();
    for (const r of raws) {
      const w = windowOf(r.end);
      byWindow.set(w, [...(byWindow.get(w) ?? []), r]);
    }
    const points = new Map<number, Value>();
    for (const [w, rs] of byWindow) points.set(w, align(aligner, rs, dist, step));
    return { labels, points };
  });
  const kind = ['ALIGN_NONE', 'ALIGN_DELTA', 'ALIGN_SUM'].includes(aligner) ? 'DELTA' : 'GAUGE';
  const groups = reduce(reducer, (agg.groupByFields as string[] | undefined) ?? [], aligned);
  return groups
    .map(({ labels, points }) => seriesJson(metricType, labels, points, kind, step, start))
    .filter((s) => (s.points as Json[]).length > 0);
}

function align(aligner: string, rs: Raw[], dist: boolean, step: number): Value {
  const h: Histogram = new Map();
  let count = 0;
  for (const r of rs) {
    count += r.count;
    merge(h, r.latencies);
  }
  if (aligner === 'ALIGN_RATE') return { double: count / (step / 1000) };
  if (aligner === 'ALIGN_MEAN') return { double: mean(h) };
  if (aligner.startsWith('ALIGN_PERCENTILE')) return { double: percentile(h, pct(aligner)) ?? 0 };
  return dist ? { dist: h } : { int: count };
}

function reduce(
  reducer: string,
  groupBy: string[],
  aligned: { labels: Labels; points: Map<number, Value> }[],
) {
  if (reducer === 'REDUCE_NONE') return aligned;
  const keys = groupBy.map((f) => f.replace(/^(metric|resource)\.label\./, '$1.labels.'));
  const groups = new Map<string, { labels: Labels; members: Map<number, Value>[] }>();
  for (const s of aligned) {
    const labels: Labels = {
      'metric.type': s.labels['metric.type']!,
      'resource.type': s.labels['resource.type']!,
    };
    for (const k of keys) if (s.labels[k] !== undefined) labels[k] = s.labels[k]!;
    const id = JSON.stringify(labels);
    const g = groups.get(id) ?? { labels, members: [] };
    g.members.push(s.points);
    groups.set(id, g);
  }
  return [...groups.values()].map(({ labels, members }) => {
    const windows = new Set(members.flatMap((m) => [...m.keys()]));
    const points = new Map<number, Value>();
    for (const w of windows)
      points.set(
        w,
        combine(
          reducer,
          members.map((m) => m.get(w)).filter((v) => v !== undefined),
        ),
      );
    return { labels, points };
  });
}

function combine(reducer: string, values: Value[]): Value {
  if (reducer === 'REDUCE_COUNT') return { int: values.length };
  const dists = values.filter((v): v is { dist: Histogram } => 'dist' in v);
  if (dists.length) {
    const h = dists.reduce<Histogram>((acc, v) => merge(acc, v.dist), new Map());
    if (reducer === 'REDUCE_SUM') return { dist: h };
    if (reducer === 'REDUCE_MEAN') return { double: mean(h) };
    if (reducer.startsWith('REDUCE_PERCENTILE')) return { double: percentile(h, pct(reducer)) ?? 0 };
    throw new GoogleError(
      'INVALID_ARGUMENT',
      `The reducer ${reducer} is not valid for value type DISTRIBUTION.`,
    );
  }
  const nums = values.map((v) => ('int' in v ? v.int : 'double' in v ? v.double : 0));
  const isInt = values.every((v) => 'int' in v);
  const sum = nums.reduce((a, b) => a + b, 0);
  if (reducer === 'REDUCE_SUM') return isInt ? { int: sum } : { double: sum };
  if (reducer === 'REDUCE_MAX') return isInt ? { int: Math.max(...nums) } : { double: Math.max(...nums) };
  if (reducer === 'REDUCE_MIN') return isInt ? { int: Math.min(...nums) } : { double: Math.min(...nums) };
  if (reducer === 'REDUCE_MEAN') return { double: sum / nums.length };
  const sorted = [...nums].sort((a, b) => a - b);
  return {
    double: sorted[Math.min(sorted.length - 1, Math.ceil((pct(reducer) / 100) * sorted.length) - 1)] ?? 0,
  };
}

function seriesJson(
  metricType: string,
  labels: Labels,
  points: Map<number, Value>,
  kind: string,
  step: number,
  start: number,
): Json {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(labels)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  const first = points.values().next().value as Value | undefined;
  const valueType =
    first && 'dist' in first ? 'DISTRIBUTION' : first && 'double' in first ? 'DOUBLE' : 'INT64';
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    metric: {
      type: metricType,
      ...(Object.keys(pick('metric.labels.')).length ? { labels: pick('metric.labels.') } : {}),
    },
    resource: {
      type: labels['resource.type'],
      ...(Object.keys(pick('resource.labels.')).length ? { labels: pick('resource.labels.') } : {}),
    },
    metricKind: kind,
    valueType,
    points: [...points]
      .sort((a, b) => b[0] - a[0])
      .map(([w, v]) => ({
        interval: { startTime: iso(kind === 'DELTA' ? Math.max(w - step, start) : w), endTime: iso(w) },
        value:
          'int' in v
            ? { int64Value: String(v.int) }
            : 'double' in v
              ? { doubleValue: v.double }
              : { distributionValue: distributionJson(v.dist) },
      })),
    unit: metricType === REQUEST_LATENCIES && valueType !== 'INT64' ? 'ms' : '1',
  };
}
