// ECS health through the bundles: shift-traffic judges green by its target group's load balancer metrics,
// which the simulator writes to moto from requests routed by the production listener's weights as they are
// at each moment, on the scaled clock the actions share (percentiles through the fault proxy, see
// packages/testbed/src/percentiles.ts).
import { describe, it, expect, afterEach } from '@jest/globals';
import {
  startAlbTraffic,
  type AlbTraffic,
  type TargetGroupBehaviour,
} from '@deploy-actions/testbed/alb-traffic';
import { READABLE_AFTER_MS } from '@deploy-actions/testbed/traffic';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed();
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:2.0.0';
let traffic: AlbTraffic | undefined;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const healthy: TargetGroupBehaviour = { errorRate: 0.002, latencyMs: { p50: 20, p95: 60 } };
// Log-normal with p50 500 and p95 1400: p99 near 2.1 s.
const slow: TargetGroupBehaviour = { errorRate: 0.002, latencyMs: { p50: 500, p95: 1400 } };

/** Green deployed to the idle service, then traffic through the production listener on the bed's clock. */
async function release(green: TargetGroupBehaviour): Promise<{ green: string; blue: string }> {
  const r = await bed.run('deploy-green', {
    'container-name': bed.stack.containerName,
    image: IMAGE,
    'test-listener-arn': bed.stack.testListenerArn!,
  });
  ok(r);
  traffic = startAlbTraffic({
    endpoint: bed.moto.url,
    listenerArn: bed.stack.productionListenerArn,
    clock: bed.clock(),
    ratePerMinute: 3000,
    targetGroups: { [bed.stack.blue.targetGroupArn]: healthy, [bed.stack.green.targetGroupArn]: green },
    elb5xxRate: 0,
    seed: 42,
  });
  return { green: r.outputs['green-version']!, blue: r.outputs['blue-version']! };
}

function shift(green: string, inputs: Record<string, string>) {
  return bed.run('shift-traffic', {
    'green-version': green,
    steps: '5,25,50,100',
    'bake-time': '5m',
    interval: '1m',
    window: '1m',
    ...inputs,
  });
}

/** Green's response times served in each minute, by the minute's start. */
function greenMinutes(): number[][] {
  const out = new Map<number, number[]>();
  for (const r of traffic!.ledger().requests) {
    if (r.targetGroup !== bed.stack.green.targetGroupArn || r.latencyMs === undefined) continue;
    const minute = Math.floor(r.at / 60_000) * 60_000;
    out.set(minute, [...(out.get(minute) ?? []), r.latencyMs]);
  }
  return [...out.values()];
}

/** pN within rank tolerance: at most N% of the sample below it, at most (100-N)% above (in counts, exactly). */
function isPercentileOf(value: number, sample: number[], p: number): boolean {
  const below = sample.filter((d) => d < value).length;
  const above = sample.filter((d) => d > value).length;
  return (
    sample.includes(value) && below * 100 <= p * sample.length && above * 100 <= (100 - p) * sample.length
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const label = (taskDefinitionArn: string) => taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ECS shift-traffic gated by target group metrics, through the bundles, against simulated traffic', () => {
  it('catches a green target group failing 20% at 5% traffic at the first step, and restores 100/0 in one write', async () => {
    const v = await release({ ...healthy, errorRate: 0.2 });
    const r = await shift(v.green, { 'max-error-rate': '5' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
    const g = escape(label(v.green));
    const b = escape(label(v.blue));
    expect(r.errors[0]).toMatch(
      new RegExp(
        `health unhealthy at step 1/4 \\(5% on ${g}\\): metrics: ${g} error rate [\\d.]+% > max-error-rate 5% \\(${b}: [\\d.]+%\\), \\d+ of \\d+ requests failed.*Traffic restored: 100% on ${b}`,
      ),
    );
    // The step's write, then the rollback's: one write puts everything back on blue.
    expect(r.writes).toEqual(['ModifyListener', 'ModifyListener']);
    expect((await bed.weights()).weights).toEqual([100, 0]);
    expect(r.stdout).toMatch(/step 1\/4: 5% on .*, check \d\/5 unhealthy: metrics:/);

    const green = bed.stack.green.targetGroupArn;
    const blue = bed.stack.blue.targetGroupArn;
    // The simulator saw the listener go 100/0 → 95/5 → 100/0 (by its next tick), and nothing else.
    for (let i = 0; i < 100 && traffic!.ledger().routing.length < 3; i++) await sleep(50);
    const ledger = traffic!.ledger();
    expect(ledger.routing.map((x) => [x.weights[blue], x.weights[green]])).toEqual([
      [100, 0],
      [95, 5],
      [100, 0],
    ]);
    const first = traffic!.firstServedAt(green)!;
    const served = ledger.requests.filter((q) => q.targetGroup === green);
    const last = Math.max(...served.map((q) => q.at));
    // One metric period, the readability delay, and up to two intervals (at 5% the first minute green
    // served may fall short of min-invocations), with a tick of slack for the simulator.
    expect(last - first).toBeLessThanOrEqual(60_000 + READABLE_AFTER_MS + 2 * 60_000 + 10_000);
    const failures = traffic!.failuresBy(green);
    expect(failures).toBeGreaterThan(10);
    expect(failures / served.length).toBeGreaterThan(0.1);
  });

  it('promotes a healthy green through 5/25/50/100 under max-error-rate 5 and max-latency-ms 1000', async () => {
    const v = await release(healthy);
    const r = await shift(v.green, { 'max-error-rate': '5', 'max-latency-ms': '1000', 'bake-time': '3m' });
    ok(r);
    expect(r.outputs).toMatchObject({ status: 'promoted', weight: '100' });
    expect(r.stdout).toMatch(
      /step 1\/4: 5% on .*, check 3\/3 healthy: metrics: .*: error rate [\d.]+% ≤ 5%, p99 \d+ms ≤ 1000ms over \d+ requests/,
    );
    expect(r.writes).toEqual(['ModifyListener', 'ModifyListener', 'ModifyListener', 'ModifyListener']);
    expect((await bed.weights()).weights).toEqual([0, 100]);
    const green = bed.stack.green.targetGroupArn;
    const weights = traffic!.ledger().routing.map((x) => x.weights[green]);
    expect(weights).toEqual([0, 5, 25, 50, 100]);
    expect(traffic!.ledger().targetGroups[green]!.requests).toBeGreaterThan(1000);
  });

  it('rolls back a green whose p99 is ~2 s under max-latency-ms 1000', async () => {
    const v = await release(slow);
    const r = await shift(v.green, { 'max-error-rate': '5', 'max-latency-ms': '1000' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    const m =
      /health unhealthy at step 1\/4 \(5% on [^)]+\): metrics: \S+ p99 (\d+)ms > max-latency-ms p99=1000ms.*Traffic restored: 100% on /.exec(
        r.errors[0] ?? '',
      );
    expect({ error: r.errors[0], matched: Boolean(m) }).toMatchObject({ matched: true });
    expect(r.writes).toEqual(['ModifyListener', 'ModifyListener']);
    expect((await bed.weights()).weights).toEqual([100, 0]);
    // The p99 judged is that of a minute green served, from TargetResponseTime in seconds read back in ms.
    const p99 = Number(m![1]);
    expect(greenMinutes().some((sample) => isPercentileOf(p99, sample, 99))).toBe(true);
    expect(p99).toBeGreaterThan(1000);
  });
});
