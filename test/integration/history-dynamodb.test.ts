// The DynamoDB history backend against moto, through the fault proxy that counts calls per operation.
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  QueryCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { StoreMissingError } from '@deploy-actions/history';
import {
  DynamoDbHistory,
  createTableInput,
  itemsFor,
  timeToLiveInput,
} from '@deploy-actions/history/dynamodb';
import type { DeploymentRecord, DeploymentStatus } from '@deploy-actions/history';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { awsTestEnv, clientConfig, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { repoRoot } from '@deploy-actions/testbed/runner';
import { FaultProxy } from '@deploy-actions/testbed/proxy';

jest.setTimeout(120_000);

const TABLE = 'deployments';
const target = { environment: 'prod', targetKind: 'lambda', resource: 'orders:live' };
let moto: Moto;
let proxy: FaultProxy;
let raw: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let history: DynamoDbHistory;

function release(n: number, startedAt: string): DeploymentRecord {
  return {
    id: `run-${n}-1`,
    ...target,
    blueVersion: String(n - 1),
    greenVersion: String(n),
    strategy: 'linear',
    status: 'started',
    startedAt,
    commit: `c${n}`,
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: `https://github.com/o/r/actions/runs/${n}`,
  };
}

const at = (minutes: number) =>
  new Date(Date.parse('2025-03-01T00:00:00.000Z') + minutes * 60_000).toISOString();

beforeAll(async () => {
  moto = await startMoto();
  proxy = await FaultProxy.start(moto.url);
  raw = new DynamoDBClient(clientConfig(proxy.url, { maxAttempts: 1 }));
  doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  history = new DynamoDbHistory(doc, TABLE);
  await raw.send(new CreateTableCommand(createTableInput(TABLE)));
  await raw.send(new UpdateTimeToLiveCommand(timeToLiveInput(TABLE)));
});

afterAll(async () => {
  raw?.destroy();
  await proxy?.stop();
  await moto?.stop();
});

describe('three releases', () => {
  it('records each from start to end, once, and finds the last good one', async () => {
    const r1 = release(1, at(0));
    const r2 = release(2, at(60));
    const r3 = release(3, at(120));
    for (const r of [r1, r2, r3]) expect((await history.putStarted(r)).created).toBe(true);
    await history.finish(r1.id, 'succeeded', { endedAt: at(10) });
    await history.finish(r2.id, 'succeeded', { endedAt: at(70) });
    const failed = await history.finish(r3.id, 'rolled-back', {
      endedAt: at(125),
      reason: 'health gate: error rate 4.1% > 2%',
      restoredVersion: '2',
    });
    expect(failed).toEqual({
      record: {
        ...r3,
        status: 'rolled-back',
        endedAt: at(125),
        reason: failed.record.reason,
        restoredVersion: '2',
      },
      changed: true,
    });

    // A re-run start (new clock, same id) and a re-run finish write nothing.
    proxy.clearCalls();
    const again = await history.putStarted({ ...r3, startedAt: at(200) });
    expect(again).toEqual({ record: failed.record, created: false });
    const finishAgain = await history.finish(r3.id, 'rolled-back', { endedAt: at(210) });
    expect(finishAgain).toEqual({ record: failed.record, changed: false });
    await expect(history.finish(r3.id, 'succeeded', { endedAt: at(210) })).rejects.toThrow(
      'deployment run-3-1 already ended "rolled-back"',
    );
    const recent = await history.recent(target, 10);
    expect(recent.map((r) => [r.id, r.status])).toEqual([
      ['run-3-1', 'rolled-back'],
      ['run-2-1', 'succeeded'],
      ['run-1-1', 'succeeded'],
    ]);
    const writeOps = /^(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/;
    expect(proxy.calls.filter((c) => writeOps.test(c.op)).map((c) => `${c.op} ${c.status}`)).toEqual([
      'TransactWriteItems 400', // refused by its condition
      'UpdateItem 400', // the repeat: refused by its condition, answered as done
      'UpdateItem 400', // the illegal change
    ]);

    expect((await history.lastSuccessful(target, { deploymentId: r3.id }))?.id).toBe('run-2-1');
    expect((await history.lastSuccessful(target, { at: at(70) }))?.id).toBe('run-1-1');
    expect((await history.lastSuccessful(target))?.id).toBe('run-2-1');
    expect(await history.lastSuccessful(target, { at: at(10) })).toBeUndefined();
    expect(await history.between(target, at(60), at(120))).toEqual([
      { ...r2, status: 'succeeded', endedAt: at(70) },
    ]);
    expect(await history.get('run-9-1')).toBeUndefined();
  });

  it('names dynamodb-table when the table is missing', async () => {
    const missing = new DynamoDbHistory(doc, 'no-such-table');
    const err = await missing.putStarted(release(9, at(0))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreMissingError);
    expect((err as Error).message).toMatch(/^history store "no-such-table"/);
    await expect(missing.lastSuccessful(target)).rejects.toThrow(StoreMissingError);
  });
});

describe('10,000 records', () => {
  const big = { environment: 'prod', targetKind: 'lambda', resource: 'billing:live' };
  let records: DeploymentRecord[];

  beforeAll(async () => {
    records = Array.from({ length: 10_000 }, (_, i) => {
      const status: DeploymentStatus = i % 7 === 3 ? 'failed' : i % 13 === 5 ? 'rolled-back' : 'succeeded';
      return { ...release(i, at(i * 30)), ...big, id: `big-${i}`, status, endedAt: at(i * 30 + 9) };
    });
    // Two items a record (record + id pointer); 12 records fill a 24-item batch of the 25 allowed.
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < records.length; i += 12) {
      batches.push(records.slice(i, i + 12).flatMap((r) => itemsFor(r)));
    }
    const t0 = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        let requests = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
          requests = (out.UnprocessedItems?.[TABLE] ?? []) as typeof requests;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.log(`wrote 10,000 records (${batches.length} BatchWriteItem calls) in ${Date.now() - t0} ms`);
  });

  it('finds the last success in at most 2 calls, counted at the proxy', async () => {
    // Newest success before record 9,999's start: 9,998 unless it failed.
    const expected = [...records]
      .reverse()
      .find((r) => r.status === 'succeeded' && r.endedAt! < records[9_999]!.startedAt)!;

    proxy.clearCalls();
    const t0 = Date.now();
    const byId = await history.lastSuccessful(big, { deploymentId: 'big-9999' });
    const ms = Date.now() - t0;
    expect(byId?.id).toBe(expected.id);
    expect(proxy.counts()).toEqual({ 'dynamodb:GetItem': 1, 'dynamodb:Query': 1 });

    proxy.clearCalls();
    const before = at(4999 * 30 + 5); // record 4,999 started 5 minutes earlier and ends 4 minutes later
    const byTime = await history.lastSuccessful(big, { at: before });
    const expectedByTime = [...records]
      .reverse()
      .find((r) => r.status === 'succeeded' && r.endedAt! < before)!;
    expect(byTime?.id).toBe(expectedByTime.id);
    expect(byTime?.id).toBe('big-4998');
    expect(proxy.counts()).toEqual({ 'dynamodb:Query': 1 });
    console.log(`lastSuccessful(deploymentId) over 10,000 records: ${ms} ms, 2 calls`);
  });

  it('reads a report period page by page', async () => {
    // 2,000 records (one 1 MB page; paging itself is unit-tested): moto took 20 s to page through all 10,000.
    proxy.clearCalls();
    const t0 = Date.now();
    const some = await history.between(big, at(8000 * 30), at(10_000 * 30));
    expect(some.map((r) => r.id)).toEqual(records.slice(8000).map((r) => r.id));
    console.log(`between() over 2,000 records: ${Date.now() - t0} ms, ${proxy.calls.length} Query pages`);
  });
});

describe('what moto does not do (observed)', () => {
  it('keeps expired items forever, refuses a consistent index read as AWS does', async () => {
    const ttl = await raw.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });

    // An item that expired 90 days after 2025-03-01: real DynamoDB deletes it within days; moto never does.
    const old = await doc.send(
      new GetCommand({ TableName: TABLE, Key: { pk: 'deployment#run-1-1', sk: 'deployment' } }),
    );
    expect(old.Item!.expiresAt).toBeLessThan(Date.now() / 1000);

    // Real DynamoDB refuses a strongly consistent read of a GSI with ValidationException
    // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-ConsistentRead).
    const consistent = await raw
      .send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: 'latest-success',
          KeyConditionExpression: 'successPk = :t',
          ExpressionAttributeValues: { ':t': { S: 'prod#orders:live' } },
          ConsistentRead: true,
          Limit: 1,
        }),
      )
      .then(
        () => 'accepted',
        (e: Error) => e.name,
      );
    expect(consistent).toBe('ValidationException');

    const table = await raw.send(new DescribeTableCommand({ TableName: TABLE }));
    const gsi = table.Table!.GlobalSecondaryIndexes![0]!;
    // Real DynamoDB reports an index's ItemCount (refreshed about every six hours); moto leaves it out.
    console.log(
      `moto GSI: status ${gsi.IndexStatus}, ItemCount ${gsi.ItemCount}, table ItemCount ${table.Table!.ItemCount}`,
    );
  });
});

describe('npm run create-history-table', () => {
  it('creates the table as the README describes it: keys, the latest-success index, TTL on', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/create-history-table.ts', 'history-2'],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...awsTestEnv(moto.url) } },
    );
    expect(stdout).toContain('Created table history-2 in us-east-1');
    const made = await raw.send(new DescribeTableCommand({ TableName: 'history-2' }));
    const wanted = createTableInput('history-2');
    expect(made.Table!.KeySchema).toEqual(wanted.KeySchema);
    expect(made.Table!.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.KeySchema])).toEqual(
      wanted.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.KeySchema]),
    );
    expect(made.Table!.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const ttl = await raw.send(new DescribeTimeToLiveCommand({ TableName: 'history-2' }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });
});
