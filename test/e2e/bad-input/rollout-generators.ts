// shift-traffic's checkpointed rollouts: mode, max-bake and what mode start/advance/status allow of the plan (bakes
// up to 90d, a plan ending at 100, no duration after the last step), hold-steps (mode advance only, steps of the
// plan after the first), watch-after (mode start and advance, 1m to 90d) and mode status, which judges nothing. Each value is wrong in one way; a case that sets
// mode sets it beside the bad input, so that start, advance and status are all tried.
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
/** watch-after as a scheduled workflow gives it. */
const goodWatch = fc.constantFrom('1h', '24h', '1d', '7d', '90d', '1h30m');
const goodMaxBake = fc.constantFrom('14d', '30d', '1d12h', '90d');
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
/** Health checks, each valid alone: mode status judges nothing, so any of them is refused. */
const CHECKS: Record<string, fc.Arbitrary<string>> = {
  alarms: fc.constantFrom(ALARM, 'orders-*', 'no-such-alarm'),
  'max-error-rate': fc.constantFrom('0', '2', '5', '99.5'),
  'max-latency-ratio': fc.constantFrom('1.5', '2'),
  'max-latency-ms': fc.constantFrom('2000', 'p95=2000,p99=5000'),
  'http-url': fc.constant(CLOSED_URL),
  'invoke-payload': fc.constantFrom('{}', '{"path":"/health"}'),
  'max-consecutive-failures': fc.constantFrom('1', '3'),
  'max-timeouts': fc.constantFrom('0', '2'),
  'max-memory-mb': fc.constantFrom('128', '750'),
  'max-duration-ratio': fc.constantFrom('1.5', 'p95=1.5', 'mean=2'),
  'max-init-ratio': fc.constantFrom('2'),
  'log-group': fc.constantFrom('/aws/lambda/orders', 'orders-logs'),
};
const RUNS = 10;

/** The six-week base (bakes of 7d) and the other start bases; run bases have no mode. */
const isRun = (b: Inputs) => !b.mode;
const isStart = (b: Inputs) => b.mode === 'start';
const weekly = (b: Inputs) => (b.steps ?? '').includes(':7d');

export const rolloutCategories: Category[] = [
  {
    action: 'shift-traffic',
    label: 'mode unknown (run, start, advance or status)',
    names: ['mode'],
    runs: RUNS,
    bad: one(
      'mode',
      unknownWord(
        ['run', 'start', 'advance', 'status'],
        [
          'resume',
          'continue',
          'tick',
          'runs',
          'started',
          'advance,start',
          'schedule',
          'step',
          'promote',
          'state',
          'statuses',
          'status,advance',
        ],
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time over 90d with mode start, advance or status',
    names: ['bake-time'],
    runs: RUNS,
    bases: (b) => !(b.strategy ?? '').startsWith('Lambda'),
    bad: withMode(one('bake-time', over(90))),
  },
  {
    action: 'shift-traffic',
    label: 'steps with a bake over 90d with mode start, advance or status',
    names: ['steps'],
    drop: ['strategy'],
    runs: RUNS,
    bad: withMode(
      one(
        'steps',
        fc.tuple(firstPercent, over(90)).map(([p, bake]) => `${p}:${bake},100`),
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'steps ending below 100 with mode start, advance or status',
    names: ['steps'],
    drop: ['strategy'],
    runs: RUNS,
    bad: withMode(one('steps', stopsShort)),
  },
  {
    action: 'shift-traffic',
    label: 'duration after the last step with mode start, advance or status',
    names: ['duration'],
    runs: RUNS,
    bad: withMode(
      one(
        'duration',
        fc.oneof(
          fc.constantFrom('1s', '30s', '10m', '1h', '6h', '1ms'),
          fc.integer({ min: 1, max: 21_600 }).map((s) => `${s}s`),
        ),
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'max-bake malformed',
    names: ['max-bake'],
    runs: RUNS,
    bad: fc
      .oneof(malformedDuration, fc.constantFrom('1w', '2D', '7 d', '1d1d', 'd', '14days'))
      .map((v): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v })),
  },
  {
    action: 'shift-traffic',
    label: 'max-bake without on-inconclusive wait',
    names: ['max-bake'],
    runs: RUNS,
    bad: fc
      .tuple(fc.constantFrom('', 'fail', 'pass', 'PASS'), fc.oneof(goodMaxBake, fc.constantFrom('1h', '6h')))
      .map(([on, v]): Inputs => ({ 'on-inconclusive': on, 'max-bake': v })),
  },
  {
    action: 'shift-traffic',
    label: 'max-bake shorter than a bake of the plan (7d)',
    names: ['max-bake'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .oneof(
        fc.integer({ min: 0, max: 7 * DAY_S - 1 }).map((s) => `${s}s`),
        fc.constantFrom('0', '1d', '6d23h59m59s', '3d12h', '1h'),
      )
      .map((v): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v })),
  },
  {
    action: 'shift-traffic',
    label: 'max-bake over 6h with mode run',
    names: ['max-bake'],
    runs: RUNS,
    bases: isRun,
    bad: fc
      .oneof(
        fc.constantFrom('7h', '6h1s', '1d', '14d'),
        fc.integer({ min: 361, max: 100_000 }).map((m) => `${m}m`),
      )
      .map((v): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v })),
  },
  {
    action: 'shift-traffic',
    label: 'max-bake over 180d with mode start',
    names: ['max-bake'],
    runs: RUNS,
    bases: isStart,
    bad: fc.oneof(over(180), injection).map((v): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v })),
  },
  {
    action: 'shift-traffic',
    label: 'hold-steps in mode run',
    names: ['hold-steps'],
    runs: RUNS,
    bases: isRun,
    bad: one('hold-steps', fc.oneof(goodHold, fc.constantFrom('10', '25', '100'))),
  },
  {
    action: 'shift-traffic',
    label: 'hold-steps with mode start or status',
    names: ['hold-steps'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .tuple(fc.constantFrom('start', 'status', 'START', 'Status'), goodHold)
      .map(([mode, hold]): Inputs => ({ mode, 'hold-steps': hold })),
  },
  {
    action: 'shift-traffic',
    label: 'hold-steps not percentages, with mode advance',
    names: ['hold-steps'],
    runs: RUNS,
    bases: isStart,
    bad: fc
      .oneof(
        fc.constantFrom(...BAD_PERCENTS),
        fc.constantFrom('50,,100', ',100', '100,', '50;100', '50 100', 'all', 'promotion', '100,abc'),
        fc.integer({ min: 101, max: 100_000 }).map(String),
        injection,
      )
      .map((hold): Inputs => ({ mode: 'advance', 'hold-steps': hold })),
  },
  {
    action: 'shift-traffic',
    label: 'hold-steps not a step of the plan after the first, with mode advance',
    names: ['hold-steps'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .tuple(notHeldStep, fc.constantFrom('', '100,', '50,'))
      .map(([p, before]): Inputs => ({ mode: 'advance', 'hold-steps': `${before}${p}` })),
  },
  {
    action: 'shift-traffic',
    label: 'watch-after in mode run',
    names: ['watch-after'],
    runs: RUNS,
    bases: isRun,
    bad: one('watch-after', goodWatch),
  },
  {
    action: 'shift-traffic',
    label: 'watch-after with mode status',
    names: ['watch-after'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .tuple(fc.constantFrom('status', 'STATUS', 'Status'), goodWatch)
      .map(([mode, watch]): Inputs => ({ mode, 'watch-after': watch })),
  },
  {
    action: 'shift-traffic',
    label: 'watch-after not a duration, over 90d or under 1m, with mode start or advance',
    names: ['watch-after'],
    runs: 2 * RUNS,
    bases: weekly,
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
    action: 'shift-traffic',
    label: 'a health check with mode status (it judges nothing)',
    names: Object.keys(CHECKS),
    runs: RUNS,
    bases: weekly,
    bad: fc
      .constantFrom(...Object.keys(CHECKS))
      .chain((name) => CHECKS[name]!.map((v): Inputs => ({ [name]: v })))
      .chain((check) => fc.constantFrom('status', 'STATUS').map((mode): Inputs => ({ mode, ...check }))),
  },
];
