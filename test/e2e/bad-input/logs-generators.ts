// Bad values for the logs check's inputs (health-gate and shift-traffic, Lambda target), each wrong in one way.
import fc from 'fast-check';
import { badPositiveInteger, garbageNumber, injection, nonBlank, one, word, type Inputs } from './generators';
import type { Action, Category } from './harness';

/** What max-duration-ratio (with a statistic) and max-init-ratio (without) take, from their descriptions. */
const isRatio = (text: string, stats: boolean) => {
  const m = /^(?:(p95|mean)\s*=\s*)?(\d+(?:\.\d+)?)$/.exec(text.trim());
  return !!m && (stats || !m[1]) && Number(m[2]) >= 1 && Number(m[2]) <= 100;
};
// CloudWatch Logs log group names: 1 to 512 of these characters.
const isLogGroup = (text: string) => /^[.\-_/#A-Za-z0-9]{1,512}$/.test(text.trim());

const ratioGarbage = fc.oneof(
  fc.constantFrom('0', '0.5', '0.99', '101', '-1.5', '1.5x', '150%', '1,5', 'p95:1.5', 'p95=', '=1.5'),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  fc.integer({ min: 0, max: 99 }).map((n) => `0.${n}`),
  garbageNumber,
);

export const badDurationRatio = fc
  .oneof(
    ratioGarbage,
    fc.constantFrom(
      'p99=1.5',
      'avg=1.5',
      'max=2',
      'P95=1.5',
      'mean=0.9',
      'p95=101',
      'mean=1.5,p95=2',
      'p50=1.2',
    ),
    word.map((w) => `${w}=1.5`),
  )
  .filter((v) => nonBlank(v) && !isRatio(v, true));

export const badInitRatio = fc
  .oneof(ratioGarbage, fc.constantFrom('p95=2', 'mean=2', 'p95=1.5'))
  .filter((v) => nonBlank(v) && !isRatio(v, false));

export const badTimeouts = fc.oneof(
  fc.constantFrom('-1', '1.5', '1000001', 'two', '2 runs', '1e1'),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.integer({ min: 1_000_001, max: 2 ** 31 }).map(String),
  garbageNumber,
);

export const badLogGroup = fc
  .oneof(
    fc.constantFrom(
      'orders logs',
      'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders',
      '/aws/lambda/orders*',
      '/aws/lambda/orders?',
      'grüße',
      '/aws/lambda/orders:live',
      '"quoted"',
    ),
    fc.integer({ min: 513, max: 700 }).map((n) => `/${'a'.repeat(n)}`),
    fc
      .tuple(word, fc.constantFrom(' ', '*', '@', '!', '$', ':', '\\', ','))
      .map(([w, c]) => `/aws/lambda/${w}${c}x`),
    injection,
  )
  .filter((v) => nonBlank(v) && !isLogGroup(v));

/** A bad value of each logs input. */
export const BAD_LOGS: Record<string, fc.Arbitrary<string>> = {
  'max-consecutive-failures': badPositiveInteger(1000),
  'max-timeouts': badTimeouts,
  'max-memory-mb': badPositiveInteger(10_240),
  'max-duration-ratio': badDurationRatio,
  'max-init-ratio': badInitRatio,
  'log-group': badLogGroup,
};

/** The logs check's categories, on every base of the action. */
export const logsCategories = (action: Action): Category[] => [
  {
    action,
    label: 'max-consecutive-failures 0, over 1000 or garbage',
    names: ['max-consecutive-failures'],
    bad: one('max-consecutive-failures', BAD_LOGS['max-consecutive-failures']!),
  },
  {
    action,
    label: 'max-timeouts negative or garbage',
    names: ['max-timeouts'],
    bad: one('max-timeouts', BAD_LOGS['max-timeouts']!),
  },
  {
    action,
    label: 'max-memory-mb 0, over 10240 (Lambda’s most) or garbage',
    names: ['max-memory-mb'],
    bad: one('max-memory-mb', BAD_LOGS['max-memory-mb']!),
  },
  {
    action,
    label: 'max-duration-ratio below 1, over 100, an unknown statistic or garbage',
    names: ['max-duration-ratio'],
    bad: one('max-duration-ratio', BAD_LOGS['max-duration-ratio']!),
  },
  {
    action,
    label: 'max-init-ratio below 1, over 100, with a statistic or garbage',
    names: ['max-init-ratio'],
    bad: one('max-init-ratio', BAD_LOGS['max-init-ratio']!),
  },
  {
    action,
    label: 'log-group not a log group name (characters, length, an ARN)',
    names: ['log-group'],
    bad: one('log-group', BAD_LOGS['log-group']!),
  },
];

/** Every logs input at once, valid: the valid base input sets that turn the check on. */
export const LOGS_INPUTS: Inputs = {
  'max-consecutive-failures': '3',
  'max-timeouts': '2',
  'max-memory-mb': '750',
  'max-duration-ratio': 'p95=1.5',
  'max-init-ratio': '2',
  'log-group': '/aws/lambda/orders',
};
