// rollback with stack-name alone and environment, through the real runner: the stack recovered as CloudFormation
// answers (AWS's shapes), the rollback recorded in a DynamoDB history kept in memory behind the document client.
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbHistory, fromItem } from '@deploy-actions/history/dynamodb';
import type { DeploymentRecord } from '@deploy-actions/history';
import { runRollback } from '@deploy-actions/release/run/rollback';
import { fakeClock, memoryRuntime } from '@deploy-actions/testbed/runtime';
import { targets } from '../../../../actions/targets';
import { event, stack, STACK } from './fixtures';

const cfn = mockClient(CloudFormationClient);
const doc = mockClient(DynamoDBDocumentClient);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
afterAll(() => {
  cfn.restore();
  doc.restore();
});

/** The table's items by key; only what the history's writes and reads need of DynamoDB. */
const items = new Map<string, Record<string, unknown>>();
const keyOf = (k: Record<string, unknown> | undefined) => `${String(k?.pk)}|${String(k?.sk)}`;
const $metadata = { httpStatusCode: 400 };

function table(): void {
  items.clear();
  doc
    .on(TransactWriteCommand)
    .callsFake((input: { TransactItems: { Put: { Item: Record<string, unknown> } }[] }) => {
      const puts = input.TransactItems.map((t) => t.Put.Item);
      // attribute_not_exists(pk) on each Put: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
      if (puts.some((i) => items.has(keyOf(i))))
        throw new TransactionCanceledException({
          message:
            'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]',
          CancellationReasons: puts.map((i) => ({
            Code: items.has(keyOf(i)) ? 'ConditionalCheckFailed' : 'None',
          })),
          $metadata,
        });
      for (const i of puts) items.set(keyOf(i), { ...i });
      return {};
    });
  doc.on(GetCommand).callsFake((input: { Key: Record<string, unknown> }) => {
    const item = items.get(keyOf(input.Key));
    return item ? { Item: { ...item } } : {};
  });
  doc
    .on(UpdateCommand)
    .callsFake(
      (input: {
        Key: Record<string, unknown>;
        UpdateExpression: string;
        ExpressionAttributeNames: Record<string, string>;
        ExpressionAttributeValues: Record<string, unknown>;
      }) => {
        const item = items.get(keyOf(input.Key));
        // The history's only condition: the record exists and is still started.
        if (!item || item.status !== 'started')
          throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata });
        for (const set of input.UpdateExpression.replace(/^SET /, '').split(', ')) {
          const [name, value] = set.split(' = ') as [string, string];
          item[input.ExpressionAttributeNames[name] ?? name] = input.ExpressionAttributeValues[value];
        }
        return { Attributes: { ...item } };
      },
    );
}

/** The history's records (not their id pointers), by id. */
function records(): Record<string, DeploymentRecord> {
  const out: Record<string, DeploymentRecord> = {};
  for (const item of items.values()) {
    if (String(item.pk).startsWith('deployment#')) continue;
    const r = fromItem(item);
    out[r.id] = r;
  }
  return out;
}

/** The stack as CloudFormation holds it: its status and its events. */
let status: string;
let events: StackEvent[];
beforeEach(() => {
  cfn.reset();
  doc.reset();
  table();
  events = [event(STACK, 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS', 'User Initiated')];
  cfn.on(DescribeStacksCommand).callsFake(() => stack(status));
  cfn.on(DescribeStackEventsCommand).callsFake(() => ({ StackEvents: [...events].reverse() }));
});

const ENV = {
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'rollback',
  GITHUB_ACTION: 'undo',
  GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_ACTOR: 'octocat',
  GITHUB_REPOSITORY: 'octo-org/orders-service',
};

async function rollback(given: Record<string, string>) {
  const rt = memoryRuntime({
    'stack-name': STACK,
    environment: 'production',
    backend: 'dynamodb',
    'dynamodb-table': 'deployments',
    ...given,
  });
  Object.assign(rt.env, ENV);
  await runRollback(rt, targets, { clock: fakeClock(Date.UTC(2026, 11, 1, 12)), dynamodb: async () => db });
  return rt;
}

describe('rollback of a stack alone, recorded in the history', () => {
  it('an update in progress is cancelled and waited on; the rollback is recorded naming the stack and both statuses', async () => {
    status = 'UPDATE_IN_PROGRESS';
    // The first read after the cancel still sees the rollback running: the step waits one poll, at the
    // waiter's shortest delay (5 s), which the runner has no way to shorten.
    cfn.on(CancelUpdateStackCommand).callsFake(() => {
      status = 'UPDATE_ROLLBACK_IN_PROGRESS';
      events.push(event('Api', 'AWS::Lambda::Function', 'UPDATE_IN_PROGRESS', 'Resource update cancelled'));
      let reads = 0;
      cfn.on(DescribeStacksCommand).callsFake(() => {
        if (++reads > 1) status = 'UPDATE_ROLLBACK_COMPLETE';
        return stack(status);
      });
      return {};
    });
    const rt = await rollback({ reason: 'deploy stuck on the table migration' });
    expect(rt.failed).toBeUndefined();
    expect(cfn.commandCalls(CancelUpdateStackCommand)).toHaveLength(1);
    expect(rt.outputs).toMatchObject({
      'stack-status': 'UPDATE_ROLLBACK_COMPLETE',
      'stack-changed': 'true',
      changed: 'true',
    });
    expect(rt.log).toContain('  Api (AWS::Lambda::Function) UPDATE_IN_PROGRESS: Resource update cancelled');
    const id = rt.outputs['deployment-id']!;
    expect(records()).toEqual({
      [id]: expect.objectContaining({
        environment: 'production',
        targetKind: 'cloudformation',
        resource: STACK,
        blueVersion: 'UPDATE_IN_PROGRESS',
        greenVersion: 'UPDATE_ROLLBACK_COMPLETE',
        strategy: 'rollback',
        status: 'succeeded',
        reason: 'rolled back from UPDATE_IN_PROGRESS: deploy stuck on the table migration',
        commit: ENV.GITHUB_SHA,
        actor: 'octocat',
        runUrl: 'https://github.com/octo-org/orders-service/actions/runs/4242',
      }),
    });
    expect(rt.summaryText).toContain('#### Stack orders');
    expect(rt.summaryText).toContain('| UPDATE_IN_PROGRESS | cancelled | UPDATE_ROLLBACK_COMPLETE |');
  }, 20_000);

  it('UPDATE_ROLLBACK_FAILED continues its rollback skipping resources-to-skip; the release given by deployment-id ends rolled-back', async () => {
    status = 'UPDATE_ROLLBACK_FAILED';
    // The release of the stack's function, as record-history wrote its start.
    const release: DeploymentRecord = {
      id: 'release-41',
      environment: 'production',
      targetKind: 'lambda',
      resource: 'orders:live',
      blueVersion: '7',
      greenVersion: '8',
      strategy: 'canary',
      status: 'started',
      startedAt: '2026-12-01T11:30:00.000Z',
      commit: 'b'.repeat(40),
      ref: 'refs/heads/main',
      actor: 'octocat',
      runUrl: 'https://github.com/octo-org/orders-service/actions/runs/4241',
    };
    await new DynamoDbHistory(db, 'deployments').putStarted(release);
    cfn.on(ContinueUpdateRollbackCommand).callsFake(() => {
      status = 'UPDATE_ROLLBACK_COMPLETE';
      return {};
    });
    const rt = await rollback({
      'resources-to-skip': 'Table\nAuth.UserPool',
      'deployment-id': 'release-41',
      reason: 'table deleted by hand',
    });
    expect(rt.failed).toBeUndefined();
    expect(cfn.commandCalls(ContinueUpdateRollbackCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, ResourcesToSkip: ['Table', 'Auth.UserPool'] },
    ]);
    expect(rt.outputs).toMatchObject({
      'stack-status': 'UPDATE_ROLLBACK_COMPLETE',
      'stack-changed': 'true',
      'rolled-back-deployment-id': 'release-41',
    });
    const all = records();
    expect(all['release-41']).toEqual({
      ...release,
      status: 'rolled-back',
      endedAt: '2026-12-01T12:00:00.000Z',
      restoredVersion: 'UPDATE_ROLLBACK_COMPLETE',
      reason: 'table deleted by hand',
    });
    expect(all[rt.outputs['deployment-id']!]).toMatchObject({
      targetKind: 'cloudformation',
      resource: STACK,
      blueVersion: 'UPDATE_ROLLBACK_FAILED',
      greenVersion: 'UPDATE_ROLLBACK_COMPLETE',
      status: 'succeeded',
    });
  });

  it('a stack at rest is left alone and nothing is recorded', async () => {
    status = 'UPDATE_COMPLETE';
    const rt = await rollback({});
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toMatchObject({
      'stack-status': 'UPDATE_COMPLETE',
      'stack-changed': 'false',
      changed: 'false',
    });
    expect(rt.outputs['deployment-id']).toBeUndefined();
    expect(items.size).toBe(0);
    expect(cfn.calls().filter((c) => !/^Describe/.test(c.args[0].constructor.name))).toEqual([]);
  });

  it('to: a version with the stack alone is refused naming it, before any call', async () => {
    status = 'UPDATE_IN_PROGRESS';
    const rt = await rollback({ to: '3' });
    expect(rt.failed).toBe(
      'Input "to" has value "3": needs function-name: a stack alone rolls back to its previous template. Nothing was changed in AWS.',
    );
    expect(cfn.calls()).toEqual([]);
    expect(items.size).toBe(0);
  });

  it('a stack in another operation is refused, nothing written and nothing recorded', async () => {
    status = 'CREATE_IN_PROGRESS';
    const rt = await rollback({});
    expect(rt.failed).toBe(
      'Stack orders is CREATE_IN_PROGRESS: rollback cancels an update in progress or continues a failed rollback, neither applies. Nothing was changed.',
    );
    expect(items.size).toBe(0);
  });
});
