import { describe, it, expect } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import {
  checkTopicRegion,
  parseNotifyOn,
  parseTopicArn,
  parseWebhookUrl,
  readHistoryConfig,
} from '../src/config';
import {
  buildMessage,
  plainText,
  sendNotices,
  slackPayload,
  snsPublishInput,
  type Notice,
} from '../src/notify';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:deployments';

const notice: Notice = {
  id: 'run-7-abcdef12',
  status: 'rolled-back',
  environment: 'production',
  targetKind: 'lambda',
  resource: 'orders-api:live',
  blueVersion: '2',
  greenVersion: '3',
  strategy: 'canary',
  commit: '0123456789abcdef0123456789abcdef01234567',
  actor: 'octocat',
  reason: 'health-gate: errors <5%> & latency',
  runUrl: 'https://github.com/acme/orders/actions/runs/7',
  restoredVersion: '2',
};

const thrown = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
};

describe('message', () => {
  it('carries every field of the deployment, in order, and leaves out the empty ones', () => {
    const m = buildMessage(notice);
    expect(m.title).toBe('Deployment ROLLED BACK: orders-api:live in production');
    expect(m.fields).toEqual([
      ['Deployment', 'run-7-abcdef12'],
      ['Status', 'rolled-back'],
      ['Environment', 'production'],
      ['Target', 'orders-api:live (lambda)'],
      ['Blue → green', '2 → 3'],
      ['Restored', '2'],
      ['Strategy', 'canary'],
      ['Commit', '0123456789ab'],
      ['Actor', 'octocat'],
    ]);
    expect(m.reason).toBe(notice.reason);
    expect(m.runUrl).toBe(notice.runUrl);
    expect(buildMessage({ ...notice, approver: 'hubot' }).fields).toContainEqual(['Approver', 'hubot']);
    expect(buildMessage({ ...notice, approvedBy: 'mona,hubot' }).fields).toContainEqual([
      'Approver',
      'mona,hubot',
    ]);
    expect(buildMessage({ ...notice, blueVersion: '' }).fields).toContainEqual([
      'Blue → green',
      '(none) → 3',
    ]);
    expect(buildMessage({ id: 'x', status: 'failed', environment: 'qa' })).toEqual({
      title: 'Deployment FAILED: x in qa',
      fields: [
        ['Deployment', 'x'],
        ['Status', 'failed'],
        ['Environment', 'qa'],
      ],
    });
  });

  it('is plain text for SNS, one field a line', () => {
    expect(plainText(buildMessage(notice)).split('\n')).toEqual([
      'Deployment ROLLED BACK: orders-api:live in production',
      '',
      'Deployment: run-7-abcdef12',
      'Status: rolled-back',
      'Environment: production',
      'Target: orders-api:live (lambda)',
      'Blue → green: 2 → 3',
      'Restored: 2',
      'Strategy: canary',
      'Commit: 0123456789ab',
      'Actor: octocat',
      'Reason: health-gate: errors <5%> & latency',
      'Run: https://github.com/acme/orders/actions/runs/7',
    ]);
  });

  it('is text plus blocks for Slack, mrkdwn escaped, within the block limits', () => {
    const p = slackPayload(buildMessage(notice));
    expect(p.text).toBe(plainText(buildMessage(notice)));
    expect(p.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Deployment ROLLED BACK: orders-api:live in production' },
    });
    const json = JSON.stringify(p.blocks);
    expect(json).toContain('errors &lt;5%&gt; &amp; latency');
    expect(json).toContain('<https://github.com/acme/orders/actions/runs/7|View the run>');
    const many = slackPayload(buildMessage({ ...notice, approver: 'a', resource: 'r'.repeat(400) }));
    expect((many.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(150);
    for (const b of many.blocks as { fields?: unknown[] }[])
      expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
  });

  it('is a subject of at most 100 ASCII characters and attributes for SNS; FIFO topics get a group', () => {
    const input = snsPublishInput(buildMessage({ ...notice, resource: 'é'.repeat(200) }), notice, TOPIC);
    expect(input.Subject!.length).toBeLessThanOrEqual(100);
    expect(input.Subject).toMatch(/^[\x20-\x7e]+$/);
    expect(input.MessageAttributes).toEqual({
      status: { DataType: 'String', StringValue: 'rolled-back' },
      environment: { DataType: 'String', StringValue: 'production' },
    });
    expect(input.MessageGroupId).toBeUndefined();
    const fifo = snsPublishInput(buildMessage(notice), notice, `${TOPIC}.fifo`);
    expect(fifo).toMatchObject({
      MessageGroupId: 'production',
      MessageDeduplicationId: 'run-7-abcdef12.rolled-back',
    });
  });
});

describe('notification inputs', () => {
  it('notify-on: statuses or all, failed,rolled-back by default', () => {
    expect(parseNotifyOn('')).toEqual(['failed', 'rolled-back']);
    expect(parseNotifyOn('all')).toEqual(['started', 'succeeded', 'failed', 'rolled-back']);
    expect(parseNotifyOn(' Succeeded , failed')).toEqual(['succeeded', 'failed']);
    for (const bad of ['success', 'failed,oops', ',', 'rolled_back', 'none']) {
      expect(thrown(() => parseNotifyOn(bad)).input).toBe('notify-on');
    }
  });

  it('slack-webhook-url: https, or http on loopback; no credentials; never shown', () => {
    expect(parseWebhookUrl(WEBHOOK)).toBe(WEBHOOK);
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook')).toBe('http://127.0.0.1:8080/hook');
    expect(parseWebhookUrl('http://localhost/hook')).toBe('http://localhost/hook');
    expect(parseWebhookUrl('http://[::1]:9/hook')).toBe('http://[::1]:9/hook');
    for (const bad of [
      'hooks.slack.com/services/SECRET',
      'http://hooks.slack.com/services/SECRET',
      'http://10.0.0.1/SECRET',
      'ftp://hooks.slack.com/SECRET',
      'https://user:SECRET@hooks.slack.com/services/x',
      'https://SECRET@hooks.slack.com/services/x',
    ]) {
      const e = thrown(() => parseWebhookUrl(bad));
      expect(e.input).toBe('slack-webhook-url');
      expect(e.message).not.toContain('SECRET');
      expect(e.message).toContain('***');
    }
    const reader = new InputReader(
      (n) =>
        ({
          environment: 'p',
          'github-token': 't',
          repository: 'a/b',
          'slack-webhook-url': `${WEBHOOK}\n::x`,
        })[n] ?? '',
    );
    const e = thrown(() => readHistoryConfig(reader));
    expect(e.input).toBe('slack-webhook-url');
    expect(e.message).not.toContain('SECRET');
  });

  it('sns-topic-arn: an SNS topic ARN of a partition that matches its region, in the region in use', () => {
    expect(parseTopicArn(TOPIC)).toBe(TOPIC);
    expect(parseTopicArn('arn:aws-cn:sns:cn-north-1:123456789012:t.fifo')).toBeDefined();
    for (const bad of [
      'arn:aws:sqs:us-east-1:123456789012:deployments',
      'arn:aws:sns:us-east-1:12345:deployments',
      'arn:aws:sns:us-east-1:123456789012:',
      'arn:aws:sns:us-east-1:123456789012:a/b',
      'arn:aws-cn:sns:us-east-1:123456789012:t',
      'arn:aws:sns:cn-north-1:123456789012:t',
      'deployments',
    ]) {
      expect(thrown(() => parseTopicArn(bad)).input).toBe('sns-topic-arn');
    }
    expect(() => checkTopicRegion({ snsTopicArn: TOPIC, on: [] }, 'us-east-1')).not.toThrow();
    expect(thrown(() => checkTopicRegion({ snsTopicArn: TOPIC, on: [] }, 'eu-west-1')).input).toBe(
      'sns-topic-arn',
    );
  });

  it('are read with the history; none without a channel', () => {
    const base = { environment: 'p', 'github-token': 't', repository: 'a/b' };
    const read = (more: Record<string, string>) =>
      readHistoryConfig(new InputReader((n) => ({ ...base, ...more })[n] ?? '')).notify;
    expect(read({ 'notify-on': 'all' })).toBeUndefined();
    expect(read({ 'sns-topic-arn': TOPIC })).toEqual({ snsTopicArn: TOPIC, on: ['failed', 'rolled-back'] });
    expect(read({ 'slack-webhook-url': WEBHOOK, 'notify-on': 'started' })).toEqual({
      slackWebhookUrl: WEBHOOK,
      on: ['started'],
    });
  });
});

describe('sending', () => {
  const aws = { region: 'us-east-1', maxAttempts: 1 };

  it('sends only the statuses asked for, and reports each channel; a failure never throws nor shows the URL', async () => {
    const posted: { url: string; body: unknown }[] = [];
    const fetchOk = (async (url: string, init: { body: string }) => {
      posted.push({ url, body: JSON.parse(init.body) });
      return new Response('ok', { status: 200 });
    }) as unknown as typeof fetch;
    const published: unknown[] = [];
    const sns = async () =>
      ({
        send: async (cmd: { input: unknown }) => void published.push(cmd.input),
        destroy: () => {},
      }) as never;
    const cfg = { slackWebhookUrl: WEBHOOK, snsTopicArn: TOPIC, on: parseNotifyOn('') };
    const sent = await sendNotices(cfg, [{ ...notice, status: 'started' }, notice], aws, {
      fetch: fetchOk,
      sns,
    });
    expect(sent).toEqual([
      { channel: 'Slack', id: notice.id, status: 'rolled-back', ok: true },
      { channel: 'SNS', id: notice.id, status: 'rolled-back', ok: true },
    ]);
    expect(posted).toEqual([{ url: WEBHOOK, body: slackPayload(buildMessage(notice)) }]);
    expect(published).toEqual([snsPublishInput(buildMessage(notice), notice, TOPIC)]);

    const failing = (async (url: string) =>
      new Response(`no_service for ${url}`, { status: 500 })) as unknown as typeof fetch;
    const refusing = async () =>
      ({
        send: async () => {
          throw Object.assign(new Error('Topic does not exist'), { name: 'NotFound', $metadata: {} });
        },
        destroy: () => {},
      }) as never;
    const bad = await sendNotices(cfg, [notice], aws, { fetch: failing, sns: refusing });
    expect(bad.map((s) => [s.channel, s.ok])).toEqual([
      ['Slack', false],
      ['SNS', false],
    ]);
    expect(bad[0]!.error).toMatch(/^the webhook answered HTTP 500: no_service for \*\*\*$/);
    expect(bad[1]!.error).toBe(`Publish to ${TOPIC} failed: NotFound: Topic does not exist`);
    const unreachable = (async () => {
      throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${WEBHOOK}`) });
    }) as unknown as typeof fetch;
    const [down] = await sendNotices({ slackWebhookUrl: WEBHOOK, on: ['rolled-back'] }, [notice], aws, {
      fetch: unreachable,
    });
    expect(down!.error).toBe('the webhook could not be reached: fetch failed (connect ECONNREFUSED ***)');
  });
});
