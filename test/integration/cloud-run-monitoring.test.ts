// The Cloud Run stand-in's Monitoring and its traffic simulator: per-revision request counts and latency
// percentiles read back through projects.timeSeries.list as the simulator wrote them, data readable only after
// the delay, probes through a tag URL counted in that revision's requests, and queries Google rejects.
import { describe, it, expect, afterEach } from '@jest/globals';
import { scaledClock, type Clock } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import {
  googleApi,
  startCloudRun,
  startCloudRunTraffic,
  type CloudRunStandIn,
  type CloudRunTraffic,
} from '@deploy-actions/testbed/cloud-run';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
const IMAGE = 'europe-docker.pkg.dev/demo-project/apps/orders';
let run: CloudRunStandIn;
let traffic: CloudRunTraffic | undefined;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
  const offSpec = run.violations().filter((v) => v.kind === 'response');
  await run.stop();
  expect(offSpec).toEqual([]);
});

async function timeSeries(params: Record<string, string | string[]>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) q.append(k, x);
  const res = await fetch(`${run.url}/v3/projects/${run.project}/timeSeries?${q}`, {
    headers: { authorization: `Bearer ${run.token}` },
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const filter = (metric: string) =>
  `metric.type = "run.googleapis.com/${metric}" AND resource.type = "cloud_run_revision" AND ` +
  `resource.labels.service_name = "orders"`;
const iso = (ms: number) => new Date(ms).toISOString();

/** A seeded service at 90/10 between blue and a tagged green, on the given clock. */
async function split(clock: Clock, readableAfterMs: number) {
  run = await startCloudRun({ clock, readableAfterMs, operationDelayMs: 0 });
  run.seedService('orders', { image: `${IMAGE}:1`, trafficFollowsLatest: false });
  const blue = run.revisions('orders')[0]!;
  run.changeService('orders', (s) => {
    s.template = { revision: 'orders-green', containers: [{ image: `${IMAGE}:2` }] };
    s.traffic = [
      { type: REVISION, revision: blue, percent: 90 },
      { type: REVISION, revision: 'orders-green', percent: 10, tag: 'green' },
    ];
  });
  return { blue, green: 'orders-green' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Monitoring over simulated traffic', () => {
  it('sums request_count by revision and response class, and interpolates percentiles as Google does', async () => {
    const clock = scaledClock(Date.now(), 600);
    const { blue, green } = await split(clock, 180_000);
    const start = clock.now();
    traffic = startCloudRunTraffic({
      standIn: run,
      service: 'orders',
      ratePerMinute: 1200,
      revisions: {
        [blue]: { errorRate: 0, latencyMs: { p50: 40, p95: 120 } },
        [green]: { errorRate: 0.2, latencyMs: { p50: 150, p95: 900 } },
      },
    });
    while (clock.now() < start + 5 * 60_000) await sleep(20);
    await traffic.stop();
    const ready = traffic.allReadableAt()!;
    while (clock.now() < ready) await sleep(20);

    const interval = { 'interval.startTime': iso(start - 60_000), 'interval.endTime': iso(clock.now()) };
    const counts = await timeSeries({
      filter: filter('request_count'),
      ...interval,
      'aggregation.alignmentPeriod': '60s',
      'aggregation.perSeriesAligner': 'ALIGN_DELTA',
      'aggregation.crossSeriesReducer': 'REDUCE_SUM',
      'aggregation.groupByFields': ['resource.labels.revision_name', 'metric.labels.response_code_class'],
    });
    expect(counts.status).toBe(200);
    const total = (rev: string, cls: string) =>
      (counts.body.timeSeries as Json[])
        .filter((s) => s.resource.labels.revision_name === rev && s.metric.labels.response_code_class === cls)
        .flatMap((s) => s.points as Json[])
        .reduce((n, p) => n + Number(p.value.int64Value), 0);
    const ledger = traffic.ledger().revisions;
    expect(total(green, '5xx')).toBe(ledger[green]!.errors);
    expect(total(green, '2xx')).toBe(ledger[green]!.requests - ledger[green]!.errors);
    expect(total(blue, '2xx')).toBe(ledger[blue]!.requests);
    expect(total(blue, '5xx')).toBe(0);
    expect(ledger[green]!.errors).toBeGreaterThan(0);

    const p95 = await timeSeries({
      filter: filter('request_latencies'),
      ...interval,
      'aggregation.alignmentPeriod': `${Math.ceil((clock.now() - start + 60_000) / 1000)}s`,
      'aggregation.perSeriesAligner': 'ALIGN_DELTA',
      'aggregation.crossSeriesReducer': 'REDUCE_PERCENTILE_95',
      'aggregation.groupByFields': 'resource.labels.revision_name',
    });
    for (const rev of [blue, green]) {
      const series = (p95.body.timeSeries as Json[]).find((s) => s.resource.labels.revision_name === rev)!;
      expect(series.valueType).toBe('DOUBLE');
      const got = series.points[0].value.doubleValue as number;
      const exact = [...traffic.latencies(rev)].sort((a, b) => a - b);
      const want = exact[Math.ceil(0.95 * exact.length) - 1]!;
      // Within the exponential bucket (growth 1.4) that holds the exact value.
      expect(got).toBeGreaterThan(want / 1.4);
      expect(got).toBeLessThan(want * 1.4);
    }
  });

  it('returns a minute only readableAfterMs after it ends, and counts probes through the tag URL', async () => {
    const clock = fakeClock(Date.UTC(2026, 2, 1, 12, 0, 30));
    const { green } = await split(clock, 180_000);
    const uri = (run.service('orders')!.trafficStatuses as Json[]).find((t) => t.tag === 'green')!
      .uri as string;
    for (let i = 0; i < 3; i++) expect((await fetch(`${uri}/health`)).status).toBe(200);
    const query = () =>
      timeSeries({
        filter: `${filter('request_count')} AND resource.labels.revision_name = "${green}"`,
        'interval.startTime': iso(Date.UTC(2026, 2, 1, 11)),
        'interval.endTime': iso(clock.now()),
      });
    await clock.sleep(60_000);
    expect((await query()).body).toEqual({});
    await clock.sleep(180_000); // 12:04:30: the 12:00 minute ended at 12:01, readable from 12:04
    const series = (await query()).body.timeSeries as Json[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ metricKind: 'DELTA', valueType: 'INT64' });
    expect(series[0]!.points).toEqual([
      {
        interval: { startTime: '2026-03-01T12:00:00.000Z', endTime: '2026-03-01T12:01:00.000Z' },
        value: { int64Value: '3' },
      },
    ]);
  });

  it("answers 400 for queries Google rejects and checks the stand-in's JSON against the protos", async () => {
    run = await startCloudRun({ clock: fakeClock(), readableAfterMs: 0 });
    const base = { filter: filter('request_count'), 'interval.endTime': iso(Date.UTC(2026, 0, 1)) };
    const bad: [Record<string, string>, RegExp][] = [
      [
        { 'aggregation.perSeriesAligner': 'ALIGN_SOMETIMES', 'aggregation.alignmentPeriod': '60s' },
        /Aligner/,
      ],
      [{ 'aggregation.perSeriesAligner': 'ALIGN_DELTA' }, /alignment period/],
      [
        { 'aggregation.perSeriesAligner': 'ALIGN_DELTA', 'aggregation.alignmentPeriod': '30s' },
        /at least 60/,
      ],
      [{ 'aggregation.alignmentPeriod': '1 minute' }, /Duration/],
      [{ filter: 'metric.type = "run.googleapis.com/request_count" AND resource.nonsense = "x"' }, /filter/],
      [{ 'interval.when': 'now' }, /Unknown name "interval.when"/],
    ];
    for (const [params, message] of bad) {
      const r = await timeSeries({ ...base, ...params });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
    expect(run.violations().filter((v) => v.kind === 'request')).toHaveLength(bad.length);
    // The checker itself: what Google would not write is caught.
    const api = googleApi();
    const svc = run.seedService('orders', { image: `${IMAGE}:1` });
    expect(api.check('google.cloud.run.v2.Service', svc, '', 'response')).toEqual([]);
    expect(api.check('google.cloud.run.v2.Service', { ...svc, generation: 2 }, '', 'response')).toHaveLength(
      1,
    );
    expect(api.check('google.cloud.run.v2.Service', { ...svc, trafic: [] }, '', 'response')[0]).toMatch(
      /trafic/,
    );
  });
});
