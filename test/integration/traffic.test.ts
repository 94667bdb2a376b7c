// Proves the traffic simulator against real moto: routing by the alias's weights, the metrics it writes and
// when they become readable, its scaled clock, the alarms it drives, and a clean stop.
import { describe, it, expect, jest } from '@jest/globals';
import { DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { scaledClock } from '@deploy-actions/core';
import { READABLE_AFTER_MS, readableAt, startTraffic } from '@deploy-actions/testbed/traffic';
import { ALIAS, dims, query, SCALE, sleep, until, useTrafficBed } from './traffic-bed';

jest.setTimeout(60_000);
const bed = useTrafficBed();

describe('traffic simulator', () => {
  it('sends everything to the alias version when the alias routes nowhere else', async () => {
    const fn = 'blue-only';
    await bed.fixture(fn);
    const traffic = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
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
    await bed.fixture(fn, { '2': 0.1 });
    const epoch = Date.now();
    const clock = scaledClock(epoch, SCALE);
    const realStart = Date.now();
    const traffic = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
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
    const got = await bed.metricSums(from, to, [
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
    const perMinute = await bed.cloudwatch.send(
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
    await bed.fixture(fn, { '2': 0.2 });
    const alarm = `${fn}-green-errors`;
    const stateOf = async () =>
      (await bed.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }))).MetricAlarms?.[0];
    const traffic = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
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
    await bed.fixture(fn);
    const clock = scaledClock(Date.now(), SCALE);
    // What the alarm rule was shown, and when.
    const shown: { at: number; invocations: number }[] = [];
    const traffic = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
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
      const out = await bed.cloudwatch.send(
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
    await bed.fixture(fn0);
    const clock0 = scaledClock(Date.now(), SCALE);
    const instant = bed.track(
      startTraffic({
        endpoint: bed.moto.url,
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
      got = await bed.metricSums(at, at + 1000, [query('inv', 'Invocations', dims(fn0, '1'), 'Sum')]);
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
    await bed.fixture(fn);
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
        endpoint: bed.moto.url,
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
        endpoint: bed.moto.url,
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
});
