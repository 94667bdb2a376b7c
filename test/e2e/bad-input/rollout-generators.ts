// shift-traffic's checkpointed rollouts: mode, max-bake and what mode start/advance/status allow of the plan (bakes
// up to 90d, a plan ending at 100, no duration after the last step), hold-steps (mode advance only, steps of the
// plan after the first), watch-after (mode start and advance, 1m to 90d) and mode status, which judges nothing.
// Each value is wrong in one way; a case that sets mode sets it beside the bad input, so that start, advance and
// status are all tried. One list serves each target, on that target's bases.
import fc from 'fast-check';
import {
  ALARM,
  BAD_PERCENTS,
  injection,
  malformedDuration,
  one,
  unknownWord,
  type Inputs,
} from './generators';
import { CLOSED_URL, type Category } from './harness';

const DAY_S = 86_400;
const checkpointed = fc.constantFrom('start', 'advance', 'status', 'START', 'Advance', 'Status');
/** `arb` with one of the checkpointed modes beside it. */
const withMode = (arb: fc.Arbitrary<Inputs>) =>
  fc.tuple(checkpointed, arb).map(([mode, bad]): Inputs => ({ mode, ...bad }));
/** A duration over `days` days, in days, hours or a mix. */
const over = (days: number) =>
  fc.oneof(
    fc.integer({ min: days + 1, max: 100_000 }).map((d) => `${d}d`),
    fc.integer({ min: days * 24 + 1, max: 10_000_000 }).map((h) => `${h}h`),
    fc.integer({ min: 1, max: 86_399 }).map((s) => `${days}d${s}s`),
  );
const firstPercent = fc.integer({ min: 1, max: 49 });
/** Strictly increasing percentages below 100, with or without bakes: a plan that stops short. */
const stopsShort = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 6 })
  .chain((ps) =>
    fc.constantFrom('', ':1d', ':7d', ':12h').map((bake) =>
      [...ps]
        .sort((a, b) => a - b)
        .map((p, i, all) => (i < all.length - 1 ? `${p}${bake}` : `${p}`))
        .join(','),
    ),
  );
/** mode: none of run, start, advance and status. */
const badMode = unknownWord(
  ['run', 'start', 'advance', 'status'],
  [
    'resume',
    'continue',
    'tick',
    'runs',
    'started',
    'advance,start',
    'start advance',
    'schedule',
    'step',
    'promote',
    'state',
    'statuses',
    'status,advance',
    'ecs',
    'rollout',
    'advance-ecs',
    'checkpoint',
  ],
);
/** duration (a watch after the last step within the job), which no checkpointed mode takes. */
const someDuration = fc.oneof(
  fc.constantFrom('1s', '30s', '10m', '1h', '6h', '1ms'),
  fc.integer({ min: 1, max: 21_600 }).map((s) => `${s}s`),
);
const badMaxBake = fc.oneof(
  malformedDuration,
  fc.constantFrom('1w', '2D', '7 d', '1d1d', 'd', '14days', '7dd', 'P7D'),
);
/** A max-bake shorter than a 7d bake. */
const maxBakeUnder7d = fc.oneof(
  fc.integer({ min: 0, max: 7 * DAY_S - 1 }).map((s) => `${s}s`),
  fc.constantFrom('0', '1d', '6d23h59m59s', '3d12h', '1h', '6d'),
);
/** A max-bake over 6h: only checkpointed modes bake that long. */
const maxBakeOver6h = fc.oneof(
  fc.constantFrom('7h', '6h1s', '1d', '14d', '7d'),
  fc.integer({ min: 361, max: 100_000 }).map((m) => `${m}m`),
);
/** hold-steps that are not a list of percentages. */
const badHold = fc.oneof(
  fc.constantFrom(...BAD_PERCENTS),
  fc.constantFrom('50,,100', ',100', '100,', '50;100', '50 100', 'all', 'promotion', '100,abc'),
  fc.integer({ min: 101, max: 100_000 }).map(String),
  injection,
);
/** watch-after as a scheduled workflow gives it. */
const goodWatch = fc.constantFrom('1h', '24h', '1d', '7d', '90d', '1h30m');
const goodMaxBake = fc.constantFrom('14d', '30d', '1d12h', '90d', '1h', '6h');
/** Steps of the six-week plan an advance may hold (10 is the first: mode start writes it). */
const WEEKLY_HELD = [30, 50, 70, 90, 100];
/** hold-steps as a scheduled workflow gives it, valid for the six-week plan. */
const goodHold = fc.constantFrom('100', '50,100', '30, 50, 70, 90, 100', '90%,100%');
/** A percentage that is no step of the six-week plan, or its first. */
const notHeldStep = fc.oneof(
  fc.integer({ min: 1, max: 100 }).filter((p) => !WEEKLY_HELD.includes(p)),
  fc
    .integer({ min: 1, max: 9999 })
    .map((n) => String(n / 100))
    .filter((p) => !WEEKLY_HELD.includes(Number(p))),
);
/** Health checks of every target, each valid alone: mode status judges nothing, so any of them is refused. */
export const HEALTH_CHECKS: Record<string, fc.Arbitrary<string>> = {
  alarms: fc.constantFrom(ALARM, 'orders-*', 'no-such-alarm'),
  'max-error-rate': fc.constantFrom('0', '2', '5', '99.5'),
  'max-latency-ratio': fc.constantFrom('1.5', '2'),
  'max-latency-ms': fc.constantFrom('2000', 'p95=2000,p99=5000'),
  'http-url': fc.constant(CLOSED_URL),
};
/** With the Lambda target's own: direct invokes and the logs check. */
const LAMBDA_CHECKS: Record<string, fc.Arbitrary<string>> = {
  ...HEALTH_CHECKS,
  'invoke-payload': fc.constantFrom('{}', '{"path":"/health"}'),
  'max-consecutive-failures': fc.constantFrom('1', '3'),
  'max-timeouts': fc.constantFrom('0', '2'),
  'max-memory-mb': fc.constantFrom('128', '750'),
  'max-duration-ratio': fc.constantFrom('1.5', 'p95=1.5', 'mean=2'),
  'max-init-ratio': fc.constantFrom('2'),
  'log-group': fc.constantFrom('/aws/lambda/orders', 'orders-logs'),
};

/** A target's share of a suite's bases, and how its categories are run and named. */
export interface RolloutTarget {
  /** Its bases: every base of the suite, or those with target ecs. */
  bases: (b: Inputs) => boolean;
  /** Its start bases that mode status takes as they are (mode status refuses what they add to judge). */
  statusBases: (b: Inputs) => boolean;
  /** The health checks its steps take, each valid alone. */
  checks: Record<string, fc.Arbitrary<string>>;
  runs: number;
  /** Appended to each label: `, target ecs`. */
  suffix: string;
}

type Bases = (b: Inputs) => boolean;
interface Picked {
  all: Bases;
  run: Bases;
  start: Bases;
  /** The six-week base (bakes of 7d). */
  weekly: Bases;
}

/** The categories of a checkpointed rollout's inputs on `t`'s bases; run bases have no mode. */
export function rolloutCategoriesFor(t: RolloutTarget): Category[] {
  const and =
    (p: Bases): Bases =>
    (b) =>
      t.bases(b) && p(b);
  const picked: Picked = {
    all: t.bases,
    run: and((b) => !b.mode),
    start: and((b) => b.mode === 'start'),
    weekly: and((b) => b.mode === 'start' && (b.steps ?? '').includes(':7d')),
  };
  const named = ({ twice, ...c }: Draft): Category => ({
    ...c,
    action: 'shift-traffic',
    label: `${c.label}${t.suffix}`,
    runs: twice ? 2 * t.runs : t.runs,
  });
  return [...planCategories(picked), ...holdCategories(picked), ...watchCategories(picked, t)].map(named);
}

/** A category before its target: `twice` runs twice as many cases. */
type Draft = Omit<Category, 'action' | 'runs'> & { twice?: boolean };

/** mode, and what the checkpointed modes take of the plan and of max-bake. */
function planCategories(b: Picked): Draft[] {
  const onWait = (v: string): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v });
  return [
    {
      label: 'mode unknown (run, start, advance or status)',
      names: ['mode'],
      bases: b.all,
      bad: one('mode', badMode),
    },
    {
      label: 'bake-time over 90d with mode start, advance or status',
      names: ['bake-time'],
      bases: (x) => b.all(x) && !(x.strategy ?? '').startsWith('Lambda'),
      bad: withMode(one('bake-time', over(90))),
    },
    {
      label: 'steps with a bake over 90d with mode start, advance or status',
      names: ['steps'],
      drop: ['strategy'],
      bases: b.all,
      bad: withMode(
        one(
          'steps',
          fc.tuple(firstPercent, over(90)).map(([p, bake]) => `${p}:${bake},100`),
        ),
      ),
    },
    {
      label: 'steps ending below 100 with mode start, advance or status',
      names: ['steps'],
      drop: ['strategy'],
      bases: b.all,
      bad: withMode(one('steps', stopsShort)),
    },
    {
      label: 'duration after the last step with mode start, advance or status',
      names: ['duration'],
      bases: b.all,
      bad: withMode(one('duration', someDuration)),
    },
    { label: 'max-bake malformed', names: ['max-bake'], bases: b.all, bad: badMaxBake.map(onWait) },
    {
      label: 'max-bake without on-inconclusive wait',
      names: ['max-bake'],
      bases: b.all,
      bad: fc
        .tuple(fc.constantFrom('', 'fail', 'pass', 'PASS'), goodMaxBake)
        .map(([on, v]): Inputs => ({ 'on-inconclusive': on, 'max-bake': v })),
    },
    {
      label: 'max-bake shorter than a bake of the plan (7d)',
      names: ['max-bake'],
      bases: b.weekly,
      bad: maxBakeUnder7d.map(onWait),
    },
    {
      label: 'max-bake over 6h with mode run',
      names: ['max-bake'],
      bases: b.run,
      bad: maxBakeOver6h.map(onWait),
    },
    {
      label: 'max-bake over 180d with mode start or advance',
      names: ['max-bake'],
      bases: b.start,
      bad: fc
        .tuple(fc.constantFrom('start', 'advance'), fc.oneof(over(180), injection))
        .map(([mode, v]): Inputs => ({ mode, ...onWait(v) })),
    },
  ];
}

/** hold-steps: mode advance only, steps of the plan after the first. */
function holdCategories(b: Picked): Draft[] {
  return [
    {
      label: 'hold-steps in mode run',
      names: ['hold-steps'],
      bases: b.run,
      bad: one('hold-steps', fc.oneof(goodHold, fc.constantFrom('10', '25', '100'))),
    },
    {
      label: 'hold-steps with mode start or status',
      names: ['hold-steps'],
      bases: b.weekly,
      bad: fc
        .tuple(fc.constantFrom('start', 'status', 'START', 'Status'), goodHold)
        .map(([mode, hold]): Inputs => ({ mode, 'hold-steps': hold })),
    },
    {
      label: 'hold-steps not percentages, with mode advance',
      names: ['hold-steps'],
      bases: b.start,
      bad: badHold.map((hold): Inputs => ({ mode: 'advance', 'hold-steps': hold })),
    },
    {
      label: 'hold-steps not a step of the plan after the first, with mode advance',
      names: ['hold-steps'],
      bases: b.weekly,
      bad: fc
        .tuple(notHeldStep, fc.constantFrom('', '100,', '50,'))
        .map(([p, before]): Inputs => ({ mode: 'advance', 'hold-steps': `${before}${p}` })),
    },
  ];
}

/** watch-after (mode start and advance, 1m to 90d), and mode status, which judges nothing. */
function watchCategories(b: Picked, t: RolloutTarget): Draft[] {
  const names = Object.keys(t.checks);
  return [
    {
      label: 'watch-after in mode run',
      names: ['watch-after'],
      bases: b.run,
      bad: one('watch-after', goodWatch),
    },
    {
      label: 'watch-after with mode status',
      names: ['watch-after'],
      bases: b.weekly,
      bad: fc
        .tuple(fc.constantFrom('status', 'STATUS', 'Status'), goodWatch)
        .map(([mode, watch]): Inputs => ({ mode, 'watch-after': watch })),
    },
    {
      label: 'watch-after not a duration, over 90d or under 1m, with mode start or advance',
      names: ['watch-after'],
      twice: true,
      bases: b.weekly,
      bad: fc
        .tuple(
          fc.constantFrom('start', 'advance', 'Advance'),
          fc.oneof(
            malformedDuration,
            over(90),
            fc.constantFrom('0', '0s', '59s', '1s', '500ms', '7 d', '24 h', '1w'),
          ),
        )
        .map(([mode, watch]): Inputs => ({ mode, 'watch-after': watch })),
    },
    {
      label: 'a health check with mode status (it judges nothing)',
      names,
      bases: t.statusBases,
      bad: fc
        .constantFrom(...names)
        .chain((name) => t.checks[name]!.map((v): Inputs => ({ [name]: v })))
        .chain((check) => fc.constantFrom('status', 'STATUS').map((mode): Inputs => ({ mode, ...check }))),
    },
  ];
}

/** The Lambda suite's: on every base, the six-week one for mode status. */
export const rolloutCategories: Category[] = rolloutCategoriesFor({
  bases: () => true,
  statusBases: (b) => b.mode === 'start' && (b.steps ?? '').includes(':7d'),
  checks: LAMBDA_CHECKS,
  runs: 10,
  suffix: '',
});
