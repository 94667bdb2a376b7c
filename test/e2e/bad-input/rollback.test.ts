// rollback: to, reason and the history inputs (used when environment is given), besides the target's inputs.
import fc from 'fast-check';
import { TEST_REGION } from '@deploy-actions/testbed/moto';
import { common, has, historyInputs } from './categories';
import { ARN, BOTH, FN, GITHUB, TABLE, injection, one, tooLongOrControl } from './generators';
import { badInputSuite, type Base, type Category } from './harness';
import { guardCategories } from './guard-generators';
import { badDeploymentId, goodDeploymentId } from './history-generators';

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

// The production guard's inputs.
categories.push(...guardCategories('rollback'));

badInputSuite({ action: 'rollback', bases, categories });
