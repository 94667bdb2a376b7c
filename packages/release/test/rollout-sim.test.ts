// The six-week plan driven the way a schedule drives it: a start, then an advance run every 15 minutes on a
// simulated clock (about 4,000 runs), each a fresh run reading only what the router holds.
import { describe, it, expect } from '@jest/globals';
import type { Verdict } from '@deploy-actions/health';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { advanceRollout } from '../src/shift/advance';
import { startRollout } from '../src/shift/start';
import type { RolloutResult } from '../src/shift/rollout';
import type { Router } from '../src/target';
import { memoryRouter } from './memory-router';
import { DAY, MINUTE, rolloutOptions, scriptedGate, setTime, T0, WEEK } from './rollout-fixtures';

const TICK = 15 * MINUTE;

interface Tick {
  at: number;
  writes: number;
  r: RolloutResult;
}

/** Runs `advance` at each time of `times` with a fresh run id, as separate scheduled runs would. */
async function drive(router: Router, times: number[], verdict?: (now: number) => Verdict) {
  const clock = fakeClock(T0);
  const { gate, calls } = scriptedGate(() => verdict?.(clock.now()) ?? 'healthy');
  const options = (run: string) => rolloutOptions(router, { clock, run, ...(verdict && { gate }) }).o;
  const start = await startRollout(options('1.1'));
  const ticks: Tick[] = [];
  let writes = 1;
  const counted = router.write;
  router.write = async (...args) => {
    writes++;
    return counted(...args);
  };
  for (const [n, at] of times.entries()) {
    setTime(clock, at);
    const before = writes;
    const r = await advanceRollout(options(`${1000 + n}.1`));
    ticks.push({ at, writes: writes - before, r });
  }
  return { start, ticks, calls };
}

const every15m = (from: number, to: number) =>
  Array.from({ length: Math.floor((to - from) / TICK) }, (_, i) => from + (i + 1) * TICK);

describe('the six-week plan, one advance run every 15 minutes', () => {
  it('promotes in six steps a week apart: each step one write, every other run none', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const times = every15m(T0, T0 + 6 * WEEK);
    const wall = Date.now();
    const { start, ticks, calls } = await drive(m.router, times, () => 'healthy');
    const perRun = (Date.now() - wall) / ticks.length;
    expect(times.length).toBe(4032);
    expect(start).toMatchObject({ status: 'in-progress', percent: 10, writes: 1 });
    const writing = ticks.filter((t) => t.writes > 0);
    expect(writing.map((t) => [(t.at - T0) / WEEK, t.writes, t.r.percent])).toEqual([
      [1, 1, 30],
      [2, 1, 50],
      [3, 1, 70],
      [4, 1, 90],
      [5, 1, 100],
    ]);
    expect(ticks.every((t) => t.writes <= 1)).toBe(true);
    expect(m.writes.map((w) => (w.green ? w.greenWeight * 100 : 100))).toEqual([10, 30, 50, 70, 90, 100]);
    // Before promotion every run waits on its step; after it, every run finds no rollout.
    const promoted = ticks.findIndex((t) => t.r.status === 'promoted');
    expect(ticks.slice(promoted + 1).every((t) => t.r.status === 'none' && t.writes === 0)).toBe(true);
    // Each judgement read the evidence of the step it judged, from when that step began.
    expect(new Set(calls.map((c) => c.since))).toEqual(new Set([0, 1, 2, 3, 4].map((w) => T0 + w * WEEK)));
    expect(perRun).toBeLessThan(50);
  });

  it('rolls back at the first run after green turns bad in week 3, and does nothing after', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const badFrom = T0 + 2 * WEEK + 3 * DAY + 7 * MINUTE;
    const { ticks } = await drive(m.router, every15m(T0, T0 + 6 * WEEK), (now) =>
      now >= badFrom ? 'unhealthy' : 'healthy',
    );
    const back = ticks.find((t) => t.r.status === 'rolled-back')!;
    expect(back.at - badFrom).toBeLessThanOrEqual(15 * MINUTE);
    expect(back).toMatchObject({ writes: 1, r: { percent: 0 } });
    expect(m.state()).toMatchObject({ version: '1', greenWeight: 0 });
    expect(m.state().checkpoint).toBeUndefined();
    const after = ticks.slice(ticks.indexOf(back) + 1);
    expect(after.every((t) => t.r.status === 'none' && t.writes === 0)).toBe(true);
  });

  it('loses no step over two days without a run: one step at the next run, its bake from then', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const gapFrom = T0 + WEEK - DAY;
    const times = every15m(T0, T0 + 4 * WEEK).filter((t) => t < gapFrom || t >= gapFrom + 2 * DAY);
    const { ticks } = await drive(m.router, times);
    const writing = ticks.filter((t) => t.writes > 0);
    expect(writing[0]!.at).toBe(gapFrom + 2 * DAY);
    expect(writing[0]!.r).toMatchObject({ percent: 30, nextDue: gapFrom + 2 * DAY + WEEK });
    expect(writing.map((t) => t.r.percent)).toEqual([30, 50, 70]);
  });
});

describe('runs that overlap or die', () => {
  it('two runs at once advance once: the second finds the first one there and writes nothing', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const clock = fakeClock(T0);
    await startRollout(rolloutOptions(m.router, { clock, run: '1.1' }).o);
    setTime(clock, T0 + WEEK);
    // Both read before either writes.
    let reads = 0;
    let release: () => void = () => {};
    const bothRead = new Promise<void>((r) => (release = r));
    const read = m.router.read;
    m.router.read = async () => {
      const s = await read();
      if (++reads === 2) release();
      return s;
    };
    const write = m.router.write;
    m.router.write = async (...args) => {
      await bothRead;
      return write(...args);
    };
    const [a, b] = await Promise.all([
      advanceRollout(rolloutOptions(m.router, { clock, run: '2.1' }).o),
      advanceRollout(rolloutOptions(m.router, { clock, run: '3.1' }).o),
    ]);
    expect([a.writes, b.writes].sort()).toEqual([0, 1]);
    const second = a.writes ? b : a;
    expect(second).toMatchObject({ status: 'in-progress', percent: 30, step: 1 });
    expect(second.message).toMatch(
      /another run \((2|3)\.1\) moved the rollout to step 2\/6 first; this run changed nothing/,
    );
    expect(m.writes.map((w) => w.greenWeight)).toEqual([0.1, 0.3]);
  });

  it('a run killed between its read and its write leaves the step for the next run', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const clock = fakeClock(T0);
    await startRollout(rolloutOptions(m.router, { clock }).o);
    setTime(clock, T0 + WEEK);
    const write = m.router.write;
    m.router.write = async () => {
      throw new Error('the runner was killed');
    };
    await expect(advanceRollout(rolloutOptions(m.router, { clock, run: '2.1' }).o)).rejects.toThrow(/killed/);
    expect(m.state()).toMatchObject({ greenWeight: 0.1, checkpoint: { step: 0, run: '100.1' } });
    m.router.write = write;
    setTime(clock, T0 + WEEK + 15 * MINUTE);
    expect(await advanceRollout(rolloutOptions(m.router, { clock, run: '3.1' }).o)).toMatchObject({
      percent: 30,
      writes: 1,
    });
    expect(m.writes.map((w) => w.greenWeight)).toEqual([0.1, 0.3]);
  });

  it('a run killed after its write (its answer lost) is not repeated: the next run finds the new step', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const clock = fakeClock(T0);
    await startRollout(rolloutOptions(m.router, { clock }).o);
    setTime(clock, T0 + WEEK);
    const write = m.router.write;
    m.router.write = async (...args) => {
      await write(...args);
      throw new Error('the runner was killed');
    };
    await expect(advanceRollout(rolloutOptions(m.router, { clock, run: '2.1' }).o)).rejects.toThrow(/killed/);
    m.router.write = write;
    setTime(clock, T0 + WEEK + 15 * MINUTE);
    const next = await advanceRollout(rolloutOptions(m.router, { clock, run: '3.1' }).o);
    expect(next).toMatchObject({ status: 'in-progress', percent: 30, writes: 0, nextDue: T0 + 2 * WEEK });
    expect(m.writes.map((w) => w.greenWeight)).toEqual([0.1, 0.3]);
  });
});
