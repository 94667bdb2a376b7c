import { describe, expect, it } from '@jest/globals';
import type { Http, Query } from '../src/api';
import { readRevisionMetrics } from '../src/metrics';
import { CFG } from './fake-run';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 30);
const minute = (m: number) => Date.UTC(2026, 0, 1, 11, m);
const point = (m: number, value: { int64Value?: string; doubleValue?: number }) => ({
  interval: { startTime: new Date(minute(m)).toISOString(), endTime: new Date(minute(m + 1)).toISOString() },
  value,
});
const series = (revision: string, labels: Record<string, string>, points: ReturnType<typeof point>[]) => ({
  metric: { labels },
  resource: { labels: { revision_name: revision, service_name: 'orders' } },
  points,
});

/** Monitoring answering timeSeries.list from `answers` by metric and reducer, recording each query. */
function monitoring(answers: Record<string, unknown[][]>) {
  const queries: { url: string; query: Query }[] = [];
  const http: Http = {
    call: async <T>(_m: string, url: string, opts: { query?: Query } = {}) => {
      queries.push({ url, query: opts.query! });
      const metric = /run\.googleapis\.com\/(\w+)/.exec(String(opts.query!.filter))![1]!;
      const pages = answers[`${metric}/${opts.query!['aggregation.crossSeriesReducer']}`] ?? [[]];
      const page = opts.query!.pageToken ? Number(opts.query!.pageToken) : 0;
      return {
        timeSeries: pages[page],
        ...(page + 1 < pages.length && { nextPageToken: String(page + 1) }),
      } as T;
    },
  };
  return { http, queries };
}

describe('Cloud Monitoring per revision', () => {
  it('asks timeSeries.list exactly as the query contract says', async () => {
    const { http, queries } = monitoring({});
    await readRevisionMetrics(
      http,
      CFG,
      { version: 'g', baseline: 'b', label: String },
      300_000,
      ['p95'],
      NOW,
    );
    expect(queries).toEqual([
      {
        url: 'https://monitoring.googleapis.com/v3/projects/orders-prod/timeSeries',
        query: {
          filter:
            'metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.labels.service_name="orders"',
          'interval.startTime': '2026-01-01T11:50:00.000Z',
          'interval.endTime': '2026-01-01T12:00:00.000Z',
          'aggregation.alignmentPeriod': '60s',
          'aggregation.perSeriesAligner': 'ALIGN_DELTA',
          'aggregation.crossSeriesReducer': 'REDUCE_SUM',
          'aggregation.groupByFields': ['resource.labels.revision_name', 'metric.labels.response_code_class'],
          pageToken: undefined,
        },
      },
      {
        url: 'https://monitoring.googleapis.com/v3/projects/orders-prod/timeSeries',
        query: expect.objectContaining({
          filter:
            'metric.type="run.googleapis.com/request_latencies" AND resource.type="cloud_run_revision" AND resource.labels.service_name="orders"',
          'aggregation.crossSeriesReducer': 'REDUCE_PERCENTILE_95',
          'aggregation.groupByFields': ['resource.labels.revision_name'],
        }),
      },
    ]);
  });

  it('counts 5xx over all classes per revision, every page, and takes the worst minute’s percentile', async () => {
    const { http } = monitoring({
      'request_count/REDUCE_SUM': [
        [
          series('g', { response_code_class: '2xx' }, [
            point(57, { int64Value: '40' }),
            point(58, { int64Value: '40' }),
          ]),
          series('g', { response_code_class: '5xx' }, [point(58, { int64Value: '20' })]),
        ],
        [
          series('b', { response_code_class: '2xx' }, [point(58, { int64Value: '900' })]),
          series('b', { response_code_class: '4xx' }, [point(58, { int64Value: '10' })]),
        ],
      ],
      'request_latencies/REDUCE_PERCENTILE_99': [
        [series('g', {}, [point(57, { doubleValue: 180.4 }), point(58, { doubleValue: 950.2 })])],
      ],
    });
    const r = await readRevisionMetrics(
      http,
      CFG,
      { version: 'g', baseline: 'b', label: String },
      300_000,
      ['p99'],
      NOW,
    );
    expect(r).toEqual({
      green: {
        requests: 100,
        failures: 20,
        latency: { p99: 950 },
        counts: { requests: 100, '5xx': 20, '4xx': 0 },
      },
      blue: {
        requests: 910,
        failures: 0,
        latency: { p99: undefined },
        counts: { requests: 910, '5xx': 0, '4xx': 10 },
      },
      until: minute(59),
    });
  });

  it('has nothing readable yet when no minute has arrived (Monitoring data comes minutes late)', async () => {
    const { http } = monitoring({});
    const r = await readRevisionMetrics(http, CFG, { version: 'g', label: String }, 300_000, [], NOW);
    expect(r).toEqual({
      green: { requests: 0, failures: 0, latency: {}, counts: { requests: 0, '5xx': 0, '4xx': 0 } },
    });
  });

  it('refuses a percentile Cloud Monitoring cannot reduce to', async () => {
    const { http } = monitoring({});
    await expect(
      readRevisionMetrics(http, CFG, { version: 'g', label: String }, 300_000, ['p90'], NOW),
    ).rejects.toThrow('Cloud Monitoring has no p90 percentile (it has p50, p95, p99)');
  });
});
