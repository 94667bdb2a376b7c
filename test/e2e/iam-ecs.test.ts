// The least-privilege IAM policies for target ecs (docs/iam.md), against the calls each action really makes: every
// ECS action with every feature on, through the bundles, against moto and the model of ECS rollouts, with both
// routers (the production listener and a listener rule). Two permissions are no calls of their own: ECS
// authorises iam:PassRole (the task definition's roles) and ecs:TagResource (its tags) inside
// RegisterTaskDefinition, which moto does not. They are checked apart: green's task definition names both
// roles and carries tags, and only the deploy-green policy allows passing those roles to ECS tasks and tagging
// a task definition as it is registered.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { clientConfig, TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { repoRoot, type RunOptions } from '@deploy-actions/testbed/runner';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed({ rule: true });
const IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders:2.0.0`;
const TASK_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/orders-task`;
const EXECUTION_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/orders-task-execution`;
const TAGS = [{ key: 'team', value: 'orders' }];
// IAM prefixes of the SigV4 signing names: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
const IAM_PREFIX: Record<string, string> = { monitoring: 'cloudwatch' };
// A transaction is authorised as its parts, and the history's hold only Puts:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
const IAM_NAME: Record<string, string> = { TransactWriteItems: 'PutItem' };
const ACTIONS = ['deploy-green', 'shift-traffic', 'health-gate', 'rollback', 'record-history'];
/** Permissions authorised inside another call, never called themselves. */
const PERMISSION_ONLY = ['iam:PassRole', 'ecs:TagResource'];

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

/** The ECS policy of an action in docs/iam.md (record-history has one policy for both targets). */
function policy(action: string): Statement[] {
  const readme = readFileSync(join(repoRoot, 'docs', 'iam.md'), 'utf8');
  const marker = action === 'record-history' ? 'iam:record-history' : `iam-ecs:${action}`;
  const block = new RegExp(`<!-- ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block) throw new Error(`docs/iam.md has no ECS IAM policy for ${action}`);
  return (JSON.parse(block[1]!) as { Statement: Statement[] }).Statement;
}

/** Every "service:Operation" each action called, over the whole file. */
const called = new Map<string, Set<string>>();
async function run(action: string, inputs: Record<string, string>, extra?: Partial<RunOptions>) {
  const r = await bed.run(action, inputs, extra);
  const ops = called.get(action) ?? new Set<string>();
  for (const c of bed.proxy.calls) ops.add(`${c.service}:${c.op}`);
  called.set(action, ops);
  return r;
}

const workspace = mkdtempSync(join(tmpdir(), 'iam-ecs-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
/** The production listener as the router, instead of the bed's rule. */
const viaListener = () => ({ 'listener-rule-arn': '', 'listener-arn': bed.stack.productionListenerArn });
// Every status announced on an SNS topic too (created by fixtures()): sns:Publish, for record-history and rollback.
const TOPIC = `arn:aws:sns:${TEST_REGION}:${TEST_ACCOUNT}:deployments`;
const history = {
  backend: 'dynamodb',
  environment: 'production',
  'dynamodb-table': 'deployments',
  'sns-topic-arn': TOPIC,
  'notify-on': 'all',
};
const health = {
  alarms: 'orders-*',
  'max-error-rate': '5',
  'max-latency-ms': '1000',
  'on-inconclusive': 'pass',
};
const image = (tag: string) => ({ 'container-name': bed.stack.containerName, image: `${IMAGE}-${tag}` });

/** An alarm for `alarms` to name, and the history table (moto is reset before each test). */
async function fixtures() {
  const cw = new CloudWatchClient(clientConfig(bed.moto.url));
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'orders-5xx',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  cw.destroy();
  const ddb = new DynamoDBClient(clientConfig(bed.moto.url));
  await ddb.send(new CreateTableCommand(createTableInput('deployments')));
  ddb.destroy();
  const sns = new SNSClient(clientConfig(bed.moto.url));
  await sns.send(new CreateTopicCommand({ Name: 'deployments' }));
  sns.destroy();
}

/** A task definition file as describe-task-definition writes it, with both roles and a tag. */
function taskDefinitionFile(): string {
  const path = join(workspace, 'taskdef.json');
  writeFileSync(
    path,
    JSON.stringify({
      taskDefinition: {
        family: bed.stack.family,
        taskRoleArn: TASK_ROLE,
        executionRoleArn: EXECUTION_ROLE,
        tags: TAGS,
        networkMode: 'awsvpc',
        requiresCompatibilities: [bed.stack.launchType],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: bed.stack.containerName,
            image: IMAGE,
            essential: true,
            portMappings: [{ containerPort: bed.stack.containerPort, protocol: 'tcp' }],
          },
        ],
        revision: 1,
        status: 'ACTIVE',
      },
    }),
  );
  return path;
}

/**
 * One release with every feature on, through `router`, in a run of its own: deployed (with the test listener),
 * recorded with a report, judged twice, shifted with checks after each step, recorded as succeeded.
 */
async function release(n: number, router: Record<string, string>, deploy: Record<string, string>) {
  const env = { env: { GITHUB_RUN_ID: String(1000 + n) } };
  const green = await run(
    'deploy-green',
    {
      ...router,
      ...deploy,
      'desired-count': '2',
      'test-listener-arn': bed.stack.testListenerArn!,
      // Pre-traffic tests read the test listener's URL (DescribeLoadBalancers).
      'test-command': 'test -n "$GREEN_TEST_URL"',
    },
    env,
  );
  ok(green);
  const versions = {
    'green-version': green.outputs['green-version']!,
    'blue-version': green.outputs['blue-version']!,
  };
  const started = await run(
    'record-history',
    { ...router, ...history, status: 'started', ...versions, 'report-days': '7' },
    env,
  );
  ok(started);
  const judged = { version: versions['green-version'], 'baseline-version': versions['blue-version'] };
  ok(await run('health-gate', { ...router, ...health, ...judged }, env));
  ok(await run('health-gate', { ...router, ...health }, env));
  const plan = { 'green-version': versions['green-version'], steps: '5,100', 'bake-time': '0' };
  if (n === 1) ok(await run('shift-traffic', { ...router, ...health, ...plan }, env));
  else {
    // A checkpointed rollout: start tags the router with the checkpoint, advance promotes and removes the tag.
    ok(await run('shift-traffic', { ...router, ...health, ...plan, mode: 'start' }, env));
    const promoted = await run('shift-traffic', { ...router, ...health, ...plan, mode: 'advance' }, env);
    ok(promoted);
    expect(promoted.outputs.status).toBe('promoted');
  }
  const succeeded = { status: 'succeeded', 'deployment-id': started.outputs['deployment-id']! };
  ok(await run('record-history', { ...history, target: 'ecs', ...succeeded }, env));
  return versions['green-version'];
}

describe('least-privilege IAM policies for target ecs in docs/iam.md', () => {
  it('through the production listener: a release from a file, a failed rollout, a split rolled back', async () => {
    await fixtures();
    const router = viaListener();
    const version = await release(1, router, { 'task-definition': taskDefinitionFile() });

    // What iam:PassRole and ecs:TagResource are for: green's task definition passes both roles and has tags.
    const ecs = new ECSClient(clientConfig(bed.moto.url));
    const td = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: version, include: ['TAGS'] }),
    );
    ecs.destroy();
    expect({
      taskRoleArn: td.taskDefinition?.taskRoleArn,
      executionRoleArn: td.taskDefinition?.executionRoleArn,
      tags: td.tags,
    }).toEqual({ taskRoleArn: TASK_ROLE, executionRoleArn: EXECUTION_ROLE, tags: TAGS });

    // The circuit breaker rolls the next deployment back: the stopped tasks' reasons are read.
    bed.model.failNextDeployment(bed.stack.blue.serviceName);
    const failed = await run('deploy-green', { ...router, ...image('b') });
    expect(failed.code).toBe(1);
    expect(failed.errors[0]).toMatch(/circuit breaker.*Stopped tasks/);

    // A checkpointed rollout at 25%, put back on blue in one write (clearing the checkpoint) with green scaled
    // down; then back to a version.
    const next = await run('deploy-green', { ...router, ...image('c') });
    ok(next);
    const split = { 'green-version': next.outputs['green-version']!, steps: '25:1d,100', mode: 'start' };
    ok(await run('shift-traffic', { ...router, ...split }));
    const back = await run('rollback', { ...router, 'scale-down': 'true', reason: 'p99 over 1 s' });
    ok(back);
    expect(back.outputs['scaled-down-service']).toBe(bed.stack.blue.serviceName);
    ok(await run('rollback', { ...router, to: version }));
  });

  it('through a listener rule: two releases, a one-click rollback to the first from the history', async () => {
    await fixtures();
    const first = await release(1, {}, image('a'));
    await release(2, {}, image('b'));
    const back = await run(
      'rollback',
      { ...history, 'scale-down': 'true' },
      { env: { GITHUB_RUN_ID: '2001' } },
    );
    ok(back);
    expect(back.outputs).toMatchObject({
      'to-version': first,
      'scaled-down-service': bed.stack.blue.serviceName,
    });
  });

  it('list exactly the calls each action made; only deploy-green may pass roles and tag', () => {
    for (const action of ACTIONS) {
      const needed = [...(called.get(action) ?? [])].map((op) => {
        const [service, name] = op.split(':');
        return `${IAM_PREFIX[service!] ?? service}:${IAM_NAME[name!] ?? name}`;
      });
      const allowed = policy(action)
        .flatMap((s) => s.Action)
        .filter((a) => !PERMISSION_ONLY.includes(a));
      expect({ action, allowed: [...new Set(allowed)].sort() }).toEqual({
        action,
        allowed: [...new Set(needed)].sort(),
      });
    }
    expect([...called.keys()].sort()).toEqual([...ACTIONS].sort());

    const extra = ACTIONS.map(
      (a) => [a, policy(a).filter((s) => s.Action.some((x) => PERMISSION_ONLY.includes(x)))] as const,
    );
    expect(extra.filter(([, s]) => s.length > 0).map(([a]) => a)).toEqual(['deploy-green']);
    expect(extra[0]![1]).toEqual([
      {
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: ['arn:aws:iam::ACCOUNT:role/TASK_ROLE', 'arn:aws:iam::ACCOUNT:role/EXECUTION_ROLE'],
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
      {
        Effect: 'Allow',
        Action: ['ecs:TagResource'],
        Resource: '*',
        Condition: { StringEquals: { 'ecs:CreateAction': 'RegisterTaskDefinition' } },
      },
    ]);
  });
});
