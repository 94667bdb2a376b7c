// Latency limits through the committed bundles: the actions read Duration percentiles with GetMetricData
// through the fault proxy, which answers them from the durations the traffic simulator wrote (moto computes
// no percentiles; see packages/testbed/src/percentiles.ts).
import { describe, it, expect, afterEach } from '@jest/globals';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { scaledClock, type Clock } from '@deploy-actions/core';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { startTraffic, type Traffic, type TrafficOptions } from '@deploy-actions/testbed/traffic';
import { ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
/** One simulated minute per real second. */
const SCALE = 60;
let traffic: Traffic | undefined;
let clockEnv: Record<string, string>;
let clock: Clock;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const healthy = { errorRate: 0.002, latencyMs: { p50: 20, p95: 60 } };
// Log-normal with p50 100 and p95 435: p99 is near 800ms, p95 is not much over 400.
const slowTail = { errorRate: 0.002, latencyMs: { p50: 100, p95: 435 } };

/** v1 live and v2 published, then traffic through the alias on the scaled clock the actions share. */
async function release(versions: TrafficOptions['versions']) {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  const epoch = Date.now();
  clockEnv = { DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` };
  clock = scaledClock(epoch, SCALE);
  traffic = startTraffic({
    endpoint: bed.moto.url,
    functionName: 'orders-api',
    alias: 'live',
    clock,
    ratePerMinute: 3000,
    versions,
    seed: 42,
  });
}

const env = () => ({ env: { ...bed.options({}).env, ...clockEnv } });

function shift(inputs: Record<string, string>) {
  return bed.run(
    'shift-traffic',
    node,
    { 'green-version': '2', steps: '10,50,100', 'bake-time': '3m', interval: '1m', ...inputs },
    env(),
  );
}

/**
 * Until green has served at least `n` invocations in minutes already readable, read from moto itself: a
 * fixed sleep would race the readability delay when the machine is busy.
 */
async function greenReadable(n = 100): Promise<void> {
  const cw = new CloudWatchClient(clientConfig(bed.moto.url));
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      const now = clock.now();
      const out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 15 * 60_000),
          EndTime: new Date(now + 60_000),
          MetricDataQueries: [
            {
              Id: 'inv',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/Lambda',
                  MetricName: 'Invocations',
                  Dimensions: [
                    { Name: 'FunctionName', Value: 'orders-api' },
                    { Name: 'Resource', Value: 'orders-api:live' },
                    { Name: 'ExecutedVersion', Value: '2' },
                  ],
                },
                Period: 60,
                Stat: 'Sum',
              },
            },
          ],
        }),
      );
      const served = (out.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
      if (served >= n) return;
      if (Date.now() > deadline) throw new Error(`green's metrics not readable: ${served} invocations`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    cw.destroy();
  }
}

/** Green's durations the simulator served in each minute, by the minute's start. */
function greenMinutes(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of traffic!.ledger().requests) {
    if (r.version !== '2' || r.latencyMs === undefined) continue;
    const minute = Math.floor(r.at / 60_000) * 60_000;
    out.set(minute, [...(out.get(minute) ?? []), r.latencyMs]);
  }
  return out;
}

/** pN as CloudWatch defines it, within rank tolerance: at most N% of the sample below, (100-N)% above. */
function isPercentileOf(value: number, sample: number[], p: number): boolean {
  const below = sample.filter((d) => d < value).length / sample.length;
  const above = sample.filter((d) => d > value).length / sample.length;
  return sample.includes(value) && below <= p / 100 && above <= 1 - p / 100;
}

describe('latency limits through the bundles, against moto and simulated traffic', () => {
  it('shift-traffic with max-latency-ms p99=300 rolls back a green whose p99 is ~800ms at the first step', async () => {
    await release({ '1': healthy, '2': slowTail });
    const r = await shift({ 'max-latency-ms': 'p99=300', window: '1m' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    const m =
      /health unhealthy at step 1\/3 \(10% on v2\): metrics: v2 p99 (\d+(?:\.\d+)?)ms > max-latency-ms p99=300ms.*Traffic restored: 100% on v1/.exec(
        r.errors[0] ?? '',
      );
    expect({ error: r.errors[0], matched: Boolean(m) }).toMatchObject({ matched: true });
    expect(await bed.alias()).toBe('1');
    // The p99 judged is the p99 of a minute green really served (the newest readable one, maybe partial),
    // and green's durations have the ~800ms p99 its distribution puts there.
    const p99 = Number(m![1]);
    const minutes = [...greenMinutes().values()];
    expect(minutes.some((sample) => isPercentileOf(p99, sample, 99))).toBe(true);
    const all = minutes.flat().sort((a, b) => a - b);
    const servedP99 = all[Math.ceil(0.99 * all.length) - 1]!;
    expect(servedP99).toBeGreaterThan(550);
    expect(servedP99).toBeLessThan(1200);
    expect(bed.callsByAction.get('shift-traffic')).toContain('monitoring:GetMetricData');
  });

  it('shift-traffic with max-latency-ms p95=2000,p99=5000 promotes a healthy green', async () => {
    await release({ '1': healthy, '2': healthy });
    const r = await shift({ 'max-latency-ms': 'p95=2000,p99=5000', window: '2m' });
    ok(r);
    expect(r.outputs.status).toBe('promoted');
    expect(r.stdout).toMatch(
      /step 1\/3: 10% on v2, check \d\/3 healthy: metrics: v2: p95 \d+(\.\d+)?ms ≤ 2000ms, p99 \d+(\.\d+)?ms ≤ 5000ms/,
    );
    expect(await bed.alias()).toBe('2');
  });

  describe('health-gate with max-latency-ratio (green p95 over blue p95)', () => {
    async function gateAtHalf(green: TrafficOptions['versions'][string]) {
      await release({ '1': healthy, '2': green });
      ok(await bed.run('shift-traffic', node, { 'green-version': '2', steps: '50', 'bake-time': '0' }));
      await greenReadable();
      const r = await bed.run('health-gate', node, { 'max-latency-ratio': '1.5', window: '2m' }, env());
      const report = JSON.parse(r.outputs.report ?? '{}');
      const metrics = report.evaluations?.[0]?.checks?.find((c: { check: string }) => c.check === 'metrics');
      return { r, metrics };
    }

    it('passes a green as fast as blue', async () => {
      const { r, metrics } = await gateAtHalf(healthy);
      ok(r);
      expect(r.outputs).toMatchObject({ healthy: 'true', verdict: 'healthy' });
      expect(metrics.observed.p95).toEqual(expect.any(Number));
      expect(metrics.observed.baselineP95).toEqual(expect.any(Number));
      expect(metrics.observed.latencyRatio).toBeLessThanOrEqual(1.5);
      expect(metrics.reason).toMatch(/p95 ratio [\d.]+ ≤ 1\.5/);
    });

    it('fails a green whose p95 is several times blue’s', async () => {
      const { r, metrics } = await gateAtHalf(slowTail);
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ healthy: 'false', verdict: 'unhealthy' });
      expect(metrics.reason).toMatch(/v2 p95 [\d.]+ms is [\d.]+× v1's [\d.]+ms > max-latency-ratio 1\.5/);
      expect(metrics.observed.p95).toBeGreaterThan(250);
      expect(metrics.observed.baselineP95).toBeLessThan(120);
    });
  });
});
