import { describe, it, expect, afterEach } from '@jest/globals';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { scaledClock } from '@deploy-actions/core';
import { clientConfig } from '@deploy-actions/testbed/moto';
import {
  READABLE_AFTER_MS,
  startTraffic,
  type Traffic,
  type TrafficOptions,
} from '@deploy-actions/testbed/traffic';
import { ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
/** One simulated minute per real second: a 3-minute bake takes 3 s. */
const SCALE = 60;
let traffic: Traffic | undefined;
let clockEnv: Record<string, string>;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const healthy = { errorRate: 0.002, latencyMs: { p50: 20, p95: 60 } };

/** v1 live and v2 published, then traffic through the alias on the scaled clock the actions share. */
async function release(versions: TrafficOptions['versions'], extra: Partial<TrafficOptions> = {}) {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  const epoch = Date.now();
  clockEnv = { DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` };
  traffic = startTraffic({
    endpoint: bed.moto.url,
    functionName: 'orders-api',
    alias: 'live',
    clock: scaledClock(epoch, SCALE),
    ratePerMinute: 3000,
    versions,
    seed: 42,
    ...extra,
  });
}

/** Until moto holds readable minutes of green's invocations: a fixed sleep races the delay when busy. */
async function greenReadable(): Promise<void> {
  const cw = new CloudWatchClient(clientConfig(bed.moto.url));
  const epoch = Number(clockEnv.DEPLOY_ACTIONS_CLOCK!.split(':')[0]);
  const metric = {
    Namespace: 'AWS/Lambda',
    MetricName: 'Invocations',
    Dimensions: [
      { Name: 'FunctionName', Value: 'orders-api' },
      { Name: 'Resource', Value: 'orders-api:live' },
      { Name: 'ExecutedVersion', Value: '2' },
    ],
  };
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const now = scaledClock(epoch, SCALE).now();
      const out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 15 * 60_000),
          EndTime: new Date(now + 60_000),
          MetricDataQueries: [{ Id: 'inv', MetricStat: { Metric: metric, Period: 60, Stat: 'Sum' } }],
        }),
      );
      // Enough for min-invocations, even when the first minute is the tail of one.
      if ((out.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0) >= 100) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("green's metrics never became readable");
  } finally {
    cw.destroy();
  }
}

function shift(inputs: Record<string, string>) {
  return bed.run(
    'shift-traffic',
    node,
    { 'green-version': '2', steps: '10,50,100', 'bake-time': '3m', interval: '1m', ...inputs },
    { env: { ...bed.options({}).env, ...clockEnv } },
  );
}

describe('shift-traffic gated by health checks, through the bundles, against moto and simulated traffic', () => {
  it('(a) promotes a healthy green through 10/50/100', async () => {
    await release({ '1': healthy, '2': healthy });
    const r = await shift({ 'max-error-rate': '2', window: '2m' });
    ok(r);
    expect(r.outputs.status).toBe('promoted');
    expect(r.stdout).toMatch(
      /step 1\/3: 10% on v2, check 3\/3 healthy: metrics: v2: error rate [\d.]+% ≤ 2%/,
    );
    expect(await bed.alias()).toBe('2');
    expect(traffic!.ledger().versions['2'].invocations).toBeGreaterThan(500);
  });

  it('(b) catches a green failing 20% at 10% traffic at the first step and rolls back within one period, the readability delay and one interval', async () => {
    await release({ '1': healthy, '2': { ...healthy, errorRate: 0.2 } });
    const r = await shift({ 'max-error-rate': '2', window: '1m' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(
      /health unhealthy at step 1\/3 \(10% on v2\): metrics: v2 error rate [\d.]+% > max-error-rate 2% \(v1: [\d.]+%\).*Traffic restored: 100% on v1/,
    );
    expect(await bed.alias()).toBe('1');
    const first = traffic!.firstServedAt('2')!;
    const last = Math.max(
      ...traffic!
        .ledger()
        .requests.filter((q) => q.version === '2')
        .map((q) => q.at),
    );
    // One metric period (1m), the time CloudWatch takes to make it readable, and one interval (1m), with a
    // tick of slack for the simulator.
    expect(last - first).toBeLessThanOrEqual(60_000 + READABLE_AFTER_MS + 60_000 + 10_000);
  });

  it('(c) rolls back when an alarm goes into ALARM mid-bake', async () => {
    await release(
      { '1': healthy, '2': healthy },
      {
        alarms: [
          {
            name: 'orders-api-errors',
            windowMs: 60_000,
            when: (w) => {
              const g = w.find((v) => v.version === '2');
              return g && g.invocations > 0 && g.errors / g.invocations > 0.05 ? 'ALARM' : 'OK';
            },
          },
        ],
      },
    );
    // Green turns bad a little into the first bake; only the alarm watches it.
    setTimeout(() => traffic?.setBehaviour('2', { ...healthy, errorRate: 0.5 }), 1500);
    const r = await shift({ alarms: 'orders-api-*' });
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(/alarms: alarm orders-api-errors in ALARM.*Traffic restored: 100% on v1/);
    expect(await bed.alias()).toBe('1');
  });

  it('(d) does not fail a clean green for blue’s own errors', async () => {
    await release({ '1': { ...healthy, errorRate: 0.1 }, '2': { ...healthy, errorRate: 0 } });
    const r = await shift({ 'max-error-rate': '2', window: '2m' });
    ok(r);
    expect(r.outputs.status).toBe('promoted');
  });

  it('(e) too little traffic is inconclusive: rolled back by default, promoted with on-inconclusive pass', async () => {
    await release({ '1': healthy, '2': healthy }, { ratePerMinute: 60 });
    const strict = await shift({ 'max-error-rate': '2', window: '1m', steps: '10,100', 'bake-time': '1m' });
    expect(strict.outputs.status).toBe('rolled-back');
    expect(strict.errors[0]).toMatch(/health inconclusive at step 1\/2.*below min-invocations 50/);
    const lenient = await shift({
      'max-error-rate': '2',
      window: '1m',
      steps: '10,100',
      'bake-time': '1m',
      'on-inconclusive': 'pass',
    });
    ok(lenient);
    expect(lenient.outputs.status).toBe('promoted');
  });

  it('(f) CloudWatch throttled or failing is unhealthy, never healthy', async () => {
    await release({ '1': healthy, '2': healthy });
    bed.proxy.addRule({ op: 'GetMetricData', kind: 'throttle', retryAfterSeconds: '0' });
    const r = await shift({ 'max-error-rate': '2', window: '1m', 'max-attempts': '2' });
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(/could not read the metrics of v2/);
    expect(await bed.alias()).toBe('1');

    bed.proxy.clearRules();
    bed.proxy.addRule({ op: 'GetMetricData', kind: '5xx' });
    const gate = await bed.run(
      'health-gate',
      node,
      { version: '2', 'max-error-rate': '2', 'max-attempts': '2' },
      { env: { ...bed.options({}).env, ...clockEnv } },
    );
    expect(gate.code).toBe(1);
    expect(gate.outputs).toMatchObject({ healthy: 'false', verdict: 'unhealthy' });
  });
});

describe('health-gate on its own', () => {
  it('judges the green of a split against its blue and reports every check', async () => {
    await release({ '1': healthy, '2': healthy });
    ok(await bed.run('shift-traffic', node, { 'green-version': '2', steps: '50', 'bake-time': '0' }));
    await new Promise((r) => setTimeout(r, 2500)); // two simulated minutes of traffic at 50%
    const r = await bed.run(
      'health-gate',
      node,
      {
        'max-error-rate': '2',
        window: '2m',
        'invoke-payload': '{"ping":true}',
        duration: '2m',
        interval: '1m',
      },
      { env: { ...bed.options({}).env, ...clockEnv } },
    );
    ok(r);
    expect(r.outputs).toMatchObject({ healthy: 'true', verdict: 'healthy' });
    const report = JSON.parse(r.outputs.report);
    expect(report).toMatchObject({ version: '2', baseline: '1', verdict: 'healthy' });
    expect(report.evaluations).toHaveLength(2);
    expect(report.evaluations[1].checks.map((c: { check: string }) => c.check).sort()).toEqual([
      'invoke',
      'metrics',
    ]);
    expect(r.summary).toMatch(/\| check \| verdict \| observed \| threshold \| reason \|/);
    expect(r.summary).toContain('```mermaid');
  });

  it('with fail-on-unhealthy false reports an unhealthy green without failing the step', async () => {
    await release({ '1': healthy, '2': { ...healthy, errorRate: 0.3 } });
    ok(await bed.run('shift-traffic', node, { 'green-version': '2', steps: '50', 'bake-time': '0' }));
    await greenReadable();
    const r = await bed.run(
      'health-gate',
      node,
      { 'max-error-rate': '2', window: '1m', 'fail-on-unhealthy': 'false' },
      { env: { ...bed.options({}).env, ...clockEnv } },
    );
    ok(r);
    expect(r.outputs).toMatchObject({ healthy: 'false', verdict: 'unhealthy' });
    expect(r.warnings[0]).toMatch(/fail-on-unhealthy is false/);
  });
});
