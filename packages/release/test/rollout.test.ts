// shift-traffic mode start and advance over a router in memory: each run does at most one write, and only the
// write the checkpoint and the evidence call for.
import { describe, it, expect } from '@jest/globals';
import { ConcurrentChangeError, DeployError } from '@deploy-actions/core';
import { greenKey, planHash, type Checkpoint } from '../src/checkpoint';
import { advanceRollout } from '../src/shift/advance';
import { startRollout } from '../src/shift/start';
import { memoryRouter } from './memory-router';
import { DAY, plan, rolloutOptions, scriptedGate, setTime, SIX_WEEKS, T0, WEEK } from './rollout-fixtures';

const at = (step: number, since = T0, over: Partial<Checkpoint> = {}): Checkpoint => ({
  green: greenKey('2'),
  plan: planHash(SIX_WEEKS),
  step,
  since,
  run: '99.1',
  ...over,
});
const split = (percent: number) => ({ version: '1', green: '2', greenWeight: percent / 100 });

describe('mode start', () => {
  it('writes the first step with its checkpoint in one write and says when the next is due', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o } = rolloutOptions(m.router);
    const r = await startRollout(o);
    expect(r).toMatchObject({ status: 'in-progress', percent: 10, step: 0, nextDue: T0 + WEEK, writes: 1 });
    expect(m.written).toEqual([{ routing: split(10), checkpoint: at(0, T0, { run: '100.1' }) }]);
  });

  it('run again (a re-run job), changes nothing and reports where the rollout stands', async () => {
    const m = memoryRouter(split(10), at(0));
    const { o, log } = rolloutOptions(m.router);
    const r = await startRollout(o);
    expect(r).toMatchObject({ status: 'in-progress', percent: 10, nextDue: T0 + WEEK, writes: 0 });
    expect(m.writes).toEqual([]);
    expect(log.join('\n')).toMatch(/already stands at step 1\/6 .*run 99\.1.*changed nothing/);
  });

  it('promotes at once, with no checkpoint, when the plan is one step of 100%', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o } = rolloutOptions(m.router, { plan: plan('100') });
    expect(await startRollout(o)).toMatchObject({ status: 'promoted', percent: 100, writes: 1 });
    expect(m.written).toEqual([{ routing: { version: '2', greenWeight: 0 } }]);
  });

  it('refuses a router split towards another version, writing nothing', async () => {
    const m = memoryRouter({ version: '1', green: '3', greenWeight: 0.1 });
    const { o } = rolloutOptions(m.router);
    await expect(startRollout(o)).rejects.toThrow(/deployment of r3 is in progress.*changed nothing/);
    expect(m.writes).toEqual([]);
  });
});

describe('mode advance: one decision per run', () => {
  it('finds no rollout when all traffic is on one version and nothing is checkpointed: exit 0, no write', async () => {
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const { o } = rolloutOptions(m.router);
    expect(await advanceRollout(o)).toMatchObject({ status: 'none', percent: 0, writes: 0 });
    expect(m.writes).toEqual([]);
  });

  it('waits, with no write, until the bake is over, and says when it is due', async () => {
    const m = memoryRouter(split(10), at(0));
    const { o, clock } = rolloutOptions(m.router);
    setTime(clock, T0 + 3 * DAY);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'in-progress', percent: 10, step: 0, nextDue: T0 + WEEK, writes: 0 });
    expect(r.message).toMatch(
      /step 1\/6: 10% on r2 since 2026-01-05T09:00:00.000Z, baked 3d of 7d; next due 2026-01-12T09:00:00.000Z/,
    );
    expect(m.writes).toEqual([]);
  });

  it('moves one step once the bake is over and healthy, with a checkpoint of the new step from now', async () => {
    const m = memoryRouter(split(10), at(0));
    const { gate, calls } = scriptedGate(() => 'healthy');
    const { o, clock } = rolloutOptions(m.router, { gate });
    setTime(clock, T0 + WEEK + 5 * 60_000);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'in-progress', percent: 30, step: 1, writes: 1 });
    expect(m.written).toEqual([
      { routing: split(30), checkpoint: at(1, T0 + WEEK + 5 * 60_000, { run: '100.1' }) },
    ]);
    // The evidence judged is the step's own: since it began, not the last `window`.
    expect(calls).toEqual([
      expect.objectContaining({ since: T0, percent: 10, blue: '1', green: '2', durationMs: 0 }),
    ]);
  });

  it('promotes from the last step before 100%, clearing the checkpoint in the same write', async () => {
    const m = memoryRouter(split(90), at(4));
    const { o, clock } = rolloutOptions(m.router);
    setTime(clock, T0 + WEEK);
    expect(await advanceRollout(o)).toMatchObject({ status: 'promoted', percent: 100, writes: 1 });
    expect(m.written).toEqual([{ routing: { version: '2', greenWeight: 0 } }]);
  });

  it('rolls back at once on an unhealthy verdict, bake over or not, clearing the checkpoint', async () => {
    const m = memoryRouter(split(30), at(1));
    const { gate } = scriptedGate(() => 'unhealthy');
    const { o, clock } = rolloutOptions(m.router, { gate });
    setTime(clock, T0 + DAY);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'rolled-back', percent: 0, writes: 1 });
    expect(r.failure).toMatch(
      /health unhealthy at step 2\/6 \(30% on r2\): scripted unhealthy\. Traffic restored: 100% on r1/,
    );
    expect(m.written).toEqual([{ routing: { version: '1', greenWeight: 0 } }]);
  });

  it('with on-unhealthy fail, fails the step and leaves traffic and checkpoint as they are', async () => {
    const m = memoryRouter(split(30), at(1));
    const { gate } = scriptedGate(() => 'unhealthy');
    const { o } = rolloutOptions(m.router, { gate, onUnhealthy: 'fail' });
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'in-progress', percent: 30, writes: 0 });
    expect(r.failure).toMatch(/on-unhealthy is fail: traffic stays at r1 70% \/ r2 30%/);
    expect(m.writes).toEqual([]);
  });

  it.each<['fail' | 'pass', string, number]>([
    ['fail', 'rolled-back', 0],
    ['pass', 'in-progress', 30],
  ])('at the end of the bake, inconclusive with on-inconclusive %s: %s', async (on, status, percent) => {
    const m = memoryRouter(split(10), at(0));
    const { gate } = scriptedGate(() => 'inconclusive');
    const { o, clock } = rolloutOptions(m.router, { gate, onInconclusive: on });
    setTime(clock, T0 + 3 * DAY);
    expect(await advanceRollout(o)).toMatchObject({ status: 'in-progress', writes: 0 });
    setTime(clock, T0 + WEEK);
    expect(await advanceRollout(o)).toMatchObject({ status, percent, writes: 1 });
  });
});

describe('mode advance: on-inconclusive wait', () => {
  it('keeps the step past its bake until the sample is reached, then advances', async () => {
    const m = memoryRouter(split(10), at(0));
    const sampleAt = T0 + WEEK + 2 * DAY;
    const { gate } = scriptedGate(() => (o.clock.now() >= sampleAt ? 'healthy' : 'inconclusive'));
    const { o, clock } = rolloutOptions(m.router, { gate, onInconclusive: 'wait' });
    setTime(clock, T0 + WEEK + DAY);
    const waiting = await advanceRollout(o);
    expect(waiting).toMatchObject({ status: 'in-progress', writes: 0, nextDue: T0 + WEEK + DAY });
    expect(waiting.message).toMatch(/waiting for the sample until max-bake 14d \(2026-01-19T09:00:00.000Z\)/);
    setTime(clock, sampleAt);
    expect(await advanceRollout(o)).toMatchObject({ status: 'in-progress', percent: 30, writes: 1 });
  });

  it('fails the step when max-bake passes without a conclusive verdict', async () => {
    const m = memoryRouter(split(10), at(0));
    const { gate } = scriptedGate(() => 'inconclusive');
    const { o, clock } = rolloutOptions(m.router, { gate, onInconclusive: 'wait', maxBakeMs: 10 * DAY });
    setTime(clock, T0 + 10 * DAY - 1000);
    expect(await advanceRollout(o)).toMatchObject({ status: 'in-progress', writes: 0 });
    setTime(clock, T0 + 10 * DAY);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'rolled-back', writes: 1 });
    expect(r.failure).toMatch(/health inconclusive after max-bake 10d at step 1\/6/);
  });
});

describe('mode advance refuses, with the reason and no write', () => {
  it.each([
    [
      'a checkpoint of another green',
      split(10),
      at(0, T0, { green: '3' }),
      /checkpoint of a rollout of r3 .*not of green-version r2/,
      ConcurrentChangeError,
    ],
    [
      'a checkpoint of another plan',
      split(10),
      at(0, T0, { plan: '00000000' }),
      /another plan \(hash 00000000\)/,
      DeployError,
    ],
    [
      'a checkpoint whose step routes otherwise',
      split(50),
      at(0),
      /checkpoint at step 1\/6 \(10% on r2\) but routes r1 50% \/ r2 50%/,
      DeployError,
    ],
    [
      'a checkpoint at a step the plan never waits at',
      split(10),
      at(5),
      /checkpoint at step 6, which plan .* never waits at/,
      DeployError,
    ],
    [
      'a split without a checkpoint',
      split(10),
      undefined,
      /split \(r1 90% \/ r2 10%\) but holds no checkpoint/,
      DeployError,
    ],
  ])('%s', async (_, routing, cp, reason, kind) => {
    const m = memoryRouter(routing, cp);
    const { o } = rolloutOptions(m.router, { gate: scriptedGate(() => 'unhealthy').gate });
    const err = await advanceRollout(o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(kind);
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).toMatch(/changed nothing/);
    expect(m.writes).toEqual([]);
  });

  it('a checkpoint of ours that does not parse', async () => {
    const m = memoryRouter(split(10));
    m.router.read = async () => ({
      ...split(10),
      revision: '1',
      checkpointError: 'checkpoint "deploy-actions/1 g=2" lacks p',
    });
    const { o } = rolloutOptions(m.router);
    await expect(advanceRollout(o)).rejects.toThrow(
      /cannot be read \(checkpoint "deploy-actions\/1 g=2" lacks p\)/,
    );
    expect(m.writes).toEqual([]);
  });
});
