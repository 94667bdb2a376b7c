// The ECS inputs' categories of bad values, and the predicates that pick the base inputs they apply to.
import fc from 'fast-check';
import { TEST_ACCOUNT } from '@deploy-actions/testbed/moto';
import { has, targetUnknown } from './categories';
import { LISTENER, RULE } from './ecs-fixture';
import {
  badCluster,
  ECS_INPUT_NAMES,
  ecsInputWithLambda,
  LAMBDA_INPUT_NAMES,
  lambdaInputWithEcs,
  listenerArn,
  notAListener,
  notARule,
  notTwoServices,
  otherRegion,
  ruleArn,
  sameServiceTwice,
  servicesWithBadName,
} from './ecs-generators';
import { FN, garbageRegion, maxAttempts, one, type Inputs } from './generators';
import { type Action, type Base, type Category } from './harness';

export const isEcs = (b: Inputs) => (b.target ?? '').toLowerCase() === 'ecs';
export const isLambda = (b: Inputs) => !isEcs(b);
export const and =
  (...ps: ((b: Inputs) => boolean)[]) =>
  (b: Inputs) =>
    ps.every((p) => p(b));
/** A region to hold ARNs to: aws-region, or the cluster's ARN (checked first). */
export const anchored = (b: Inputs) => 'aws-region' in b || (b.cluster ?? '').startsWith('arn:');
export const clusterIn = (region: string) => `arn:aws:ecs:${region}:${TEST_ACCOUNT}:cluster/orders`;

/** The target's inputs, on every action but record-history (whose target inputs are optional). */
export function ecsTargetCategories(action: Action, bases: (b: Inputs) => boolean = () => true): Category[] {
  const ecs = and(isEcs, bases);
  return [
    { ...targetUnknown(action), label: 'target unknown (only lambda and ecs exist), on ECS and Lambda sets' },
    {
      action,
      label: 'a Lambda input (function-name, zip-file, invoke-payload...) with target ecs',
      names: LAMBDA_INPUT_NAMES,
      bases: ecs,
      bad: lambdaInputWithEcs,
    },
    {
      action,
      label: 'an ECS input (cluster, image, scale-down...) with target lambda, said or by default',
      names: ECS_INPUT_NAMES,
      bases: isLambda,
      bad: ecsInputWithLambda,
    },
    {
      action,
      label: 'target ecs on a Lambda input set (function-name given)',
      names: LAMBDA_INPUT_NAMES,
      bases: isLambda,
      bad: fc.constantFrom<Inputs>({ target: 'ecs' }, { target: 'ECS' }, { target: ' ecs ' }),
    },
    {
      action,
      label: 'cluster missing',
      names: ['cluster'],
      bases: and(ecs, has('cluster')),
      drop: ['cluster'],
      bad: fc.constantFrom<Inputs>({}, { cluster: '' }, { cluster: '   ' }),
    },
    {
      action,
      label: 'cluster neither a name nor a cluster ARN (characters, length, another kind of ARN)',
      names: ['cluster'],
      bases: ecs,
      bad: one('cluster', badCluster),
    },
    {
      action,
      label: 'cluster ARN in another region than aws-region',
      names: ['cluster'],
      bases: and(ecs, has('aws-region')),
      bad: one('cluster', otherRegion.map(clusterIn)),
    },
    {
      action,
      label: 'cluster ARN and listener (or rule) ARN in two regions, aws-region not given',
      names: ['cluster', 'listener-arn', 'listener-rule-arn'],
      bases: and(ecs, (b) => !('aws-region' in b)),
      bad: one('cluster', otherRegion.map(clusterIn)),
    },
    {
      action,
      label: 'services missing',
      names: ['services'],
      bases: ecs,
      drop: ['services'],
      bad: fc.constantFrom<Inputs>({}, { services: '' }, { services: ' ' }),
    },
    {
      action,
      label: 'services: one, or three and more',
      names: ['services'],
      bases: ecs,
      bad: one('services', notTwoServices),
    },
    {
      action,
      label: 'services: the same service twice',
      names: ['services'],
      bases: ecs,
      bad: one('services', sameServiceTwice),
    },
    {
      action,
      label: 'services: a name with a character ECS names do not hold, or over 255 characters',
      names: ['services'],
      bases: ecs,
      bad: one('services', servicesWithBadName),
    },
    {
      action,
      label: 'listener-arn of another kind (rule, target group, load balancer, NLB listener) or none',
      names: ['listener-arn'],
      bases: and(ecs, has('listener-arn')),
      bad: one('listener-arn', notAListener),
    },
    {
      action,
      label: 'listener-rule-arn of another kind (listener, target group, load balancer) or none',
      names: ['listener-rule-arn'],
      bases: and(ecs, has('listener-rule-arn')),
      bad: one('listener-rule-arn', notARule),
    },
    {
      action,
      label: 'listener-rule-arn beside listener-arn',
      names: ['listener-rule-arn'],
      bases: and(ecs, has('listener-arn')),
      bad: one('listener-rule-arn', fc.oneof(fc.constant(RULE), ruleArn())),
    },
    {
      action,
      label: 'listener-arn beside listener-rule-arn',
      names: ['listener-rule-arn'],
      bases: and(ecs, has('listener-rule-arn')),
      bad: one('listener-arn', fc.oneof(fc.constant(LISTENER), listenerArn())),
    },
    {
      action,
      label: 'listener-arn in another region than aws-region or the cluster ARN',
      names: ['listener-arn'],
      bases: and(ecs, has('listener-arn'), anchored),
      bad: one(
        'listener-arn',
        otherRegion.chain((r) => listenerArn(r)),
      ),
    },
    {
      action,
      label: 'listener-rule-arn in another region than aws-region or the cluster ARN',
      names: ['listener-rule-arn'],
      bases: and(ecs, has('listener-rule-arn'), anchored),
      bad: one(
        'listener-rule-arn',
        otherRegion.chain((r) => ruleArn(r)),
      ),
    },
    {
      action,
      label: 'neither listener-arn nor listener-rule-arn',
      names: ['listener-arn'],
      bases: and(ecs, has('cluster')),
      drop: ['listener-arn', 'listener-rule-arn'],
      bad: fc.constantFrom<Inputs>({}, { 'listener-arn': '' }, { 'listener-rule-arn': '  ' }),
    },
    {
      action,
      label: 'aws-region garbage',
      names: ['aws-region'],
      bases: ecs,
      bad: one('aws-region', garbageRegion),
    },
    {
      action,
      label: 'max-attempts',
      names: ['max-attempts'],
      bases: ecs,
      bad: one('max-attempts', maxAttempts),
    },
  ];
}

export const LAMBDA_DEPLOY: Base = {
  label: 'Lambda zip',
  inputs: { 'function-name': FN, 'zip-file': 'build.zip' },
};
