import { describe, it, expect, beforeEach, afterEach, beforeAll, afterAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { InputError } from '@deploy-actions/core';
import { checkAlarms, resolveAlarms } from '../src/alarms';
import { checkHttp } from '../src/http';
import { judgeMetrics, type VersionMetrics } from '../src/metrics';
import { parseStatusRanges } from '../src/config';

const cw = mockClient(CloudWatchClient);
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const subject = { version: '2', baseline: '1', label: (v: string) => `v${v}` };

beforeEach(() => {
  cw.reset();
});
afterAll(() => cw.restore());

describe('absolute latency limits (max-latency-ms)', () => {
  const cfg = { maxLatencyMs: { p95: 2000, p99: 5000 }, minInvocations: 50, windowMs: 300_000 };
  const at = (requests: number, latency: Record<string, number | undefined>): VersionMetrics => ({
    requests,
    failures: 0,
    latency,
    counts: { requests },
  });

  it('fails green over any limit, without needing a baseline', () => {
    const r = judgeMetrics({ green: at(500, { p95: 1800, p99: 6100 }) }, cfg, subject);
    expect(r).toMatchObject({ verdict: 'unhealthy', reason: 'v2 p99 6100ms > max-latency-ms p99=5000ms' });
    expect(r.observed).toMatchObject({ p95: 1800, p99: 6100 });
  });

  it('passes green within every limit and says so', () => {
    const r = judgeMetrics({ green: at(500, { p95: 1800, p99: 4000 }) }, cfg, subject);
    expect(r).toMatchObject({ verdict: 'healthy' });
    expect(r.reason).toBe('v2: p95 1800ms ≤ 2000ms, p99 4000ms ≤ 5000ms over 500 requests');
  });

  it('is inconclusive when a limited percentile was not read, and below the minimum sample', () => {
    expect(judgeMetrics({ green: at(500, { p95: 100 }) }, cfg, subject)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no p99 latency for v2 in the window',
    });
    expect(judgeMetrics({ green: at(10, { p95: 9000, p99: 9000 }) }, cfg, subject).verdict).toBe(
      'inconclusive',
    );
  });
});

describe('alarms', () => {
  const alarm = (AlarmName: string, StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA') => ({
    AlarmName,
    StateValue,
  });

  it('any alarm in ALARM is unhealthy; INSUFFICIENT_DATA is inconclusive; all OK is healthy', async () => {
    cw.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [alarm('orders-errors', 'ALARM'), alarm('orders-p99', 'OK')],
    });
    expect(await checkAlarms(client, { names: ['orders-errors', 'orders-p99'], prefixes: [] })).toMatchObject(
      {
        verdict: 'unhealthy',
        reason: 'alarm orders-errors in ALARM',
      },
    );
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [alarm('orders-p99', 'INSUFFICIENT_DATA')] });
    expect((await checkAlarms(client, { names: ['orders-p99'], prefixes: [] })).verdict).toBe('inconclusive');
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [alarm('orders-p99', 'OK')] });
    expect((await checkAlarms(client, { names: ['orders-p99'], prefixes: [] })).verdict).toBe('healthy');
  });

  it('reads a prefix with AlarmNamePrefix and follows NextToken', async () => {
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('orders-a', 'OK')], NextToken: 'n' })
      .resolvesOnce({ MetricAlarms: [alarm('orders-b', 'ALARM')] });
    const r = await checkAlarms(client, { names: [], prefixes: ['orders-'] });
    expect(cw.commandCalls(DescribeAlarmsCommand)[0].args[0].input.AlarmNamePrefix).toBe('orders-');
    expect(r.verdict).toBe('unhealthy');
  });

  it('counts an alarm found by both its name and a prefix once', async () => {
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [alarm('orders-errors', 'ALARM')] });
    const r = await checkAlarms(client, { names: ['orders-errors'], prefixes: ['orders-'] });
    expect(r).toMatchObject({ reason: 'alarm orders-errors in ALARM', observed: { alarms: 1 } });
  });

  it('fails closed when the alarms cannot be read', async () => {
    cw.on(DescribeAlarmsCommand).rejects(new Error('socket hang up'));
    expect((await checkAlarms(client, { names: ['x'], prefixes: [] })).verdict).toBe('unhealthy');
  });

  it('names the alarms input for an alarm or prefix that does not exist', async () => {
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [alarm('orders-errors', 'OK')] });
    await expect(
      resolveAlarms(client, { names: ['orders-errors', 'orders-typo'], prefixes: [] }),
    ).rejects.toThrow(
      'Input "alarms" has value "orders-typo": names no CloudWatch alarm in this account and region',
    );
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });
    await expect(resolveAlarms(client, { names: [], prefixes: ['payments-'] })).rejects.toThrow(InputError);
  });
});

describe('http probe', () => {
  let server: Server;
  let base: string;
  let status = 200;
  let delayMs = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => setTimeout(() => res.writeHead(status).end('ok'), delayMs));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    status = 200;
    delayMs = 0;
  });

  const probe = (over: object = {}) =>
    checkHttp({
      url: base,
      method: 'GET',
      headers: {},
      expect: parseStatusRanges('s', '200-299'),
      samples: 3,
      ...over,
    });

  it('is healthy when every sample answers an expected status', async () => {
    expect(await probe()).toMatchObject({ verdict: 'healthy', observed: { samples: 3, failed: 0 } });
  });

  it('is unhealthy on an unexpected status', async () => {
    status = 503;
    expect(await probe()).toMatchObject({
      verdict: 'unhealthy',
      reason: expect.stringContaining('status 503'),
    });
  });

  it('is unhealthy when slower than http-max-latency-ms', async () => {
    delayMs = 120;
    expect((await probe({ maxLatencyMs: 50, samples: 1 })).verdict).toBe('unhealthy');
  });

  it('is unhealthy when nothing listens', async () => {
    const r = await checkHttp({
      url: 'http://127.0.0.1:9/',
      method: 'GET',
      headers: {},
      expect: [{ from: 200, to: 299 }],
      samples: 1,
    });
    expect(r.verdict).toBe('unhealthy');
  });
});
