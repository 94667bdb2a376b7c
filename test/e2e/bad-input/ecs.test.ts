// Bad input with target ecs, for each of the five actions: the ECS inputs (cluster, services, listener-arn or
// listener-rule-arn, and deploy-green's task-definition, container-name, image, desired-count,
// test-listener-arn; rollback's scale-down), versions that are not task definition ARNs, fractional
// percentages on a router that takes whole ones, the inputs of one target given to the other, and the
// production guard's require-environment on deploy-green, shift-traffic and rollback. Each action's suite has
// ECS bases that reach a write (or a verdict, or a record) against an ECS stack in moto (./ecs-fixture) and one
// Lambda base, for the ECS inputs given to a Lambda release.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { targets } from '../../../actions/targets';
import { has } from './categories';
import { guardCategories } from './guard-generators';
import {
  BLUE_TD,
  CLUSTER_ARN,
  CONTAINER,
  ECS,
  ECS_IMAGE,
  ECS_RULE,
  ecsFixture,
  GREEN_TD,
  TEST_LISTENER,
} from './ecs-fixture';
import {
  badDesiredCount,
  badImage,
  fractionalPercent,
  fractionalSteps,
  noTaskDefinitionFile,
  noTaskDefinitionInFile,
  notAListener,
  notJsonFile,
  notTaskDefinitionArn,
  notTaskDefinitionArnForm,
  otherRegion,
} from './ecs-generators';
import { ALARM, BOTH, FN, GITHUB, one, TABLE, unknownWord, type Inputs } from './generators';
import { LOGS_INPUTS } from './logs-generators';
import { refusingClients } from './refusing-clients';
import { testCategories } from './test-command';
import { badInputSuite, CLOSED_URL, type Base, type Category } from './harness';

import {
  and,
  clusterIn,
  ecsRolloutCategories,
  ecsShiftHistoryCategories,
  ecsTargetCategories,
  isEcs,
  LAMBDA_DEPLOY,
} from './ecs-categories';

describe('deploy-green with target ecs', () => {
  const bases: Base[] = [
    { label: 'ECS image', inputs: { ...ECS, 'container-name': CONTAINER, image: ECS_IMAGE } },
    {
      label: 'ECS file, region, count and test listener',
      inputs: {
        ...ECS,
        'task-definition': 'taskdef.json',
        'aws-region': TEST_REGION,
        'desired-count': '2',
        'test-listener-arn': TEST_LISTENER,
      },
    },
    {
      label: 'ECS image, test listener and pre-traffic tests',
      inputs: {
        ...ECS,
        'container-name': CONTAINER,
        image: ECS_IMAGE,
        'test-listener-arn': TEST_LISTENER,
        'test-command': 'curl -fsS "$GREEN_TEST_URL"',
        'test-timeout': '2m',
      },
    },
    {
      label: 'ECS described file with an image, cluster ARN',
      inputs: {
        ...ECS,
        cluster: CLUSTER_ARN,
        'task-definition': 'described.json',
        'container-name': CONTAINER,
        image: 'orders:2.0.1',
      },
    },
    {
      label: 'ECS rule',
      inputs: {
        ...ECS_RULE,
        'container-name': CONTAINER,
        image: ECS_IMAGE,
        'aws-region': TEST_REGION,
        'max-attempts': '3',
        'wait-timeout': '90s',
        description: 'abc123',
      },
    },
    LAMBDA_DEPLOY,
  ];
  const action = 'deploy-green';
  const categories: Category[] = [
    ...ecsTargetCategories(action),
    {
      action,
      label: 'task-definition: no such file, a directory',
      names: ['task-definition'],
      bases: isEcs,
      bad: one('task-definition', noTaskDefinitionFile),
    },
    {
      action,
      label: 'task-definition not JSON (empty, truncated, YAML, text)',
      names: ['task-definition'],
      bases: isEcs,
      bad: one('task-definition', notJsonFile),
    },
    {
      action,
      label: 'task-definition JSON without family and containerDefinitions (or not an object)',
      names: ['task-definition'],
      bases: isEcs,
      bad: one('task-definition', noTaskDefinitionInFile),
    },
    {
      action,
      label: 'container-name without image',
      names: ['image'],
      bases: isEcs,
      drop: ['image'],
      bad: one('container-name', fc.constantFrom(CONTAINER, 'web', 'orders')),
    },
    {
      action,
      label: 'image without container-name',
      names: ['container-name'],
      bases: isEcs,
      drop: ['container-name'],
      bad: one('image', fc.constantFrom(ECS_IMAGE, 'orders:2', 'nginx')),
    },
    {
      action,
      label: 'neither task-definition nor image',
      names: ['task-definition'],
      bases: isEcs,
      drop: ['task-definition', 'container-name', 'image'],
      bad: fc.constantFrom<Inputs>({}, { 'task-definition': '' }, { 'container-name': ' ', image: '' }),
    },
    {
      action,
      label: "container-name the file's task definition lacks",
      names: ['container-name'],
      bases: and(isEcs, has('task-definition')),
      bad: fc
        .tuple(
          fc.constantFrom('web', 'App', 'APP', 'worker', 'app-1', 'orders'),
          fc.constantFrom(ECS_IMAGE, 'orders:3'),
        )
        .map(([name, image]): Inputs => ({ 'container-name': name, image })),
    },
    {
      action,
      label: 'image not an image reference',
      names: ['image'],
      bases: and(isEcs, has('image')),
      bad: one('image', badImage),
    },
    {
      action,
      label: 'desired-count out of 0..5000 or not a whole number',
      names: ['desired-count'],
      bases: isEcs,
      bad: one('desired-count', badDesiredCount),
    },
    {
      action,
      label: 'test-listener-arn of another kind (rule, target group, load balancer) or none',
      names: ['test-listener-arn'],
      bases: isEcs,
      bad: one('test-listener-arn', notAListener),
    },
    ...testCategories(action),
    // The production guard's inputs.
    ...guardCategories(action),
  ];
  badInputSuite({ action, bases, categories, fixture: ecsFixture() });
});

describe('shift-traffic with target ecs', () => {
  const bases: Base[] = [
    {
      label: 'ECS 5/25/50/100',
      inputs: { ...ECS, 'green-version': GREEN_TD, steps: '5,25,50,100', 'bake-time': '0' },
    },
    {
      label: 'ECS canary, region',
      inputs: {
        ...ECS,
        'green-version': GREEN_TD,
        strategy: 'canary',
        'canary-percent': '20',
        'bake-time': '0',
        'aws-region': TEST_REGION,
      },
    },
    {
      label: 'ECS linear, cluster ARN',
      inputs: {
        ...ECS,
        cluster: CLUSTER_ARN,
        'green-version': GREEN_TD,
        strategy: 'linear',
        'linear-percent': '25',
        'bake-time': '0s',
      },
    },
    {
      label: 'ECS rule all at once, cluster ARN',
      inputs: { ...ECS_RULE, cluster: CLUSTER_ARN, 'green-version': GREEN_TD, strategy: 'all-at-once' },
    },
    {
      label: 'ECS every check',
      inputs: {
        ...ECS,
        'green-version': GREEN_TD,
        steps: '10,100',
        'bake-time': '0',
        alarms: ALARM,
        'max-error-rate': '5',
        'max-latency-ms': '1000',
        'http-url': CLOSED_URL,
        'on-unhealthy': 'rollback',
        'on-cancel': 'rollback',
      },
    },
    // Checkpointed rollouts: mode start writes the first step with the checkpoint tag; the cases that set mode
    // advance or status set it beside the bad input.
    {
      label: 'ECS checkpointed start, six weeks',
      inputs: {
        ...ECS,
        'green-version': GREEN_TD,
        mode: 'start',
        steps: '10:7d,30:7d,50:7d,70:7d,90:7d,100',
      },
    },
    {
      label: 'ECS rule checkpointed start recorded in both backends, cluster ARN',
      inputs: {
        ...ECS_RULE,
        cluster: CLUSTER_ARN,
        'green-version': GREEN_TD,
        mode: 'start',
        steps: '10:7d,50:7d,100',
        environment: 'production',
        ...BOTH,
        'deployment-id': 'ecs-release-41',
        'notify-on': 'succeeded,rolled-back',
      },
    },
    {
      label: 'ECS checkpointed canary recorded in GitHub, region',
      inputs: {
        ...ECS,
        'green-version': GREEN_TD,
        mode: 'start',
        strategy: 'canary',
        'bake-time': '2d',
        environment: 'staging',
        ...GITHUB,
        'aws-region': TEST_REGION,
        'notify-on': 'all',
      },
    },
    {
      label: 'ECS checkpointed linear waiting for its sample',
      inputs: {
        ...ECS,
        'green-version': GREEN_TD,
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
    { label: 'Lambda', inputs: { 'function-name': FN, 'green-version': '2', strategy: 'all-at-once' } },
  ];
  const action = 'shift-traffic';
  const categories: Category[] = [
    ...ecsTargetCategories(action),
    {
      action,
      label: 'green-version not a task definition ARN (or empty)',
      names: ['green-version'],
      bases: isEcs,
      bad: one('green-version', fc.oneof(notTaskDefinitionArn, fc.constant(''))),
    },
    {
      action,
      label: 'steps with a fractional percentage (whole percentages with target ecs)',
      names: ['steps'],
      bases: isEcs,
      drop: ['strategy'],
      bad: one('steps', fractionalSteps),
    },
    {
      action,
      label: 'canary-percent fractional with strategy canary',
      names: ['canary-percent'],
      bases: (b) => isEcs(b) && b.strategy === 'canary',
      bad: one('canary-percent', fractionalPercent),
    },
    {
      action,
      label: 'linear-percent fractional with strategy linear',
      names: ['linear-percent'],
      bases: (b) => isEcs(b) && b.strategy === 'linear',
      bad: one('linear-percent', fractionalPercent),
    },
    // The checkpointed rollouts' inputs (mode, bakes in days, max-bake, hold-steps, the history of mode start and
    // advance) and the Lambda-only logs inputs.
    ...ecsRolloutCategories,
    ...ecsShiftHistoryCategories,
    // The production guard's inputs.
    ...guardCategories(action),
  ];
  badInputSuite({ action, bases, categories, fixture: ecsFixture() });
  ecsLogsInputsRefused();
});

describe('rollback with target ecs', () => {
  const bases: Base[] = [
    { label: 'ECS to green', inputs: { ...ECS, to: GREEN_TD } },
    {
      label: 'ECS rule, scale-down, reason, cluster ARN',
      inputs: {
        ...ECS_RULE,
        cluster: CLUSTER_ARN,
        to: GREEN_TD,
        'scale-down': 'true',
        reason: 'p99 over 1 s',
      },
    },
    {
      label: 'ECS with the history in DynamoDB, region',
      inputs: {
        ...ECS,
        to: GREEN_TD,
        'scale-down': 'false',
        environment: 'production',
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        'aws-region': TEST_REGION,
      },
    },
    { label: 'Lambda', inputs: { 'function-name': FN, to: '2' } },
  ];
  const action = 'rollback';
  const categories: Category[] = [
    ...ecsTargetCategories(action),
    {
      action,
      label: 'to: an ARN that is not a task definition ARN',
      names: ['to'],
      bases: isEcs,
      bad: one('to', notTaskDefinitionArnForm),
    },
    {
      action,
      label: 'to: neither a task definition ARN nor a deployment id, or a deployment id without environment',
      names: ['to'],
      bases: (b) => isEcs(b) && !('environment' in b),
      bad: one('to', notTaskDefinitionArn),
    },
    {
      action,
      label: 'scale-down not true or false',
      names: ['scale-down'],
      bases: isEcs,
      bad: one(
        'scale-down',
        unknownWord(
          ['true', 'false'],
          ['yes', 'no', '1', '0', 'on', 'off', 'enabled', 'scale-down', 'TRUE!'],
        ),
      ),
    },
    // The production guard's inputs.
    ...guardCategories(action),
  ];
  badInputSuite({ action, bases, categories, fixture: ecsFixture() });
});

describe('health-gate with target ecs', () => {
  const bases: Base[] = [
    {
      label: 'ECS metrics of the live version, cluster ARN',
      inputs: {
        ...ECS,
        cluster: CLUSTER_ARN,
        'max-error-rate': '5',
        'max-latency-ms': '1000',
        'on-inconclusive': 'fail',
      },
    },
    {
      label: 'ECS rule, versions given, probe and alarm',
      inputs: {
        ...ECS_RULE,
        version: GREEN_TD,
        'baseline-version': BLUE_TD,
        alarms: ALARM,
        'http-url': CLOSED_URL,
        'aws-region': TEST_REGION,
      },
    },
    { label: 'Lambda', inputs: { 'function-name': FN, alarms: ALARM } },
  ];
  const action = 'health-gate';
  const categories: Category[] = [
    ...ecsTargetCategories(action),
    {
      action,
      label: 'version not a task definition ARN',
      names: ['version'],
      bases: isEcs,
      bad: one('version', notTaskDefinitionArn),
    },
    {
      action,
      label: 'baseline-version not a task definition ARN',
      names: ['baseline-version'],
      bases: isEcs,
      bad: one('baseline-version', notTaskDefinitionArn),
    },
  ];
  badInputSuite({ action, bases, categories, fixture: ecsFixture() });
});

describe('record-history with target ecs', () => {
  const bases: Base[] = [
    {
      label: 'ECS started in both backends',
      inputs: {
        ...BOTH,
        environment: 'production',
        status: 'started',
        ...ECS,
        'green-version': GREEN_TD,
        'blue-version': BLUE_TD,
      },
    },
    {
      label: 'ECS rule started in GitHub, cluster ARN and region',
      inputs: {
        ...GITHUB,
        environment: 'staging',
        status: 'started',
        ...ECS_RULE,
        cluster: CLUSTER_ARN,
        'aws-region': TEST_REGION,
        'green-version': GREEN_TD,
        strategy: 'canary 5,25,50,100',
      },
    },
    {
      label: 'ECS succeeded in DynamoDB',
      inputs: {
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        environment: 'production',
        status: 'succeeded',
        'deployment-id': 'ecs-release-1',
        target: 'ecs',
        'aws-region': TEST_REGION,
      },
    },
    {
      label: 'ECS report from DynamoDB, region',
      inputs: {
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        environment: 'production',
        ...ECS,
        'aws-region': TEST_REGION,
        'report-days': '30',
      },
    },
    {
      label: 'Lambda started in GitHub',
      inputs: { ...GITHUB, environment: 'qa', status: 'started', 'function-name': FN, 'green-version': '1' },
    },
  ];
  const action = 'record-history';
  const withRegion = (b: Inputs) => 'aws-region' in b || (b.backend ?? '').includes('dynamodb');
  const categories: Category[] = [
    ...ecsTargetCategories(action, has('cluster')).filter(
      // Without a region to agree with (GitHub only, no aws-region) record-history does not compare them.
      (c) => !c.label.startsWith('cluster ARN and listener'),
    ),
    {
      action,
      label: 'cluster ARN and listener (or rule) ARN in two regions, with DynamoDB',
      names: ['listener-arn', 'listener-rule-arn'],
      bases: and(isEcs, has('cluster'), withRegion, (b) => !('aws-region' in b)),
      bad: one('cluster', otherRegion.map(clusterIn)),
    },
    {
      action,
      label: 'green-version not a task definition ARN',
      names: ['green-version'],
      bases: and(isEcs, has('green-version')),
      bad: one('green-version', notTaskDefinitionArn),
    },
    {
      action,
      label: 'blue-version not a task definition ARN',
      names: ['blue-version'],
      bases: isEcs,
      bad: one('blue-version', notTaskDefinitionArn),
    },
  ];
  badInputSuite({ action, bases, categories, fixture: ecsFixture() });
});

/**
 * Where target ecs differs from Lambda on the logs inputs: a Lambda step reads them (a bad value is refused for
 * its value; with mode status a good one is refused as a health check), an ECS step refuses each by name as an
 * input of the other target, whatever its value and mode, before opening any client.
 */
function ecsLogsInputsRefused(): void {
  const good = LOGS_INPUTS;
  const ecsStart = {
    ...ECS,
    'listener-arn': `arn:aws:elasticloadbalancing:${TEST_REGION}:${TEST_ACCOUNT}:listener/app/orders/0123456789abcdef/0123456789abcdef`,
    'green-version': GREEN_TD,
    mode: 'start',
    steps: '10:7d,50:7d,100',
  };
  const lambdaStart = { 'function-name': FN, 'green-version': '2', mode: 'start', steps: '10:7d,50:7d,100' };
  const run = async (inputs: Inputs) => {
    const clients = refusingClients();
    const rt = memoryRuntime(inputs);
    await runShiftTrafficStep(rt, targets, clients.deps);
    return {
      failed: rt.failed ?? '',
      calls: clients.calls.length + clients.github.length + clients.opened.length,
    };
  };
  const cases = Object.keys(good).flatMap((name) =>
    ['run', 'start', 'advance', 'status'].map((mode) => ({ name, mode })),
  );

  describe('shift-traffic with target ecs: the Lambda logs inputs are refused as inputs of target lambda', () => {
    it.each(cases)('$name in mode $mode', async ({ name, mode }) => {
      const steps: Inputs = mode === 'run' ? { steps: '10,100', 'bake-time': '0' } : {};
      const ecs = await run({ ...ecsStart, ...steps, mode, [name]: good[name]! });
      expect(ecs).toEqual({
        failed: `Input "${name}" has value "${good[name]}": is an input of target lambda; this step's target is ecs. Nothing was changed in AWS.`,
        calls: 0,
      });
      // The same value on a Lambda step in mode status: read, then refused as a check mode status does not judge.
      if (mode === 'status') {
        const lambda = await run({ ...lambdaStart, mode, [name]: good[name]! });
        expect(lambda.calls).toBe(0);
        expect(lambda.failed).toMatch(
          new RegExp(`^Input "${name}" has value .*: is a health check; mode status`),
        );
      }
    });
  });
}
