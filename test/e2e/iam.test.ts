import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { repoRoot } from '@deploy-actions/testbed/runner';
import { ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
// IAM prefixes of the SigV4 signing names: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
const IAM_PREFIX: Record<string, string> = {
  lambda: 'lambda',
  monitoring: 'cloudwatch',
  dynamodb: 'dynamodb',
};
// IAM names Invoke "InvokeFunction": https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
// A transaction is authorised as its parts, and ours hold only Puts:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
const IAM_NAME: Record<string, string> = { Invoke: 'InvokeFunction', TransactWriteItems: 'PutItem' };

function policyActions(action: string): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = new RegExp(`<!-- iam:${action} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block) throw new Error(`README.md has no IAM policy for ${action}`);
  const policy = JSON.parse(block[1]) as { Statement: { Action: string[] }[] };
  return policy.Statement.flatMap((s) => s.Action).sort();
}

describe('least-privilege IAM policies in the README', () => {
  it('list exactly the API calls each action makes with every feature on', async () => {
    const cw = new CloudWatchClient(clientConfig(bed.moto.url));
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'orders-api-errors',
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
      const needed = [...ops].map((op) => {
        const [service, name] = op.split(':');
        return `${IAM_PREFIX[service] ?? service}:${IAM_NAME[name] ?? name}`;
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
