import { describe, it, expect, beforeEach, afterAll } from '@jest/globals';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  AccessDeniedException,
  ResourceNotFoundException,
  type FilteredLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { LogsConfig, Subject } from '@deploy-actions/health';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { FILTER_PATTERN } from '../src/logs/assemble';
import { logsProbe } from '../src/logs/probe';
import { MAX_PAGES } from '../src/logs/read';
import { label } from '../src/routing';
import { id, jsonReport, nodeInvokeError, stream, textRun, timeoutLines } from './logs-fixtures';

const logsMock = mockClient(CloudWatchLogsClient);
const lambdaMock = mockClient(LambdaClient);
const creds = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
const clock = fakeClock(Date.UTC(2026, 0, 8));
const NOW = clock.now();
const DAY = 86_400_000;
const subject: Subject = { version: '2', baseline: '1', label, since: NOW - 7 * DAY };
const cfg = (rules: Partial<LogsConfig>): LogsConfig => ({ windowMs: 300_000, ...rules });

/** Events as FilterLogEvents returns them. */
type Ev = FilteredLogEvent;
let seq = 0;
const ev = (logStreamName: string, message: string, timestamp: number): Ev => ({
  logStreamName,
  message,
  timestamp,
  eventId: String(++seq),
});

/** One run of `version` in its own environment: START, failure lines, END, REPORT; `retry` reuses an id. */
function run(
  version: string,
  n: number,
  at: number,
  o: {
    fail?: 'error' | 'timeout';
    memoryMb?: number;
    durationMs?: number;
    initMs?: number;
    env?: string;
  } = {},
): Ev[] {
  const r = textRun(id(n), o);
  const s = stream(version, o.env ?? `env${version}-${n}-${at}`);
  const middle =
    o.fail === 'error'
      ? [nodeInvokeError(id(n)), r.end, r.report]
      : o.fail === 'timeout'
        ? timeoutLines(id(n))
        : [r.end, r.report];
  return [r.start, ...middle].map((m, i) => ev(s, m, at + i));
}

/** Pages of `pageSize` events; with `emptyFirst`, a first page with none and a token, as CloudWatch may answer. */
function answer(events: Ev[], pageSize = 1000, emptyFirst = false) {
  logsMock.on(FilterLogEventsCommand).callsFake((input: { nextToken?: string }) => {
    if (emptyFirst && !input.nextToken) return { events: [], nextToken: '0' };
    const from = Number(input.nextToken ?? 0);
    const page = events.slice(from, from + pageSize);
    const next = from + pageSize < events.length ? String(from + pageSize) : undefined;
    return { events: page, ...(next && { nextToken: next }) };
  });
}

function check(rules: Partial<LogsConfig>, s: Subject = subject) {
  const probe = logsProbe(new LambdaClient(creds), new CloudWatchLogsClient(creds), 'orders', clock);
  return probe(cfg(rules), s);
}

const hours = (h: number) => NOW - 7 * DAY + h * 3_600_000;

beforeEach(() => {
  logsMock.reset();
  lambdaMock.reset();
  lambdaMock.on(GetFunctionConfigurationCommand).resolves({ FunctionName: 'orders', Version: '2' });
});
afterAll(() => {
  logsMock.restore();
  lambdaMock.restore();
});

describe('the logs check reads the log group', () => {
  it('in one query since the step began, every page, from the function’s default log group', async () => {
    const events = [...run('1', 1, hours(1)), ...run('2', 2, hours(2)), ...run('2', 3, hours(6))];
    answer(events, 3, true);
    const r = await check({ maxConsecutiveFailures: 3 });
    expect(r).toMatchObject({ check: 'logs', verdict: 'healthy' });
    expect(r.reason).toBe('v2: 2 runs (2 records); 0 runs of v2 failed in a row (< 3)');
    const calls = logsMock.commandCalls(FilterLogEventsCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toEqual({
      logGroupName: '/aws/lambda/orders',
      startTime: subject.since,
      filterPattern: FILTER_PATTERN,
    });
    expect(calls.slice(1).map((c) => c.nextToken)).toEqual(['0', '3', '6']);
    expect(r.observed).toMatchObject({
      logGroup: '/aws/lambda/orders',
      records: 2,
      runs: 2,
      baselineRecords: 1,
    });
  });

  it('from the group the function’s LoggingConfig names, or log-group', async () => {
    lambdaMock
      .on(GetFunctionConfigurationCommand)
      .resolves({ LoggingConfig: { LogFormat: 'JSON', LogGroup: '/shop/functions' } });
    answer(
      run('2', 1, hours(1), { env: 'e1' }).map((e) => ({ ...e, logStreamName: stream('2', 'e1', 'orders') })),
    );
    expect((await check({ maxTimeouts: 0 })).observed.logGroup).toBe('/shop/functions');
    expect(lambdaMock.commandCalls(GetFunctionConfigurationCommand)[0]!.args[0].input).toEqual({
      FunctionName: 'orders',
      Qualifier: '2',
    });
    await check({ maxTimeouts: 0, logGroup: '/custom/group' });
    expect(logsMock.commandCalls(FilterLogEventsCommand).at(-1)!.args[0].input.logGroupName).toBe(
      '/custom/group',
    );
  });

  it('says so rather than judge part of the records when there are too many pages', async () => {
    logsMock.on(FilterLogEventsCommand).resolves({ events: run('2', 1, hours(1)), nextToken: 'more' });
    const r = await check({ maxTimeouts: 0 });
    expect(r).toMatchObject({
      verdict: 'inconclusive',
      reason: expect.stringMatching(/^too many records in /),
    });
    expect(logsMock.commandCalls(FilterLogEventsCommand)).toHaveLength(MAX_PAGES);
  });

  it('looks back over window when the step’s start is not known', async () => {
    answer([]);
    await check({ maxTimeouts: 0 }, { version: '2', baseline: '1', label });
    expect(logsMock.commandCalls(FilterLogEventsCommand)[0]!.args[0].input.startTime).toBe(NOW - 300_000);
  });

  it('no record of green yet, or no log group yet, is inconclusive; a failed read is unhealthy', async () => {
    answer(run('1', 1, hours(1)));
    expect(await check({ maxConsecutiveFailures: 3 })).toMatchObject({
      verdict: 'inconclusive',
      reason: expect.stringMatching(
        /^no report record of v2 in \/aws\/lambda\/orders since 2026-01-01T00:00:00.000Z: it has not run yet$/,
      ),
    });
    logsMock
      .on(FilterLogEventsCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'The specified log group does not exist.', $metadata: {} }),
      );
    expect(await check({ maxConsecutiveFailures: 3 })).toMatchObject({
      verdict: 'inconclusive',
      reason:
        "no report records of v2 yet: log group /aws/lambda/orders does not exist until the function's first run logs (set log-group if the function logs elsewhere)",
    });
    logsMock.on(FilterLogEventsCommand).rejects(
      new AccessDeniedException({
        message: 'User is not authorized to perform: logs:FilterLogEvents',
        $metadata: {},
      }),
    );
    expect(await check({ maxConsecutiveFailures: 3 })).toMatchObject({
      verdict: 'unhealthy',
      reason:
        'could not read the report records of v2: User is not authorized to perform: logs:FilterLogEvents',
    });
  });
});

describe('the rules', () => {
  it('max-consecutive-failures: three failed runs in a row, each request id counted once', async () => {
    // Request 3 is an async event retried twice (one id, three attempts): one failed run, not three.
    const events = [
      ...run('2', 1, hours(1)),
      ...run('2', 2, hours(2), { fail: 'error' }),
      ...run('2', 3, hours(3), { fail: 'error' }),
      ...run('2', 3, hours(4), { fail: 'error' }),
      ...run('2', 3, hours(5), { fail: 'timeout' }),
      ...run('1', 9, hours(5)),
    ];
    answer(events);
    const twoInARow = await check({ maxConsecutiveFailures: 3 });
    expect(twoInARow).toMatchObject({
      verdict: 'healthy',
      observed: { records: 5, runs: 3, failedInARow: 2 },
    });

    answer([...events, ...run('2', 4, hours(7), { fail: 'timeout' })]);
    const r = await check({ maxConsecutiveFailures: 3 });
    expect(r.verdict).toBe('unhealthy');
    expect(r.reason).toBe(
      '3 runs of v2 failed in a row (error, timeout, timeout), max-consecutive-failures 3',
    );
  });

  it('a request retried to success did not fail', async () => {
    answer([
      ...run('2', 1, hours(1), { fail: 'error' }),
      ...run('2', 1, hours(2)),
      ...run('2', 2, hours(3), { fail: 'error' }),
    ]);
    expect((await check({ maxConsecutiveFailures: 2 })).observed.failedInARow).toBe(1);
  });

  it('max-timeouts: more timed-out runs than allowed', async () => {
    answer([1, 2, 3].flatMap((n) => run('2', n, hours(n), { fail: 'timeout' })));
    expect(await check({ maxTimeouts: 3 })).toMatchObject({ verdict: 'healthy' });
    const r = await check({ maxTimeouts: 2 });
    expect(r).toMatchObject({ verdict: 'unhealthy', reason: '3 of 3 runs of v2 timed out > max-timeouts 2' });
  });

  it('max-memory-mb: the highest Max Memory Used of green', async () => {
    answer([...run('2', 1, hours(1), { memoryMb: 512 }), ...run('2', 2, hours(2), { memoryMb: 800 })]);
    const r = await check({ maxMemoryMb: 750 });
    expect(r).toMatchObject({
      verdict: 'unhealthy',
      reason: 'v2 used 800 MB (Max Memory Used) > max-memory-mb 750',
      observed: { maxMemoryMb: 800 },
      threshold: { maxMemoryMb: 750 },
    });
  });

  it('max-duration-ratio: p95 by default, or mean, of green over blue from the records, however few', async () => {
    answer([
      ...run('1', 1, hours(1), { durationMs: 100 }),
      ...run('1', 2, hours(2), { durationMs: 300 }),
      ...run('2', 3, hours(3), { durationMs: 160 }),
      ...run('2', 4, hours(4), { durationMs: 400 }),
    ]);
    // p95 of two records is the slower: 400 over 300.
    expect(await check({ maxDurationRatio: { stat: 'p95', ratio: 1.5 } })).toMatchObject({
      verdict: 'healthy',
      observed: { p95DurationMs: 400, baselineP95DurationMs: 300, durationRatio: 1.33 },
    });
    // Over the limit, but two runs a side that vary this much could be either version's luck.
    const r = await check({ maxDurationRatio: { stat: 'mean', ratio: 1.3 } });
    expect(r).toMatchObject({
      verdict: 'healthy',
      reason: expect.stringContaining(
        "v2 mean duration 280ms is 1.4× v1's 200ms, over max-duration-ratio mean=1.3 but not significantly (p=0.443 over 2 and 2 runs)",
      ),
      threshold: { maxDurationRatio: 'mean=1.3' },
    });
  });

  it('max-duration-ratio: a green steadily slower than the limit allows is unhealthy within a few runs', async () => {
    answer([
      ...[100, 110, 105].flatMap((ms, i) => run('1', i + 1, hours(i + 1), { durationMs: ms })),
      ...[300, 320, 310].flatMap((ms, i) => run('2', i + 4, hours(i + 4), { durationMs: ms })),
    ]);
    expect(await check({ maxDurationRatio: { stat: 'mean', ratio: 1.5 } })).toMatchObject({
      verdict: 'unhealthy',
      reason:
        "v2 mean duration 310ms is 2.95× v1's 105ms > max-duration-ratio mean=1.5 (p<0.001 over 3 and 3 runs)",
    });
  });

  it('max-duration-ratio over the limit with one run of green waits for a second to test', async () => {
    answer([
      ...[100, 110].flatMap((ms, i) => run('1', i + 1, hours(i + 1), { durationMs: ms })),
      ...run('2', 3, hours(3), { durationMs: 400 }),
    ]);
    expect(await check({ maxDurationRatio: { stat: 'mean', ratio: 1.5 } })).toMatchObject({
      verdict: 'inconclusive',
      reason:
        "v2 mean duration 400ms is 3.81× v1's 105ms > max-duration-ratio mean=1.5, with fewer than 2 runs a side to test (1 and 2 runs)",
    });
  });

  it('max-duration-ratio without a record of blue is inconclusive; without a baseline, not judged', async () => {
    answer(run('2', 1, hours(1)));
    const rule = { maxDurationRatio: { stat: 'p95' as const, ratio: 1.5 } };
    expect(await check(rule)).toMatchObject({
      verdict: 'inconclusive',
      reason: "no report record of v1 to compare v2's duration with",
    });
    const alone = await check(rule, { version: '2', label, since: subject.since! });
    expect(alone.verdict).toBe('healthy');
    expect(alone.reason).toContain('duration ratio not judged: no baseline version');
  });

  it('max-init-ratio: green’s cold starts over blue’s', async () => {
    answer([
      ...run('1', 1, hours(1), { initMs: 200 }),
      ...run('2', 2, hours(2), { initMs: 500 }),
      ...run('2', 3, hours(3)),
    ]);
    const r = await check({ maxInitRatio: 2 });
    expect(r).toMatchObject({
      verdict: 'unhealthy',
      reason: "v2 mean Init Duration 500ms over 1 cold start is 2.5× v1's 200ms > max-init-ratio 2",
      observed: { coldStarts: 1, initDurationMs: 500, baselineInitDurationMs: 200, initRatio: 2.5 },
    });
  });

  it('max-init-ratio with no Init Duration (provisioned concurrency, SnapStart) is not judged, and says so', async () => {
    answer([...run('1', 1, hours(1), { initMs: 200 }), ...run('2', 2, hours(2))]);
    const r = await check({ maxInitRatio: 2, maxMemoryMb: 750 });
    expect(r.verdict).toBe('healthy');
    expect(r.reason).toBe(
      'v2: 1 run (1 record); v2 used at most 80 MB (≤ 750); init ratio not judged: v2 had no cold start with an Init Duration (none with provisioned concurrency or SnapStart)',
    );
  });

  it('judges JSON-format records alike', async () => {
    const s = stream('2', 'json-env');
    answer([
      ev(
        s,
        jsonReport(
          id(1),
          { durationMs: 10, billedDurationMs: 10, memorySizeMB: 1024, maxMemoryUsedMB: 900 },
          'success',
        ),
        hours(1),
      ),
      ev(
        s,
        jsonReport(
          id(2),
          { durationMs: 10, billedDurationMs: 10, memorySizeMB: 1024, maxMemoryUsedMB: 900 },
          'error',
          'Runtime.Unknown',
        ),
        hours(2),
      ),
      ev(
        s,
        jsonReport(
          id(3),
          { durationMs: 10, billedDurationMs: 10, memorySizeMB: 1024, maxMemoryUsedMB: 900 },
          'timeout',
        ),
        hours(3),
      ),
    ]);
    const r = await check({ maxConsecutiveFailures: 2, maxMemoryMb: 750 });
    expect(r.verdict).toBe('unhealthy');
    expect(r.reason).toBe(
      '2 runs of v2 failed in a row (error, timeout), max-consecutive-failures 2; v2 used 900 MB (Max Memory Used) > max-memory-mb 750',
    );
  });
});
