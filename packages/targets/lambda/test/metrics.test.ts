import { describe, it, expect, beforeEach, afterAll } from '@jest/globals';
import { CloudWatchClient, GetMetricDataCommand, LimitExceededException } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import {
  checkMetrics as check,
  judgeMetrics,
  METRICS_LOOKBACK_MS,
  type MetricsConfig,
  type Subject,
} from '@deploy-actions/health';
import { readVersionMetrics, versionMetrics } from '../src/metrics';
import { label } from '../src/routing';

const cw = mockClient(CloudWatchClient);
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const fn = { functionName: 'orders', alias: 'live' };
const target: Subject = { version: '2', baseline: '1', label };

/** The health check over Lambda's own metrics, as the Lambda target gives them. */
function checkMetrics(cwc: CloudWatchClient, cfg: MetricsConfig, t: Subject, now: number) {
  const signals = {
    metrics: (s: Subject, w: number, p: string[], at: number) => readVersionMetrics(cwc, fn, s, w, p, at),
  };
  return check(signals, cfg, t, now);
}
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));
const metricsCfg = { maxErrorRate: 2, maxLatencyRatio: 1.5, minInvocations: 50, windowMs: 300_000 };

beforeEach(() => {
  cw.reset();
});
afterAll(() => cw.restore());

describe('metrics', () => {
  it('reads both versions in one GetMetricData call with Lambda’s per-version dimensions', async () => {
    // Shaped as CloudWatch answers: one result per query Id, Values newest first, StatusCode Complete.
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'ginv', Label: 'Invocations', Timestamps: [new Date()], Values: [100], StatusCode: 'Complete' },
        { Id: 'gerr', Label: 'Errors', Timestamps: [new Date()], Values: [20], StatusCode: 'Complete' },
        { Id: 'gthr', Label: 'Throttles', Timestamps: [], Values: [], StatusCode: 'Complete' },
        { Id: 'gp95', Label: 'Duration', Timestamps: [new Date()], Values: [180], StatusCode: 'Complete' },
        { Id: 'binv', Label: 'Invocations', Timestamps: [new Date()], Values: [900], StatusCode: 'Complete' },
        { Id: 'berr', Label: 'Errors', Timestamps: [new Date()], Values: [9], StatusCode: 'Complete' },
        { Id: 'bthr', Label: 'Throttles', Timestamps: [], Values: [], StatusCode: 'Complete' },
        { Id: 'bp95', Label: 'Duration', Timestamps: [new Date()], Values: [120], StatusCode: 'Complete' },
      ],
    });
    const r = await checkMetrics(client, metricsCfg, target, Date.UTC(2026, 0, 1, 12));
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(1);
    const input = cw.commandCalls(GetMetricDataCommand)[0].args[0].input;
    expect(input.MetricDataQueries).toHaveLength(8);
    expect(input.MetricDataQueries![0].MetricStat!.Metric!.Dimensions).toEqual([
      { Name: 'FunctionName', Value: 'orders' },
      { Name: 'Resource', Value: 'orders:live' },
      { Name: 'ExecutedVersion', Value: '2' },
    ]);
    expect(input.MetricDataQueries!.find((q) => q.Id === 'gp95')!.MetricStat!.Stat).toBe('p95');
    // The window and the lookback in which its readable minutes are looked for, on whole minutes.
    expect(input.EndTime!.getTime() - input.StartTime!.getTime()).toBe(300_000 + METRICS_LOOKBACK_MS);
    expect(input.StartTime!.getTime() % 60_000).toBe(0);
    expect(input.MetricDataQueries![0].MetricStat!.Period).toBe(60);
    expect(r.verdict).toBe('unhealthy');
    expect(r.reason).toBe('v2 error rate 20% > max-error-rate 2% (v1: 1%), 20 of 100 requests failed');
    expect(r.observed).toMatchObject({ errorRate: 20, baselineErrorRate: 1, latencyRatio: 1.5 });
  });

  it('follows NextToken and sums every datapoint of the window', async () => {
    cw.on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'ginv', Timestamps: [minute(0), minute(1)], Values: [40, 30], StatusCode: 'PartialData' },
        ],
        NextToken: 't1',
      })
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'ginv', Timestamps: [minute(2)], Values: [30], StatusCode: 'Complete' },
          { Id: 'gerr', Timestamps: [minute(2)], Values: [0], StatusCode: 'Complete' },
        ],
      });
    const r = await checkMetrics(
      client,
      { ...metricsCfg, maxLatencyRatio: undefined },
      { ...target, baseline: undefined },
      Date.now(),
    );
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(2);
    expect(cw.commandCalls(GetMetricDataCommand)[1].args[0].input.NextToken).toBe('t1');
    expect(r).toMatchObject({ verdict: 'healthy', observed: { invocations: 100, errors: 0 } });
  });

  it('fails closed when CloudWatch cannot be read (after the SDK retries)', async () => {
    cw.on(GetMetricDataCommand).rejects(
      new LimitExceededException({ message: 'Rate exceeded', $metadata: {} }),
    );
    const r = await checkMetrics(client, metricsCfg, target, Date.now());
    expect(r.verdict).toBe('unhealthy');
    expect(r.reason).toMatch(/could not read the metrics of v2: Rate exceeded/);
  });

  it('fails closed on a query CloudWatch answers Forbidden', async () => {
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'ginv', StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'no access' }] },
      ],
    });
    expect((await checkMetrics(client, metricsCfg, target, Date.now())).verdict).toBe('unhealthy');
  });

  const m = (invocations: number, errors: number, p95?: number, throttles = 0) =>
    versionMetrics({ invocations, errors, throttles, latency: { p95 } });

  it('does not blame green for blue’s errors: blue at 10% errors, green clean', () => {
    expect(judgeMetrics({ green: m(200, 0, 100), blue: m(1800, 180, 100) }, metricsCfg, target).verdict).toBe(
      'healthy',
    );
  });

  it('calls it inconclusive when both versions fail alike (the cause is elsewhere)', () => {
    const r = judgeMetrics({ green: m(200, 20, 100), blue: m(1800, 190, 100) }, metricsCfg, target);
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toMatch(/no more than v1's 10\.56%/);
  });

  it('is inconclusive below min-invocations, never healthy', () => {
    const r = judgeMetrics({ green: m(20, 0, 100), blue: m(2000, 0, 100) }, metricsCfg, target);
    expect(r).toMatchObject({
      verdict: 'inconclusive',
      reason: 'v2 served 20 requests in the window, below min-invocations 50',
    });
  });

  it('counts throttles as failed requests', () => {
    const r = judgeMetrics({ green: m(90, 0, 100, 10), blue: m(900, 0, 100) }, metricsCfg, target);
    expect(r.verdict).toBe('unhealthy');
    expect(r.observed).toMatchObject({ errorRate: 10, throttles: 10 });
  });

  it('judges p95 latency against the baseline, and a missing percentile is inconclusive', () => {
    expect(judgeMetrics({ green: m(500, 0, 400), blue: m(500, 0, 100) }, metricsCfg, target).reason).toBe(
      "v2 p95 400ms is 4× v1's 100ms > max-latency-ratio 1.5",
    );
    expect(
      judgeMetrics({ green: m(500, 0, undefined), blue: m(500, 0, 100) }, metricsCfg, target).verdict,
    ).toBe('inconclusive');
  });
});
