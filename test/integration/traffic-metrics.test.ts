// What the traffic simulator writes, as a health gate reads it from moto: moto's GetMetricData quirks (listed at
// the top of packages/testbed/src/traffic.ts) that a gate must not trip on, and the percentiles the fault proxy
// adds because moto lacks them.
import { describe, it, expect, jest } from '@jest/globals';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  PutMetricDataCommand,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { scaledClock } from '@deploy-actions/core';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { readableAt, startTraffic } from '@deploy-actions/testbed/traffic';
import { ALIAS, dims, query, SCALE, until, useTrafficBed } from './traffic-bed';

jest.setTimeout(60_000);
const bed = useTrafficBed();

describe('what the traffic simulator writes, as a health gate reads it', () => {
  it("pins moto's GetMetricData quirks that a health gate must not depend on", async () => {
    const fn = 'quirks';
    await bed.fixture(fn, { '2': 0.5 });
    const traffic = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
        functionName: fn,
        alias: ALIAS,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        versions: {},
        seed: 5,
      }),
    );
    await until('green traffic', () => traffic.firstServedAt('2') !== undefined);
    await traffic.stop();
    const { startedAt, lastTickAt } = traffic.ledger();
    const from = startedAt - 60_000;
    const to = lastTickAt + 60_000;
    const v2 = traffic.countsBetween(from, to).find((c) => c.version === '2')!;

    // Exact dimension sets only: FunctionName alone finds nothing, and so does the reverse order.
    const exact = await bed.metricSums(from, to, [
      query('full', 'Invocations', dims(fn, '2'), 'Sum'),
      query('subset', 'Invocations', [{ Name: 'FunctionName', Value: fn }], 'Sum'),
      query('reversed', 'Invocations', dims(fn, '2').reverse(), 'Sum'),
    ]);
    expect(exact).toEqual({ full: v2.invocations, subset: 0, reversed: 0 });
    // Percentiles: the whole request fails with a 500 once data is in range.
    const p95 = bed.cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(from),
        EndTime: new Date(to),
        MetricDataQueries: [query('p95', 'Duration', dims(fn, '2'), 'p95')],
      }),
    );
    await expect(p95).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  });

  it('answers percentile statistics through the fault proxy from the durations written, per readable minute, newest first', async () => {
    const fn = 'percentiles';
    await bed.fixture(fn, { '2': 0.3 });
    const proxy = await FaultProxy.start(bed.moto.url);
    const viaProxy = new CloudWatchClient(clientConfig(proxy.url, { maxAttempts: 1 }));
    try {
      const clock = scaledClock(Date.now(), SCALE);
      const traffic = bed.track(
        startTraffic({
          endpoint: bed.moto.url,
          functionName: fn,
          alias: ALIAS,
          clock,
          ratePerMinute: 1200,
          versions: {
            '1': { errorRate: 0, latencyMs: { p50: 40, p95: 120 } },
            // Log-normal: p95 435 puts p99 near 800.
            '2': { errorRate: 0.05, latencyMs: { p50: 100, p95: 435 }, throttleRate: 0.02 },
          },
          seed: 9,
        }),
      );
      const first = Math.floor(traffic.ledger().startedAt / 60_000) * 60_000;
      const range = { StartTime: new Date(first - 60_000), EndTime: new Date(first + 15 * 60_000) };

      // While traffic runs, only minutes already written (readable) are answered.
      let seen: Date[] = [];
      await until('two readable minutes through the proxy', async () => {
        const out = await viaProxy.send(
          new GetMetricDataCommand({
            ...range,
            MetricDataQueries: [query('p95', 'Duration', dims(fn, '2'), 'p95')],
          }),
        );
        const answeredAt = clock.now();
        seen = out.MetricDataResults![0]!.Timestamps ?? [];
        for (const t of seen) expect(readableAt(t.getTime())).toBeLessThanOrEqual(answeredAt);
        return seen.length >= 2;
      });
      await traffic.stop();

      const stats = ['p50', 'p95', 'p99', 'p99.9'];
      const id = (v: string, stat: string) => `v${v}_${stat.replace('.', '_')}`;
      const out = await viaProxy.send(
        new GetMetricDataCommand({
          ...range,
          MetricDataQueries: [
            ...['1', '2'].flatMap((v) => stats.map((st) => query(id(v, st), 'Duration', dims(fn, v), st))),
            query('all_p99', 'Duration', dims(fn), 'p99'),
            query('inv', 'Invocations', dims(fn, '2'), 'Sum'),
            query('n', 'Duration', dims(fn, '2'), 'SampleCount'),
            { ...query('hidden', 'Duration', dims(fn, '2'), 'p90'), ReturnData: false },
            { Id: 'expr', Expression: 'hidden' },
          ],
        }),
      );
      const results = new Map(out.MetricDataResults!.map((r) => [r.Id!, r]));
      // In the order asked, without the hidden query; the forwarded ones answered by moto.
      expect([...results.keys()]).toEqual([
        ...['1', '2'].flatMap((v) => stats.map((st) => id(v, st))),
        'all_p99',
        'inv',
        'n',
        'expr',
      ]);
      expect(out.MetricDataResults!.every((r) => r.StatusCode === 'Complete')).toBe(true);
      const ms = (r: MetricDataResult) => (r.Timestamps ?? []).map((t) => t.getTime());
      const minutes = ms(results.get('n')!);
      expect(minutes.length).toBeGreaterThanOrEqual(3);
      // Newest first, as CloudWatch (and moto) return them; every series on the same minutes.
      expect([...minutes].sort((a, b) => b - a)).toEqual(minutes);
      for (const st of stats) expect(ms(results.get(id('2', st))!)).toEqual(minutes);
      expect(ms(results.get('inv')!)).toEqual(minutes);
      expect(ms(results.get('expr')!)).toEqual(minutes);

      // Each answer against the simulator's own durations of that minute: a percentile pN is within its
      // tolerance when at most N% of the durations are below it and at most (100-N)% above.
      const { requests } = traffic.ledger();
      const durations = (version: string | undefined, minute: number) =>
        requests
          .filter((r) => (version === undefined || r.version === version) && r.latencyMs !== undefined)
          .filter((r) => r.at >= minute && r.at < minute + 60_000)
          .map((r) => r.latencyMs!);
      const withinTolerance = (value: number, sample: number[], p: number) => {
        const below = sample.filter((d) => d < value).length / sample.length;
        const above = sample.filter((d) => d > value).length / sample.length;
        // Fractions compared with a little slack: 1 - 90/100 is 0.0999…98 in floating point.
        const eps = 1e-9;
        return { value, ok: sample.includes(value) && below <= p / 100 + eps && above <= 1 - p / 100 + eps };
      };
      const check = (r: MetricDataResult, version: string | undefined, p: number) => {
        const ts = ms(r);
        expect(ts.length).toBeGreaterThan(0);
        ts.forEach((minute, i) => {
          const sample = durations(version, minute);
          const value = r.Values![i]!;
          expect(withinTolerance(value, sample, p)).toEqual({ value, ok: true });
        });
      };
      for (const v of ['1', '2']) {
        for (const st of stats) check(results.get(id(v, st))!, v, Number(st.slice(1)));
      }
      check(results.get('all_p99')!, undefined, 99);
      check(results.get('expr')!, '2', 90);
      // The counts moto answered itself agree with the ledger, minute by minute.
      minutes.forEach((minute, i) => {
        expect(results.get('n')!.Values![i]).toBe(durations('2', minute).length);
      });
      // Green's p99 is near the 800ms its distribution puts it at, blue's well below; the first minute
      // may be partial and hold few samples, so the median of the minutes is what is bounded below.
      const greenP99 = results.get('v2_p99')!.Values!;
      expect([...greenP99].sort((a, b) => a - b)[Math.floor(greenP99.length / 2)]).toBeGreaterThan(450);
      expect(Math.max(...greenP99)).toBeLessThan(1600);
      expect(Math.max(...results.get('v1_p99')!.Values!)).toBeLessThan(300);

      // Ascending when asked.
      const asc = await viaProxy.send(
        new GetMetricDataCommand({
          ...range,
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [query('p95', 'Duration', dims(fn, '2'), 'p95')],
        }),
      );
      expect(ms(asc.MetricDataResults![0]!)).toEqual([...minutes].reverse());
      expect(asc.MetricDataResults![0]!.Values).toEqual([...results.get('v2_p95')!.Values!].reverse());

      // The awsQuery form gets the same answer in XML.
      const form = new URLSearchParams({
        Action: 'GetMetricData',
        Version: '2010-08-01',
        StartTime: range.StartTime.toISOString(),
        EndTime: range.EndTime.toISOString(),
        'MetricDataQueries.member.1.Id': 'p95',
        'MetricDataQueries.member.1.MetricStat.Metric.Namespace': 'AWS/Lambda',
        'MetricDataQueries.member.1.MetricStat.Metric.MetricName': 'Duration',
        'MetricDataQueries.member.1.MetricStat.Period': '60',
        'MetricDataQueries.member.1.MetricStat.Stat': 'p95',
      });
      dims(fn, '2').forEach((d, i) => {
        form.set(`MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.${i + 1}.Name`, d.Name!);
        form.set(`MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.${i + 1}.Value`, d.Value!);
      });
      const res = await fetch(proxy.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          authorization:
            'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: form.toString(),
      });
      const xml = await res.text();
      expect(res.status).toBe(200);
      const members = (name: string) =>
        [
          ...(new RegExp(`<${name}>(.*?)</${name}>`).exec(xml)?.[1] ?? '').matchAll(
            /<member>(.*?)<\/member>/g,
          ),
        ].map((m) => m[1]!);
      expect(members('Timestamps').map((t) => Date.parse(t))).toEqual(minutes);
      expect(members('Values').map(Number)).toEqual(results.get('v2_p95')!.Values);
      expect(xml).toContain('<StatusCode>Complete</StatusCode>');

      // Recorded by the proxy as any call; and without the proxy's percentiles moto fails as before.
      expect(proxy.calls.filter((c) => c.op === 'GetMetricData').every((c) => c.status === 200)).toBe(true);
      proxy.percentiles = false;
      await expect(
        viaProxy.send(
          new GetMetricDataCommand({
            ...range,
            MetricDataQueries: [query('p95', 'Duration', dims(fn, '2'), 'p95')],
          }),
        ),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
      proxy.percentiles = true;

      // A value the simulator never wrote (here, put behind its back) is not made up into an answer: that
      // minute of that query is an InternalError, and the other queries are still answered.
      await bed.cloudwatch.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/Lambda',
          MetricData: [
            {
              MetricName: 'Duration',
              Dimensions: dims(fn, '2'),
              Timestamp: new Date(minutes[0]!),
              Unit: 'Milliseconds',
              Value: 99_999,
            },
          ],
        }),
      );
      const tampered = await viaProxy.send(
        new GetMetricDataCommand({
          ...range,
          MetricDataQueries: [
            query('p99', 'Duration', dims(fn, '2'), 'p99'),
            query('blue', 'Duration', dims(fn, '1'), 'p99'),
          ],
        }),
      );
      const [p99, blue] = tampered.MetricDataResults!;
      expect(p99).toMatchObject({ Id: 'p99', StatusCode: 'InternalError' });
      expect(p99!.Messages![0]!.Value).toMatch(/CloudWatch holds \d+ values/);
      expect(ms(p99!)).toEqual(minutes.slice(1));
      expect(blue).toMatchObject({ StatusCode: 'Complete', Values: results.get('v1_p99')!.Values });
    } finally {
      viaProxy.destroy();
      await proxy.stop();
    }
  });
});
