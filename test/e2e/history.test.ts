// Releases recorded in both history backends through the bundles: GitHub Deployments on the local API
// server (every call checked against GitHub's OpenAPI description) and DynamoDB in moto behind the proxy.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
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
    // The rollback restores the third release but is no release of its own.
    expect(stats).toMatchObject({ count: 3, succeeded: 2, rolledBack: 1, rollbacks: 1, source: 'dynamodb' });
    expect(stats.changeFailureRate).toBeCloseTo(1 / 3);
    expect(stats.timeToRestoreMs).toMatchObject({ restored: 1, unrestored: 0 });
    expect(report.summary).toContain('| change failure rate | 33.3% |');
    expect(report.summary).toContain(`| ${r3.id} |`);

    // to: a deployment id restores that release's version; a release that did not succeed is refused.
    const refused = await bed.run('rollback', node, { ...history, to: r3.id }, job(105));
    expect(refused.errors).toEqual([
      `Input "to" has value "${r3.id}": names a deployment that ended rolled-back; only a succeeded deployment's version is restored. Nothing was changed in AWS.`,
    ]);
    expect(refused.writes).toEqual([]);
    const toFirst = await bed.run('rollback', node, { ...history, to: r1.id }, job(105));
    ok(toFirst);
    expect(toFirst.outputs).toMatchObject({ 'to-version': '1', 'restored-deployment-id': r1.id });
    expect(await bed.alias()).toBe('1');
    expect(gh.deployments()[0]!.state).toBe('success');

    // A second click does not bring back v2, which the last rollback moved away from; nothing is older.
    const again = await bed.run('rollback', node, history, job(106));
    expect(again.code).toBe(1);
    expect(again.errors.join(' ')).toMatch(
      /No successful deployment of a version other than the live v1 \(or one rolled back since\)/,
    );
    expect(again.writes).toEqual([]);
    expect(await bed.alias()).toBe('1');
    expect(gh.violations).toEqual([]);
  });
});

describe('history backends down or throttled', () => {
  const node = process.execPath;

  it('never touch the alias, retry, say what was not recorded, and record nothing twice on a re-run', async () => {
    await release(node, 201);
    const ctx = job(202);
    const deployed = await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, ctx);
    ok(deployed);
    const start = {
      ...history,
      status: 'started',
      'function-name': FN,
      'green-version': '2',
      'blue-version': '1',
      strategy: 'linear',
      'max-attempts': '3',
    };

    // GitHub throttles the start twice: retried, one deployment.
    gh.setFault({ status: 429, times: 2, headers: { 'retry-after': '1' } });
    const started = await bed.run('record-history', node, start, ctx);
    ok(started);
    const id = started.outputs['deployment-id']!;
    expect(started.stdout).toMatch(
      /GitHub answered HTTP 429 while trying to record the start; trying again in 1 s \(attempt 2 of 3\)/,
    );
    expect(gh.calls.filter((c) => c.injected)).toHaveLength(2);
    expect(githubRecords()).toEqual([
      [expect.any(String), 'success'],
      [id, 'in_progress'],
    ]);

    // GitHub goes down and DynamoDB throttles while traffic shifts: the shift does not depend on either.
    gh.setFault({ status: 503 });
    bed.proxy.addRule({ op: /^(UpdateItem|GetItem|Query)$/, kind: 'throttle', times: 2 });
    ok(
      await bed.run(
        'shift-traffic',
        node,
        { 'green-version': '2', steps: '10,50,100', 'bake-time': '0' },
        ctx,
      ),
    );
    expect(await bed.alias()).toBe('2');

    const end = { ...history, status: 'succeeded', 'deployment-id': id, 'max-attempts': '3' };
    const down = await bed.run('record-history', node, end, ctx);
    expect(down.code).toBe(1);
    expect(down.errors).toEqual([
      `The outcome "succeeded" of deployment ${id} was NOT recorded in GitHub Deployments of octo-org/orders-service: ` +
        'GitHub failed to list deployments in octo-org/orders-service (HTTP 503: Service Unavailable) after 3 attempts; ' +
        'could not record the outcome. Once it is back, run record-history again with the same deployment-id: nothing is recorded twice.',
    ]);
    expect(down.summary).toMatch(
      /\| DynamoDB table deployments \| succeeded \| recorded deployment .+ as succeeded \|/,
    );
    expect(down.summary).toMatch(/\| GitHub Deployments of octo-org\/orders-service \| NOT recorded \| /);
    expect(bed.proxy.calls.filter((c) => c.injected).length).toBeGreaterThan(0);
    expect(await bed.alias()).toBe('2');

    // With on-error: warn the same outage only warns.
    const warned = await bed.run('record-history', node, { ...end, 'on-error': 'warn' }, ctx);
    ok(warned);
    expect(warned.warnings.join('\n')).toContain(
      'NOT recorded in GitHub Deployments of octo-org/orders-service',
    );

    // GitHub is back: the re-run adds the one missing status; DynamoDB writes nothing again.
    gh.setFault(undefined);
    bed.proxy.clearRules();
    const again = await bed.run('record-history', node, end, ctx);
    ok(again);
    expect(again.stdout).toContain(
      `DynamoDB table deployments: deployment ${id} was already succeeded; nothing added.`,
    );
    const again2 = await bed.run('record-history', node, end, ctx);
    ok(again2);
    const restart = await bed.run('record-history', node, start, ctx);
    ok(restart);
    expect(restart.outputs['deployment-id']).toBe(id);

    const d2 = gh.deployments().find((d) => (d.payload as { recordId: string }).recordId === id)!;
    expect(gh.statuses(d2.id).map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(gh.deployments()).toHaveLength(2);
    expect((await tableRecords()).map((i) => [i.greenVersion, i.status])).toEqual([
      ['1', 'succeeded'],
      ['2', 'succeeded'],
    ]);

    // A rollback while GitHub is down: the alias is rolled back and verified, and the step says what is missing.
    gh.setFault({ status: 502 });
    const rb = await bed.run('rollback', node, { ...history, to: '1', 'max-attempts': '2' }, job(203));
    expect(rb.code).toBe(1);
    expect(await bed.alias()).toBe('1');
    expect(rb.outputs['to-version']).toBe('1');
    expect(rb.errors[0]).toMatch(
      /^The rollback \(alias "live" is on v1, verified\) was NOT recorded in GitHub Deployments of octo-org\/orders-service: .*HTTP 502/,
    );
    expect((await tableRecords()).map((i) => [i.strategy, i.status])).toContainEqual([
      'rollback',
      'succeeded',
    ]);
    expect(gh.violations).toEqual([]);
  });
});
