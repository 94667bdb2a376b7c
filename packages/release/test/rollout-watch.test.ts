// watch-after over a router in memory: promotion keeps a checkpoint while scheduled runs judge green alone;
// it turns bad at hour 5 and the next run rolls back in one write; idle runs write nothing.
import { describe, it, expect } from '@jest/globals';
import { encodeCheckpoint, greenKey, parseCheckpoint, planHash } from '../src/checkpoint';
import { advanceRollout } from '../src/shift/advance';
import { rolloutStatus } from '../src/shift/status';
import { startRollout } from '../src/shift/start';
import { memoryRouter } from './memory-router';
import {
  DAY,
  HOUR,
  MINUTE,
  rolloutOptions,
  scriptedGate,
  setTime,
  SIX_WEEKS,
  T0,
  WEEK,
} from './rollout-fixtures';

const PROMOTED = T0 + 5 * WEEK;
const split90 = { version: '1', green: '2', greenWeight: 0.9 };
const step5 = { green: greenKey('2'), plan: planHash(SIX_WEEKS), step: 4, since: T0 + 4 * WEEK, run: '99.1' };

/** Runs every 15 minutes from `from` to `to`; returns the results. */
async function tick(
  o: Parameters<typeof advanceRollout>[0],
  clock: ReturnType<typeof rolloutOptions>['clock'],
  from: number,
  to: number,
) {
  const results = [];
  for (let t = from; t <= to; t += 15 * MINUTE) {
    setTime(clock, t);
    results.push({ at: t, r: await advanceRollout(o) });
  }
  return results;
}

describe('the watch checkpoint', () => {
  it('is format 2 with the watch and blue, and format 1 checkpoints still parse', () => {
    const cp = { ...step5, step: 5, watch: { ms: DAY, blue: '1' } };
    const text = encodeCheckpoint(cp);
    expect(text).toMatch(/^deploy-actions\/2 g=2 p=\w{8} s=5 t=\d+ r=99\.1 w=86400 b=1$/);
    expect(parseCheckpoint(text)).toEqual(cp);
    expect(parseCheckpoint(encodeCheckpoint(step5))).toEqual(step5);
    expect(encodeCheckpoint(step5)).toMatch(/^deploy-actions\/1 /);
    expect(() => parseCheckpoint(text.replace(' b=1', ''))).toThrow(/lacks b/);
    expect(() => parseCheckpoint(encodeCheckpoint(step5).replace(' r=', ' w=5 r='))).toThrow(/unknown/);
  });
});

describe('watch-after 24h', () => {
  it('promotes into the watch, judges green alone, records the 1h, 6h and 24h marks, then clears', async () => {
    const m = memoryRouter(split90, step5);
    const { gate, calls } = scriptedGate(() => 'healthy');
    const { o, clock } = rolloutOptions(m.router, { gate, watchMs: DAY });
    setTime(clock, PROMOTED);
    const p = await advanceRollout(o);
    expect(p).toMatchObject({ status: 'watching', percent: 100, writes: 1, nextDue: PROMOTED + HOUR });
    expect(m.state()).toMatchObject({ version: '2', greenWeight: 0 });
    expect(m.state().checkpoint).toMatchObject({ step: 5, since: PROMOTED, watch: { ms: DAY, blue: '1' } });
    const runs = await tick(o, clock, PROMOTED + 15 * MINUTE, PROMOTED + DAY + 15 * MINUTE);
    const ended = runs.findIndex((x) => x.r.writes > 0);
    expect(runs[ended]!.at).toBe(PROMOTED + DAY);
    expect(runs[ended]!.r).toMatchObject({
      status: 'promoted',
      percent: 100,
      mark: { label: '24h', verdict: 'healthy' },
    });
    expect(runs.filter((x) => x.r.writes > 0)).toHaveLength(1);
    expect(m.writes).toHaveLength(2);
    expect(m.state()).toEqual(expect.not.objectContaining({ checkpoint: expect.anything() }));
    // The first run past each mark carries its judgment.
    const firsts = new Map<string, number>();
    for (const x of runs)
      if (x.r.mark && !firsts.has(x.r.mark.label)) firsts.set(x.r.mark.label, x.at - PROMOTED);
    expect([...firsts]).toEqual([
      ['1h', HOUR],
      ['6h', 6 * HOUR],
      ['24h', DAY],
    ]);
    expect(
      calls.slice(1).every((c) => c.blue === undefined && c.since === PROMOTED && c.percent === 100),
    ).toBe(true);
    // After the watch: no rollout, nothing written.
    setTime(clock, PROMOTED + DAY + HOUR);
    expect(await advanceRollout(o)).toMatchObject({ status: 'none', writes: 0 });
  });

  it('rolls back to the recorded blue at the first run after green turns bad at hour 5, in one write', async () => {
    const m = memoryRouter(split90, step5);
    const { gate } = scriptedGate(() => (clock.now() >= PROMOTED + 5 * HOUR ? 'unhealthy' : 'healthy'));
    const { o, clock } = rolloutOptions(m.router, { gate, watchMs: DAY });
    setTime(clock, PROMOTED);
    await advanceRollout(o);
    const runs = await tick(o, clock, PROMOTED + 15 * MINUTE, PROMOTED + 5 * HOUR);
    expect(runs.slice(0, -1).every((x) => x.r.writes === 0 && x.r.status === 'watching')).toBe(true);
    const last = runs[runs.length - 1]!.r;
    expect(last).toMatchObject({ status: 'rolled-back', blue: '1', percent: 0, writes: 1 });
    expect(last.reason).toMatch(
      /unhealthy in the watch after promotion \(r2 alone, 5h of the 1d watch: scripted unhealthy/,
    );
    expect(m.writes).toEqual([
      { version: '2', greenWeight: 0 },
      { version: '1', greenWeight: 0 },
    ]);
    expect(m.state().checkpoint).toBeUndefined();
  });

  it('leaves green on with on-unhealthy fail, failing the run, writing nothing', async () => {
    const m = memoryRouter(
      { version: '2', greenWeight: 0 },
      { ...step5, step: 5, since: PROMOTED, watch: { ms: DAY, blue: '1' } },
    );
    const { gate } = scriptedGate(() => 'unhealthy');
    const { o, clock } = rolloutOptions(m.router, { gate, watchMs: DAY, onUnhealthy: 'fail' });
    setTime(clock, PROMOTED + 2 * HOUR);
    const r = await advanceRollout(o);
    expect(r).toMatchObject({ status: 'watching', writes: 0 });
    expect(r.failure).toMatch(/on-unhealthy is fail: r2 stays 100%/);
    expect(m.writes).toEqual([]);
  });

  it('mode status and a second start report the watch, due at every run, with the next mark', async () => {
    const m = memoryRouter(
      { version: '2', greenWeight: 0 },
      { ...step5, step: 5, since: PROMOTED, watch: { ms: DAY, blue: '1' } },
    );
    const { o, clock } = rolloutOptions(m.router);
    setTime(clock, PROMOTED + 2 * HOUR);
    const s = await rolloutStatus({ router: m.router, plan: SIX_WEEKS, log: o.log, clock });
    expect(s).toMatchObject({
      status: 'watching',
      green: '2',
      blue: '1',
      percent: 100,
      due: true,
      nextDue: PROMOTED + 6 * HOUR,
      watchEnds: PROMOTED + DAY,
    });
    expect(await startRollout(o)).toMatchObject({ status: 'watching', writes: 0 });
    expect(m.writes).toEqual([]);
  });

  it('refuses a watch checkpoint the routing disagrees with, writing nothing', async () => {
    const m = memoryRouter(
      { version: '1', greenWeight: 0 },
      { ...step5, step: 5, since: PROMOTED, watch: { ms: DAY, blue: '1' } },
    );
    const { o, clock } = rolloutOptions(m.router, { watchMs: DAY });
    setTime(clock, PROMOTED + HOUR);
    await expect(advanceRollout(o)).rejects.toThrow(/watch after promoting r2 but routes .*changed nothing/);
    expect(m.writes).toEqual([]);
  });
});
