// The logs check through the bundles, against moto: the traffic simulator writes each invocation's records to
// CloudWatch Logs as Lambda does (text REPORT lines or JSON platform.report records), and health-gate and
// shift-traffic judge green run by run.
import { describe, it, expect, afterEach } from '@jest/globals';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { scaledClock } from '@deploy-actions/core';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import {
  startTraffic,
  type Traffic,
  type TrafficOptions,
  type VersionBehaviour,
} from '@deploy-actions/testbed/traffic';
import { FN, ok, useBed } from './bed';

const bed = useBed();
/** One simulated minute per real second. */
const SCALE = 60;
let traffic: Traffic | undefined;
let clockEnv: Record<string, string>;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

// Every run of a version takes 20 ms, so durations compare exactly.
const steady: VersionBehaviour = {
  errorRate: 0,
  latencyMs: { p50: 20, p95: 20 },
  memoryMb: 200,
  initMs: 300,
};

/** v1 and v2 published and split 50/50, then traffic through the alias with its log records. */
async function split(node: string, versions: TrafficOptions['versions'], format: 'text' | 'json') {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('shift-traffic', node, { 'green-version': '2', steps: '50', 'bake-time': '0' }));
  const epoch = Date.now();
  clockEnv = { DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` };
  traffic = startTraffic({
    endpoint: bed.moto.url,
    functionName: FN,
    alias: 'live',
    clock: scaledClock(epoch, SCALE),
    ratePerMinute: 20,
    versions,
    seed: 7,
    logs: { format },
  });
}

/** Until moto holds `n` report records of each version: logs are read as soon as they are written. */
async function reports(n: number): Promise<void> {
  const logs = new CloudWatchLogsClient(clientConfig(bed.moto.url));
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const out = await logs
        .send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${FN}` }))
        .catch(() => ({ events: [] }));
      const count = (v: string) =>
        (out.events ?? []).filter(
          (e) =>
            e.logStreamName?.includes(`[${v}]`) && /REPORT RequestId|platform\.report/.test(e.message ?? ''),
        ).length;
      if (count('1') >= n && count('2') >= n) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the report records never arrived');
  } finally {
    logs.destroy();
  }
}

const gate = (node: string, inputs: Record<string, string>) =>
  bed.run(
    'health-gate',
    node,
    { window: '10m', ...inputs },
    { env: { ...bed.options({}).env, ...clockEnv } },
  );

describe.each(nodeBinaries())('health-gate on $name judges green by its report records', ({ path: node }) => {
  it('three failing runs in a row (text REPORT lines) are unhealthy, naming max-consecutive-failures', async () => {
    await split(node, { '1': steady, '2': { ...steady, errorRate: 1 } }, 'text');
    await reports(3);
    const r = await gate(node, { 'max-consecutive-failures': '3' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ healthy: 'false', verdict: 'unhealthy' });
    expect(r.outputs.reason).toMatch(
      /^logs: \d+ runs of v2 failed in a row \((error, )+error\), max-consecutive-failures 3$/,
    );
    expect(r.writes).toEqual([]);
    const report = JSON.parse(r.outputs.report);
    expect(report.evaluations[0].checks[0]).toMatchObject({
      check: 'logs',
      observed: { logGroup: `/aws/lambda/${FN}`, failedInARow: expect.any(Number) },
      threshold: { maxConsecutiveFailures: 3 },
    });
  });

  it('800 MB of Max Memory Used (JSON platform.report records) is unhealthy against max-memory-mb 750', async () => {
    await split(node, { '1': steady, '2': { ...steady, memoryMb: 800 } }, 'json');
    await reports(1);
    const r = await gate(node, { 'max-memory-mb': '750' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      healthy: 'false',
      verdict: 'unhealthy',
      reason: 'logs: v2 used 800 MB (Max Memory Used) > max-memory-mb 750',
    });
  });

  it('a healthy pair is healthy on every rule, and says what it judged', async () => {
    await split(node, { '1': steady, '2': steady }, 'text');
    await reports(2);
    const r = await gate(node, {
      'max-consecutive-failures': '3',
      'max-timeouts': '2',
      'max-memory-mb': '750',
      'max-duration-ratio': '1.5',
      'max-init-ratio': '2',
    });
    ok(r);
    expect(r.outputs).toMatchObject({ healthy: 'true', verdict: 'healthy' });
    expect(r.outputs.reason).toMatch(
      /^logs: v2: \d+ runs? \(\d+ records?\); 0 runs of v2 failed in a row \(< 3\); 0 of \d+ runs of v2 timed out \(≤ 2\); v2 used at most 200 MB \(≤ 750\); v2 p95 duration 20ms is 1× v1's 20ms \(≤ 1\.5\); v2 mean Init Duration 300ms over 1 cold start is 1× v1's 300ms \(≤ 2\)$/,
    );
    expect(r.summary).toMatch(/\| logs \| healthy \|/);
    expect(r.writes).toEqual([]);
  });
});

describe('shift-traffic watches the bake with the same check', () => {
  it('rolls back a green whose runs time out', async () => {
    const node = process.execPath;
    await split(node, { '1': steady, '2': { ...steady, timeoutRate: 1 } }, 'text');
    await reports(3);
    const r = await bed.run(
      'shift-traffic',
      node,
      { 'green-version': '2', steps: '100', 'bake-time': '0', 'max-timeouts': '2', window: '10m' },
      { env: { ...bed.options({}).env, ...clockEnv } },
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(
      /logs: \d+ of \d+ runs of v2 timed out > max-timeouts 2.*Traffic restored: 100% on v1/,
    );
    expect(await bed.alias()).toBe('1');
  });
});
