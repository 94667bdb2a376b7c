import { describe, it, expect, beforeEach } from '@jest/globals';
import { CloudWatchClient, GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { judgeMetrics } from '@deploy-actions/health';
import { loadBalancerDimension, readTargetGroupMetrics, targetGroupDimension } from '../src/metrics';
import { label } from '../src/names';
import { routingOf, type Pair, type Side } from '../src/router';
import { LISTENER, TG_A, TG_B, td } from './fixtures';

const cw = mockClient(CloudWatchClient);
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const now = Date.UTC(2026, 11, 1, 12, 10);
const at = new Date(Date.UTC(2026, 11, 1, 12, 7));

const side = (service: string, targetGroup: string, taskDefinition: string, weight: number): Side => ({
  service,
  targetGroup,
  taskDefinition,
  weight,
  since: 0,
  desiredCount: 2,
});
const sides: [Side, Side] = [side('orders-a', TG_A, td(1), 95), side('orders-b', TG_B, td(2), 5)];
const pair: Pair = { actions: [], services: [{}, {}], sides, routing: routingOf(sides) };
const subject = { version: td(2), baseline: td(1), label };
const point = (Id: string, value: number): MetricDataResult => ({
  Id,
  Timestamps: [at],
  Values: [value],
  StatusCode: 'Complete',
});
const cfg = { maxErrorRate: 5, maxLatencyMs: { p99: 1000 }, minInvocations: 50, windowMs: 60_000 };

beforeEach(() => {
  cw.reset();
});

describe('ALB metrics of each service’s target group', () => {
  it('queries by LoadBalancer and TargetGroup, counts target 5xx and connection errors as failures, latency in ms', async () => {
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        point('greq', 200),
        point('gt5xx', 30),
        point('gconn', 10),
        point('gunh', 0),
        point('gp99', 0.42),
        point('breq', 3800),
        point('bt5xx', 4),
        point('bconn', 0),
        point('bunh', 0),
        point('bp99', 0.3),
        point('elb5xx', 7),
      ],
    });
    const m = await readTargetGroupMetrics(client, LISTENER, pair, subject, 60_000, ['p99'], now);
    const queries = cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries!;
    expect(queries.find((q) => q.Id === 'greq')!.MetricStat!.Metric!.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: 'app/orders/50dc6c495c0c9188' },
      { Name: 'TargetGroup', Value: 'targetgroup/orders-b/2453ed029918f21f' },
    ]);
    expect(queries.find((q) => q.Id === 'gp99')!.MetricStat).toMatchObject({ Stat: 'p99', Period: 60 });
    expect(queries.find((q) => q.Id === 'elb5xx')!.MetricStat!.Metric!.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: 'app/orders/50dc6c495c0c9188' },
    ]);
    expect(m.green).toMatchObject({ requests: 200, failures: 40, latency: { p99: 420 } });
    expect(m.green.counts).toMatchObject({ elb5xx: 7, target5xx: 30, connectionErrors: 10 });
    const r = judgeMetrics(m, cfg, subject);
    expect(r).toMatchObject({ verdict: 'unhealthy' });
    expect(r.reason).toMatch(
      /^orders:2 error rate 20% > max-error-rate 5% \(orders:1: 0\.11%\), 40 of 200 requests failed/,
    );
  });

  it('calls a green with an unhealthy target unhealthy, whatever its traffic', async () => {
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [point('greq', 3), point('gunh', 1), point('breq', 100)],
    });
    const m = await readTargetGroupMetrics(client, LISTENER, pair, subject, 60_000, [], now);
    expect(judgeMetrics(m, { ...cfg, maxLatencyMs: undefined }, subject)).toMatchObject({
      verdict: 'unhealthy',
      reason: 'orders:2: 1 unhealthy target(s) in its target group',
    });
  });

  it('derives the dimensions from the ARNs', () => {
    expect(loadBalancerDimension(LISTENER)).toBe('app/orders/50dc6c495c0c9188');
    expect(targetGroupDimension(TG_A)).toBe('targetgroup/orders-a/73e2d6bc24d8a067');
  });
});
