// A checkpointed rollout's record through the bundles, in both backends (the AWS emulator's DynamoDB and the
// GitHub stand-in): record-history starts it, shift-traffic mode start and each advance that writes update it
// (a step as its progress, promotion as succeeded, a rollback of a bad green as rolled-back, announced on Slack);
// idle runs write no history.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { startSlack, type SlackReceiver } from '@deploy-actions/testbed/slack';
import { ok, scheduledJobs, useBed } from './bed';

const TABLE = 'deployments';
const SCALE = 1800;
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

const history = {
  backend: 'github,dynamodb',
  environment: 'production',
  'dynamodb-table': TABLE,
  'slack-webhook-url': '',
  'notify-on': 'succeeded,rolled-back',
};

/** The DynamoDB record of `id`. */
async function item(id: string): Promise<Record<string, unknown>> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  const out = await db.send(new ScanCommand({ TableName: TABLE }));
  db.destroy();
  return (out.Items ?? []).find((i) => i.id === id && !String(i.pk).startsWith('deployment#'))!;
}

/** The GitHub statuses of the only deployment, oldest first, as `state: description`. */
const statuses = () => {
  const [d] = gh.deployments();
  return gh.statuses(d!.id).map((s) => `${s.state}: ${s.description}`);
};

/** v1 live, v2 deployed with no traffic and recorded started; each run a job of its own on a shared clock. */
async function released() {
  const job = scheduledJobs(Date.now(), SCALE, 900, {
    githubToken: gh.token,
    env: { GITHUB_API_URL: gh.url, GITHUB_SHA: 'c'.repeat(40) },
  });
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, job()));
  const green = await bed.run('deploy-green', node, { 'zip-file': bed.zip() }, job());
  ok(green);
  const v = green.outputs['green-version']!;
  const h = { ...history, 'slack-webhook-url': slack.url };
  const started = await bed.run(
    'record-history',
    node,
    { ...h, status: 'started', 'blue-version': green.outputs['blue-version']!, 'green-version': v },
    job(),
  );
  ok(started);
  return { green: v, id: started.outputs['deployment-id']!, job, h };
}

describe("a checkpointed rollout's record", () => {
  it('start and each step are its progress in both backends; promotion ends it succeeded', async () => {
    const { green, id, job, h } = await released();
    const plan = { 'green-version': green, steps: '10:1h,50:1h,100', ...h };
    const start = await bed.run('shift-traffic', node, { ...plan, mode: 'start' }, job());
    ok(start);
    expect(start.writes).toEqual(['UpdateAlias', 'UpdateItem']);
    expect(await item(id)).toMatchObject({ status: 'started', progress: { step: 1, of: 3, percent: 10 } });
    expect(statuses().at(-1)).toBe(`in_progress: step 1/3: 10% on v${green}`);

    const seen: { status: string; writes: string[] }[] = [];
    for (let i = 0; i < 30 && !['promoted', 'none'].includes(seen.at(-1)?.status ?? ''); i++) {
      const r = await bed.run('shift-traffic', node, { ...plan, mode: 'advance' }, job());
      ok(r);
      seen.push({ status: r.outputs.status!, writes: r.writes });
      await sleep(500);
    }
    // Idle runs write nothing, history included; each writing run one alias write and one record update.
    expect(seen.filter((s) => s.writes.length > 0)).toEqual([
      { status: 'in-progress', writes: ['UpdateAlias', 'UpdateItem'] },
      { status: 'promoted', writes: ['UpdateAlias', 'UpdateItem'] },
    ]);
    expect(seen.filter((s) => s.writes.length === 0).length).toBeGreaterThan(0);
    const ended = await item(id);
    expect(ended).toMatchObject({ status: 'succeeded', progress: { step: 2, of: 3, percent: 50 } });
    expect(statuses()).toEqual([
      expect.stringMatching(/^in_progress: /),
      `in_progress: step 1/3: 10% on v${green}`,
      `in_progress: step 2/3: 50% on v${green}`,
      'success: succeeded',
    ]);
    expect(slack.posts.map((p) => p.raw)).toEqual([expect.stringMatching(/succeeded/)]);
  });

  it('a bad green is rolled back and its record ends rolled-back with the verdict, announced', async () => {
    const { green, id, job, h } = await released();
    const cw = new CloudWatchClient(clientConfig(bed.moto.url));
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'orders-errors',
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    const plan = { 'green-version': green, steps: '10:1h,50:1h,100', alarms: 'orders-errors', ...h };
    ok(await bed.run('shift-traffic', node, { ...plan, mode: 'start' }, job()));
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'orders-errors', StateValue: 'ALARM', StateReason: 'bad' }),
    );
    cw.destroy();
    const r = await bed.run('shift-traffic', node, { ...plan, mode: 'advance' }, job());
    expect(r.outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
    expect(r.writes).toEqual(['UpdateAlias', 'UpdateItem']);
    const ended = await item(id);
    expect(ended).toMatchObject({ status: 'rolled-back', restoredVersion: String(Number(green) - 1) });
    expect(String(ended.reason)).toMatch(/health unhealthy at step 1\/3 \(10% on v\d+\).*orders-errors/);
    expect(statuses().at(-1)).toMatch(/^failure: rolled back to \d+: health unhealthy at step 1\/3/);
    expect(slack.posts.map((p) => p.raw)).toEqual([expect.stringMatching(/rolled/i)]);
  });
});
