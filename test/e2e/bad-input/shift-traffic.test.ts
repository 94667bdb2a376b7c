// shift-traffic: green-version, the plan (strategy, steps with their bakes, bake-time, percentages), what to do
// when unhealthy or cancelled, and every health input it watches each bake with.
import fc from 'fast-check';
import { STRATEGIES } from '@deploy-actions/release/plan';
import { common, health } from './categories';
import {
  ALARM,
  ARN,
  BOTH,
  GITHUB,
  badPercent,
  bakeNotDuration,
  bakeOnLastStep,
  bakeOver6h,
  FN,
  injection,
  malformedDuration,
  notIncreasingWithBakes,
  one,
  unknownWord,
  word,
} from './generators';
import { badInputSuite, CLOSED_URL, type Base, type Category } from './harness';
import { guardCategories } from './guard-generators';
import { rolloutCategories } from './rollout-generators';
import { shiftHistoryCategories } from './shift-history-generators';

// Valid input sets that get past every check and would write (v2 exists and the alias serves v1).
const bases: Base[] = [
  { label: 'all-at-once', inputs: { 'function-name': FN, 'green-version': '2', strategy: 'all-at-once' } },
  {
    label: 'custom plan with invoke check',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      steps: '10,50,100',
      'bake-time': '0',
      'invoke-payload': '{"ping":true}',
      'invoke-expect': 'ping',
      'on-unhealthy': 'fail',
      'on-cancel': 'leave',
    },
  },
  {
    label: 'canary',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      strategy: 'canary',
      'canary-percent': '20',
      'bake-time': '0',
    },
  },
  {
    label: 'linear',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      strategy: 'linear',
      'linear-percent': '50',
      'bake-time': '0s',
    },
  },
  {
    label: 'CodeDeploy',
    inputs: { 'function-name': FN, 'green-version': '2', strategy: 'LambdaAllAtOnce' },
  },
  {
    label: 'arn',
    inputs: {
      'function-name': ARN,
      'green-version': '2',
      steps: '25,100',
      'bake-time': '0',
      'max-attempts': '5',
    },
  },
  {
    label: 'every health check',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      steps: '10,100',
      'bake-time': '0',
      alarms: `${ALARM}, orders-*`,
      'max-error-rate': '2',
      'max-latency-ratio': '1.5',
      'min-invocations': '20',
      window: '5m',
      'http-url': CLOSED_URL,
      'http-method': 'POST',
      'http-headers': 'X-Check: 1\nAccept: application/json',
      'http-body': '{"ping":true}',
      'http-expect-status': '200-299,301',
      'http-max-latency-ms': '2000',
      'http-samples': '2',
      interval: '30s',
      duration: '1m',
      'consecutive-failures': '2',
      'on-inconclusive': 'pass',
    },
  },
  {
    label: 'checkpointed start, six weeks',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      mode: 'start',
      steps: '10:7d,30:7d,50:7d,70:7d,90:7d,100',
    },
  },
  {
    label: 'checkpointed start recorded in both backends',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      mode: 'start',
      steps: '10:7d,50:7d,100',
      environment: 'production',
      ...BOTH,
      'deployment-id': 'release-41',
      'notify-on': 'succeeded,rolled-back',
    },
  },
  {
    label: 'checkpointed start recorded in GitHub',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      mode: 'start',
      strategy: 'canary',
      'bake-time': '2d',
      environment: 'staging',
      ...GITHUB,
      'notify-on': 'all',
    },
  },
  {
    label: 'checkpointed start waiting for its sample',
    inputs: {
      'function-name': FN,
      'green-version': '2',
      mode: 'start',
      strategy: 'linear',
      'linear-percent': '25',
      'bake-time': '1d12h',
      'max-error-rate': '5',
      'min-invocations': '20',
      'on-inconclusive': 'wait',
      'max-bake': '14d',
    },
  },
];
/** Mode run (no mode given): the 6h limits of a bake within one job apply. */
const inOneJob = (b: Record<string, string>) => !b.mode;

const categories: Category[] = [
  ...common('shift-traffic'),
  {
    action: 'shift-traffic',
    label: 'green-version not a published version',
    names: ['green-version'],
    bad: one(
      'green-version',
      fc.oneof(
        fc.constantFrom(
          '$LATEST',
          '0',
          '-1',
          '1.5',
          'abc',
          '',
          '01',
          'v2',
          '2:live',
          '12345678901',
          '1e3',
          '２',
        ),
        fc.integer({ min: -1_000_000, max: 0 }).map(String),
        word,
        injection,
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'strategy unknown',
    names: ['strategy'],
    drop: ['steps'],
    bad: one(
      'strategy',
      unknownWord(
        STRATEGIES.map((s) => s.toLowerCase()),
        [
          'blue-green',
          'LambdaCanary10Percent1Minute',
          'all_at_once',
          'canary10',
          'LambdaLinear10PercentEvery5Minutes',
          'rolling',
        ],
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'steps out of range, not increasing, >2 decimals, garbage, empty items',
    names: ['steps'],
    drop: ['strategy'],
    bad: one(
      'steps',
      fc.oneof(
        fc.constantFrom('0', '101', '-5', '0,50,100', '10,50,101', '10,-5,100', '150'),
        fc
          .array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 6 })
          .filter((a) => a.some((x, i) => i > 0 && x <= a[i - 1]!))
          .map((a) => a.join(',')),
        fc
          .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999 }))
          .map(([a, b]) => `${a}.${String(b).padStart(3, '0')},100`),
        fc.constantFrom('a,b', 'ten,fifty', '10;50;100', '10 50 100', '1e1,100', '0x10,100', '10,50,100%%'),
        fc.constantFrom('10,,50', ',10,50', '10,50,', ',', ' , '),
        fc.constant(Array.from({ length: 101 }, (_, i) => String((i + 1) * 0.5)).join(',')),
        word,
        injection,
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'steps with a bake that is not a duration (10:5x, 10:, 10:5m:1)',
    names: ['steps'],
    drop: ['strategy'],
    bad: one('steps', bakeNotDuration),
  },
  {
    action: 'shift-traffic',
    label: 'steps with a bake on the last step (10:5m,100:1m)',
    names: ['steps'],
    drop: ['strategy'],
    bad: one('steps', bakeOnLastStep),
  },
  {
    action: 'shift-traffic',
    label: 'steps with a bake over 6h (10:7h,100) in mode run',
    names: ['steps'],
    drop: ['strategy'],
    bases: inOneJob,
    bad: one('steps', bakeOver6h),
  },
  {
    action: 'shift-traffic',
    label: 'steps with bakes, percentages not increasing',
    names: ['steps'],
    drop: ['strategy'],
    bad: one('steps', notIncreasingWithBakes),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time malformed',
    names: ['bake-time'],
    bad: one('bake-time', malformedDuration),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time over 6h in mode run',
    names: ['bake-time'],
    bases: inOneJob,
    bad: one(
      'bake-time',
      fc.oneof(
        fc.constantFrom('7h', '6h1s', '21601s', '1000h', '1d', '7d', '1d12h', '6h1m'),
        fc.integer({ min: 361, max: 100_000 }).map((n) => `${n}m`),
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time beside a fixed CodeDeploy schedule',
    names: ['bake-time'],
    bases: (b) => b.strategy?.startsWith('Lambda') ?? false,
    bad: one('bake-time', fc.constantFrom('0', '30s', '5m', '1h')),
  },
  {
    action: 'shift-traffic',
    label: 'canary-percent',
    names: ['canary-percent'],
    bad: one('canary-percent', badPercent),
  },
  {
    action: 'shift-traffic',
    label: 'canary-percent 100 with strategy canary',
    names: ['canary-percent'],
    bases: (b) => b.strategy === 'canary',
    bad: one('canary-percent', fc.constantFrom('100', '100.0', '100.00', '100%')),
  },
  {
    action: 'shift-traffic',
    label: 'linear-percent',
    names: ['linear-percent'],
    bad: one('linear-percent', badPercent),
  },
  {
    action: 'shift-traffic',
    label: 'linear-percent below 1 with strategy linear',
    names: ['linear-percent'],
    bases: (b) => b.strategy === 'linear',
    bad: one('linear-percent', fc.constantFrom('0.5', '0.01', '0.99')),
  },
  {
    action: 'shift-traffic',
    label: 'on-unhealthy unknown',
    names: ['on-unhealthy'],
    bad: one(
      'on-unhealthy',
      unknownWord(['rollback', 'fail'], ['leave', 'roll-back', 'ignore', 'true', 'continue']),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'on-cancel unknown',
    names: ['on-cancel'],
    bad: one(
      'on-cancel',
      unknownWord(['rollback', 'leave'], ['fail', 'roll-back', 'ignore', 'true', 'keep']),
    ),
  },
  ...health('shift-traffic'),
  ...rolloutCategories,
  ...shiftHistoryCategories,
];

// The production guard's inputs.
categories.push(...guardCategories('shift-traffic'));

badInputSuite({ action: 'shift-traffic', bases, categories, unknownAlarms: true });
