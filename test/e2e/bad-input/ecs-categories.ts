// The ECS inputs' categories of bad values, and the predicates that pick the base inputs they apply to.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { has, historyInputs, targetUnknown } from './categories';
import { LISTENER, RULE } from './ecs-fixture';
import {
  badCluster,
  badHold,
  badMaxBake,
  badMode,
  badOnInconclusive,
  bakeInDays,
  durationOver,
  ECS_CHECKS,
  goodHold,
  goodMaxBake,
  maxBakeOver6h,
  maxBakeUnder7d,
  notHeldStep,
  someDuration,
  stepsBakingDays,
  stepsBakingOver90d,
  stepsStoppingShort,
  withCheckpointedMode,
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
import {
  badPositiveInteger,
  FN,
  garbageRegion,
  injection,
  maxAttempts,
  one,
  TABLE,
  type Inputs,
} from './generators';
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
import {
  badDurationRatio,
  badInitRatio,
  badLogGroup,
  badTimeouts,
  LOGS_INPUTS as LOGS_GOOD,
} from './logs-generators';
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
/** The ECS six-week plan (bakes of 7d). */
const weekly = (b: Inputs) => isEcsStart(b) && (b.steps ?? '').includes(':7d');
const withHistory = (b: Inputs) => isEcsStart(b) && 'environment' in b;
/** A start that records nothing and judges nothing: mode status takes it as it is. */
const quietStart = (b: Inputs) => isEcsStart(b) && !('environment' in b) && !hasEcsCheck(b);
const hasEcsCheck = (b: Inputs) => Object.keys(ECS_CHECKS).some((n) => n in b);
const onWait = (v: string): Inputs => ({ 'on-inconclusive': 'wait', 'max-bake': v });

/** The logs inputs Lambda takes and ECS refuses. */
const LOGS_NAMES = Object.keys(LOGS_GOOD);
const LOGS_BAD: Record<string, fc.Arbitrary<string>> = {
  'max-consecutive-failures': badPositiveInteger(1000),
  'max-timeouts': badTimeouts,
  'max-memory-mb': badPositiveInteger(10_240),
  'max-duration-ratio': badDurationRatio,
  'max-init-ratio': badInitRatio,
  'log-group': badLogGroup,
};

export const ecsRolloutCategories: Category[] = [
  {
    action: ACTION,
    label: 'mode unknown (run, start, advance or status), with target ecs',
    names: ['mode'],
    runs: RUNS,
    bases: isEcs,
    bad: one('mode', badMode),
  },
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
    label: 'bake-time over 90d with mode start, advance or status, target ecs',
    names: ['bake-time'],
    runs: RUNS,
    bases: isEcsStart,
    bad: withCheckpointedMode(one('bake-time', durationOver(90))),
  },
  {
    action: ACTION,
    label: 'steps with a bake over 90d with mode start, advance or status, target ecs',
    names: ['steps'],
    drop: ['strategy'],
    runs: RUNS,
    bases: isEcsStart,
    bad: withCheckpointedMode(one('steps', stepsBakingOver90d)),
  },
  {
    action: ACTION,
    label: 'steps ending below 100 with mode start, advance or status, target ecs',
    names: ['steps'],
    drop: ['strategy'],
    runs: RUNS,
    bases: isEcs,
    bad: withCheckpointedMode(one('steps', stepsStoppingShort)),
  },
  {
    action: ACTION,
    label: 'duration after the last step with mode start, advance or status, target ecs',
    names: ['duration'],
    runs: RUNS,
    bases: isEcs,
    bad: withCheckpointedMode(one('duration', someDuration)),
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
    action: ACTION,
    label: 'max-bake malformed, target ecs',
    names: ['max-bake'],
    runs: RUNS,
    bases: isEcs,
    bad: badMaxBake.map(onWait),
  },
  {
    action: ACTION,
    label: 'max-bake without on-inconclusive wait, target ecs',
    names: ['max-bake'],
    runs: RUNS,
    bases: isEcs,
    bad: fc
      .tuple(fc.constantFrom('', 'fail', 'pass', 'PASS'), goodMaxBake)
      .map(([on, v]): Inputs => ({ 'on-inconclusive': on, 'max-bake': v })),
  },
  {
    action: ACTION,
    label: 'max-bake shorter than a bake of the ECS plan (7d)',
    names: ['max-bake'],
    runs: RUNS,
    bases: weekly,
    bad: maxBakeUnder7d.map(onWait),
  },
  {
    action: ACTION,
    label: 'max-bake over 6h with mode run, target ecs',
    names: ['max-bake'],
    runs: RUNS,
    bases: isEcsRun,
    bad: maxBakeOver6h.map(onWait),
  },
  {
    action: ACTION,
    label: 'max-bake over 180d with mode start or advance, target ecs',
    names: ['max-bake'],
    runs: RUNS,
    bases: isEcsStart,
    bad: fc
      .tuple(fc.constantFrom('start', 'advance'), fc.oneof(durationOver(180), injection))
      .map(([mode, v]): Inputs => ({ mode, ...onWait(v) })),
  },
  {
    action: ACTION,
    label: 'hold-steps with mode run, target ecs',
    names: ['hold-steps'],
    runs: RUNS,
    bases: isEcsRun,
    bad: one('hold-steps', fc.oneof(goodHold, fc.constantFrom('10', '25', '100'))),
  },
  {
    action: ACTION,
    label: 'hold-steps with mode start or status, target ecs',
    names: ['hold-steps'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .tuple(fc.constantFrom('start', 'status', 'START', 'Status'), goodHold)
      .map(([mode, hold]): Inputs => ({ mode, 'hold-steps': hold })),
  },
  {
    action: ACTION,
    label: 'hold-steps not percentages, with mode advance, target ecs',
    names: ['hold-steps'],
    runs: RUNS,
    bases: isEcsStart,
    bad: badHold.map((hold): Inputs => ({ mode: 'advance', 'hold-steps': hold })),
  },
  {
    action: ACTION,
    label: 'hold-steps not a step of the ECS plan after the first, with mode advance',
    names: ['hold-steps'],
    runs: RUNS,
    bases: weekly,
    bad: fc
      .tuple(notHeldStep, fc.constantFrom('', '100,', '50,'))
      .map(([p, before]): Inputs => ({ mode: 'advance', 'hold-steps': `${before}${p}` })),
  },
  {
    action: ACTION,
    label: 'an ECS health check with mode status (it judges nothing)',
    names: Object.keys(ECS_CHECKS),
    runs: RUNS,
    bases: quietStart,
    bad: fc
      .constantFrom(...Object.keys(ECS_CHECKS))
      .chain((name) => ECS_CHECKS[name]!.map((v): Inputs => ({ [name]: v })))
      .chain((check) => fc.constantFrom('status', 'STATUS').map((mode): Inputs => ({ mode, ...check }))),
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
        (good ? fc.constant(LOGS_GOOD[name]!) : LOGS_BAD[name]!).map((v): Inputs => ({
          ...(mode && { mode }),
          [name]: v,
        })),
      ),
  },
];

// The history inputs of a checkpointed ECS rollout (mode start and advance): read by the shared parser when
// environment is given, refused without it, and refused in mode run and status whatever their value.
const TOPIC = `arn:aws:sns:${TEST_REGION}:${TEST_ACCOUNT}:deployments`;
const GOOD_HISTORY: Record<string, fc.Arbitrary<string>> = {
  environment: fc.constantFrom('production', 'staging', 'prod-eu'),
  backend: fc.constantFrom('github', 'dynamodb', 'github,dynamodb', 'GitHub'),
  'dynamodb-table': fc.constantFrom(TABLE, 'orders-history'),
  'deployment-id': goodDeploymentId,
  'slack-webhook-url': fc.constantFrom('https://hooks.slack.com/services/T0SECRET/B0SECRET/s3cr3t'),
  'sns-topic-arn': fc.constant(TOPIC),
  'notify-on': fc.constantFrom('all', 'succeeded,rolled-back', 'failed'),
};
const HISTORY_NAMES = Object.keys(GOOD_HISTORY);
const anyHistoryInput = (names: string[]) =>
  fc.constantFrom(...names).chain((name) => GOOD_HISTORY[name]!.map((v): Inputs => ({ [name]: v })));
// The shared history categories whose inputs shift-traffic declares (not environment-url, ttl-days, on-error).
const UNDECLARED = ['environment-url', 'ttl-days', 'on-error'];

export const ecsShiftHistoryCategories: Category[] = [
  {
    action: ACTION,
    label: 'a history input with mode run, target ecs',
    names: HISTORY_NAMES,
    runs: RUNS,
    bases: isEcsRun,
    bad: fc
      .tuple(fc.constantFrom('', 'run', 'RUN'), anyHistoryInput(HISTORY_NAMES))
      .map(([mode, bad]): Inputs => ({ ...(mode && { mode }), ...bad })),
  },
  {
    action: ACTION,
    label: 'a history input with mode status, target ecs',
    names: HISTORY_NAMES,
    runs: RUNS,
    bases: quietStart,
    bad: anyHistoryInput(HISTORY_NAMES).map((bad): Inputs => ({ mode: 'status', ...bad })),
  },
  {
    action: ACTION,
    label: 'a history input of mode start or advance without environment, target ecs',
    names: HISTORY_NAMES.slice(1),
    runs: RUNS,
    bases: (b) => isEcsStart(b) && !('environment' in b),
    bad: fc
      .tuple(fc.constantFrom('start', 'advance'), anyHistoryInput(HISTORY_NAMES.slice(1)))
      .map(([mode, bad]): Inputs => ({ mode, ...bad })),
  },
  ...historyInputs(ACTION, withHistory)
    .filter((c) => !c.names.some((n) => UNDECLARED.includes(n)))
    .map((c) => ({ ...c, label: `${c.label}, target ecs` })),
  {
    action: ACTION,
    label: 'deployment-id not an id, target ecs',
    names: ['deployment-id'],
    runs: RUNS,
    bases: withHistory,
    bad: withStartOrAdvance(one('deployment-id', badDeploymentId)),
  },
  {
    action: ACTION,
    label:
      'slack-webhook-url not an https URL, http elsewhere than loopback, or with credentials, target ecs',
    names: ['slack-webhook-url'],
    runs: RUNS,
    bases: withHistory,
    bad: withStartOrAdvance(
      one('slack-webhook-url', fc.oneof(webhookNotUrl, webhookHttpElsewhere, webhookWithCredentials)),
    ),
  },
  {
    action: ACTION,
    label: 'sns-topic-arn not a topic, or of another region than the cluster and listener, target ecs',
    names: ['sns-topic-arn'],
    runs: RUNS,
    bases: withHistory,
    bad: withStartOrAdvance(one('sns-topic-arn', fc.oneof(notTopicArn, topicOtherRegion))),
  },
  {
    action: ACTION,
    label: 'notify-on with unknown words, target ecs',
    names: ['notify-on'],
    runs: RUNS,
    bases: withHistory,
    bad: withStartOrAdvance(one('notify-on', badNotifyOn)),
  },
];

/** `bad` in mode start (the base's) or advance. */
function withStartOrAdvance(bad: fc.Arbitrary<Inputs>) {
  return fc
    .tuple(fc.constantFrom('start', 'advance'), bad)
    .map(([mode, inputs]): Inputs => ({ mode, ...inputs }));
}
