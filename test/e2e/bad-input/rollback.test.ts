// rollback: to, reason, the history inputs and the notification inputs (used when environment is given; a
// notification channel without environment is refused), besides the target's inputs.
import fc from 'fast-check';
import { TEST_REGION } from '@deploy-actions/testbed/moto';
import { common, has, historyInputs } from './categories';
import {
  ARN,
  BOTH,
  FN,
  GITHUB,
  TABLE,
  injection,
  one,
  tooLongOrControl,
  unknownWord,
  type Inputs,
} from './generators';
import { badInputSuite, secretWebhookSuite, type Base, type Category } from './harness';
import { guardCategories } from './guard-generators';
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

const withEnvironment = has('environment');

// Valid input sets that get past every check and would write (v2 exists and the alias serves v1).
const bases: Base[] = [
  { label: 'to a version', inputs: { 'function-name': FN, to: '2' } },
  {
    label: 'with reason',
    inputs: { 'function-name': FN, to: '2', reason: 'bad deploy', alias: 'live', 'max-attempts': '5' },
  },
  { label: 'arn', inputs: { 'function-name': ARN, to: '2', 'aws-region': TEST_REGION } },
  {
    label: 'history in both backends',
    inputs: {
      'function-name': FN,
      to: '2',
      environment: 'production',
      ...BOTH,
      'deployment-id': 'release-41',
      'environment-url': 'https://orders.example.com/',
      'ttl-days': '30',
      'on-error': 'warn',
      reason: 'bad deploy',
    },
  },
  {
    label: 'history in DynamoDB, arn',
    inputs: {
      'function-name': ARN,
      to: '2',
      environment: 'staging',
      backend: 'dynamodb',
      'dynamodb-table': TABLE,
      'aws-region': TEST_REGION,
      'max-attempts': '3',
    },
  },
  {
    label: 'history in GitHub (the default backend)',
    inputs: { 'function-name': FN, to: '2', environment: 'production', ...GITHUB, 'on-error': 'fail' },
  },
];

const categories: Category[] = [
  ...common('rollback'),
  {
    action: 'rollback',
    label: 'to not previous nor a version (no environment)',
    names: ['to'],
    bases: (b) => !withEnvironment(b),
    bad: one(
      'to',
      fc.oneof(
        fc.constantFrom(
          '$LATEST',
          'abc',
          '0',
          '-1',
          '1.5',
          'Previous',
          'latest',
          '01',
          'v2',
          '2:live',
          'last-good',
        ),
        fc.integer({ min: -1000, max: 0 }).map(String),
        injection,
      ),
    ),
  },
  {
    // only-if-split undoes a split, putting traffic on its blue: any other destination contradicts it.
    action: 'rollback',
    label: 'only-if-split true with to a version',
    names: ['only-if-split'],
    bad: fc.record({
      'only-if-split': fc.constantFrom('true', 'True', ' TRUE '),
      to: fc.constantFrom('1', '2', '3', '42'),
    }),
  },
  {
    action: 'rollback',
    label: 'only-if-split true with to a deployment id',
    names: ['only-if-split'],
    bases: withEnvironment,
    bad: fc.record({
      'only-if-split': fc.constant('true'),
      to: goodDeploymentId.filter((s) => s !== 'previous'),
    }),
  },
  {
    action: 'rollback',
    label: 'only-if-split unknown',
    names: ['only-if-split'],
    bad: one(
      'only-if-split',
      unknownWord(['true', 'false'], ['yes', 'no', '1', '0', 'on', 'off', 'split', 'previous']),
    ),
  },
  {
    action: 'rollback',
    label: 'reason too long or multi-line',
    names: ['reason'],
    bad: one('reason', tooLongOrControl('r', 1000)),
  },
  ...historyInputs('rollback', withEnvironment),
  {
    action: 'rollback',
    label: 'to a malformed deployment id',
    names: ['to'],
    bad: one(
      'to',
      badDeploymentId.filter((s) => s.trim() !== 'previous' && !/^\d+$/.test(s.trim())),
    ),
  },
  {
    action: 'rollback',
    label: 'deployment-id malformed',
    names: ['deployment-id'],
    bases: withEnvironment,
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'rollback',
    label: 'deployment-id without environment',
    names: ['deployment-id'],
    drop: ['environment'],
    bad: one('deployment-id', goodDeploymentId),
  },
  {
    action: 'rollback',
    label: 'to a deployment id without environment',
    names: ['to'],
    drop: ['environment'],
    bad: one(
      'to',
      goodDeploymentId.filter((s) => !/^\d+$/.test(s)),
    ),
  },
  {
    action: 'rollback',
    label: 'environment over 255 characters or multi-line',
    names: ['environment'],
    bad: one('environment', tooLongOrControl('e', 255, ['\u0007bell', '\u001b[31mred'])),
  },
];

// The notification inputs, read with the history inputs when environment is given.
const TOPIC = `arn:aws:sns:${TEST_REGION}:123456789012:deployments`;
/** Webhooks and topics that are good with environment: without it any channel is refused. */
const goodWebhook = fc.constantFrom(
  'https://hooks.slack.com/services/T0SECRET/B0SECRET/s3cr3tW3bh00k',
  'https://hooks.slack.com/workflows/T0SECRET/A0SECRET/1/s3cr3t',
  'http://127.0.0.1:9/services/T0SECRET/B0SECRET/s3cr3t',
  'http://localhost:8080/hook',
);
const goodTopic = fc.constantFrom(TOPIC, `arn:aws:sns:${TEST_REGION}:123456789012:deployments.fifo`);
const anyWebhook = fc.oneof(goodWebhook, webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials);
const anyTopic = fc.oneof(goodTopic, topicOtherRegion, notTopicArn);

categories.push(
  {
    action: 'rollback',
    label: 'slack-webhook-url not a URL',
    names: ['slack-webhook-url'],
    bases: withEnvironment,
    bad: one('slack-webhook-url', webhookNotUrl),
  },
  {
    action: 'rollback',
    label: 'slack-webhook-url http to a host other than loopback',
    names: ['slack-webhook-url'],
    bases: withEnvironment,
    bad: one('slack-webhook-url', webhookHttpElsewhere),
  },
  {
    action: 'rollback',
    label: 'slack-webhook-url with credentials',
    names: ['slack-webhook-url'],
    bases: withEnvironment,
    bad: one('slack-webhook-url', webhookWithCredentials),
  },
  {
    action: 'rollback',
    label: 'sns-topic-arn of another region than the one in use',
    names: ['sns-topic-arn'],
    bases: withEnvironment,
    bad: one('sns-topic-arn', topicOtherRegion),
  },
  {
    action: 'rollback',
    label: 'sns-topic-arn not an SNS topic ARN',
    names: ['sns-topic-arn'],
    bases: withEnvironment,
    bad: one('sns-topic-arn', notTopicArn),
  },
  {
    action: 'rollback',
    label: 'notify-on with unknown words',
    names: ['notify-on'],
    bases: withEnvironment,
    bad: fc
      .tuple(badNotifyOn, fc.constantFrom('', TOPIC))
      .map(([on, topic]): Inputs => ({ 'notify-on': on, ...(topic && { 'sns-topic-arn': topic }) })),
  },
  {
    // Notifications announce what the history records: without environment there is nothing to announce, so
    // a channel is refused whatever its value (notify-on alone is not a channel).
    action: 'rollback',
    label: 'a notify input without environment',
    names: ['slack-webhook-url', 'sns-topic-arn'],
    drop: ['environment'],
    bad: fc
      .tuple(
        fc.option(anyWebhook, { nil: undefined }),
        fc.option(anyTopic, { nil: undefined }),
        fc.constantFrom('', 'all', 'failed,rolled-back'),
      )
      .filter(([webhook, topic]) => webhook !== undefined || topic !== undefined)
      .map(([webhook, topic, on]): Inputs => ({
        ...(webhook !== undefined && { 'slack-webhook-url': webhook }),
        ...(topic !== undefined && { 'sns-topic-arn': topic }),
        ...(on && { 'notify-on': on }),
      })),
  },
);

// The production guard's inputs.
categories.push(...guardCategories('rollback'));

badInputSuite({ action: 'rollback', bases, categories });
// The webhook is a secret: never shown, whether it is refused for its value or for the missing environment.
secretWebhookSuite(bases[3]!, [webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials], {
  action: 'rollback',
});
secretWebhookSuite(bases[0]!, [goodWebhook, webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials], {
  action: 'rollback',
  title: 'a slack-webhook-url without environment is never shown',
});
