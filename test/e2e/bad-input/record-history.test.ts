// record-history: its own inputs (status, deployment-id, versions, report-days...), the history inputs, and the
// target's inputs, some of which only some statuses need.
import fc from 'fast-check';
import { TEST_REGION } from '@deploy-actions/testbed/moto';
import { has, historyInputs, targetUnknown, withDynamo } from './categories';
import {
  ARN,
  BOTH,
  FINISHES,
  FN,
  GITHUB,
  REPOSITORY,
  TABLE,
  TOKEN,
  alias,
  badPositiveInteger,
  badVersion,
  functionName,
  garbageRegion,
  maxAttempts,
  nonBlank,
  one,
  tooLongOrControl,
  type Inputs,
} from './generators';
import { badInputSuite, secretWebhookSuite, type Base, type Category } from './harness';
import { approvedByCategories } from './guard-generators';
import {
  badDeploymentId,
  badNotifyOn,
  badRecordStatus,
  notTopicArn,
  topicOtherRegion,
  webhookHttpElsewhere,
  webhookNotUrl,
  webhookWithCredentials,
} from './history-generators';

const hasStatus = (b: Inputs) => nonBlank(b.status ?? '');
const started = (b: Inputs) => b.status === 'started';

// Valid input sets: each status set records in its backends (a finish ends a deployment that the base check
// records first); the report sets get as far as the figures.
const bases: Base[] = [
  {
    label: 'started in both backends',
    inputs: {
      ...BOTH,
      environment: 'production',
      status: 'started',
      'function-name': FN,
      'green-version': '2',
      'blue-version': '1',
    },
  },
  {
    label: 'started with every option',
    inputs: {
      backend: 'dynamodb, GitHub',
      'dynamodb-table': TABLE,
      'github-token': TOKEN,
      repository: REPOSITORY,
      environment: 'staging',
      status: 'started',
      'deployment-id': 'release-2024.06.01_a:1',
      'function-name': ARN,
      alias: 'live',
      'green-version': '2',
      'blue-version': '1',
      strategy: 'canary',
      'environment-url': 'https://orders.example.com/',
      'ttl-days': '30',
      'aws-region': TEST_REGION,
      'max-attempts': '3',
      'on-error': 'warn',
      'report-days': '7',
    },
  },
  {
    label: 'started in GitHub, first deploy',
    inputs: { ...GITHUB, environment: 'qa', status: 'started', 'function-name': FN, 'green-version': '1' },
  },
  {
    label: 'succeeded in both backends',
    inputs: { ...BOTH, environment: 'production', status: 'succeeded', 'deployment-id': 'release-7' },
  },
  {
    label: 'failed in DynamoDB',
    inputs: {
      backend: 'dynamodb',
      'dynamodb-table': TABLE,
      environment: 'production',
      status: 'failed',
      'deployment-id': 'release-8',
      reason: 'smoke test failed',
      'aws-region': TEST_REGION,
    },
  },
  {
    label: 'rolled-back in GitHub',
    inputs: {
      backend: 'github',
      ...GITHUB,
      environment: 'production',
      status: 'rolled-back',
      'deployment-id': 'release-9',
      'blue-version': '1',
      reason: 'health-gate: errors',
      'environment-url': 'https://orders.example.com/',
    },
  },
  {
    label: 'report from DynamoDB',
    inputs: {
      backend: 'dynamodb',
      'dynamodb-table': TABLE,
      environment: 'production',
      'function-name': FN,
      'report-days': '30',
    },
  },
  {
    label: 'report from GitHub',
    inputs: { ...GITHUB, environment: 'production', 'function-name': FN, 'report-days': '366' },
  },
];

const categories: Category[] = [
  ...historyInputs('record-history', () => true),
  {
    action: 'record-history',
    label: 'environment empty, over 255 characters or multi-line',
    names: ['environment'],
    bad: one(
      'environment',
      fc.oneof(
        fc.constantFrom('', '   '),
        tooLongOrControl('e', 255, ['\n::error::pwned', '\r\nx', '\u0007bell']),
      ),
    ),
  },
  {
    action: 'record-history',
    label: 'status unknown',
    names: ['status'],
    bad: one('status', badRecordStatus),
  },
  {
    action: 'record-history',
    label: 'status empty without report-days',
    names: ['status'],
    drop: ['report-days'],
    bases: hasStatus,
    bad: one('status', fc.constantFrom('', '  ')),
  },
  {
    action: 'record-history',
    label: 'deployment-id malformed',
    names: ['deployment-id'],
    bases: hasStatus,
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'record-history',
    label: 'deployment-id malformed beside report-days only',
    names: ['deployment-id'],
    bases: (b) => !hasStatus(b),
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'record-history',
    label: 'deployment-id all digits with status started',
    names: ['deployment-id'],
    bases: started,
    bad: one(
      'deployment-id',
      fc.oneof(
        fc.constantFrom('0', '007', '42', '1234567890123456789'),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      ),
    ),
  },
  {
    action: 'record-history',
    label: 'deployment-id missing with a finish status',
    names: ['deployment-id'],
    bad: fc.constantFrom(...FINISHES).map((status): Inputs => ({ status, 'deployment-id': '' })),
  },
  {
    action: 'record-history',
    label: 'green-version missing with status started',
    names: ['green-version'],
    bases: started,
    drop: ['green-version'],
    bad: fc.constantFrom<Inputs>({}, { 'green-version': '' }, { 'green-version': '  ' }),
  },
  {
    action: 'record-history',
    label: 'green-version not a published version',
    names: ['green-version'],
    bad: one('green-version', badVersion),
  },
  {
    action: 'record-history',
    label: 'blue-version not a published version',
    names: ['blue-version'],
    bad: one('blue-version', badVersion),
  },
  {
    action: 'record-history',
    label: 'blue-version the same as green-version',
    names: ['blue-version'],
    bases: (b) => started(b) && b['green-version'] === '2',
    bad: one('blue-version', fc.constant('2')),
  },
  targetUnknown('record-history'),
  {
    action: 'record-history',
    label: 'function-name missing with status started or report-days',
    names: ['function-name'],
    bases: (b) => started(b) || has('report-days')(b),
    drop: ['function-name'],
    bad: fc.constantFrom<Inputs>({}, { 'function-name': '' }, { 'function-name': '  ' }),
  },
  {
    action: 'record-history',
    label: 'function-name',
    names: ['function-name'],
    bases: has('function-name'),
    bad: one('function-name', functionName),
  },
  { action: 'record-history', label: 'alias', names: ['alias'], bad: one('alias', alias) },
  {
    action: 'record-history',
    label: 'aws-region garbage with backend dynamodb',
    names: ['aws-region'],
    bases: withDynamo,
    bad: one('aws-region', garbageRegion),
  },
  {
    action: 'record-history',
    label: 'aws-region garbage without backend dynamodb',
    names: ['aws-region'],
    bases: (b) => !withDynamo(b),
    bad: one('aws-region', garbageRegion),
  },
  {
    action: 'record-history',
    label: "aws-region other than the function ARN's with backend dynamodb",
    names: ['aws-region'],
    bases: (b) => withDynamo(b) && b['function-name'] === ARN,
    bad: one('aws-region', fc.constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2')),
  },
  {
    action: 'record-history',
    label: 'max-attempts',
    names: ['max-attempts'],
    bad: one('max-attempts', maxAttempts),
  },
  {
    action: 'record-history',
    label: 'report-days out of 1..366 or garbage',
    names: ['report-days'],
    bad: one('report-days', badPositiveInteger(366)),
  },
  {
    action: 'record-history',
    label: 'strategy over 64 characters or multi-line',
    names: ['strategy'],
    bad: one('strategy', tooLongOrControl('s', 64, ['\n::error::pwned', '\r\nx', '\u001b[31mred'])),
  },
  {
    action: 'record-history',
    label: 'reason over 1000 characters or multi-line',
    names: ['reason'],
    bad: one('reason', tooLongOrControl('r', 1000)),
  },
  {
    action: 'record-history',
    label: 'slack-webhook-url not a URL',
    names: ['slack-webhook-url'],
    bad: one('slack-webhook-url', webhookNotUrl),
  },
  {
    action: 'record-history',
    label: 'slack-webhook-url http to a host other than loopback',
    names: ['slack-webhook-url'],
    bad: one('slack-webhook-url', webhookHttpElsewhere),
  },
  {
    action: 'record-history',
    label: 'slack-webhook-url with credentials',
    names: ['slack-webhook-url'],
    bad: one('slack-webhook-url', webhookWithCredentials),
  },
  {
    action: 'record-history',
    label: 'sns-topic-arn of another region than the one in use',
    names: ['sns-topic-arn'],
    bad: one('sns-topic-arn', topicOtherRegion),
  },
  {
    action: 'record-history',
    label: 'sns-topic-arn not an SNS topic ARN',
    names: ['sns-topic-arn'],
    bad: one('sns-topic-arn', notTopicArn),
  },
  {
    action: 'record-history',
    label: 'notify-on with unknown words',
    names: ['notify-on'],
    bad: fc
      .tuple(badNotifyOn, fc.constantFrom('', `arn:aws:sns:${TEST_REGION}:123456789012:deployments`))
      .map(([on, topic]): Inputs => ({ 'notify-on': on, ...(topic && { 'sns-topic-arn': topic }) })),
  },
];

// The production guard's inputs.
categories.push(...approvedByCategories(started));

badInputSuite({ action: 'record-history', bases, categories });
secretWebhookSuite(bases[0]!, [webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials]);
