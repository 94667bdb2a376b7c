// Notifications of recorded statuses through the bundles: a local Slack webhook receiver, and an SNS topic in
// moto with an SQS queue subscribed to it (what an email or paging subscriber would get).
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { startSlack, type SlackReceiver } from '@deploy-actions/testbed/slack';
import { FN, ok, useBed } from './bed';

const TABLE = 'deployments';
const RUN_URL = 'https://github.com/octo-org/orders-service/actions/runs/1000';
const bed = useBed();
const node = process.execPath;
let slack: SlackReceiver;
let topicArn: string;
let queueUrl: string;

beforeAll(async () => {
  slack = await startSlack();
});
afterAll(async () => {
  await slack?.stop();
});
beforeEach(async () => {
  slack.clear();
  const ddb = new DynamoDBClient(clientConfig(bed.moto.url));
  await ddb.send(new CreateTableCommand(createTableInput(TABLE)));
  ddb.destroy();
  const sns = new SNSClient(clientConfig(bed.moto.url));
  const sqs = new SQSClient(clientConfig(bed.moto.url));
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'deployments' }))).TopicArn!;
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'deployment-notices' }))).QueueUrl!;
  const queue = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await sns.send(
    new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue.Attributes!.QueueArn! }),
  );
  sns.destroy();
  sqs.destroy();
});

/** What the queue got from the topic: SNS's envelope of each published message. */
async function snsNotices() {
  const sqs = new SQSClient(clientConfig(bed.moto.url));
  try {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    return (out.Messages ?? []).map(
      (m) =>
        JSON.parse(m.Body!) as {
          Subject: string;
          Message: string;
          MessageAttributes: Record<string, { Type: string; Value: string }>;
        },
    );
  } finally {
    sqs.destroy();
  }
}

/** The Slack posts as text (fallback) and the header of their blocks. */
const slackNotices = () =>
  slack.posts.map((p) => {
    const body = p.json as { text: string; blocks: { type: string; text?: { text: string } }[] };
    return { contentType: p.contentType, text: body.text, header: body.blocks[0]?.text?.text };
  });

const history = () => ({
  backend: 'dynamodb',
  environment: 'production',
  'dynamodb-table': TABLE,
  'slack-webhook-url': slack.url,
  'sns-topic-arn': topicArn,
});

async function tableRecords() {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  try {
    const out = await db.send(new ScanCommand({ TableName: TABLE }));
    return (out.Items ?? []).filter((i) => !String(i.pk).startsWith('deployment#'));
  } finally {
    db.destroy();
  }
}

/** v1 live, v2 deployed and recorded started; returns the deployment id. */
async function started(inputs: Record<string, string> = {}) {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  const r = await bed.run('record-history', node, {
    ...history(),
    status: 'started',
    'function-name': FN,
    'blue-version': '1',
    'green-version': '2',
    strategy: 'canary',
    ...inputs,
  });
  ok(r);
  return { id: r.outputs['deployment-id']!, run: r };
}

/** The webhook URL nowhere in what the step printed, but in the one command that masks it. */
function expectNoWebhook(r: { stdout: string; stderr?: string; summary: string }) {
  const printed = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const path = new URL(slack.url).pathname;
  for (const text of [printed, r.stderr ?? '', r.summary]) {
    expect(text).not.toContain(slack.url);
    expect(text).not.toContain(path);
  }
  expect(r.stdout).toContain(`::add-mask::${slack.url}`);
}

describe('notifications of the history', () => {
  it('a release that ends rolled back is announced on Slack and SNS with every field', async () => {
    const { id, run } = await started();
    // The default notify-on (failed,rolled-back): the start is recorded, not announced.
    expect(slack.posts).toEqual([]);
    expect(run.warnings).toEqual([]);
    expectNoWebhook(run);
    ok(await bed.run('shift-traffic', node, { 'green-version': '2', steps: '10', 'bake-time': '0' }));
    expect(await bed.alias()).toBe('1 + 2@0.1');

    const rb = await bed.run('rollback', node, {
      ...history(),
      'deployment-id': id,
      reason: 'health-gate: errors above 2%',
    });
    ok(rb);
    expect(rb.warnings).toEqual([]);
    expectNoWebhook(rb);
    expect(await bed.alias()).toBe('1');
    // The release ends rolled back; the rollback's own record (started, succeeded) is not in notify-on.
    const fields = [
      `Deployment: ${id}`,
      'Status: rolled-back',
      'Environment: production',
      `Target: ${FN}:live (lambda)`,
      'Blue → green: 1 → 2',
      'Restored: 1',
      'Strategy: canary',
      'Commit: 0123456789ab',
      'Actor: octocat',
      'Reason: health-gate: errors above 2%',
      `Run: ${RUN_URL}`,
    ];
    const title = `Deployment ROLLED BACK: ${FN}:live in production`;
    expect(slackNotices()).toEqual([
      { contentType: 'application/json', text: [title, '', ...fields].join('\n'), header: title },
    ]);
    const blocks = JSON.stringify((slack.posts[0]!.json as { blocks: unknown }).blocks);
    expect(blocks).toContain(`<${RUN_URL}|View the run>`);
    expect(blocks).toContain('*Blue → green*\\n1 → 2');

    const notices = await snsNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      Subject: `Deployment ROLLED BACK: ${FN}:live in production`,
      Message: [title, '', ...fields].join('\n'),
      MessageAttributes: {
        status: { Type: 'String', Value: 'rolled-back' },
        environment: { Type: 'String', Value: 'production' },
      },
    });
    expect(rb.stdout).toContain(`Slack: notified that deployment ${id} rolled-back.`);
    expect(rb.stdout).toContain(`SNS: notified that deployment ${id} rolled-back.`);
  });

  it('notify-on: all announces the start and the success too', async () => {
    const { id, run } = await started({ 'notify-on': 'all' });
    expect(run.warnings).toEqual([]);
    const done = await bed.run('record-history', node, {
      ...history(),
      'notify-on': 'all',
      status: 'succeeded',
      'deployment-id': id,
    });
    ok(done);
    expect(done.warnings).toEqual([]);
    expectNoWebhook(done);
    expect(slackNotices().map((n) => n.header)).toEqual([
      `Deployment started: ${FN}:live in production`,
      `Deployment succeeded: ${FN}:live in production`,
    ]);
    for (const n of slackNotices()) expect(n.text).toContain(`Deployment: ${id}`);
    const notices = await snsNotices();
    expect(notices.map((n) => n.MessageAttributes.status!.Value).sort()).toEqual(['started', 'succeeded']);
    for (const n of notices) expect(n.Message).toContain('Blue → green: 1 → 2');
  });

  it('a Slack answering 500 and SNS failing only warn: the record is written, the step succeeds', async () => {
    const { id } = await started();
    slack.answer(500, 'server_error');
    bed.proxy.addRule({ op: 'sns:Publish', kind: '5xx' });
    const failed = await bed.run('record-history', node, {
      ...history(),
      status: 'failed',
      'deployment-id': id,
      reason: 'smoke test failed',
      'max-attempts': '2',
    });
    ok(failed);
    expectNoWebhook(failed);
    expect(failed.warnings).toEqual([
      `Slack: the notification that deployment ${id} failed was NOT sent (the webhook answered HTTP 500: server_error). The deployment is recorded; only the notification is missing.`,
      expect.stringMatching(
        new RegExp(
          `^SNS: the notification that deployment ${id} failed was NOT sent \\(Publish to ${topicArn} failed: InternalFailure: .*\\)\\. The deployment is recorded; only the notification is missing\\.$`,
        ),
      ),
    ]);
    expect(slack.posts).toHaveLength(1);
    expect(bed.proxy.calls.filter((c) => c.op === 'Publish').map((c) => c.injected)).toEqual(['5xx', '5xx']);
    expect(await snsNotices()).toEqual([]);
    expect((await tableRecords()).map((i) => [i.id, i.status, i.reason])).toEqual([
      [id, 'failed', 'smoke test failed'],
    ]);
  });
});
