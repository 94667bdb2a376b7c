// The six-week plan of a scheduled orchestrator, simulated on a clock the test sets: the function is invoked
// every 4 hours (6 a day) through the alias, each run's report records written to moto's CloudWatch Logs; an
// advance run every 15 minutes, the engine in-process, and every 6 hours the committed bundle instead.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { awsTestEnv, setProcessEnv } from '@deploy-actions/testbed/moto';
import { fakeClock, memoryRuntime } from '@deploy-actions/testbed/runtime';
import { SIX_WEEK_CHECKS, SIX_WEEK_STEPS, STEADY_RUNS } from '@deploy-actions/testbed/six-week-plan';
import { steppedTraffic, type TrafficLedger, type VersionBehaviour } from '@deploy-actions/testbed/traffic';
import { targets } from '../../actions/targets';
import { awsWrites, FN, ok, useBed } from './bed';

const bed = useBed({ logsAnyTime: true });
const node = process.execPath;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const T0 = Date.UTC(2026, 9, 5);
const TICK = 15 * MINUTE;
const INVOKED_EVERY = 4 * HOUR;
const RUNS = (6 * WEEK) / TICK;
/** Four thousand runs against moto take minutes on a busy machine. */
const LONG = 20 * 60_000;
/** Every 24th run (6 hours) goes through the bundle. */
const BUNDLE_EVERY = 24;

/**
 * DEPLOY_ACTIONS_CLOCK reading `at` now, a thousand times slower than real time: a bundle's run of a second sees a
 * millisecond pass, as the in-process runs on the test's clock see none.
 */
const SLOW = 0.001;
const clockAt = (at: number) => `${Math.round((at - SLOW * Date.now()) / (1 - SLOW))}:${SLOW}`;

let restoreEnv = () => {};
beforeAll(() => {
  restoreEnv = setProcessEnv(awsTestEnv(bed.proxy.url));
});
afterAll(() => restoreEnv());

interface Run {
  at: number;
  via: 'bundle' | 'engine';
  status: string;
  weight: string;
  writes: string[];
  summary: string;
}

interface Change {
  at: number;
  version: string;
  behaviour: VersionBehaviour;
}

type Inputs = Record<string, string>;

/**
 * The rollout started at T0 with `checks`, then advance runs every 15 minutes until one rolls back or six weeks
 * pass; each change of a version's behaviour from its time on.
 */
async function sixWeeks(checks: Inputs, changes: Change[] = []) {
  const plan = { 'green-version': '2', steps: SIX_WEEK_STEPS, ...checks };
  // The orchestrator ran on v1 for a day before the rollout, so its log group exists.
  const clock = fakeClock(T0 - DAY);
  const traffic = steppedTraffic({
    endpoint: bed.moto.url,
    functionName: FN,
    alias: 'live',
    clock,
    ratePerMinute: MINUTE / INVOKED_EVERY,
    versions: { '1': STEADY_RUNS, '2': STEADY_RUNS },
    seed: 3,
    readableAfterMs: 0,
    logs: { format: 'text' },
  });
  const runs: Run[] = [];
  try {
    for (let at = T0 - DAY + INVOKED_EVERY; at <= T0; at += INVOKED_EVERY) {
      await clock.sleep(at - clock.now());
      await traffic.tick();
    }
    const started = await bed.run('shift-traffic', node, { ...plan, mode: 'start' }, bundleJob(T0, 0));
    ok(started);
    expect(started.writes).toEqual(['UpdateAlias']);
    for (let n = 1; n <= RUNS && runs.at(-1)?.status !== 'rolled-back'; n++) {
      const at = T0 + n * TICK;
      await clock.sleep(at - clock.now());
      for (const c of changes) if (c.at === at) traffic.setBehaviour(c.version, c.behaviour);
      // The function's own schedule fires before the advance run of the same minute.
      if ((at - T0) % INVOKED_EVERY === 0) await traffic.tick();
      const run = n % BUNDLE_EVERY === 0 ? await viaBundle(plan, at, n) : await viaEngine(plan, clock, n);
      runs.push({ ...run, at });
    }
  } finally {
    await traffic.stop();
  }
  return { runs, ledger: traffic.ledger() };
}

function bundleJob(at: number, n: number) {
  return {
    env: { ...bed.options({}).env, DEPLOY_ACTIONS_CLOCK: clockAt(at), GITHUB_RUN_ID: String(1000 + n) },
  };
}

async function viaBundle(plan: Inputs, at: number, n: number): Promise<Omit<Run, 'at'>> {
  const r = await bed.run('shift-traffic', node, { ...plan, mode: 'advance' }, bundleJob(at, n));
  if (r.outputs.status !== 'rolled-back') ok(r);
  const { status = '', weight = '' } = r.outputs;
  return { via: 'bundle', status, weight, writes: r.writes, summary: r.summary };
}

async function viaEngine(plan: Inputs, clock: ReturnType<typeof fakeClock>, n: number) {
  const rt = memoryRuntime({ 'function-name': FN, ...plan, mode: 'advance' });
  Object.assign(rt.env, { GITHUB_RUN_ID: String(1000 + n), GITHUB_RUN_ATTEMPT: '1' });
  bed.proxy.clearCalls();
  await runShiftTrafficStep(rt, targets, { clock });
  const writes = awsWrites(bed.proxy);
  const { status = '', weight = '' } = rt.outputs;
  if (status !== 'rolled-back') expect(rt.failed).toBeUndefined();
  return { via: 'engine' as const, status, weight, writes, summary: rt.summaryText };
}

async function greenAndBlue() {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
}

/** When the first run of `version` in a run of `n` failures in a row, from `from` on, was served. */
function failingStreakAt(ledger: TrafficLedger, version: string, from: number, n: number): number {
  const served = ledger.requests.filter((q) => q.version === version && q.at >= from);
  const i = served.findIndex((_, k) => served.slice(k, k + n).filter((q) => q.failed).length === n);
  return served[i + n - 1]!.at;
}

describe('the six-week plan, judged run by run from the log records', () => {
  it(
    'promotes in six steps a week apart: each step one write, every other run none',
    async () => {
      await greenAndBlue();
      const { runs, ledger } = await sixWeeks(SIX_WEEK_CHECKS);
      expect(runs).toHaveLength(4032);
      expect(ledger.requests).toHaveLength(6 * 43);
      const writing = runs.filter((r) => r.writes.length > 0);
      expect(writing.map((r) => [(r.at - T0) / WEEK, r.status, r.weight, r.writes])).toEqual([
        [1, 'in-progress', '30', ['UpdateAlias']],
        [2, 'in-progress', '50', ['UpdateAlias']],
        [3, 'in-progress', '70', ['UpdateAlias']],
        [4, 'in-progress', '90', ['UpdateAlias']],
        [5, 'promoted', '100', ['UpdateAlias']],
      ]);
      // The week marks fall on bundle runs: the bundle advanced each step.
      expect(writing.every((r) => r.via === 'bundle')).toBe(true);
      const idle = runs.filter((r) => r.writes.length === 0);
      expect(idle).toHaveLength(4032 - 5);
      const promotedAt = writing.at(-1)!.at;
      expect(idle.every((r) => r.status === (r.at < promotedAt ? 'in-progress' : 'none'))).toBe(true);
      expect(await bed.alias()).toBe('2');
      expect(await bed.description()).toBe('');
    },
    LONG,
  );

  it(
    "rolls back at the run after green's third run in a row fails, in week 3",
    async () => {
      await greenAndBlue();
      // Without max-error-rate, which would already stop green at its second failure of the step.
      const checks = { ...SIX_WEEK_CHECKS, 'max-error-rate': '' };
      const badFrom = T0 + 3 * WEEK + DAY;
      const failing = { ...STEADY_RUNS, errorRate: 1 };
      const { runs, ledger } = await sixWeeks(checks, [{ at: badFrom, version: '2', behaviour: failing }]);
      const back = runs.at(-1)!;
      expect(back).toMatchObject({ status: 'rolled-back', writes: ['UpdateAlias'] });
      expect(back.summary).toMatch(/3 runs of v2 failed in a row .*max-consecutive-failures 3/);
      // The third failing run ends at the tick that served it; the advance run of that minute rolls back.
      expect(back.at).toBe(failingStreakAt(ledger, '2', badFrom, 3));
      expect(runs.filter((r) => r.writes.length > 0).map((r) => r.weight)).toEqual(['30', '50', '70', '0']);
      expect(await bed.alias()).toBe('1');
      expect(await bed.description()).toBe('');
    },
    LONG,
  );

  it(
    'rolls back a green whose runs use 800 MB, at the run after its first',
    async () => {
      await greenAndBlue();
      const heavy = { ...STEADY_RUNS, memoryMb: 800 };
      const { runs, ledger } = await sixWeeks(SIX_WEEK_CHECKS, [
        { at: T0 + TICK, version: '2', behaviour: heavy },
      ]);
      const back = runs.at(-1)!;
      expect(back).toMatchObject({ status: 'rolled-back', weight: '0', writes: ['UpdateAlias'] });
      expect(back.summary).toMatch(/v2 used 800 MB \(Max Memory Used\) > max-memory-mb 750/);
      expect(back.at).toBe(ledger.requests.find((q) => q.version === '2' && q.at > T0)!.at);
      expect(await bed.alias()).toBe('1');
    },
    LONG,
  );
});
