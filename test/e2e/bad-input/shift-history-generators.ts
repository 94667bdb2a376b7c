// shift-traffic's history inputs (mode start and advance: the record of a checkpointed rollout): read by the
// parser record-history and rollback share when environment is given, refused without environment, and refused
// in mode run and status, whatever their value.
import fc from 'fast-check';
import { TEST_REGION } from '@deploy-actions/testbed/moto';
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

const TOPIC = `arn:aws:sns:${TEST_REGION}:123456789012:deployments`;
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

const withHistory = has('environment');
const noHistory = (b: Inputs) => !withHistory(b);
/** A start base that judges nothing: mode status takes it as it is. */
const quietStart = (b: Inputs) => b.mode === 'start' && noHistory(b) && !('max-error-rate' in b);
// The shared history categories whose inputs shift-traffic declares (not environment-url, ttl-days, on-error).
const UNDECLARED = ['environment-url', 'ttl-days', 'on-error'];

export const shiftHistoryCategories: Category[] = [
  {
    action: 'shift-traffic',
    label: 'a history input with mode run',
    names: NAMES,
    bases: (b) => !b.mode,
    bad: fc
      .tuple(fc.constantFrom('', 'run', 'RUN'), anyOf(NAMES))
      .map(([mode, bad]): Inputs => ({ ...(mode && { mode }), ...bad })),
  },
  {
    action: 'shift-traffic',
    label: 'a history input with mode status',
    names: NAMES,
    bases: quietStart,
    bad: anyOf(NAMES).map((bad): Inputs => ({ mode: 'status', ...bad })),
  },
  {
    action: 'shift-traffic',
    label: 'a history input of mode start or advance without environment',
    names: NAMES.slice(1),
    bases: (b) => b.mode === 'start' && noHistory(b),
    bad: fc
      .tuple(fc.constantFrom('start', 'advance'), anyOf(NAMES.slice(1)))
      .map(([mode, bad]): Inputs => ({ mode, ...bad })),
  },
  ...historyInputs('shift-traffic', withHistory).filter((c) => !c.names.some((n) => UNDECLARED.includes(n))),
  {
    action: 'shift-traffic',
    label: 'deployment-id not an id',
    names: ['deployment-id'],
    bases: withHistory,
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'shift-traffic',
    label: 'slack-webhook-url not an https URL, http elsewhere than loopback, or with credentials',
    names: ['slack-webhook-url'],
    bases: withHistory,
    bad: one('slack-webhook-url', fc.oneof(webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials)),
  },
  {
    action: 'shift-traffic',
    label: 'sns-topic-arn not a topic, or of another region',
    names: ['sns-topic-arn'],
    bases: withHistory,
    bad: one('sns-topic-arn', fc.oneof(notTopicArn, topicOtherRegion)),
  },
  {
    action: 'shift-traffic',
    label: 'notify-on with unknown words',
    names: ['notify-on'],
    bases: withHistory,
    bad: one('notify-on', badNotifyOn),
  },
];
