// The DynamoDB backend against AWS's exact error shapes, which moto does not always give
// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html).
import { describe, it, expect, beforeEach, afterAll } from '@jest/globals';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DeployError } from '@deploy-actions/core';
import { StoreMissingError } from '../src/errors';
import { DynamoDbHistory, createTableInput, itemsFor, parseTtlDays, toItem } from '../src/dynamodb';
import type { DeploymentRecord } from '../src/record';

const doc = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
);
const history = new DynamoDbHistory(client, 'deployments', { ttlDays: 30 });
const $metadata = { httpStatusCode: 400 };

const started: DeploymentRecord = {
  id: 'run-7-1',
  environment: 'prod',
  targetKind: 'lambda',
  resource: 'orders:live',
  blueVersion: '6',
  greenVersion: '7',
  strategy: 'canary',
  status: 'started',
  startedAt: '2025-03-01T10:00:00.000Z',
  commit: 'abc123',
  ref: 'refs/heads/main',
  actor: 'octocat',
  runUrl: 'https://github.com/o/r/actions/runs/7',
};
const [item, pointer] = itemsFor(started, 30);

beforeEach(() => {
  doc.reset();
});
afterAll(() => doc.restore());

describe('table design', () => {
  it('creates an on-demand table with the sparse latest-success index', () => {
    const t = createTableInput('deployments');
    expect(t.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(t.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'latest-success',
        KeySchema: [
          { AttributeName: 'successPk', KeyType: 'HASH' },
          { AttributeName: 'endedAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('keys items by target and time, expires them after ttl-days, indexes only successes', () => {
    expect(item).toMatchObject({ pk: 'prod#orders:live', sk: '2025-03-01T10:00:00.000Z#run-7-1' });
    expect(item.expiresAt).toBe(Date.parse('2025-03-31T10:00:00.000Z') / 1000);
    expect(item).not.toHaveProperty('successPk');
    expect(pointer).toEqual({
      pk: 'deployment#run-7-1',
      sk: 'deployment',
      recordPk: item.pk,
      recordSk: item.sk,
      expiresAt: item.expiresAt,
    });
    const done = toItem({ ...started, status: 'succeeded', endedAt: '2025-03-01T10:05:00.000Z' });
    expect(done.successPk).toBe('prod#orders:live');
    expect(toItem({ ...started, status: 'failed', endedAt: '2025-03-01T10:05:00.000Z' })).not.toHaveProperty(
      'successPk',
    );
  });

  it('reads ttl-days', () => {
    expect(parseTtlDays('')).toBe(90);
    expect(parseTtlDays('365')).toBe(365);
    for (const bad of ['0', '-1', '1.5', '90d', '1e3']) {
      expect(() => parseTtlDays(bad)).toThrow(/^Input "ttl-days"/);
    }
  });
});

describe('putStarted', () => {
  it('writes the record and its pointer in one conditional transaction', async () => {
    doc.on(TransactWriteCommand).resolves({});
    await expect(history.putStarted(started)).resolves.toEqual({ record: started, created: true });
    const input = doc.commandCalls(TransactWriteCommand)[0]!.args[0].input;
    expect(input.TransactItems).toEqual([
      { Put: { TableName: 'deployments', Item: pointer, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: 'deployments', Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
  });

  it('returns the existing record when the id is taken', async () => {
    doc.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
        $metadata,
        CancellationReasons: [
          { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
          { Code: 'None' },
        ],
      }),
    );
    doc.on(GetCommand, { Key: { pk: 'deployment#run-7-1', sk: 'deployment' } }).resolves({ Item: pointer });
    doc.on(GetCommand, { Key: { pk: item.pk, sk: item.sk } }).resolves({ Item: item });
    await expect(history.putStarted({ ...started, startedAt: '2025-03-01T10:09:00.000Z' })).resolves.toEqual({
      record: started,
      created: false,
    });
  });

  it('refuses an id that already names another target', async () => {
    doc.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata,
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    doc.on(GetCommand, { Key: { pk: 'deployment#run-7-1', sk: 'deployment' } }).resolves({ Item: pointer });
    doc.on(GetCommand, { Key: { pk: item.pk, sk: item.sk } }).resolves({ Item: item });
    await expect(history.putStarted({ ...started, resource: 'orders:canary' })).rejects.toThrow(
      'deployment id "run-7-1" already names a deployment of prod#orders:live, not of prod#orders:canary',
    );
  });

  it('passes on a transaction conflict, which is not a duplicate', async () => {
    const conflict = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata,
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
    });
    doc.on(TransactWriteCommand).rejects(conflict);
    await expect(history.putStarted(started)).rejects.toBe(conflict);
  });

  it('names the dynamodb-table input when the table does not exist', async () => {
    doc
      .on(TransactWriteCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata }));
    const err = await history.putStarted(started).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreMissingError);
    expect((err as StoreMissingError).store).toBe('deployments');
    expect((err as Error).message).toMatch(/^history store "deployments" names no DynamoDB table/);
  });
});

describe('finish', () => {
  const ended = '2025-03-01T10:07:00.000Z';
  beforeEach(() => {
    doc.on(GetCommand, { Key: { pk: 'deployment#run-7-1', sk: 'deployment' } }).resolves({ Item: pointer });
  });

  it('writes started → succeeded with the index key, under a condition on the status', async () => {
    doc.on(UpdateCommand).resolves({
      Attributes: { ...item, status: 'succeeded', endedAt: ended, successPk: item.pk },
    });
    const out = await history.finish('run-7-1', 'succeeded', { endedAt: ended });
    expect(out).toEqual({ record: { ...started, status: 'succeeded', endedAt: ended }, changed: true });
    expect(doc.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'deployments',
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET #status = :status, endedAt = :endedAt, successPk = :pk',
      ConditionExpression: 'attribute_exists(pk) AND #status = :started',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': 'succeeded',
        ':started': 'started',
        ':endedAt': ended,
        ':pk': item.pk,
      },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('treats the same final status again as done, writing nothing more', async () => {
    doc
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata }));
    const current = { ...item, status: 'failed', endedAt: ended, reason: 'gate: error rate 4%' };
    doc.on(GetCommand, { Key: { pk: item.pk, sk: item.sk } }).resolves({ Item: current });
    const out = await history.finish('run-7-1', 'failed', { endedAt: '2025-03-01T11:00:00.000Z' });
    expect(out.changed).toBe(false);
    expect(out.record).toMatchObject({ status: 'failed', endedAt: ended, reason: 'gate: error rate 4%' });
  });

  it('refuses to change a final status, naming both', async () => {
    doc
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata }));
    doc.on(GetCommand, { Key: { pk: item.pk, sk: item.sk } }).resolves({
      Item: { ...item, status: 'rolled-back', endedAt: ended },
    });
    const err = await history.finish('run-7-1', 'succeeded', { endedAt: ended }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toBe(
      `deployment run-7-1 already ended "rolled-back" at ${ended}; it cannot become "succeeded" (only a started deployment can end, once)`,
    );
  });

  it('names deployment-id when the id is unknown or malformed', async () => {
    doc.on(GetCommand).resolves({});
    await expect(history.finish('run-8-1', 'failed', { endedAt: ended })).rejects.toThrow(
      'deployment id "run-8-1" names no deployment in DynamoDB table deployments',
    );
    await expect(history.finish('8#1', 'failed', { endedAt: ended })).rejects.toThrow(
      /^Input "deployment-id"/,
    );
    expect(doc.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});

describe('queries', () => {
  const target = { environment: 'prod', targetKind: 'lambda', resource: 'orders:live' };

  it('asks the index for the newest success before a time, in one call', async () => {
    doc.on(QueryCommand).resolves({ Items: [] });
    await expect(history.lastSuccessful(target, { at: '2025-03-01T10:00:00Z' })).resolves.toBeUndefined();
    expect(doc.calls()).toHaveLength(1);
    expect(doc.commandCalls(QueryCommand)[0]!.args[0].input).toEqual({
      TableName: 'deployments',
      IndexName: 'latest-success',
      KeyConditionExpression: 'successPk = :t AND endedAt < :before',
      ExpressionAttributeValues: { ':t': 'prod#orders:live', ':before': '2025-03-01T10:00:00.000Z' },
      ScanIndexForward: false,
      Limit: 1,
    });
  });

  it('places a deployment id with one read of its pointer', async () => {
    doc.on(GetCommand).resolves({ Item: pointer });
    doc.on(QueryCommand).resolves({ Items: [] });
    await history.lastSuccessful(target, { deploymentId: 'run-7-1' });
    expect(doc.calls()).toHaveLength(2);
    expect(doc.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':t': 'prod#orders:live',
      ':before': started.startedAt,
    });
  });

  it('reads every page of a period and stops recent() at the limit', async () => {
    const page = (n: number) => itemsFor({ ...started, id: `d${n}` })[0];
    doc
      .on(QueryCommand)
      .resolvesOnce({ Items: [page(1), page(2)], LastEvaluatedKey: { pk: 'x', sk: 'y' } })
      .resolvesOnce({ Items: [page(3)] });
    const all = await history.between(target, '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z');
    expect(all.map((r) => r.id)).toEqual(['d1', 'd2', 'd3']);
    const calls = doc.commandCalls(QueryCommand);
    expect(calls[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'x', sk: 'y' });
    expect(calls[0]!.args[0].input.Limit).toBeUndefined();

    doc.reset();
    doc.on(QueryCommand).resolves({ Items: [page(5), page(4)], LastEvaluatedKey: { pk: 'x', sk: 'z' } });
    expect((await history.recent(target, 2)).map((r) => r.id)).toEqual(['d5', 'd4']);
    expect(doc.calls()).toHaveLength(1);
    expect(doc.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      Limit: 2,
      ScanIndexForward: false,
    });
  });

  it("finds the open release of a split's green among the newest records, in one query", async () => {
    const rec = (id: string, over: Partial<DeploymentRecord>) => itemsFor({ ...started, id, ...over })[0];
    doc.on(QueryCommand).resolves({
      Items: [
        rec('rollback-1', { strategy: 'rollback', greenVersion: '7' }),
        rec('release-8', { greenVersion: '8' }),
        rec('release-7-ended', { greenVersion: '7', status: 'failed', endedAt: '2025-03-01T10:05:00.000Z' }),
        rec('release-7', { greenVersion: '7' }),
        rec('release-7-older', { greenVersion: '7' }),
      ],
    });
    expect((await history.openRelease(target, '7'))?.id).toBe('release-7');
    expect(doc.calls()).toHaveLength(1);
    expect(doc.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND sk < :end',
      ExpressionAttributeValues: { ':pk': 'prod#orders:live', ':end': expect.any(String) },
      ScanIndexForward: false,
      Limit: 20,
    });
    await expect(history.openRelease(target, '9')).resolves.toBeUndefined();
  });
});
