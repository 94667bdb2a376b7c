// The rollback a hotfix runs first (only-if-split, with the history inputs), through the bundles: a canary
// left half-way goes back to blue and its open record ends rolled-back, found without a deployment-id in
// either backend; with no split the step does nothing at all.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { startSlack, type SlackReceiver } from '@deploy-actions/testbed/slack';
import { FN, ok, useBed } from './bed';

const TABLE = 'deployments';
const bed = useBed();
const node = process.execPath;
let gh: GitHubServer;
let slack: SlackReceiver;

beforeAll(async () => {
  slack = await startSlack();
});
afterAll(async () => slack?.stop());
beforeEach(async () => {
  slack.clear();
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
  const db = new DynamoDBClient(clientConfig(bed.moto.url));
  await db.send(new CreateTableCommand(createTableInput(TABLE)));
  db.destroy();
});
afterEach(async () => gh?.stop());

const historyIn = (backend: string) => ({
  backend,
  environment: 'production',
  ...(backend.includes('dynamodb') && { 'dynamodb-table': TABLE }),
  'slack-webhook-url': slack.url,
  'notify-on': 'all',
});

const job = (run: number) => ({
  githubToken: gh.token,
  env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ID: String(run), GITHUB_SHA: String(run).padStart(40, 'b') },
});

/** DynamoDB's records (not the id pointers) as [id, status, green, strategy], oldest first. */
async function tableRecords() {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  const out = await db.send(new ScanCommand({ TableName: TABLE }));
  db.destroy();
  return (out.Items ?? [])
    .filter((i) => !String(i.pk).startsWith('deployment#'))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)))
    .map((i) => [i.id, i.status, i.greenVersion, i.strategy, i.restoredVersion]);
}

/** GitHub's deployments as [record id, green, state of the latest status], oldest first. */
const githubRecords = () =>
  gh.deployments().map((d) => {
    const p = d.payload as { recordId: string; greenVersion: string };
    return [p.recordId, p.greenVersion, d.state];
  });

/**
 * v1 released and recorded succeeded; v2 deployed, recorded started (unless `record` is false) and shifted
 * to 25%, where its job stopped: the canary a hotfix finds half-way.
 */
async function halfWayCanary(backend: string, record = true) {
  const history = historyIn(backend);
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, job(1)));
  const first = await bed.run(
    'record-history',
    node,
    { ...history, status: 'started', 'green-version': '1' },
    job(1),
  );
  ok(first);
  const end = { ...history, status: 'succeeded', 'deployment-id': first.outputs['deployment-id']! };
  ok(await bed.run('record-history', node, end, job(1)));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, job(2)));
  let id: string | undefined;
  if (record) {
    const started = await bed.run(
      'record-history',
      node,
      { ...history, status: 'started', 'blue-version': '1', 'green-version': '2', strategy: 'canary' },
      job(2),
    );
    ok(started);
    id = started.outputs['deployment-id']!;
  }
  const shift = await bed.run(
    'shift-traffic',
    node,
    { 'green-version': '2', steps: '25', 'bake-time': '0' },
    job(2),
  );
  ok(shift);
  expect(shift.outputs.status).toBe('in-progress');
  expect(await bed.alias()).toBe('1 + 2@0.25');
  slack.clear();
  return id;
}

/** The hotfix's first step: rollback to: previous, only-if-split, with the history inputs. */
const undoSplit = (backend: string, extra: Record<string, string> = {}) =>
  bed.run(
    'rollback',
    node,
    { ...historyIn(backend), to: 'previous', 'only-if-split': 'true', reason: 'hotfix in run 3', ...extra },
    job(3),
  );

describe.each(['dynamodb', 'github'])('only-if-split with the history in %s', (backend) => {
  it("undoes a canary at 25% and ends its open record rolled-back, found by the split's green", async () => {
    const id = (await halfWayCanary(backend))!;
    const rb = await undoSplit(backend);
    ok(rb);
    expect(await bed.alias()).toBe('1');
    expect(rb.outputs).toMatchObject({
      'from-version': '2',
      'to-version': '1',
      changed: 'true',
      'rolled-back-deployment-id': id,
    });
    const rollbackId = rb.outputs['deployment-id']!;
    const found = `The split's green v2 is release ${id} of ${FN}:live in production, still started: it ends rolled-back.`;
    expect(rb.stdout).toContain(found);
    expect(rb.summary).toContain(found);
    expect(rb.summary).toMatch(
      new RegExp(`\\| rolled-back \\| recorded deployment ${id} as rolled back \\|`),
    );
    expect(rb.writes).toContain('UpdateAlias');

    if (backend === 'dynamodb') {
      expect(await tableRecords()).toEqual([
        [expect.any(String), 'succeeded', '1', 'unspecified', undefined],
        [id, 'rolled-back', '2', 'canary', '1'],
        [rollbackId, 'succeeded', '1', 'rollback', undefined],
      ]);
    } else {
      expect(githubRecords()).toEqual([
        [expect.any(String), '1', 'inactive'],
        [id, '2', 'failure'],
        // The rollback's own record is what GitHub now shows live.
        [rollbackId, '1', 'success'],
      ]);
      const d2 = gh.deployments()[1]!;
      expect(gh.statuses(d2.id).at(-1)!.description).toBe('rolled back to 1: hotfix in run 3');
      expect(gh.violations).toEqual([]);
    }
    // The release's end is announced, and so is the rollback's own record.
    const posts = slack.posts.map((p) => (p.json as { text: string }).text);
    expect(posts.some((t) => t.includes(`Deployment: ${id}`) && t.includes('Status: rolled-back'))).toBe(
      true,
    );
    expect(posts.some((t) => t.includes(`Deployment: ${rollbackId}`))).toBe(true);
  });

  it('with traffic all on one version succeeds doing nothing: no write, no record, no notice', async () => {
    await halfWayCanary(backend);
    ok(
      await bed.run('shift-traffic', node, { 'green-version': '2', steps: '100', 'bake-time': '0' }, job(2)),
    );
    expect(await bed.alias()).toBe('2');
    const records = backend === 'dynamodb' ? await tableRecords() : githubRecords();
    const githubCalls = gh.calls.length;
    slack.clear();

    const rb = await undoSplit(backend);
    ok(rb);
    expect(rb.writes).toEqual([]);
    expect(await bed.alias()).toBe('2');
    expect(rb.outputs).toEqual({ 'from-version': '2', 'to-version': '2', changed: 'false' });
    expect(rb.stdout).toContain(
      'Alias "live" sends 100% to v2: there is no unfinished split to undo, so with only-if-split nothing is changed.',
    );
    expect(rb.summary).toContain(
      'Alias "live" sends 100% to v2, so only-if-split left it as it is. Nothing was changed in AWS and nothing was recorded.',
    );
    expect(backend === 'dynamodb' ? await tableRecords() : githubRecords()).toEqual(records);
    expect(gh.calls.slice(githubCalls).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(slack.posts).toEqual([]);
  });
});

describe('only-if-split, both backends', () => {
  const both = 'github,dynamodb';

  it('records the rollback alone when no open record has the green, and says so', async () => {
    await halfWayCanary(both, false);
    const rb = await undoSplit(both);
    ok(rb);
    expect(await bed.alias()).toBe('1');
    expect(rb.outputs['rolled-back-deployment-id']).toBeUndefined();
    const none = `No open release record (status started) of ${FN}:live in production has the split's green v2: only the rollback is recorded.`;
    expect(rb.stdout).toContain(none);
    expect(rb.summary).toContain(none);
    expect((await tableRecords()).map((r) => [r[1], r[3]])).toEqual([
      ['succeeded', 'unspecified'],
      ['succeeded', 'rollback'],
    ]);
    expect(githubRecords().map((r) => r[2])).toEqual(['inactive', 'success']);
  });

  it('ends the deployment-id given, not the record it would have found', async () => {
    const open = (await halfWayCanary(both))!;
    const other = await bed.run(
      'record-history',
      node,
      { ...historyIn(both), status: 'started', 'green-version': '2', 'deployment-id': 'release-by-hand' },
      job(4),
    );
    ok(other);
    const rb = await undoSplit(both, { 'deployment-id': open });
    ok(rb);
    expect(rb.outputs['rolled-back-deployment-id']).toBe(open);
    const records = await tableRecords();
    expect(records.find((r) => r[0] === open)![1]).toBe('rolled-back');
    expect(records.find((r) => r[0] === 'release-by-hand')![1]).toBe('started');
  });

  it('refuses a to other than previous, naming only-if-split, before any AWS call', async () => {
    await halfWayCanary(both);
    const rb = await undoSplit(both, { to: '1' });
    expect(rb.code).toBe(1);
    expect(rb.errors).toEqual([
      'Input "only-if-split" has value "true": undoes only an unfinished split, putting traffic back on its blue: to must then be previous, not 1. Nothing was changed in AWS.',
    ]);
    expect(rb.writes).toEqual([]);
    expect(await bed.alias()).toBe('1 + 2@0.25');
  });
});
