/**
 * Deployment history in one DynamoDB table.
 *
 * Items
 *   record   pk = targetKey: `${environment}#${functionName}:${alias}` for Lambda, as ever, and
 *            `${environment}#${targetKind}:${resource}` for other targets (one target in one environment)
 *            sk = `${startedAt ISO}#${id}` (time order; the id keeps two starts in one ms apart)
 *            successPk = pk, only while status is succeeded (makes the index below sparse)
 *            expiresAt = epoch seconds, startedAt + ttl-days (the table's TTL attribute)
 *   pointer  pk = `deployment#${id}`, sk = `deployment`, recordPk, recordSk, expiresAt
 *            The id lookup. A pointer rather than a GSI on id because GSI reads are only eventually
 *            consistent (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reads),
 *            and a start written by one job must be found by the finish in the next; writing the pointer
 *            with attribute_not_exists also makes the id unique, which a GSI cannot.
 *            Record sort keys start with a digit and `deployment` does not, so target queries that bound
 *            sk to times never meet a pointer even if a pointer's pk equals some target's pk.
 *
 * Index `latest-success`: successPk (HASH), endedAt (RANGE), all attributes projected. "The last
 * successful deployment of a target before T" is one Query: successPk = :t AND endedAt < :T, newest first,
 * Limit 1. Only succeeded records carry successPk, so the index holds nothing else.
 */
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from '@aws-sdk/client-dynamodb';
import { DeployError, awsErrorName, clientConfig, type AwsOptions } from '@deploy-actions/core';
import {
  checkDeploymentId,
  isOpenRelease,
  isoTime,
  OPEN_RELEASE_SCAN,
  targetKey,
  transition,
  type DeploymentRecord,
  type FinalStatus,
  type FinishFields,
  type Progress,
  type Target,
} from './record';
import { DEFAULT_TTL_DAYS } from './config';
import { RecordError, StoreMissingError } from './errors';
import { readTarget, storedTarget } from './format';

export { DEFAULT_TTL_DAYS, parseTtlDays } from './config';

export const LATEST_SUCCESS_INDEX = 'latest-success';
export const TTL_ATTRIBUTE = 'expiresAt';
const POINTER_SK = 'deployment';
// Above every `${ISO time}#${id}` sort key ('~' sorts after '#'), below `deployment`.
const TIMES_END = '9999-12-31T23:59:59.999Z~';
const KEY_ATTRIBUTES = ['pk', 'sk', 'successPk', TTL_ATTRIBUTE] as const;

function pointerKey(id: string) {
  return { pk: `deployment#${id}`, sk: POINTER_SK };
}

/** The table as CreateTable wants it: on-demand, keyed as described above. */
export function createTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'successPk', AttributeType: 'S' },
      { AttributeName: 'endedAt', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: LATEST_SUCCESS_INDEX,
        KeySchema: [
          { AttributeName: 'successPk', KeyType: 'HASH' },
          { AttributeName: 'endedAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/** TTL is switched on by its own call after the table is active. */
export function timeToLiveInput(name: string): UpdateTimeToLiveCommandInput {
  return { TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } };
}

/** The stored item: the record plus its keys, its index key when succeeded, and its expiry. */
export function toItem(record: DeploymentRecord, ttlDays = DEFAULT_TTL_DAYS): Record<string, unknown> {
  const pk = targetKey(record);
  const { targetKind, resource, ...rest } = record;
  const item: Record<string, unknown> = {
    ...withoutUndefined(rest),
    ...storedTarget({ targetKind, resource }),
    pk,
    sk: `${record.startedAt}#${record.id}`,
    [TTL_ATTRIBUTE]: expiresAt(record.startedAt, ttlDays),
  };
  if (record.status === 'succeeded' && record.endedAt !== undefined) item.successPk = pk;
  return item;
}

/** Both items of a record, the record and its id pointer: what a bulk import (BatchWriteItem) writes. */
export function itemsFor(
  record: DeploymentRecord,
  ttlDays = DEFAULT_TTL_DAYS,
): [Record<string, unknown>, Record<string, unknown>] {
  const item = toItem(record, ttlDays);
  const pointer = {
    ...pointerKey(record.id),
    recordPk: item.pk,
    recordSk: item.sk,
    [TTL_ATTRIBUTE]: item[TTL_ATTRIBUTE],
  };
  return [item, pointer];
}

// DynamoDB TTL wants a Number of epoch seconds
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
function expiresAt(startedAt: string, ttlDays: number): number {
  return Math.floor(Date.parse(startedAt) / 1000) + ttlDays * 86_400;
}

export function fromItem(item: Record<string, unknown>): DeploymentRecord {
  const out: Record<string, unknown> = { ...item };
  for (const k of [...KEY_ATTRIBUTES, 'functionName', 'alias', 'targetKind', 'resource']) delete out[k];
  const target = readTarget(item);
  if (!target) throw new DeployError(`the history item ${String(item.pk)} names no target`);
  return { ...out, ...target } as unknown as DeploymentRecord;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type Before = { at: string } | { deploymentId: string };

export interface HistoryOptions {
  ttlDays?: number;
}

export class DynamoDbHistory {
  private readonly ttlDays: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly table: string,
    opts: HistoryOptions = {},
  ) {
    this.ttlDays = opts.ttlDays ?? DEFAULT_TTL_DAYS;
  }

  /**
   * Writes a new `started` record and its id pointer in one transaction. A retried or re-run step finds
   * the pointer taken and gets the existing record back (`created: false`); nothing is written twice.
   */
  async putStarted(input: DeploymentRecord): Promise<{ record: DeploymentRecord; created: boolean }> {
    checkDeploymentId(input.id);
    if (input.status !== 'started')
      throw new Error(`putStarted needs status "started", not "${input.status}"`);
    const record: DeploymentRecord = { ...input, startedAt: isoTime(input.startedAt, 'startedAt') };
    const [item, pointer] = itemsFor(record, this.ttlDays);
    try {
      await this.call(() =>
        this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table,
                  Item: pointer,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        ),
      );
      return { record, created: true };
    } catch (err) {
      if (!isConditionCancel(err)) throw err;
    }
    const existing = await this.get(record.id);
    if (!existing) {
      throw new DeployError(
        `deployment ${record.id} is taken in table ${this.table}, but its record is gone (expired by TTL?); use a new deployment-id`,
      );
    }
    if (targetKey(existing) !== targetKey(record)) {
      throw new RecordError(
        record.id,
        `already names a deployment of ${targetKey(existing)}, not of ${targetKey(record)}`,
      );
    }
    return { record: existing, created: false };
  }

  /**
   * Ends a started deployment. Only started → final is written; the same final status again returns the
   * record unchanged (`changed: false`); any other change is refused with the statuses named.
   */
  async finish(
    id: string,
    status: FinalStatus,
    fields: FinishFields,
  ): Promise<{ record: DeploymentRecord; changed: boolean }> {
    checkDeploymentId(id);
    const key = await this.recordKey(id);
    if (!key) throw notFound(id, this.table);
    const values: Record<string, unknown> = {
      ':status': status,
      ':endedAt': isoTime(fields.endedAt, 'endedAt'),
    };
    const sets = ['#status = :status', 'endedAt = :endedAt'];
    if (fields.reason !== undefined) {
      sets.push('reason = :reason');
      values[':reason'] = fields.reason;
    }
    if (fields.restoredVersion !== undefined) {
      sets.push('restoredVersion = :restoredVersion');
      values[':restoredVersion'] = fields.restoredVersion;
    }
    if (status === 'succeeded') {
      sets.push('successPk = :pk');
      values[':pk'] = key.pk;
    }
    const updated = await this.updateWhileStarted(key, sets, values);
    if (updated) return { record: updated, changed: true };
    // A final status never changes again, so this read sees the status that made the condition fail.
    const current = await this.getByKey(key);
    if (!current) throw notFound(id, this.table);
    if (transition(current.status, status) === 'noop') return { record: current, changed: false };
    throw new DeployError(
      `deployment ${id} already ended "${current.status}"${current.endedAt ? ` at ${current.endedAt}` : ''}; ` +
        `it cannot become "${status}" (only a started deployment can end, once)`,
    );
  }

  /**
   * Sets where a started rollout stands: one UpdateItem of its `progress` field. A record that has ended is
   * left as it is (`changed: false`): a late progress never reopens it.
   */
  async progress(id: string, progress: Progress): Promise<{ record: DeploymentRecord; changed: boolean }> {
    checkDeploymentId(id);
    const key = await this.recordKey(id);
    if (!key) throw notFound(id, this.table);
    const updated = await this.updateWhileStarted(key, ['progress = :progress'], {
      ':progress': { ...progress, at: isoTime(progress.at, 'progress.at') },
    });
    if (updated) return { record: updated, changed: true };
    const current = await this.getByKey(key);
    if (!current) throw notFound(id, this.table);
    return { record: current, changed: false };
  }

  /** One UpdateItem of a record still started; undefined when it has ended (the condition failed). */
  private async updateWhileStarted(
    key: { pk: string; sk: string },
    sets: string[],
    values: Record<string, unknown>,
  ): Promise<DeploymentRecord | undefined> {
    try {
      const out = await this.call(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk) AND #status = :started',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ...values, ':started': 'started' },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return fromItem(out.Attributes!);
    } catch (err) {
      if (awsErrorName(err) !== 'ConditionalCheckFailedException') throw err;
      return undefined;
    }
  }

  async get(id: string): Promise<DeploymentRecord | undefined> {
    checkDeploymentId(id);
    const key = await this.recordKey(id);
    return key ? this.getByKey(key) : undefined;
  }

  /**
   * The newest succeeded deployment that ended before `before` (a time, or the start of a given
   * deployment); without it, the newest of all. One Query, plus one GetItem to place a deployment id.
   * The index is eventually consistent: a success finished in the last second may not be seen yet.
   */
  async lastSuccessful(target: Target, before?: Before): Promise<DeploymentRecord | undefined> {
    let until: string | undefined;
    if (before && 'at' in before) until = isoTime(before.at, 'before');
    if (before && 'deploymentId' in before) {
      checkDeploymentId(before.deploymentId);
      const key = await this.recordKey(before.deploymentId);
      if (!key) throw notFound(before.deploymentId, this.table);
      until = key.sk.slice(0, key.sk.indexOf('#'));
    }
    const out = await this.call(() =>
      this.client.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: LATEST_SUCCESS_INDEX,
          KeyConditionExpression:
            until === undefined ? 'successPk = :t' : 'successPk = :t AND endedAt < :before',
          ExpressionAttributeValues: {
            ':t': targetKey(target),
            ...(until === undefined ? {} : { ':before': until }),
          },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    const item = out.Items?.[0];
    return item ? fromItem(item) : undefined;
  }

  /**
   * The newest release of a target that has not ended and whose green is `greenVersion`, among the target's
   * OPEN_RELEASE_SCAN newest records: one Query.
   */
  async openRelease(target: Target, greenVersion: string): Promise<DeploymentRecord | undefined> {
    return (await this.recent(target, OPEN_RELEASE_SCAN)).find((r) => isOpenRelease(r, greenVersion));
  }

  /** The newest `limit` deployments of a target, newest first. */
  async recent(target: Target, limit: number): Promise<DeploymentRecord[]> {
    if (!(Number.isInteger(limit) && limit >= 1))
      throw new Error(`limit must be a whole number ≥ 1, not ${limit}`);
    return this.query(
      {
        KeyConditionExpression: 'pk = :pk AND sk < :end',
        ExpressionAttributeValues: { ':pk': targetKey(target), ':end': TIMES_END },
        ScanIndexForward: false,
      },
      limit,
    );
  }

  /** Deployments of a target started in [from, to), oldest first, every page read. */
  async between(target: Target, from: string, to: string): Promise<DeploymentRecord[]> {
    return this.query({
      // sk is `${startedAt}#${id}`: `${from}#…` sorts after from, `${to}#…` after to, so BETWEEN is [from, to).
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': targetKey(target),
        ':from': isoTime(from, 'from'),
        ':to': isoTime(to, 'to'),
      },
      ScanIndexForward: true,
    });
  }

  private async query(
    input: Omit<QueryCommandInput, 'TableName'>,
    limit = Infinity,
  ): Promise<DeploymentRecord[]> {
    const out: DeploymentRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new QueryCommand({
            ...input,
            TableName: this.table,
            ExclusiveStartKey: start,
            Limit: Number.isFinite(limit) ? limit - out.length : undefined,
          }),
        ),
      );
      for (const item of page.Items ?? []) out.push(fromItem(item));
      start = page.LastEvaluatedKey;
    } while (start && out.length < limit);
    return out;
  }

  private async recordKey(id: string): Promise<{ pk: string; sk: string } | undefined> {
    const out = await this.call(() =>
      this.client.send(new GetCommand({ TableName: this.table, Key: pointerKey(id), ConsistentRead: true })),
    );
    if (!out.Item) return undefined;
    return { pk: String(out.Item.recordPk), sk: String(out.Item.recordSk) };
  }

  private async getByKey(key: { pk: string; sk: string }): Promise<DeploymentRecord | undefined> {
    const out = await this.call(() =>
      this.client.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return out.Item ? fromItem(out.Item) : undefined;
  }

  // One place for the errors a person must act on; everything else (throttling, 5xx) the SDK has retried.
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw mapError(err, this.table);
    }
  }
}

function mapError(err: unknown, table: string): unknown {
  const name = awsErrorName(err);
  if (name === 'ResourceNotFoundException') {
    return new StoreMissingError(
      table,
      'names no DynamoDB table in this account and region; create it first (see the record-history README)',
    );
  }
  if (name === 'AccessDeniedException') {
    return new DeployError(`access to DynamoDB table ${table} was denied: ${(err as Error).message}`);
  }
  return err;
}

function notFound(id: string, table: string): RecordError {
  return new RecordError(id, `names no deployment in DynamoDB table ${table}`);
}

// A transaction refused only by conditions: some item already exists.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#API_TransactWriteItems_Errors
function isConditionCancel(err: unknown): boolean {
  if (awsErrorName(err) !== 'TransactionCanceledException') return false;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return (
    reasons.some((r) => r.Code === 'ConditionalCheckFailed') &&
    reasons.every((r) => r.Code !== undefined && ['None', 'ConditionalCheckFailed'].includes(r.Code))
  );
}

/** A document client for the table, loaded only when needed, built from the suite's one client config. */
export async function dynamodbClient(opts: AwsOptions): Promise<DynamoDBDocumentClient> {
  const [{ DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/lib-dynamodb'),
  ]);
  return DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(opts)), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
