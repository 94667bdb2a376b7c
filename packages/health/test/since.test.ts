// Evidence since a step began (a checkpointed rollout's step may be weeks old): the whole span, in periods that
// keep each query within bounds and match what CloudWatch keeps at that age.
import { describe, it, expect, beforeEach, afterAll } from '@jest/globals';
import fc from 'fast-check';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { minuteQuery, readWindow } from '../src/series';
import { MAX_POINTS, sinceRange } from '../src/window';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const NOW = Date.UTC(2026, 1, 16, 9, 30, 20);
const cw = mockClient(CloudWatchClient);
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});

beforeEach(() => {
  cw.reset();
});
afterAll(() => cw.restore());

describe('the range of the evidence since a step began', () => {
  it.each([
    ['an hour', 60 * MINUTE, 60],
    ['a week', 7 * DAY, 420],
    ['three weeks', 21 * DAY, 1500],
    ['ten weeks', 70 * DAY, 7200],
  ])('over %s (%i ms) reads periods of %is', (_, ago, periodS) => {
    expect(sinceRange(NOW - ago, NOW).periodS).toBe(periodS);
  });

  it('covers the step’s whole minutes up to the last whole minute, within the datapoints a query may ask for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 * DAY }), (ago) => {
        const since = NOW - ago;
        const r = sinceRange(since, NOW);
        // A step younger than its first whole minute has no range yet.
        if (r.end === r.start)
          return expect(Math.ceil(since / MINUTE) * MINUTE).toBeGreaterThanOrEqual(r.end);
        const age = NOW - r.start;
        const unit = age > 63 * DAY ? 3600 : age > 15 * DAY ? 300 : 60;
        expect(r.start).toBeGreaterThanOrEqual(since);
        expect(r.start - since).toBeLessThan(MINUTE);
        expect(r.end).toBe(Math.floor(NOW / MINUTE) * MINUTE);
        expect(r.periodS % unit).toBe(0);
        expect((r.end - r.start) / 1000 / r.periodS).toBeLessThanOrEqual(MAX_POINTS);
      }),
    );
  });

  it('reads every period since then, not the newest window, in the period it chose', async () => {
    const since = NOW - 7 * DAY;
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        {
          Id: 'inv',
          StatusCode: 'Complete',
          Timestamps: [new Date(NOW - 2 * DAY), new Date(NOW - 6 * DAY)],
          Values: [3, 4],
        },
      ],
    });
    const q = minuteQuery('inv', { namespace: 'AWS/Lambda', name: 'Invocations', dimensions: {} }, 'Sum');
    const r = await readWindow(client, [q], 5 * MINUTE, NOW, since);
    expect(r.values.get('inv')).toEqual([3, 4]);
    const input = cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(input.StartTime!.getTime()).toBe(Math.ceil(since / MINUTE) * MINUTE);
    expect(input.MetricDataQueries![0]!.MetricStat!.Period).toBe(420);
  });

  it('asks nothing when the step is younger than a whole minute', async () => {
    const r = await readWindow(client, [], 5 * MINUTE, NOW, NOW - 10_000);
    expect(r.values.size).toBe(0);
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(0);
  });
});
