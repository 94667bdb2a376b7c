// Records written before targets had kinds (functionName and alias, task deploy:lambda) are read by
// the bundles of today: previous-version, the stats and rollback to: previous find them.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  CreateAliasCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { Octokit } from '@octokit/rest';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig, makeZip } from '@deploy-actions/testbed/moto';
import { FN, ok, useBed } from './bed';

const TABLE = 'deployments';
const ENV = 'production';
const bed = useBed();
const node = process.execPath;
let db: DynamoDBDocumentClient;
let lambda: LambdaClient;

beforeEach(async () => {
  db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  lambda = new LambdaClient(clientConfig(bed.moto.url));
  await db.send(new CreateTableCommand(createTableInput(TABLE)));
  // Versions 1, 2 and 3; the alias serves 3.
  for (let v = 1; v <= 3; v++) {
    await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: FN,
        ZipFile: makeZip({ 'index.mjs': `export const handler = async () => ${v};\n` }),
      }),
    );
    await lambda.send(new PublishVersionCommand({ FunctionName: FN }));
  }
  await lambda.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '3' }));
});
afterEach(() => {
  db?.destroy();
  lambda?.destroy();
});

const DAY = 86_400_000;
const iso = (daysAgo: number, minutes = 0) =>
  new Date(Date.now() - daysAgo * DAY + minutes * 60_000).toISOString();

/** A release as the earlier versions stored it: the record with functionName and alias, and its id pointer. */
function oldItems(n: number, daysAgo: number) {
  const id = `run-${n}-0ldf0rmat`;
  const startedAt = iso(daysAgo);
  const pk = `${ENV}#${FN}:live`;
  const sk = `${startedAt}#${id}`;
  const expiresAt = Math.floor(Date.parse(startedAt) / 1000) + 90 * 86_400;
  const record = {
    id,
    environment: ENV,
    functionName: FN,
    alias: 'live',
    blueVersion: String(n - 1 || ''),
    greenVersion: String(n),
    strategy: 'canary 10%',
    status: 'succeeded',
    startedAt,
    endedAt: iso(daysAgo, 5),
    commit: 'c'.repeat(40),
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: `https://github.com/octo-org/orders-service/actions/runs/${n}`,
    pk,
    sk,
    successPk: pk,
    expiresAt,
  };
  return [record, { pk: `deployment#${id}`, sk: 'deployment', recordPk: pk, recordSk: sk, expiresAt }];
}

describe('history written before targets had kinds', () => {
  it('DynamoDB: previous-version, stats and rollback to: previous read the old records', async () => {
    const items = [...oldItems(1, 3), ...oldItems(2, 2), ...oldItems(3, 1)];
    await db.send(
      new BatchWriteCommand({ RequestItems: { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    const history = { backend: 'dynamodb', environment: ENV, 'dynamodb-table': TABLE };

    const report = await bed.run('record-history', node, { ...history, 'report-days': '30' });
    ok(report);
    expect(report.outputs['previous-version']).toBe('3');
    expect(JSON.parse(report.outputs.stats!)).toMatchObject({ count: 3, succeeded: 3, source: 'dynamodb' });

    const back = await bed.run('rollback', node, history, { env: { GITHUB_RUN_ID: '9' } });
    ok(back);
    expect(back.outputs).toMatchObject({
      'from-version': '3',
      'to-version': '2',
      'restored-deployment-id': 'run-2-0ldf0rmat',
    });
    expect(await bed.alias()).toBe('2');
    // The rollback's own record is written the way Lambda's always were: no kind, the same key.
    const scan = await db.send(new ScanCommand({ TableName: TABLE }));
    const rollback = scan.Items!.find((i) => i.strategy === 'rollback')!;
    expect(rollback).toMatchObject({ pk: `${ENV}#${FN}:live`, functionName: FN, alias: 'live' });
    expect(rollback.targetKind).toBeUndefined();
  });

  it('DynamoDB: a release started without a progress field gets one from a rollout, and reads as before', async () => {
    const [record, pointer] = oldItems(3, 1);
    const started: Record<string, unknown> = { ...record, status: 'started' };
    delete started.endedAt;
    delete started.successPk;
    const items = [...oldItems(2, 2), started, pointer];
    await db.send(
      new BatchWriteCommand({ RequestItems: { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    await lambda.send(new UpdateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '2' }));
    const history = { backend: 'dynamodb', environment: ENV, 'dynamodb-table': TABLE };
    // Read before the rollout: the old started record, without progress, as ever.
    const before = await bed.run('record-history', node, { ...history, 'report-days': '30' });
    ok(before);
    expect(JSON.parse(before.outputs.stats!)).toMatchObject({ count: 2, succeeded: 1 });

    const start = await bed.run('shift-traffic', node, {
      ...history,
      mode: 'start',
      'green-version': '3',
      steps: '10:1d,100',
    });
    ok(start);
    expect(start.writes).toEqual(['UpdateAlias', 'UpdateItem']);
    const scan = await db.send(new ScanCommand({ TableName: TABLE }));
    const updated = scan.Items!.find((i) => i.id === 'run-3-0ldf0rmat' && i.pk === record.pk)!;
    expect(updated).toMatchObject({
      status: 'started',
      functionName: FN,
      progress: { step: 1, of: 2, percent: 10 },
    });
    const after = await bed.run('record-history', node, { ...history, 'report-days': '30' });
    ok(after);
    expect(JSON.parse(after.outputs.stats!)).toMatchObject({ count: 2, succeeded: 1 });
  });

  it('GitHub: the deployments of task deploy:lambda with function and alias in the payload', async () => {
    const gh: GitHubServer = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
    try {
      const octokit = new Octokit({ auth: gh.token, baseUrl: gh.url });
      for (const n of [1, 2, 3]) {
        const sha = String(n).padStart(40, 'b');
        const d = await octokit.rest.repos.createDeployment({
          owner: 'octo-org',
          repo: 'orders-service',
          ref: sha,
          environment: ENV,
          task: 'deploy:lambda',
          required_contexts: [],
          auto_merge: false,
          payload: {
            recordId: `run-${n}-0ldf0rmat`,
            function: FN,
            alias: 'live',
            blueVersion: String(n - 1 || ''),
            greenVersion: String(n),
            strategy: 'all-at-once',
            commit: sha,
            ref: 'refs/heads/main',
            actor: 'octocat',
            runUrl: '',
            // Each ended before the next began, as real releases do.
            startedAt: new Date().toISOString(),
          },
        });
        const id = (d.data as { id: number }).id;
        await octokit.rest.repos.createDeploymentStatus({
          owner: 'octo-org',
          repo: 'orders-service',
          deployment_id: id,
          state: 'success',
          description: 'succeeded',
        });
      }
      const history = { backend: 'github', environment: ENV };
      const extra = {
        githubToken: gh.token,
        env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ID: '9', GITHUB_SHA: 'd'.repeat(40) },
      };
      const report = await bed.run('record-history', node, { ...history, 'report-days': '30' }, extra);
      ok(report);
      expect(report.outputs['previous-version']).toBe('3');
      expect(JSON.parse(report.outputs.stats!)).toMatchObject({ count: 3, succeeded: 3, source: 'github' });
      const back = await bed.run('rollback', node, history, extra);
      ok(back);
      expect(back.outputs).toMatchObject({ 'to-version': '2' });
      expect(await bed.alias()).toBe('2');
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.stop();
    }
  });
});

describe('record ids', () => {
  let gh: GitHubServer;
  beforeEach(async () => {
    gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
  });
  afterEach(async () => gh?.stop());
  const started = (extra: Record<string, string>) => ({
    backend: 'github',
    environment: ENV,
    status: 'started',
    'green-version': '3',
    'blue-version': '2',
    ...extra,
  });
  const job = () => ({
    githubToken: gh.token,
    env: {
      GITHUB_API_URL: gh.url,
      GITHUB_RUN_ID: '77',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'history',
      GITHUB_SHA: 'e'.repeat(40),
    },
  });

  it('one matrix job releasing a function in two regions records two releases', async () => {
    const east = await bed.run('record-history', node, started({ 'aws-region': 'us-east-1' }), job());
    const west = await bed.run('record-history', node, started({ 'aws-region': 'eu-west-1' }), job());
    ok(east);
    ok(west);
    expect(east.outputs['deployment-id']).not.toBe(west.outputs['deployment-id']);
    expect(gh.deployments()).toHaveLength(2);
  });

  it('refuses to start an id that already ended with other versions, naming deployment-id', async () => {
    const first = await bed.run('record-history', node, started({ 'deployment-id': 'rel-1' }), job());
    ok(first);
    const end = { backend: 'github', environment: ENV, status: 'succeeded', 'deployment-id': 'rel-1' };
    ok(await bed.run('record-history', node, end, job()));
    const before = gh.calls.length;
    const again = await bed.run(
      'record-history',
      node,
      started({ 'deployment-id': 'rel-1', 'blue-version': '3', 'green-version': '4' }),
      job(),
    );
    expect(again.code).toBe(1);
    expect(again.errors[0]).toMatch(
      /^Input "deployment-id" has value "rel-1": already names the release 2 → 3, which ended succeeded/,
    );
    expect(gh.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(gh.deployments()).toHaveLength(1);
  });
});
