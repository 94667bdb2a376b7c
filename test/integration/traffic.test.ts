// Proves the traffic simulator against real moto: routing by the alias's weights, the metrics it writes and
// when they become readable, its scaled clock, the alarms it drives, and a clean stop. moto's GetMetricData
// quirks are listed at the top of packages/testbed/src/traffic.ts; the quirks test pins the ones a health gate
// must not trip on, and the last test proves the percentiles the fault proxy adds because moto lacks them.
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricDataCommand,
  type Dimension,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { CreateAliasCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { scaledClock } from '@deploy-actions/core';
import { clientConfig, createLambdaFunction, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { READABLE_AFTER_MS, readableAt, startTraffic, type Traffic } from '@deploy-actions/testbed/traffic';

jest.setTimeout(60_000);

const ALIAS = 'live';
const SCALE = 60;
let moto: Moto;
let cloudwatch: CloudWatchClient;
const running: Traffic[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Versions 1 and 2 of a new function, alias `live` on 1 with the given extra weights. */
async function fixture(name: string, weights?: Record<string, number>): Promise<void> {
  await createLambdaFunction(moto.url, { name });
  const lambda = new LambdaClient(clientConfig(moto.url));
  try {
    await lambda.send(new PublishVersionCommand({ FunctionName: name, Description: 'blue' }));
    await lambda.send(new PublishVersionCommand({ FunctionName: name, Description: 'green' }));
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: name,
        Name: ALIAS,
        FunctionVersion: '1',
        RoutingConfig: weights ? { AdditionalVersionWeights: weights } : undefined,
      }),
    );
  } finally {
    lambda.destroy();
  }
}

function dims(fn: string, version?: string): Dimension[] {
  const d = [
    { Name: 'FunctionName', Value: fn },
    { Name: 'Resource', Value: `${fn}:${ALIAS}` },
  ];
  return version ? [...d, { Name: 'ExecutedVersion', Value: version }] : d;
}

function query(id: string, metric: string, d: Dimension[], stat: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: d },
      Period: 60,
      Stat: stat,
    },
  };
}

/** Sum of each query's values over [from, to), by query id. */
async function metricSums(
  from: number,
  to: number,
  queries: MetricDataQuery[],
): Promise<Record<string, number>> {
  const out = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(to),
      MetricDataQueries: queries,
    }),
  );
  return Object.fromEntries(
    (out.MetricDataResults ?? []).map((r) => [r.Id!, (r.Values ?? []).reduce((n, v) => n + v, 0)]),
  );
}

function track(t: Traffic): Traffic {
  running.push(t);
  return t;
}

beforeAll(async () => {
  moto = await startMoto();
  cloudwatch = new CloudWatchClient(clientConfig(moto.url, { maxAttempts: 1 }));
});

afterAll(async () => {
  await Promise.allSettled(running.map((t) => t.stop()));
  cloudwatch?.destroy();
  await moto?.stop();
});

describe('traffic simulator', () => {
  it('sends everything to the alias version when the alias routes nowhere else', async () => {
    const fn = 'blue-only';
    await fixture(fn);
    const traffic = track(
      startTraffic({
        endpoint: moto.url,
        functionName: fn,
        alias: ALIAS,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        versions: { '2': { errorRate: 1, latencyMs: { p50: 900, p95: 2000 } } },
        seed: 7,
      }),
    );
    await until('500 requests', () => traffic.ledger().requests.length >= 500);
    await traffic.stop();

    const ledger = traffic.ledger();
    expect(new Set(ledger.requests.map((r) => r.version))).toEqual(new Set(['1']));
    expect(Object.keys(ledger.versions)).toEqual(['1']);
    expect(ledger.versions['1']!.errors).toBe(0);
    expect(traffic.firstServedAt('2')).toBeUndefined();
    expect(traffic.failuresBy('1')).toBe(0);
    // Unlisted versions run healthy at 20ms.
    expect(ledger.requests.every((r) => r.latencyMs === 20)).toBe(true);
  });

  it('routes 10% to green, writes matching per-version metrics, and runs 5 simulated minutes in ~5s', async () => {
    const fn = 'canary';
    await fixture(fn, { '2': 0.1 });
    const epoch = Date.now();
    const clock = scaledClock(epoch, SCALE);
    const realStart = Date.now();
    const traffic = track(
      startTraffic({
        endpoint: moto.url,
        functionName: fn,
        alias: ALIAS,
        clock,
        ratePerMinute: 1200,
        versions: {
          '1': { errorRate: 0.01, latencyMs: { p50: 40, p95: 120 } },
          '2': { errorRate: 0.2, latencyMs: { p50: 80, p95: 400 }, throttleRate: 0.05 },
        },
        seed: 42,
      }),
    );
    const startedAt = traffic.ledger().startedAt;
    await until('5 simulated minutes', () => clock.now() - startedAt >= 5 * 60_000);
    const realMs = Date.now() - realStart;
    await traffic.stop();
    expect(realMs).toBeGreaterThanOrEqual(4_500);
    expect(realMs).toBeLessThan(6_500);

    const ledger = traffic.ledger();
    // 30 ticks of 10 simulated seconds, plus the one at start.
    expect(ledger.ticks).toBeGreaterThanOrEqual(28);
    expect(ledger.ticks).toBeLessThanOrEqual(32);
    const sent = ledger.requests.length;
    expect(Math.abs(sent - ((ledger.lastTickAt - startedAt) / 60_000) * 1200)).toBeLessThanOrEqual(1);
    const green = ledger.requests.filter((r) => r.version === '2');
    const share = green.length / sent;
    // ~6000 draws: one standard deviation of the share is ~0.004.
    expect(share).toBeGreaterThan(0.085);
    expect(share).toBeLessThan(0.115);
    expect(traffic.firstServedAt('2')).toBe(green[0]!.at);
    expect(traffic.failuresBy('2')).toBe(green.filter((r) => r.failed).length);
    const mid = startedAt + 150_000;
    expect(traffic.failuresBy('2', mid)).toBe(green.filter((r) => r.failed && r.at < mid).length);
    expect(ledger.versions['2']!.throttles).toBeGreaterThan(0);
    expect(ledger.versions['2']!.minutes.reduce((n, m) => n + m.invocations, 0)).toBe(
      ledger.versions['2']!.invocations,
    );

    // A window of whole simulated minutes: GetMetricData's periods then match the ledger's minutes.
    const from = Math.floor(startedAt / 60_000) * 60_000 + 60_000;
    const to = from + 3 * 60_000;
    const want = traffic.countsBetween(from, to);
    const v2 = want.find((c) => c.version === '2')!;
    const all = want.reduce(
      (n, c) => ({ invocations: n.invocations + c.invocations, errors: n.errors + c.errors }),
      { invocations: 0, errors: 0 },
    );
    expect(v2.invocations).toBeGreaterThan(0);
    const got = await metricSums(from, to, [
      query('inv', 'Invocations', dims(fn, '2'), 'Sum'),
      query('err', 'Errors', dims(fn, '2'), 'Sum'),
      query('thr', 'Throttles', dims(fn, '2'), 'Sum'),
      query('dur', 'Duration', dims(fn, '2'), 'SampleCount'),
      query('allInv', 'Invocations', dims(fn), 'Sum'),
      query('allErr', 'Errors', dims(fn), 'Sum'),
    ]);
    expect(got).toEqual({
      inv: v2.invocations,
      err: v2.errors,
      thr: v2.throttles,
      dur: v2.invocations,
      allInv: all.invocations,
      allErr: all.errors,
    });
    const perMinute = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(from),
        EndTime: new Date(to),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [query('inv', 'Invocations', dims(fn, '2'), 'Sum')],
      }),
    );
    const minutes = ledger.versions['2']!.minutes.filter((m) => m.minute >= from && m.minute < to);
    expect(perMinute.MetricDataResults![0]!.Values).toEqual(minutes.map((m) => m.invocations));
    expect(perMinute.MetricDataResults![0]!.Timestamps!.map((t) => t.getTime())).toEqual(
      minutes.map((m) => m.minute),
    );
  });

  it('drives an alarm to ALARM when green fails more than the threshold', async () => {
    const fn = 'alarmed';
    await fixture(fn, { '2': 0.2 });
    const alarm = `${fn}-green-errors`;
    const stateOf = async () =>
      (await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }))).MetricAlarms?.[0];
    const traffic = track(
      startTraffic({
        endpoint: moto.url,
        functionName: fn,
        alias: ALIAS,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        versions: { '2': { errorRate: 0, latencyMs: { p50: 30, p95: 60 } } },
        seed: 3,
        alarms: [
          {
            name: alarm,
            windowMs: 60_000,
            when: (window) => {
              const g = window.find((w) => w.version === '2');
              if (!g || g.invocations < 10) return 'INSUFFICIENT_DATA';
              return g.errors / g.invocations > 0.05 ? 'ALARM' : 'OK';
            },
          },
        ],
      }),
    );
    await until('the alarm', async () => (await stateOf()) !== undefined);
    const created = (await stateOf())!;
    expect(created).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors' });
    await until(
      'OK on healthy green',
      async () => (await stateOf())?.StateValue === 'OK' && traffic.ledger().alarms[alarm] === 'OK',
    );

    const flippedAt = traffic.ledger().lastTickAt;
    traffic.setBehaviour('2', { errorRate: 0.5, latencyMs: { p50: 30, p95: 60 } });
    await until('ALARM on failing green', async () => (await stateOf())?.StateValue === 'ALARM');
    await traffic.stop();
    const after = traffic.ledger();
    expect(after.alarms[alarm]).toBe('ALARM');
    expect(traffic.failuresBy('2', flippedAt + 1)).toBe(0);
    expect(traffic.failuresBy('2')).toBeGreaterThan(0);
    expect(JSON.parse((await stateOf())!.StateReasonData!)).toHaveProperty('window');
  });

  it("holds a minute's datapoints back until the minute has ended plus the delay, alarms included; 0 writes at once", async () => {
    const fn = 'delayed';
    await fixture(fn);
    const clock = scaledClock(Date.now(), SCALE);
    // What the alarm rule was shown, and when.
    const shown: { at: number; invocations: number }[] = [];
    const traffic = track(
      startTraffic({
        endpoint: moto.url,
        functionName: fn,
        alias: ALIAS,
        clock,
        ratePerMinute: 600,
        versions: {},
        seed: 11,
        alarms: [
          {
            name: `${fn}-errors`,
            windowMs: 60_000,
            when: (window) => {
              shown.push({ at: clock.now(), invocations: window.reduce((n, c) => n + c.invocations, 0) });
              return 'OK';
            },
          },
        ],
      }),
    );
    expect(traffic.ledger().readableAfterMs).toBe(READABLE_AFTER_MS);
    await until('traffic', () => traffic.firstServedAt('1') !== undefined);
    const minute = Math.floor(traffic.firstServedAt('1')! / 60_000) * 60_000;
    const readyAt = readableAt(minute);
    expect(readyAt).toBe(minute + 60_000 + READABLE_AFTER_MS);
    const read = async () => {
      const out = await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(minute),
          EndTime: new Date(minute + 60_000),
          MetricDataQueries: [query('inv', 'Invocations', dims(fn, '1'), 'Sum')],
        }),
      );
      return out.MetricDataResults![0]!.Values ?? [];
    };

    // Nothing while the simulated clock is short of readyAt, even after the minute has ended; a read counts
    // only if its answer came back before readyAt, as the simulator writes on that same clock.
    let emptyAfterMinuteEnd = 0;
    while (clock.now() < readyAt) {
      const values = await read();
      const answeredAt = clock.now();
      if (answeredAt >= readyAt) break;
      expect(values).toEqual([]);
      if (answeredAt >= minute + 60_000) emptyAfterMinuteEnd++;
      await sleep(25);
    }
    expect(emptyAfterMinuteEnd).toBeGreaterThan(0);

    // Then the whole minute at once, as the ledger counts it.
    let values: number[] = [];
    await until('the minute readable', async () => (values = await read()).length > 0);
    const writtenBy = clock.now();
    expect(writtenBy).toBeGreaterThanOrEqual(readyAt);
    const counted = traffic.ledger().versions['1']!.minutes.find((m) => m.minute === minute)!;
    expect(values).toEqual([counted.invocations]);
    expect(counted.invocations).toBeGreaterThan(0);

    // The alarm saw no traffic until that minute was readable, and then saw it.
    await until('the alarm shown the minute', () => shown.some((s) => s.invocations > 0));
    await traffic.stop();
    expect(shown.filter((s) => s.at < readyAt).every((s) => s.invocations === 0)).toBe(true);
    expect(shown.filter((s) => s.at < readyAt).length).toBeGreaterThan(0);

    // Without the delay a datapoint can be read as soon as it is sent.
    const fn0 = 'undelayed';
    await fixture(fn0);
    const clock0 = scaledClock(Date.now(), SCALE);
    const instant = track(
      startTraffic({
        endpoint: moto.url,
        functionName: fn0,
        alias: ALIAS,
        clock: clock0,
        ratePerMinute: 600,
        versions: {},
        readableAfterMs: 0,
      }),
    );
    await until('traffic', () => instant.firstServedAt('1') !== undefined);
    const at = instant.firstServedAt('1')!;
    expect(readableAt(at, 0)).toBe(at);
    // The tick records a request before its write returns: read until the write has landed.
    let got: Record<string, number> = {};
    await until('the datapoint written', async () => {
      got = await metricSums(at, at + 1000, [query('inv', 'Invocations', dims(fn0, '1'), 'Sum')]);
      return got.inv! > 0;
    });
    const answeredAt = clock0.now();
    await instant.stop();
    expect(got.inv).toBeGreaterThan(0);
    // Read well before the delay would have let it be.
    expect(answeredAt).toBeLessThan(readableAt(at));
  });

  it('stop() leaves no timers, sends nothing more, and rethrows a failed tick', async () => {
    const fn = 'stopped';
    await fixture(fn);
    // The simulator's timers are unref'd, which getActiveResourcesInfo() does not list: watch them instead.
    const pending = new Set<unknown>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const handle = realSet(
        (...a: unknown[]) => {
          pending.delete(handle);
          fn(...a);
        },
        ms,
        ...args,
      );
      pending.add(handle);
      return handle;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
      pending.delete(handle);
      realClear(handle);
    }) as typeof clearTimeout;
    try {
      const traffic = startTraffic({
        endpoint: moto.url,
        functionName: fn,
        alias: ALIAS,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        versions: {},
      });
      let sawTimer = false;
      await until('traffic', () => {
        sawTimer ||= pending.size > 0;
        return traffic.ledger().requests.length > 0;
      });
      expect(sawTimer).toBe(true);
      await traffic.stop();
      await traffic.stop(); // twice is harmless
      expect(pending.size).toBe(0);
      const sent = traffic.ledger().requests.length;
      await sleep(500);
      expect(traffic.ledger().requests.length).toBe(sent);

      const broken = startTraffic({
        endpoint: moto.url,
        functionName: 'no-such-function',
        alias: ALIAS,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        versions: {},
      });
      await sleep(300);
      await expect(broken.stop()).rejects.toThrow(/not found|ResourceNotFound|traffic ticks failed/i);
      expect(pending.size).toBe(0);
    } finally {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    }
  });

  it("pins moto's GetMetricData quirks that a health gate must not depend on", async () => {
    const fn = 'quirks';
    await fixture(fn, { '2': 0.5 });
    const traffic = track(
      startTraffic({
        endpoint: moto.url,
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
    const exact = await metricSums(from, to, [
      query('full', 'Invocations', dims(fn, '2'), 'Sum'),
      query('subset', 'Invocations', [{ Name: 'FunctionName', Value: fn }], 'Sum'),
      query('reversed', 'Invocations', dims(fn, '2').reverse(), 'Sum'),
    ]);
    expect(exact).toEqual({ full: v2.invocations, subset: 0, reversed: 0 });
    // Percentiles: the whole request fails with a 500 once data is in range.
    const p95 = cloudwatch.send(
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
    await fixture(fn, { '2': 0.3 });
    const proxy = await FaultProxy.start(moto.url);
    const viaProxy = new CloudWatchClient(clientConfig(proxy.url, { maxAttempts: 1 }));
    try {
      const clock = scaledClock(Date.now(), SCALE);
      const traffic = track(
        startTraffic({
          endpoint: moto.url,
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
      await cloudwatch.send(
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
