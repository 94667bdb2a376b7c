// health-gate: the health inputs, the versions to judge and fail-on-unhealthy, besides the target's inputs.
import { TEST_REGION } from '@deploy-actions/testbed/moto';
import { common, health } from './categories';
import { ALARM, ARN, FN, badVersion, one, unknownWord } from './generators';
import { badInputSuite, CLOSED_URL, type Base, type Category } from './harness';
import { LOGS_INPUTS } from './logs-generators';

// Valid input sets that get past every check; health-gate only reads, and they get as far as a verdict.
const bases: Base[] = [
  { label: 'metrics', inputs: { 'function-name': FN, 'max-error-rate': '2', window: '5m' } },
  {
    label: 'http probe',
    inputs: { 'function-name': FN, 'http-url': CLOSED_URL, 'http-expect-status': '200-299,301' },
  },
  { label: 'invoke', inputs: { 'function-name': FN, 'invoke-payload': '{"ping":true}' } },
  {
    label: 'versions',
    inputs: { 'function-name': FN, version: '2', 'baseline-version': '1', 'invoke-payload': '{}' },
  },
  { label: 'alarms', inputs: { 'function-name': FN, alarms: `${ALARM}\norders-*` } },
  // The logs check reads a log group that does not exist here: unhealthy, fail closed, still a verdict.
  { label: 'logs', inputs: { 'function-name': FN, ...LOGS_INPUTS } },
  {
    label: 'arn',
    inputs: {
      'function-name': ARN,
      alias: 'live',
      'aws-region': TEST_REGION,
      'max-attempts': '3',
      'fail-on-unhealthy': 'false',
      'max-error-rate': '5',
    },
  },
];

const categories: Category[] = [
  ...common('health-gate'),
  ...health('health-gate'),
  {
    action: 'health-gate',
    label: 'version not a published version',
    names: ['version'],
    bad: one('version', badVersion),
  },
  {
    action: 'health-gate',
    label: 'baseline-version not a published version',
    names: ['baseline-version'],
    bad: one('baseline-version', badVersion),
  },
  {
    action: 'health-gate',
    label: 'fail-on-unhealthy unknown',
    names: ['fail-on-unhealthy'],
    bad: one(
      'fail-on-unhealthy',
      unknownWord(['true', 'false'], ['yes', 'no', '1', '0', 'on', 'off', 'warn', 'dry-run']),
    ),
  },
];

badInputSuite({ action: 'health-gate', bases, categories, unknownAlarms: true });
