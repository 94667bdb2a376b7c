import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { clientConfig, TEST_ACCOUNT } from '@deploy-actions/testbed/moto';
import { repoRoot } from '@deploy-actions/testbed/runner';
import { ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
// IAM prefixes of the SigV4 signing names: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
const IAM_PREFIX: Record<string, string> = {
  lambda: 'lambda',
  monitoring: 'cloudwatch',
  dynamodb: 'dynamodb',
  cloudformation: 'cloudformation',
  s3: 's3',
};
// IAM names Invoke "InvokeFunction": https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
// A transaction is authorised as its parts, and ours hold only Puts:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
const IAM_NAME: Record<string, string> = { Invoke: 'InvokeFunction', TransactWriteItems: 'PutItem' };
// Permissions Lambda checks beside the call's own: iam:PassRole on the role a function is created with, and
// lambda:GetLayerVersion on each layer given to either call
// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html). The emulator finds no layer
// version by its ARN, so the runs below cannot give layers; the unit tests do.
const IMPLIED: Record<string, string[]> = {
  'lambda:CreateFunction': ['iam:PassRole', 'lambda:GetLayerVersion'],
  'lambda:UpdateFunctionConfiguration': ['lambda:GetLayerVersion'],
};

function policyActions(action: string): string[] {
  const readme = readFileSync(join(repoRoot, 'docs', 'iam.md'), 'utf8');
  const block = new RegExp(`<!-- iam:${action} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block) throw new Error(`docs/iam.md has no IAM policy for ${action}`);
  const policy = JSON.parse(block[1]) as { Statement: { Action: string[] }[] };
  return policy.Statement.flatMap((s) => s.Action).sort();
}

/** An alarm on the function's errors, for the gates and rollback triggers that name one. */
async function errorsAlarm(name: string): Promise<void> {
  const cw = new CloudWatchClient(clientConfig(bed.moto.url));
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  cw.destroy();
}

describe('least-privilege IAM policies in docs/iam.md', () => {
  it('list exactly the API calls each action makes with every feature on', async () => {
    await errorsAlarm('orders-api-errors');
    // The function's log group, as Lambda makes it on the first invocation: the logs check reads it.
    const logs = new CloudWatchLogsClient(clientConfig(bed.moto.url));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/orders-api' }));
    logs.destroy();
    const health = {
      alarms: 'orders-api-*',
      'max-error-rate': '2',
      'invoke-payload': '{}',
      'max-consecutive-failures': '3',
      'on-inconclusive': 'pass',
    };

    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip(), 'smoke-payload': '{}' }));
    // The function's configuration, and a function created by deploy-green (left aside: the rest releases orders-api).
    const configuration = {
      'memory-size': '512',
      timeout: '30',
      'env-vars': 'MODE=canary',
      'function-description': 'orders API',
    };
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip(), ...configuration }));
    ok(
      await bed.run('deploy-green', node, {
        'function-name': 'orders-api-created',
        'zip-file': bed.zip(),
        'create-if-missing': 'true',
        role: `arn:aws:iam::${TEST_ACCOUNT}:role/lambda-test-role`,
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        ...configuration,
      }),
    );
    ok(
      await bed.run('shift-traffic', node, {
        'green-version': '2',
        steps: '50',
        'bake-time': '0',
        ...health,
      }),
    );
    ok(await bed.run('health-gate', node, health));
    ok(await bed.run('rollback', node, {}));
    ok(await bed.run('rollback', node, { to: '2' }));

    // The history in DynamoDB: a release recorded from start to end, a report, and rollbacks that use it.
    const ddb = new DynamoDBClient(clientConfig(bed.moto.url));
    await ddb.send(new CreateTableCommand(createTableInput('deployments')));
    ddb.destroy();
    // Every status announced on an SNS topic: sns:Publish, for record-history and rollback.
    const sns = new SNSClient(clientConfig(bed.moto.url));
    const topic = (await sns.send(new CreateTopicCommand({ Name: 'deployments' }))).TopicArn!;
    sns.destroy();
    const history = {
      backend: 'dynamodb',
      environment: 'production',
      'dynamodb-table': 'deployments',
      'sns-topic-arn': topic,
      'notify-on': 'all',
    };
    // Releases of v1 and v2, each in a run of its own and recorded from start to end (v2's start asks
    // for a report too).
    const run = (n: number) => ({ env: { GITHUB_RUN_ID: String(n) } });
    const ids: string[] = [];
    for (const green of ['1', '2']) {
      const started = await bed.run(
        'record-history',
        node,
        {
          ...history,
          status: 'started',
          'green-version': green,
          'blue-version': green === '1' ? '' : '1',
          ...(green === '2' && { 'report-days': '7' }),
        },
        run(1000 + Number(green)),
      );
      ok(started);
      ids.push(started.outputs['deployment-id']!);
      ok(
        await bed.run(
          'record-history',
          node,
          { ...history, status: 'succeeded', 'deployment-id': ids.at(-1)! },
          run(1000 + Number(green)),
        ),
      );
    }
    // Each rollback in a run of its own, as a manual rollback workflow runs: the alias is on v2.
    const previous = await bed.run('rollback', node, history, run(2001));
    ok(previous);
    expect(previous.outputs['to-version']).toBe('1');
    ok(await bed.run('rollback', node, { ...history, to: ids[1]! }, run(2002)));
    ok(await bed.run('rollback', node, { ...history, to: '1' }, run(2003)));

    for (const [action, ops] of bed.callsByAction) {
      const needed = [...ops].flatMap((op) => {
        const [service, name] = op.split(':');
        const action = `${IAM_PREFIX[service] ?? service}:${IAM_NAME[name] ?? name}`;
        return [action, ...(IMPLIED[action] ?? [])];
      });
      expect({ action, allowed: policyActions(action) }).toEqual({
        action,
        allowed: [...new Set(needed)].sort(),
      });
    }
    expect([...bed.callsByAction.keys()].sort()).toEqual([
      'deploy-green',
      'health-gate',
      'record-history',
      'rollback',
      'shift-traffic',
    ]);
  });
});

describe('least-privilege IAM policies for stacks in docs/iam.md', () => {
  it('list the calls deploy-green and rollback make with stack-name, every stack feature on', async () => {
    bed.callsByAction.clear();
    await errorsAlarm('orders-stack-errors');
    const s3 = new S3Client({ ...clientConfig(bed.moto.url), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'orders-templates' }));
    s3.destroy();
    const template = (extra = '') => `Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n${extra}`;
    const file = (name: string, text: string) => {
      writeFileSync(join(bed.workspace, name), text);
      return name;
    };
    const stack = { 'stack-name': 'orders-stack', 'template-file': file('iam-stack.yaml', template()) };
    const features = { 'rollback-alarms': 'orders-stack-errors', 'rollback-monitoring-minutes': '5' };
    // Created, then an empty change set (deleted again), then a refused alias (change set and stack deleted).
    ok(await bed.run('deploy-green', node, { ...stack, ...features }));
    ok(await bed.run('deploy-green', node, { ...stack, ...features }));
    const alias = `  Live:\n    Type: AWS::Lambda::Alias\n    Properties: { FunctionName: orders-api, FunctionVersion: '1', Name: live }\n`;
    const refused = await bed.run('deploy-green', node, {
      'stack-name': 'orders-alias',
      'template-file': file('iam-alias.yaml', template(alias)),
    });
    expect(refused.errors[0]).toMatch(/resource Live \(AWS::Lambda::Alias\) would change/);
    // Over 51,200 bytes: uploaded to template-bucket.
    const big = `Description: ${'x'.repeat(52_000)}\n${template()}`;
    ok(
      await bed.run('deploy-green', node, {
        'stack-name': 'orders-big',
        'template-file': file('iam-big.yaml', big),
        'template-bucket': 'orders-templates',
      }),
    );
    ok(await bed.run('rollback', node, { 'stack-name': 'orders-stack', 'function-name': '' }));

    const needed = (action: string) =>
      [...(bed.callsByAction.get(action) ?? [])]
        .map((op) => {
          const [service, name] = op.split(':');
          return `${IAM_PREFIX[service] ?? service}:${IAM_NAME[name] ?? name}`;
        })
        .filter((op) => !op.startsWith('lambda:'));
    expect({ allowed: policyActions('deploy-green-stack') }).toEqual({
      allowed: [...new Set(needed('deploy-green'))].sort(),
    });
    // The emulator never has an update in progress nor a failed rollback: those two calls are proved by the
    // unit tests (test/alias-and-recover.test.ts of the stack package).
    const unitOnly = ['cloudformation:CancelUpdateStack', 'cloudformation:ContinueUpdateRollback'];
    expect({ allowed: policyActions('rollback-stack') }).toEqual({
      allowed: [...new Set([...needed('rollback'), ...unitOnly])].sort(),
    });
  });
});
