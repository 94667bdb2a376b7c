// shift-traffic mode status (where a rollout stands, read-only) and hold-steps (an advance that judges but does not
// move into a listed step), over a router in memory.
import { describe, it, expect } from '@jest/globals';
import { ConcurrentChangeError, DeployError } from '@deploy-actions/core';
import { greenKey, planHash, type Checkpoint } from '../src/checkpoint';
import { advanceRollout } from '../src/shift/advance';
import { rolloutStatus, type StatusOptions } from '../src/shift/status';
import { memoryRouter } from './memory-router';
import { DAY, rolloutOptions, scriptedGate, setTime, SIX_WEEKS, T0, WEEK } from './rollout-fixtures';

const at = (step: number, since = T0, over: Partial<Checkpoint> = {}): Checkpoint => ({
  green: greenKey('2'),
  plan: planHash(SIX_WEEKS),
  step,
  since,
  run: '99.1',
  ...over,
});
const split = (percent: number, green = '2') => ({ version: '1', green, greenWeight: percent / 100 });

/** Status options over a router, with reads counted: one read, never a write. */
function statusOf(m: ReturnType<typeof memoryRouter>, over: Partial<StatusOptions> = {}) {
  const { o, clock, log } = rolloutOptions(m.router);
  let reads = 0;
  const read = m.router.read;
  const router = { ...m.router, read: () => (reads++, read()) };
  const options: StatusOptions = { router, plan: SIX_WEEKS, log: o.log, clock, ...over };
  return { options, clock, log, reads: () => reads };
}

describe('mode status', () => {
  it('finds no rollout when all traffic is on one version and nothing is checkpointed', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const s = statusOf(m);
    expect(await rolloutStatus(s.options)).toEqual({
      status: 'none',
      percent: 0,
      blue: '1',
      green: '',
      due: false,
      message: 'Route "main" sends 100% to r1 and holds no checkpoint: no rollout in progress.',
    });
    expect(s.reads()).toBe(1);
    expect(m.writes).toEqual([]);
  });

  it('finds no rollout in a split without a checkpoint (a shift within one job), and does not fail', async () => {
    const m = memoryRouter(split(10));
    const r = await rolloutStatus(statusOf(m).options);
    expect(r).toMatchObject({ status: 'none', percent: 10, blue: '1', green: '2', due: false });
    expect(r.message).toMatch(
      /is split \(r1 90% \/ r2 10%\) but holds no checkpoint: a shift within one job/,
    );
    expect(m.writes).toEqual([]);
  });

  it('reads green from the routing and says when the next step is due, not due yet', async () => {
    const m = memoryRouter(split(30), at(1));
    const s = statusOf(m);
    setTime(s.clock, T0 + 3 * DAY);
    const r = await rolloutStatus(s.options);
    expect(r).toEqual({
      status: 'in-progress',
      percent: 30,
      blue: '1',
      green: '2',
      step: 1,
      nextPercent: 50,
      nextDue: T0 + WEEK,
      due: false,
      message:
        'step 2/6: 30% on r2 since 2026-01-05T09:00:00.000Z (run 99.1); the next step, 50%, is due 2026-01-12T09:00:00.000Z.',
    });
    expect(s.reads()).toBe(1);
    expect(m.writes).toEqual([]);
  });

  it('is due from the end of the bake; from the last split the next step is promotion', async () => {
    const m = memoryRouter(split(90), at(4));
    const s = statusOf(m, { green: '2' });
    setTime(s.clock, T0 + WEEK);
    const r = await rolloutStatus(s.options);
    expect(r).toMatchObject({ status: 'in-progress', step: 4, nextPercent: 100, due: true });
    expect(r.message).toMatch(/the next step, promotion to 100%, is due now\.$/);
    expect(m.writes).toEqual([]);
  });

  it.each([
    [
      'green-version of another rollout',
      split(10),
      at(0),
      { green: '3' },
      /checkpoint of a rollout of r2 \(r1 90% \/ r2 10%\), not of green-version r3/,
      ConcurrentChangeError,
    ],
    [
      'a checkpoint of another green than the split',
      split(10, '3'),
      at(0),
      {},
      /holds the checkpoint of a rollout of r2 but routes r1 90% \/ r3 10%/,
      DeployError,
    ],
    [
      'a checkpoint of another plan',
      split(10),
      at(0, T0, { plan: '00000000' }),
      {},
      /another plan \(hash 00000000\)/,
      DeployError,
    ],
    [
      'a checkpoint whose step routes otherwise',
      split(50),
      at(0),
      {},
      /checkpoint at step 1\/6 \(10% on r2\) but routes r1 50% \/ r2 50%/,
      DeployError,
    ],
    [
      'a checkpoint beside a routing that is not split',
      { version: '1', greenWeight: 0 },
      at(0),
      {},
      /checkpoint at step 1\/6 \(10% on r2\) but routes 100% on r1/,
      DeployError,
    ],
  ])('refuses %s with the reason, writing nothing', async (_, routing, cp, over, reason, kind) => {
    const m = memoryRouter(routing, cp);
    const err = await rolloutStatus(statusOf(m, over).options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(kind);
    expect((err as Error).message).toMatch(reason);
    expect(m.writes).toEqual([]);
  });

  it('refuses a checkpoint of ours that does not parse', async () => {
    const m = memoryRouter(split(10));
    m.router.read = async () => ({ ...split(10), revision: '1', checkpointError: 'lacks p' });
    await expect(rolloutStatus(statusOf(m).options)).rejects.toThrow(/cannot be read \(lacks p\)/);
  });
});

describe('mode advance with hold-steps', () => {
  it('judges a due step whose next percentage is held, writes nothing and says it waits for the approved run', async () => {
    const m = memoryRouter(split(90), at(4));
    const { gate, calls } = scriptedGate(() => 'healthy');
    const { o, clock } = rolloutOptions(m.router, { gate, hold: [100] });
    setTime(clock, T0 + WEEK + DAY);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({
      status: 'in-progress',
      percent: 90,
      step: 4,
      nextDue: T0 + WEEK,
      writes: 0,
      held: true,
    });
    expect(r.message).toMatch(
      /^step 5\/6: baked 8d of 7d; health healthy: scripted healthy; the next step, 100% \(promotion\) on r2, is held \(hold-steps 100\): it waits for the approved run\. This run changed nothing\.$/,
    );
    expect(calls).toHaveLength(1);
    expect(m.writes).toEqual([]);
  });

  it('moves steps that are not held, and the run without hold-steps moves the held one', async () => {
    const m = memoryRouter(split(30), at(1));
    const { o, clock } = rolloutOptions(m.router, { hold: [70, 100] });
    setTime(clock, T0 + WEEK);
    expect(await advanceRollout(o)).toMatchObject({ status: 'in-progress', percent: 50, writes: 1 });
    setTime(clock, T0 + 2 * WEEK);
    expect(await advanceRollout(o)).toMatchObject({ percent: 50, writes: 0, held: true });
    expect(await advanceRollout({ ...o, hold: [] })).toMatchObject({ percent: 70, writes: 1 });
    expect(m.writes).toEqual([split(50), split(70)]);
  });

  it('still waits for the bake before a held step (not held yet), and still rolls back an unhealthy green', async () => {
    const m = memoryRouter(split(90), at(4));
    let verdict: 'healthy' | 'unhealthy' = 'healthy';
    const { gate } = scriptedGate(() => verdict);
    const { o, clock } = rolloutOptions(m.router, { gate, hold: [100] });
    setTime(clock, T0 + DAY);
    const waiting = await advanceRollout(o);
    expect(waiting).toMatchObject({ writes: 0, nextDue: T0 + WEEK });
    expect(waiting.held).toBeUndefined();
    verdict = 'unhealthy';
    setTime(clock, T0 + 2 * WEEK);
    expect(await advanceRollout(o)).toMatchObject({ status: 'rolled-back', percent: 0, writes: 1 });
    expect(m.written).toEqual([{ routing: { version: '1', greenWeight: 0 } }]);
  });
});
