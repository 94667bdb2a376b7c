// shift-traffic's history inputs (mode start and advance: the record of a checkpointed rollout): read by the
// parser record-history and rollback share when environment is given, refused without environment, and refused
// in mode run and status, whatever their value. One list serves each target, on that target's bases.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { historyInputs, has } from './categories';
import { one, TABLE, type Inputs } from './generators';
import {
  badDeploymentId,
  badNotifyOn,
  goodDeploymentId,
  notTopicArn,
  topicOtherRegion,
  webhookHttpElsewhere,
  webhookNotUrl,
  webhookWithCredentials,
} from './history-generators';
import type { Category } from './harness';

const TOPIC = `arn:aws:sns:${TEST_REGION}:${TEST_ACCOUNT}:deployments`;
/** A valid value of each history input of shift-traffic. */
const GOOD: Record<string, fc.Arbitrary<string>> = {
  environment: fc.constantFrom('production', 'staging', 'prod-eu'),
  backend: fc.constantFrom('github', 'dynamodb', 'github,dynamodb', 'GitHub'),
  'dynamodb-table': fc.constantFrom(TABLE, 'orders-history'),
  'deployment-id': goodDeploymentId,
  'slack-webhook-url': fc.constantFrom('https://hooks.slack.com/services/T0SECRET/B0SECRET/s3cr3t'),
  'sns-topic-arn': fc.constant(TOPIC),
  'notify-on': fc.constantFrom('all', 'succeeded,rolled-back', 'failed'),
};
const NAMES = Object.keys(GOOD);
/** One history input with a valid value. */
const anyOf = (names: string[]) =>
  fc.constantFrom(...names).chain((name) => GOOD[name]!.map((v): Inputs => ({ [name]: v })));

/** A target's share of a suite's bases, and how its categories are run and named. */
export interface HistoryTarget {
  /** Its bases: every base of the suite, or those with target ecs. */
  bases: (b: Inputs) => boolean;
  /** Its start bases that record and judge nothing: mode status takes them as they are. */
  quiet: (b: Inputs) => boolean;
  /** Cases of each category of its own (the shared history categories keep theirs); default the harness's. */
  runs?: number;
  /** Appended to each label: `, target ecs`. */
  suffix: string;
}

// The shared history categories whose inputs shift-traffic declares (not environment-url, ttl-days, on-error).
const UNDECLARED = ['environment-url', 'ttl-days', 'on-error'];

/** The history inputs' categories on `t`'s bases; run bases have no mode, recording ones give environment. */
export function shiftHistoryCategoriesFor(t: HistoryTarget): Category[] {
  const withHistory = (b: Inputs) => t.bases(b) && has('environment')(b);
  const start = (b: Inputs) => t.bases(b) && b.mode === 'start';
  const own = (c: Omit<Category, 'action' | 'runs'>): Category => ({
    ...c,
    action: 'shift-traffic',
    label: `${c.label}${t.suffix}`,
    ...(t.runs !== undefined && { runs: t.runs }),
  });
  return [
    own({
      label: 'a history input with mode run',
      names: NAMES,
      bases: (b) => t.bases(b) && !b.mode,
      bad: fc
        .tuple(fc.constantFrom('', 'run', 'RUN'), anyOf(NAMES))
        .map(([mode, bad]): Inputs => ({ ...(mode && { mode }), ...bad })),
    }),
    own({
      label: 'a history input with mode status',
      names: NAMES,
      bases: t.quiet,
      bad: anyOf(NAMES).map((bad): Inputs => ({ mode: 'status', ...bad })),
    }),
    own({
      label: 'a history input of mode start or advance without environment',
      names: NAMES.slice(1),
      bases: (b) => start(b) && !withHistory(b),
      bad: withStartOrAdvance(anyOf(NAMES.slice(1))),
    }),
    ...historyInputs('shift-traffic', withHistory)
      .filter((c) => !c.names.some((n) => UNDECLARED.includes(n)))
      .map((c) => ({ ...c, label: `${c.label}${t.suffix}` })),
    own({
      label: 'deployment-id not an id',
      names: ['deployment-id'],
      bases: withHistory,
      bad: withStartOrAdvance(one('deployment-id', badDeploymentId)),
    }),
    own({
      label: 'slack-webhook-url not an https URL, http elsewhere than loopback, or with credentials',
      names: ['slack-webhook-url'],
      bases: withHistory,
      bad: withStartOrAdvance(
        one('slack-webhook-url', fc.oneof(webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials)),
      ),
    }),
    own({
      label: 'sns-topic-arn not a topic, or of another region',
      names: ['sns-topic-arn'],
      bases: withHistory,
      bad: withStartOrAdvance(one('sns-topic-arn', fc.oneof(notTopicArn, topicOtherRegion))),
    }),
    own({
      label: 'notify-on with unknown words',
      names: ['notify-on'],
      bases: withHistory,
      bad: withStartOrAdvance(one('notify-on', badNotifyOn)),
    }),
  ];
}

/** `bad` in mode start (the base's) or advance. */
function withStartOrAdvance(bad: fc.Arbitrary<Inputs>) {
  return fc
    .tuple(fc.constantFrom('start', 'advance'), bad)
    .map(([mode, inputs]): Inputs => ({ mode, ...inputs }));
}

/** The Lambda suite's: on every base; mode status on a start that records and judges nothing. */
export const shiftHistoryCategories: Category[] = shiftHistoryCategoriesFor({
  bases: () => true,
  quiet: (b) => b.mode === 'start' && !('environment' in b) && !('max-error-rate' in b),
  suffix: '',
});
