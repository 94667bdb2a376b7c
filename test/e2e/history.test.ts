// Releases recorded in both history backends through the bundles: GitHub Deployments on the local API
// server (every call checked against GitHub's OpenAPI description) and DynamoDB in moto behind the proxy.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '../support/github';
import { clientConfig } from '../support/moto';
import { nodeBinaries } from '../support/node24';
import { FN, ok, useBed, type Bed } from './bed';

const TABLE = 'deployments';
const bed = useBed();
let gh: GitHubServer;
let db: DynamoDBDocumentClient;

beforeEach(async () => {
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
  db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  await db.send(new CreateTableCommand(createTableInput(TABLE)));
  await db.send(new UpdateTimeToLiveCommand(timeToLiveInput(TABLE)));
});
afterEach(async () => {
  db?.destroy();
  await gh?.stop();
});

const history = {
  backend: 'github,dynamodb',
  environment: 'production',
  'dynamodb-table': TABLE,
  'environment-url': 'https://orders.example.com/',
};

/** A workflow run: its own run id and commit, the job token of the local GitHub. */
function job(run: number) {
  const sha = String(run).padStart(40, 'a');
  return {
    env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ID: String(run), GITHUB_SHA: sha },
    githubToken: gh.token,
  };
}

/** DynamoDB's records (not the id pointers), oldest first. */
async function tableRecords() {
  const out = await db.send(new ScanCommand({ TableName: TABLE }));
  return (out.Items ?? [])
    .filter((i) => !String(i.pk).startsWith('deployment#'))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

/** GitHub's deployments as [record id, state of the latest status], oldest first. */
function githubRecords() {
  return gh.deployments().map((d) => [(d.payload as { recordId: string }).recordId, d.state]);
}

type Run = Awaited<ReturnType<Bed['run']>>;

/**
 * One release as a workflow runs it: deploy-green, record started, shift-traffic, then health-gate;
 * on a bad verdict rollback (to: previous) and the release ends rolled-back; else it ends succeeded.
 */
async function release(node: string, run: number, bad = false) {
  const ctx = job(run);
  const deployed = await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, ctx);
  ok(deployed);
  const green = deployed.outputs['green-version']!;
  const blue = deployed.outputs['blue-version']!;
  const started = await bed.run(
    'record-history',
    node,
    {
      ...history,
      status: 'started',
      'function-name': FN,
      'green-version': green,
      'blue-version': blue,
      strategy: 'all-at-once',
    },
    ctx,
  );
  ok(started);
  const id = started.outputs['deployment-id']!;
  if (blue)
    ok(await bed.run('shift-traffic', node, { 'green-version': green, strategy: 'all-at-once' }, ctx));
  if (bad) bed.proxy.addRule({ op: 'Invoke', qualifier: green, kind: 'function-error' });
  const gate = await bed.run('health-gate', node, { 'invoke-payload': '{"ping":true}' }, ctx);
  let rolledBack: Run | undefined;
  if (gate.code !== 0) {
    rolledBack = await bed.run(
      'rollback',
      node,
      { ...history, 'deployment-id': id, reason: `health-gate: ${gate.outputs.reason}` },
      ctx,
    );
    ok(rolledBack);
  } else {
    ok(await bed.run('record-history', node, { ...history, status: 'succeeded', 'deployment-id': id }, ctx));
  }
  bed.proxy.clearRules();
  return { id, green, blue, started, gate, rolledBack };
}

describe.each(nodeBinaries())('history on $name', ({ path: node }) => {
  it('records three releases, the third rolled back after its gate, and rolls back to the last good one', async () => {
    const r1 = await release(node, 101);
    const r2 = await release(node, 102);
    expect(r2.started.outputs['previous-version']).toBe('1');
    const r3 = await release(node, 103, true);
    expect(r3.gate.code).toBe(1);
    // The gate judged v3 bad at 100%: rollback with to: previous found release 2 in the history.
    const rb = r3.rolledBack!;
    expect(rb.outputs).toMatchObject({
      'from-version': '3',
      'to-version': '2',
      'restored-deployment-id': r2.id,
    });
    expect(rb.writes).toEqual(expect.arrayContaining(['UpdateAlias']));
    expect(await bed.alias()).toBe('2');

    const rollbackId = rb.outputs['deployment-id']!;
    expect(new Set([r1.id, r2.id, r3.id, rollbackId]).size).toBe(4);

    // DynamoDB: four records with their states; the rollback names where it went.
    const items = await tableRecords();
    expect(items.map((i) => [i.id, i.status, i.blueVersion, i.greenVersion])).toEqual([
      [r1.id, 'succeeded', '', '1'],
      [r2.id, 'succeeded', '1', '2'],
      [r3.id, 'rolled-back', '2', '3'],
      [rollbackId, 'succeeded', '3', '2'],
    ]);
    expect(items[2]).toMatchObject({ restoredVersion: '2', reason: expect.stringMatching(/^health-gate: /) });
    expect(items[3]).toMatchObject({ strategy: 'rollback' });
    expect(items.every((i) => typeof i.expiresAt === 'number')).toBe(true);

    // GitHub: the same four, the restored release 2 live again, release 3 failed with its reason.
    expect(githubRecords()).toEqual([
      [r1.id, 'inactive'],
      [r2.id, 'success'],
      [r3.id, 'failure'],
      [rollbackId, 'inactive'],
    ]);
    const d3 = gh.deployments()[2]!;
    const failure = gh.statuses(d3.id).find((s) => s.state === 'failure')!;
    expect(failure.description).toMatch(/^rolled back to 2: health-gate: /);
    expect(failure.log_url).toBe('https://github.com/octo-org/orders-service/actions/runs/103');
    const live = gh.statuses(gh.deployments()[1]!.id).at(-1)!;
    expect(live).toMatchObject({ state: 'success', environment_url: 'https://orders.example.com/' });
    expect(live.description).toBe('live again on version 2');
    expect(gh.violations).toEqual([]);

    // What a later job sees: the last good version, and the figures.
    const report = await bed.run(
      'record-history',
      node,
      { ...history, 'function-name': FN, 'report-days': '30' },
      job(104),
    );
    ok(report);
    expect(report.outputs['previous-version']).toBe('2');
    const stats = JSON.parse(report.outputs.stats!);
    expect(stats).toMatchObject({ count: 4, succeeded: 3, rolledBack: 1, source: 'dynamodb' });
    expect(stats.changeFailureRate).toBeCloseTo(0.25);
    expect(report.summary).toContain('| change failure rate | 25.0% |');
    expect(report.summary).toContain(`| ${r3.id} |`);
  });
});
