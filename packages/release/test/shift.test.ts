import { describe, it, expect } from '@jest/globals';
import { ConcurrentChangeError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { buildPlan } from '../src/plan';
import { shiftTraffic, type ShiftOptions } from '../src/shift/loop';
import { memoryRouter } from './memory-router';

function options(router: ShiftOptions['router'], steps: string, over: Partial<ShiftOptions> = {}) {
  const clock = fakeClock(0);
  const log: string[] = [];
  const o: ShiftOptions = {
    router,
    green: '2',
    plan: buildPlan({
      strategy: '',
      steps,
      bakeMs: 60_000,
      bakeGiven: true,
      canaryPercent: 10,
      linearPercent: 10,
    }),
    intervalMs: 60_000,
    finalWatchMs: 0,
    onInconclusive: 'fail',
    onUnhealthy: 'rollback',
    onCancel: 'rollback',
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    clock,
    signal: new AbortController().signal,
    ...over,
  };
  return { o, clock, log };
}

describe('the shift loop over any router', () => {
  it('bakes each step for its own time, bake-time for the others, and promotes', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o, clock } = options(m.router, '10:2m,50,90:10m,100');
    const at: number[] = [];
    const write = m.router.write;
    m.router.write = (to, from) => {
      at.push(clock.now());
      return write(to, from);
    };
    const r = await shiftTraffic(o);
    expect(r).toMatchObject({ status: 'promoted', percent: 100, blue: '1', green: '2' });
    // 10% baked 2m, 50% the default 1m, 90% baked 10m, then 100%.
    expect(at).toEqual([0, 120_000, 180_000, 780_000]);
    expect(m.writes.map((w) => w.greenWeight)).toEqual([0.1, 0.5, 0.9, 0]);
  });

  it('stops with no further write when someone else changes the router during a bake', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o, clock } = options(m.router, '10:5m,100');
    clock.onSleep = () => m.set({ version: '3', greenWeight: 0 });
    await expect(shiftTraffic(o)).rejects.toThrow(ConcurrentChangeError);
    expect(m.writes).toHaveLength(1);
  });

  it('names versions as the target labels them', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o, log } = options(m.router, '50:0,100');
    await shiftTraffic(o);
    expect(log).toContain('Plan custom 50:0,100: 50% → 100% from r1 to r2.');
    expect(log).toContain('shift complete: 100% on r2, promoted.');
  });
});

describe('on-inconclusive wait in mode run', () => {
  it('bakes on past an inconclusive bake, judging the evidence since the step began, until the sample is reached', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o, clock, log } = options(m.router, '10:2m,100', { onInconclusive: 'wait' });
    const since: (number | undefined)[] = [];
    o.gate = {
      watch: async (ctx) => {
        await clock.sleep(ctx.durationMs);
        since.push(ctx.since);
        const v = clock.now() >= 4 * 60_000 || ctx.percent === 100 ? 'healthy' : 'inconclusive';
        return { verdict: v, reason: `${v} at ${clock.now()}`, evaluations: [] };
      },
    };
    const r = await shiftTraffic(o);
    expect(r).toMatchObject({ status: 'promoted', percent: 100 });
    // The 2m bake ended inconclusive; checks every interval (1m) on the step's evidence (since 0) until 4m.
    expect(since).toEqual([undefined, 0, 0, undefined]);
    expect(log.join('\n')).toMatch(
      /inconclusive, waiting for the sample \(on-inconclusive wait\): next check in 1m, max-bake ends in 2m/,
    );
    expect(m.writes.map((w) => w.greenWeight)).toEqual([0.1, 0]);
  });

  it('fails the step as on-unhealthy says when max-bake passes still inconclusive', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o } = options(m.router, '10:2m,100', { onInconclusive: 'wait', maxBakeMs: 3 * 60_000 });
    o.gate = {
      watch: async () => ({ verdict: 'inconclusive', reason: 'too few invocations', evaluations: [] }),
    };
    const r = await shiftTraffic(o);
    expect(r).toMatchObject({ status: 'rolled-back', percent: 0 });
    expect(r.failure).toMatch(
      /health inconclusive at step 1\/2 \(10% on r2\): too few invocations \(still after max-bake 3m\)\. Traffic restored/,
    );
  });
});
