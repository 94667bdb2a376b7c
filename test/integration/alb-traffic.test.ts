// Proves the load balancer's traffic simulator against real moto: requests routed by the forward action's
// weights as they are at each tick (a listener's, or a rule's), the metrics written per LoadBalancer and
// TargetGroup with the counts the ledger holds, held back until readable, and TargetResponseTime's
// percentiles answered through the fault proxy.
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type Dimension,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import {
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { scaledClock } from '@deploy-actions/core';
import { startAlbTraffic, type AlbTraffic, type AlbTrafficLedger } from '@deploy-actions/testbed/alb-traffic';
import { createEcsStack, ecsMotoEnv, OIDC_CONFIG, weightedForward } from '@deploy-actions/testbed/ecs';
import { clientConfig, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { weightedPercentile } from '@deploy-actions/testbed/percentiles';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { READABLE_AFTER_MS, readableAt } from '@deploy-actions/testbed/traffic';

jest.setTimeout(120_000);

const SCALE = 60;
const MINUTE = 60_000;
let moto: Moto;
let cloudwatch: CloudWatchClient;
let elb: ElasticLoadBalancingV2Client;
const running: AlbTraffic[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function track(t: AlbTraffic): AlbTraffic {
  running.push(t);
  return t;
}

/** The dimension values as AWS documents them: the final portions of the ARNs. */
const lbValue = (arn: string) => arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
const tgValue = (arn: string) => arn.split(':')[5]!;

function query(id: string, metric: string, dims: Dimension[], stat: string, unit?: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: dims },
      Period: 60,
      Stat: stat,
      ...(unit && { Unit: unit as 'Seconds' }),
    },
  };
}

async function read(
  from: number,
  to: number,
  queries: MetricDataQuery[],
  client = cloudwatch,
): Promise<Map<string, { at: number[]; values: number[] }>> {
  const out = await client.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(to),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: queries,
    }),
  );
  return new Map(
    (out.MetricDataResults ?? []).map((r) => [
      r.Id!,
      { at: (r.Timestamps ?? []).map((t) => t.getTime()), values: r.Values ?? [] },
    ]),
  );
}

const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  moto = await startMoto({ env: ecsMotoEnv(2) });
  cloudwatch = new CloudWatchClient(clientConfig(moto.url, { maxAttempts: 1 }));
  elb = new ElasticLoadBalancingV2Client(clientConfig(moto.url, { maxAttempts: 1 }));
});

afterAll(async () => {
  await Promise.allSettled(running.map((t) => t.stop()));
  cloudwatch?.destroy();
  elb?.destroy();
  await moto?.stop();
});

describe('load balancer traffic simulator', () => {
  it('follows the listener’s weights as they change, and writes each target group’s metrics under LoadBalancer and TargetGroup with the ledger’s counts', async () => {
    const stack = await createEcsStack(moto.url, { name: 'w' });
    const LB = lbValue(stack.loadBalancerArn);
    const blueDims = [
      { Name: 'LoadBalancer', Value: LB },
      { Name: 'TargetGroup', Value: tgValue(stack.blue.targetGroupArn) },
    ];
    const greenDims = [
      { Name: 'LoadBalancer', Value: LB },
      { Name: 'TargetGroup', Value: tgValue(stack.green.targetGroupArn) },
    ];
    const lbDims = [{ Name: 'LoadBalancer', Value: LB }];
    const clock = scaledClock(Date.now(), SCALE);
    const traffic = track(
      startAlbTraffic({
        endpoint: moto.url,
        listenerArn: stack.productionListenerArn,
        clock,
        ratePerMinute: 3000,
        targetGroups: {
          // By name and by ARN alike.
          'w-blue': { errorRate: 0.01, latencyMs: { p50: 40, p95: 120 } },
          [stack.green.targetGroupArn]: {
            errorRate: 0.2,
            connectionErrorRate: 0.05,
            latencyMs: { p50: 100, p95: 435 },
            unhealthyHosts: 1,
          },
        },
        elb5xxRate: 0.01,
        seed: 42,
      }),
    );
    const { startedAt } = traffic.ledger();
    expect(LB).toMatch(/^app\/w-alb\/\w+$/);

    // Two simulated minutes at 100/0, then 80/20 for three.
    await until('2 simulated minutes', () => clock.now() - startedAt >= 2 * MINUTE);
    await elb.send(
      new ModifyListenerCommand({
        ListenerArn: stack.productionListenerArn,
        DefaultActions: [weightedForward(stack, 80, 20)],
      }),
    );
    await until('5 simulated minutes', () => clock.now() - startedAt >= 5 * MINUTE);
    await traffic.stop();

    const ledger = traffic.ledger();
    expect(ledger.loadBalancer).toBe(LB);
    expect(traffic.dimensions(stack.green.targetGroupArn)).toEqual(greenDims);
    const blue = stack.blue.targetGroupArn;
    const green = stack.green.targetGroupArn;
    expect(ledger.routing.map((r) => r.weights)).toEqual([
      { [blue]: 100, [green]: 0 },
      { [blue]: 80, [green]: 20 },
    ]);
    const shiftedAt = ledger.routing[1]!.at;
    const routed = (r: AlbTrafficLedger['requests'][number]) => r.targetGroup !== undefined;
    const before = ledger.requests.filter((r) => r.at < shiftedAt && routed(r));
    const after = ledger.requests.filter((r) => r.at >= shiftedAt && routed(r));
    expect(before.length).toBeGreaterThan(4000);
    expect(before.every((r) => r.targetGroup === blue)).toBe(true);
    expect(traffic.firstServedAt('w-green')).toBe(shiftedAt);
    // ~8000 draws after the change: one standard deviation of the share is ~0.0045.
    const share = after.filter((r) => r.targetGroup === green).length / after.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
    // The load balancer's own 5xx, before any target is chosen, at ~1% of all requests.
    expect(ledger.elb5xx / ledger.requests.length).toBeGreaterThan(0.005);
    expect(ledger.elb5xx / ledger.requests.length).toBeLessThan(0.015);
    const g = ledger.targetGroups[green]!;
    expect(g.connectionErrors / g.requests).toBeGreaterThan(0.03);
    expect(g.target5xx / (g.requests - g.connectionErrors)).toBeGreaterThan(0.16);
    expect(traffic.failuresBy('w-green')).toBe(g.target5xx + g.connectionErrors);
    // Connection errors have no response time; every request a target answered has one.
    expect(
      ledger.requests.every(
        (r) => (r.outcome === 'ok' || r.outcome === 'target-5xx') === (r.latencyMs !== undefined),
      ),
    ).toBe(true);

    // Whole minutes from the first to the last: GetMetricData's periods are then the ledger's minutes.
    const from = Math.floor(startedAt / MINUTE) * MINUTE;
    const to = Math.floor(ledger.lastTickAt / MINUTE) * MINUTE + MINUTE;
    const counts = new Map(traffic.countsBetween(from, to).map((c) => [c.targetGroup, c]));
    const b = counts.get(blue)!;
    const gc = counts.get(green)!;
    const rejected = ledger.requests.filter((r) => r.outcome === 'elb-5xx').length;
    const got = await read(from, to, [
      query('bReq', 'RequestCount', blueDims, 'Sum'),
      query('b5xx', 'HTTPCode_Target_5XX_Count', blueDims, 'Sum'),
      query('bConn', 'TargetConnectionErrorCount', blueDims, 'Sum'),
      query('bUnh', 'UnHealthyHostCount', blueDims, 'Maximum'),
      query('bTimes', 'TargetResponseTime', blueDims, 'SampleCount', 'Seconds'),
      query('gReq', 'RequestCount', greenDims, 'Sum'),
      query('g5xx', 'HTTPCode_Target_5XX_Count', greenDims, 'Sum'),
      query('gConn', 'TargetConnectionErrorCount', greenDims, 'Sum'),
      query('gUnh', 'UnHealthyHostCount', greenDims, 'Maximum'),
      query('gTimes', 'TargetResponseTime', greenDims, 'SampleCount', 'Seconds'),
      query('gTimesMs', 'TargetResponseTime', greenDims, 'SampleCount', 'Milliseconds'),
      query('gMax', 'TargetResponseTime', greenDims, 'Maximum'),
      query('lbReq', 'RequestCount', lbDims, 'Sum'),
      query('lb5xx', 'HTTPCode_Target_5XX_Count', lbDims, 'Sum'),
      query('elb5xx', 'HTTPCode_ELB_5XX_Count', lbDims, 'Sum'),
      // moto finds a dimension set only in the order it was put: TargetGroup first finds nothing.
      query('reversed', 'RequestCount', [...greenDims].reverse(), 'Sum'),
      query('tgOnly', 'RequestCount', greenDims.slice(1), 'Sum'),
    ]);
    const sums = Object.fromEntries([...got].map(([id, s]) => [id, sum(s.values)]));
    expect(sums).toMatchObject({
      bReq: b.requests,
      b5xx: b.target5xx,
      bConn: b.connectionErrors,
      bTimes: b.requests - b.connectionErrors,
      gReq: gc.requests,
      g5xx: gc.target5xx,
      gConn: gc.connectionErrors,
      gTimes: gc.requests - gc.connectionErrors,
      gTimesMs: 0,
      lbReq: b.requests + gc.requests,
      lb5xx: b.target5xx + gc.target5xx,
      elb5xx: rejected + b.connectionErrors + gc.connectionErrors,
      reversed: 0,
      tgOnly: 0,
    });
    // Unhealthy hosts every minute of the run, green's (weight 0 included) as its behaviour says.
    expect(got.get('gUnh')!.values.length).toBeGreaterThanOrEqual(5);
    expect(new Set(got.get('gUnh')!.values)).toEqual(new Set([1]));
    expect(new Set(got.get('bUnh')!.values)).toEqual(new Set([0]));
    // Response times in seconds: green's slowest well under a minute and over its p95 of 0.435 s.
    const slowest = Math.max(...got.get('gMax')!.values);
    expect(slowest).toBeGreaterThan(0.435);
    expect(slowest).toBeLessThan(60);
    // Green's requests per minute, minute by minute, as the ledger counts them.
    expect(got.get('gReq')!.at).toEqual(g.minutes.map((m) => m.minute));
    expect(got.get('gReq')!.values).toEqual(g.minutes.map((m) => m.requests));
  });

  it('holds each minute back until it is readable, and answers TargetResponseTime percentiles through the fault proxy', async () => {
    const stack = await createEcsStack(moto.url, { name: 'p' });
    await elb.send(
      new ModifyListenerCommand({
        ListenerArn: stack.productionListenerArn,
        DefaultActions: [weightedForward(stack, 50, 50)],
      }),
    );
    const proxy = await FaultProxy.start(moto.url);
    const viaProxy = new CloudWatchClient(clientConfig(proxy.url, { maxAttempts: 1 }));
    try {
      const clock = scaledClock(Date.now(), SCALE);
      const traffic = track(
        startAlbTraffic({
          endpoint: moto.url,
          listenerArn: stack.productionListenerArn,
          clock,
          ratePerMinute: 2000,
          targetGroups: { 'p-green': { errorRate: 0, latencyMs: { p50: 500, p95: 1400 } } },
          seed: 9,
        }),
      );
      expect(traffic.ledger().readableAfterMs).toBe(READABLE_AFTER_MS);
      await until('traffic', () => traffic.ledger().ticks > 1);
      const greenDims = traffic.dimensions(stack.green.targetGroupArn);
      const first = Math.floor(traffic.ledger().startedAt / MINUTE) * MINUTE;
      const range = [first - MINUTE, first + 15 * MINUTE] as const;

      // While traffic runs, a minute is read only once its end plus the delay has passed on the clock.
      let seen: number[] = [];
      await until('two readable minutes', async () => {
        const got = await read(...range, [query('n', 'RequestCount', greenDims, 'Sum')]);
        const answeredAt = clock.now();
        seen = got.get('n')!.at;
        for (const t of seen) expect(readableAt(t)).toBeLessThanOrEqual(answeredAt);
        return seen.length >= 2;
      });
      await traffic.stop();

      const stats = ['p50', 'p95', 'p99'];
      const got = await read(
        ...range,
        [
          ...stats.map((st) => query(st, 'TargetResponseTime', greenDims, st)),
          query('n', 'TargetResponseTime', greenDims, 'SampleCount'),
        ],
        viaProxy,
      );
      const minutes = got.get('n')!.at;
      expect(minutes.length).toBeGreaterThanOrEqual(3);
      const { requests } = traffic.ledger();
      for (const st of stats) {
        expect(got.get(st)!.at).toEqual(minutes);
        // Each minute's percentile, in seconds, is that of the response times green served in the minute.
        const want = minutes.map((m) => {
          const ms = requests
            .filter((r) => r.targetGroup === stack.green.targetGroupArn && r.at >= m && r.at < m + MINUTE)
            .map((r) => r.latencyMs! / 1000);
          return weightedPercentile(
            ms,
            ms.map(() => 1),
            Number(st.slice(1)),
          );
        });
        expect(got.get(st)!.values).toEqual(want);
      }
      // p99 around 2 s for p50 0.5 s and p95 1.4 s.
      const p99 = Math.max(...got.get('p99')!.values);
      expect(p99).toBeGreaterThan(1.5);
      expect(p99).toBeLessThan(3.5);
    } finally {
      viaProxy.destroy();
      await proxy.stop();
    }
  });

  it('routes by a rule’s forward action, after its authenticate action, when given a rule', async () => {
    const stack = await createEcsStack(moto.url, { name: 'r', rule: true });
    await elb.send(
      new ModifyRuleCommand({
        RuleArn: stack.ruleArn!,
        Actions: [
          { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: OIDC_CONFIG },
          weightedForward(stack, 0, 100, 2),
        ],
      }),
    );
    const traffic = track(
      startAlbTraffic({
        endpoint: moto.url,
        ruleArn: stack.ruleArn!,
        clock: scaledClock(Date.now(), SCALE),
        ratePerMinute: 600,
        targetGroups: {},
        readableAfterMs: 0,
      }),
    );
    await until('200 requests', () => traffic.ledger().requests.length >= 200);
    await traffic.stop();
    const ledger = traffic.ledger();
    // The listener's default action still sends everything to blue; the rule sends it all to green.
    expect(new Set(ledger.requests.map((r) => r.targetGroup))).toEqual(new Set([stack.green.targetGroupArn]));
    expect(ledger.loadBalancer).toBe(lbValue(stack.loadBalancerArn));
    // Unlisted target groups are healthy at 20 ms, and nothing writes HTTPCode_ELB_5XX_Count unasked.
    expect(ledger.requests.every((r) => r.outcome === 'ok' && r.latencyMs === 20)).toBe(true);
    const { startedAt, lastTickAt } = ledger;
    const got = await read(startedAt - MINUTE, lastTickAt + MINUTE, [
      query('req', 'RequestCount', traffic.dimensions(stack.green.targetGroupArn), 'Sum'),
      query(
        'elb5xx',
        'HTTPCode_ELB_5XX_Count',
        [{ Name: 'LoadBalancer', Value: ledger.loadBalancer }],
        'Sum',
      ),
    ]);
    expect(sum(got.get('req')!.values)).toBe(ledger.requests.length);
    expect(got.get('elb5xx')!.values).toEqual([]);
  });
});
