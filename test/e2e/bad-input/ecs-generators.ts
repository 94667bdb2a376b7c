// Bad values of the ECS target's inputs. The forms are AWS's: names of up to 255 letters, digits, - and _
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html), Application Load
// Balancer listener and rule ARNs
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Listener.html), task definition
// ARNs family:revision; plus what the actions add: two services, one router, regions that agree.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { ARN, FN, IMAGE, injection, unknownWord, word, type Inputs } from './generators';
import {
  BLUE_TARGET_GROUP,
  CLUSTER,
  CONTAINER,
  ECS_IMAGE,
  GREEN_SERVICE,
  LISTENER,
  NO_TASK_DEFINITION,
  NOT_JSON,
  RULE,
  TEST_LISTENER,
} from './ecs-fixture';

const R = TEST_REGION;
const A = TEST_ACCOUNT;
const ELB = `arn:aws:elasticloadbalancing:${R}:${A}`;
export const OTHER_REGIONS = ['eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-2', 'sa-east-1'];

/** What AWS takes as a cluster or service name. */
export const isEcsName = (s: string) => /^[a-zA-Z0-9_-]{1,255}$/.test(s);
const ecsName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,24}$/);
const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const lbName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,20}[a-zA-Z0-9]$/);

/** Well-formed ARNs of each kind, with random ids, in `region`. */
export const listenerArn = (region = R) =>
  fc
    .tuple(lbName, hex16, hex16)
    .map(([n, a, b]) => `arn:aws:elasticloadbalancing:${region}:${A}:listener/app/${n}/${a}/${b}`);
export const ruleArn = (region = R) =>
  fc
    .tuple(lbName, hex16, hex16, hex16)
    .map(
      ([n, a, b, c]) => `arn:aws:elasticloadbalancing:${region}:${A}:listener-rule/app/${n}/${a}/${b}/${c}`,
    );
const targetGroupArn = fc.tuple(lbName, hex16).map(([n, a]) => `${ELB}:targetgroup/${n}/${a}`);
const loadBalancerArn = fc.tuple(lbName, hex16).map(([n, a]) => `${ELB}:loadbalancer/app/${n}/${a}`);
const networkListenerArn = fc
  .tuple(lbName, hex16, hex16)
  .map(([n, a, b]) => `${ELB}:listener/net/${n}/${a}/${b}`);
const gatewayListenerArn = fc
  .tuple(lbName, hex16, hex16)
  .map(([n, a, b]) => `${ELB}:listener/gwy/${n}/${a}/${b}`);

/** A character no ECS name holds. */
const notInName = fc.constantFrom(' ', '.', '/', ':', '@', '!', '$', '*', '#', '+', '=', 'ö', '(', '~');
export const badEcsName = fc.oneof(
  fc.tuple(word, notInName, word).map(([a, c, b]) => `${a}${c}${b}`),
  fc.stringMatching(/^[a-zA-Z0-9_-]{256,300}$/),
  injection.filter((s) => !s.includes(',')),
);

/** A cluster that is neither a name nor a cluster ARN. */
export const badCluster = fc.oneof(
  badEcsName,
  fc.constantFrom(
    `arn:aws:ecs:${R}:${A}:cluster/`,
    `arn:aws:ecs:${R}:${A}:cluster/my cluster`,
    `arn:aws:ecs:${R}:${A}:cluster/${CLUSTER}/extra`,
    `arn:aws:ecs:${R}:${A}:service/${CLUSTER}/${GREEN_SERVICE}`,
    `arn:aws:ecs:${R}:1234:cluster/${CLUSTER}`,
    `arn:aws:ecs::${A}:cluster/${CLUSTER}`,
    `arn:aws:eks:${R}:${A}:cluster/${CLUSTER}`,
    `${CLUSTER}:1`,
    `cluster/${CLUSTER}`,
  ),
);

/** One service, or three and more. */
export const notTwoServices = fc
  .oneof(
    ecsName,
    fc.uniqueArray(ecsName, { minLength: 3, maxLength: 6 }).map((a) => a.join(',')),
    fc.constantFrom(
      'orders-blue,',
      ',orders-green',
      'orders-blue,,orders-green',
      ',',
      'orders-blue;orders-green',
      'orders-blue orders-green',
      'orders-blue,orders-green,orders-green',
    ),
  )
  .filter((s) => {
    const names = s.split(',').map((n) => n.trim());
    return s.trim() !== '' && !(names.length === 2 && names.every(isEcsName));
  });

/** The same service twice. */
export const sameServiceTwice = ecsName.chain((n) =>
  fc.constantFrom(`${n},${n}`, `${n}, ${n}`, ` ${n} ,${n}`),
);

/** Two services, one of them not a name. */
export const servicesWithBadName = fc
  .tuple(badEcsName, fc.boolean())
  .map(([bad, first]) => (first ? `${bad},${GREEN_SERVICE}` : `orders-blue,${bad}`));

/** Text that is no Application Load Balancer listener (or rule) ARN at all. */
const malformedRouterArn = fc.oneof(
  fc.constantFrom(
    'listener/app/orders/0123456789abcdef/0123456789abcdef',
    `${ELB}:listener/app/orders/0123456789abcdef`,
    `${ELB}:listener/app/orders/0123456789ABCDEF/0123456789abcdef`,
    `${ELB}:listener/app/orders/0123456789abcde/0123456789abcdef`,
    `${ELB}:listener/app/${'a'.repeat(33)}/0123456789abcdef/0123456789abcdef`,
    `arn:aws:elasticloadbalancing:${R}:1234:listener/app/orders/0123456789abcdef/0123456789abcdef`,
    `arn:aws:elasticloadbalancing::${A}:listener/app/orders/0123456789abcdef/0123456789abcdef`,
    `arn:aws:elb:${R}:${A}:listener/app/orders/0123456789abcdef/0123456789abcdef`,
    'https://orders-alb-123.us-east-1.elb.amazonaws.com:443',
    'orders-alb',
    '443',
  ),
  word,
  injection,
);

/** For listener-arn (and test-listener-arn): another kind of ARN, or none. */
export const notAListener = fc.oneof(
  // The real rule and target group of the fixture.
  fc.constantFrom(RULE, BLUE_TARGET_GROUP),
  ruleArn(),
  targetGroupArn,
  loadBalancerArn,
  networkListenerArn,
  gatewayListenerArn,
  fc.constantFrom(`arn:aws:ecs:${R}:${A}:service/${CLUSTER}/${GREEN_SERVICE}`, ARN),
  malformedRouterArn,
);

/** For listener-rule-arn: another kind of ARN, or none. */
export const notARule = fc.oneof(
  fc.constantFrom(LISTENER, TEST_LISTENER, BLUE_TARGET_GROUP),
  listenerArn(),
  targetGroupArn,
  loadBalancerArn,
  networkListenerArn.map((a) => a.replace(':listener/', ':listener-rule/') + '/0123456789abcdef'),
  malformedRouterArn.map((s) => s.replace(':listener/', ':listener-rule/')),
);

/** Not a task definition ARN: a Lambda version, family:revision, no revision, another kind of ECS ARN... */
export const notTaskDefinitionArn = fc.oneof(
  fc.constantFrom(
    '2',
    '$LATEST',
    'orders:2',
    'orders',
    'task-definition/orders:2',
    `arn:aws:ecs:${R}:${A}:task-definition/orders`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:0`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:02`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:-1`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:latest`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:12345678901`,
    `arn:aws:ecs:${R}:${A}:task-definition/orders:2:3`,
    `arn:aws:ecs:${R}:${A}:task-definition/my orders:2`,
    `arn:aws:ecs:${R}:1234:task-definition/orders:2`,
    `arn:aws:ecs:${R}:${A}:service/${CLUSTER}/${GREEN_SERVICE}`,
    `arn:aws:ecs:${R}:${A}:task/${CLUSTER}/0123456789abcdef`,
    `${ARN}:2`,
  ),
  fc.integer({ min: 1, max: 1_000_000 }).map(String),
  word,
  injection,
);
/** The ones rollback's `to` reads as a version (not as a deployment id): those starting arn:. */
export const notTaskDefinitionArnForm = notTaskDefinitionArn.filter((s) => s.trim().startsWith('arn:'));

/** task-definition: no such file, a directory, or a path outside the workspace that is not there. */
export const noTaskDefinitionFile = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,16}$/).map((s) => `missing-${s}.json`),
  fc.constantFrom(
    'builds',
    'builds/',
    'taskdefs/orders.json',
    '/nonexistent/taskdef.json',
    './task-definition.json',
    'TASKDEF.JSON',
  ),
  injection,
);
export const notJsonFile = fc.constantFrom(...NOT_JSON);
export const noTaskDefinitionInFile = fc.constantFrom(...NO_TASK_DEFINITION);

/** Not an image reference: characters no reference holds, an uppercase repository, an empty or long tag. */
export const badImage = fc
  .oneof(
    fc
      .tuple(
        word,
        fc.constantFrom(
          ' ',
          '!',
          '$',
          '*',
          '\\',
          '"',
          "'",
          '<',
          '>',
          '|',
          '&',
          ';',
          ',',
          '%',
          '^',
          '`',
          '{',
          '}',
          '(',
          ')',
          '~',
          '+',
          '=',
        ),
        word,
      )
      .map(([a, c, b]) => `${a}${c}${b}`),
    word.map((w) => `${w.toUpperCase()}:1`),
    fc.constantFrom(
      `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/Orders:1`,
      'orders:',
      ':1.2.3',
      'orders::1',
      'orders//x:1',
      '/orders:1',
      'orders/:1',
      'orders@sha256:abc',
      'orders@sha1:0123456789abcdef0123456789abcdef01234567',
      'orders:-tag',
      'orders:.tag',
      `orders:${'t'.repeat(129)}`,
      `${'a'.repeat(1100)}:1`,
    ),
    fc.integer({ min: 129, max: 300 }).map((n) => `orders:${'t'.repeat(n)}`),
    injection.map((s) => ECS_IMAGE + s),
  )
  .filter((s) => s.trim() !== '');

export const badDesiredCount = fc.oneof(
  fc.constantFrom('-1', '5001', '1.5', '2.0', 'two', '1e3', '0x10', '+2', '10000000000', '∞', '２'),
  fc.integer({ min: 5001, max: 2 ** 31 }).map(String),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  word,
  injection,
);

/** A step of a fractional percentage: 12.5,100; a whole plan, one step off. */
export const fractionalSteps = fc.oneof(
  fc.constantFrom('12.5,100', '0.5,100', '33.33,66.67,100', '10,50.5,100', '99.99', '1.5', '5,25.25,50,100'),
  fc
    .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 99 }))
    .map(([p, d]) => `${p}.${String(d).padStart(2, '0')},100`),
);
/** canary-percent or linear-percent with a fraction (a first step that is not a whole percent). */
export const fractionalPercent = fc
  .tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 9 }))
  .map(([p, d]) => `${p}.${d}`);

/** An ALB listener, rule or cluster in another region than the base's. */
export const otherRegion = fc.constantFrom(...OTHER_REGIONS);

/** One Lambda-only input, as a Lambda release would give it. */
export const LAMBDA_ONLY: Inputs[] = [
  { 'function-name': FN },
  { 'function-name': ARN },
  { alias: 'live' },
  { 'zip-file': 'build.zip' },
  { 's3-bucket': 'orders-artifacts' },
  { 's3-key': 'builds/orders.zip' },
  { 's3-object-version': 'v1' },
  { 'image-uri': IMAGE },
  { 'smoke-payload': '{"ping":true}' },
  { 'smoke-expect': 'ping' },
  { 'invoke-payload': '{"ping":true}' },
  { 'invoke-expect': 'ping' },
  { 'max-consecutive-failures': '3' },
  { 'max-timeouts': '2' },
  { 'max-memory-mb': '750' },
  { 'max-duration-ratio': 'p95=1.5' },
  { 'max-init-ratio': '2' },
  { 'log-group': '/aws/lambda/orders' },
];
export const LAMBDA_INPUT_NAMES = [...new Set(LAMBDA_ONLY.flatMap((i) => Object.keys(i)))];

/** One ECS-only input, as an ECS release would give it. */
export const ECS_ONLY: Inputs[] = [
  { cluster: CLUSTER },
  { services: 'orders-blue,orders-green' },
  { 'listener-arn': LISTENER },
  { 'listener-rule-arn': RULE },
  { 'task-definition': 'taskdef.json' },
  { 'container-name': CONTAINER },
  { image: ECS_IMAGE },
  { 'desired-count': '2' },
  { 'test-listener-arn': TEST_LISTENER },
  { 'scale-down': 'true' },
];
export const ECS_INPUT_NAMES = [...new Set(ECS_ONLY.flatMap((i) => Object.keys(i)))];

/** An ECS input on a Lambda input set, with target lambda said or left to the default. */
export const ecsInputWithLambda = fc
  .tuple(
    fc.constantFrom(...ECS_ONLY),
    fc.constantFrom<Inputs>({}, { target: 'lambda' }, { target: 'Lambda' }),
  )
  .map(([input, target]): Inputs => ({ ...input, ...target }));

/** target ecs, or a Lambda input beside it. */
export const lambdaInputWithEcs = fc.constantFrom(...LAMBDA_ONLY);

// shift-traffic's checkpointed rollouts with target ecs: what only ECS refuses of them (the rest is the Lambda
// suite's, see rollout-generators.ts). Percentages are whole, as the ECS router takes them.
/** A bake in days (or days and hours), over the 6h a job runs: refused in mode run. */
export const bakeInDays = fc.oneof(
  fc.constantFrom('1d', '7d', '1d12h', '2d', '14d', '90d', '0d7h'),
  fc.integer({ min: 1, max: 90 }).map((d) => `${d}d`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 23 })).map(([d, h]) => `${d}d${h}h`),
);
/** steps with a bake in days, for mode run. */
export const stepsBakingDays = fc.oneof(
  fc.constantFrom('10:7d,30:7d,50:7d,70:7d,90:7d,100', '10:1d,100', '25:1d12h,50:2d,100'),
  fc.tuple(fc.integer({ min: 1, max: 49 }), bakeInDays).map(([p, bake]) => `${p}:${bake},100`),
);
/** on-inconclusive: none of pass, fail and wait. */
export const badOnInconclusive = unknownWord(
  ['pass', 'fail', 'wait'],
  ['waiting', 'extend', 'retry', 'hold', 'wait,fail', 'rollback', 'continue', 'skip'],
);
