// The ECS inputs' categories of bad values, and the predicates that pick the base inputs they apply to.
import fc from 'fast-check';
import { TEST_ACCOUNT } from '@deploy-actions/testbed/moto';
import { has, targetUnknown } from './categories';
import { LISTENER, RULE } from './ecs-fixture';
import {
  badCluster,
  badOnInconclusive,
  bakeInDays,
  stepsBakingDays,
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
import { BAD_LOGS, LOGS_INPUTS as LOGS_GOOD } from './logs-generators';
import { HEALTH_CHECKS, rolloutCategoriesFor } from './rollout-generators';
import { shiftHistoryCategoriesFor } from './shift-history-generators';
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

// shift-traffic's checkpointed rollouts with target ecs. The bases are ECS starts (the first step and the tag
// written with it); a case that sets mode advance or status sets it beside the bad input, so that each mode is
// tried without a rollout in progress to read; mode run is tried on the ECS bases without a mode.
const ACTION = 'shift-traffic';
const RUNS = 8;
/** An ECS base in mode run (no mode given): a bake within one job, 6h at most. */
export const isEcsRun = (b: Inputs) => isEcs(b) && !b.mode;
export const isEcsStart = (b: Inputs) => isEcs(b) && b.mode === 'start';
/** A start that records nothing and judges nothing: mode status takes it as it is. */
const quietStart = (b: Inputs) => isEcsStart(b) && !('environment' in b) && !hasEcsCheck(b);
const hasEcsCheck = (b: Inputs) => Object.keys(HEALTH_CHECKS).some((n) => n in b);

/** The logs inputs Lambda takes and ECS refuses. */
const LOGS_NAMES = Object.keys(LOGS_GOOD);

export const ecsRolloutCategories: Category[] = [
  ...rolloutCategoriesFor({
    bases: isEcs,
    statusBases: quietStart,
    checks: HEALTH_CHECKS,
    runs: RUNS,
    suffix: ', target ecs',
  }),
  {
    action: ACTION,
    label: 'bake-time in days with mode run, target ecs (a job runs 6h at most)',
    names: ['bake-time'],
    runs: RUNS,
    bases: (b) => isEcsRun(b) && b.strategy !== 'all-at-once',
    bad: fc
      .tuple(fc.constantFrom('', 'run', 'RUN'), bakeInDays)
      .map(([mode, bake]): Inputs => ({ ...(mode && { mode }), 'bake-time': bake })),
  },
  {
    action: ACTION,
    label: 'steps baking days with mode run, target ecs',
    names: ['steps'],
    drop: ['strategy'],
    runs: RUNS,
    bases: isEcsRun,
    bad: one('steps', stepsBakingDays),
  },
  {
    action: ACTION,
    label: 'on-inconclusive unknown (pass, fail or wait), target ecs',
    names: ['on-inconclusive'],
    runs: RUNS,
    bases: isEcs,
    bad: one('on-inconclusive', badOnInconclusive),
  },
  {
    // With target ecs these are inputs of the other target: refused by name whatever the value (a valid one
    // or a bad one) and whatever the mode, before the value is read; with mode status too, where a Lambda
    // step refuses them as health checks.
    action: ACTION,
    label: 'a Lambda logs input (good or bad value) with target ecs, in any mode',
    names: LOGS_NAMES,
    runs: 12,
    bases: isEcs,
    bad: fc
      .tuple(
        fc.constantFrom('', 'run', 'start', 'advance', 'status'),
        fc.constantFrom(...LOGS_NAMES),
        fc.boolean(),
      )
      .chain(([mode, name, good]) =>
        (good ? fc.constant(LOGS_GOOD[name]!) : BAD_LOGS[name]!).map((v): Inputs => ({
          ...(mode && { mode }),
          [name]: v,
        })),
      ),
  },
];

// The history inputs of a checkpointed ECS rollout (mode start and advance), as the Lambda suite has them.
export const ecsShiftHistoryCategories: Category[] = shiftHistoryCategoriesFor({
  bases: isEcs,
  quiet: quietStart,
  runs: RUNS,
  suffix: ', target ecs',
});
