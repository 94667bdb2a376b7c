// The history inputs shared by record-history and rollback, checked before any backend is loaded or called.
import { InputError, readGitHubAccess, type InputReader } from '@deploy-actions/core';
import { STATUSES, type DeploymentStatus } from './record';

// In the order they are written: DynamoDB's conditional write refuses a missing table before GitHub is written.
export const BACKENDS = ['dynamodb', 'github'] as const;
export type BackendName = (typeof BACKENDS)[number];
export const DEFAULT_TTL_DAYS = 90;
// DynamoDB table names: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
const TABLE = /^[a-zA-Z0-9_.-]{3,255}$/;

export interface HistoryConfig {
  backends: BackendName[];
  /** The GitHub environment the releases go to; one history per environment and target. */
  environment: string;
  environmentUrl?: string;
  /** Set when dynamodb is a backend. */
  table?: string;
  ttlDays: number;
  /** Set when github is a backend. */
  github?: { token: string; owner: string; repo: string; apiUrl?: string };
  maxAttempts: number;
  /** `fail` (default): a record that could not be written fails the step; `warn` only warns. */
  onError: 'fail' | 'warn';
  /** Set when a notification channel is given. */
  notify?: NotifyConfig;
}

/** Where a recorded status is announced, and which statuses are. */
export interface NotifyConfig {
  /** A Slack incoming webhook: a secret, never printed. */
  slackWebhookUrl?: string;
  snsTopicArn?: string;
  on: DeploymentStatus[];
}

export const DEFAULT_NOTIFY_ON: DeploymentStatus[] = ['failed', 'rolled-back'];

/** The workflow run that records: where GitHub's statuses link to, and what a record says about its origin. */
export interface RunContext {
  runId: string;
  attempt: number;
  job: string;
  /** The step's id (GITHUB_ACTION): unique within the job, the same when the job runs again. */
  step: string;
  commit: string;
  ref: string;
  actor: string;
  runUrl: string;
}

/** `github`, `dynamodb` or both (comma separated, any order); each named once. */
export function parseBackends(value: string, input = 'backend'): BackendName[] {
  if (value === '') return ['github'];
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const expected = 'must be github, dynamodb, or both separated by a comma (github,dynamodb)';
  if (names.length === 0) throw new InputError(input, value, expected);
  for (const n of names) {
    if (!(BACKENDS as readonly string[]).includes(n)) {
      throw new InputError(input, value, `${expected}; "${n}" is not a backend`);
    }
  }
  if (new Set(names).size !== names.length)
    throw new InputError(input, value, `${expected}; a backend is named twice`);
  return BACKENDS.filter((b) => names.includes(b));
}

export function parseTtlDays(value: string, input = 'ttl-days'): number {
  if (value === '') return DEFAULT_TTL_DAYS;
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw new InputError(input, value, 'must be a whole number of days, 1 or more (default 90)');
  return n;
}

/** A GitHub environment name: https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments */
export function parseEnvironment(value: string, input = 'environment'): string {
  if (value === '')
    throw new InputError(input, value, 'is required: the GitHub environment, such as production');
  if (value.length > 255) throw new InputError(input, value, 'must be at most 255 characters');
  return value;
}

function parseUrl(value: string, input: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, value, 'must be an absolute http(s) URL such as https://orders.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(input, value, 'must be an http or https URL');
  return value;
}

/** `started`, `succeeded`, `failed`, `rolled-back` (comma separated) or `all`; default failed,rolled-back. */
export function parseNotifyOn(value: string, input = 'notify-on'): DeploymentStatus[] {
  if (value === '') return DEFAULT_NOTIFY_ON;
  const words = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const expected = `must be all, or statuses separated by commas: ${STATUSES.join(', ')}`;
  if (words.length === 0) throw new InputError(input, value, expected);
  for (const w of words) {
    if (w !== 'all' && !(STATUSES as readonly string[]).includes(w))
      throw new InputError(input, value, `${expected}; "${w}" is not one`);
  }
  return words.includes('all') ? [...STATUSES] : STATUSES.filter((s) => words.includes(s));
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A Slack incoming webhook: https, or http on a loopback address (a local receiver); no credentials. The URL
 * is a secret: errors show *** instead.
 */
export function parseWebhookUrl(value: string, input = 'slack-webhook-url'): string | undefined {
  if (value === '') return undefined;
  const refuse = (expected: string) => new InputError(input, '***', expected);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse(
      'must be an absolute https URL: the Slack incoming webhook (https://hooks.slack.com/services/...)',
    );
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK.test(url.hostname))
      throw refuse('must be https; http is only allowed on a loopback address (127.0.0.1, localhost, [::1])');
  } else if (url.protocol !== 'https:') {
    throw refuse('must be an https URL');
  }
  if (url.username || url.password)
    throw refuse('must not hold credentials (user:password@); the webhook URL itself is the secret');
  return value;
}

// arn:partition:sns:region:account:topic; names of 1 to 256 letters, digits, - and _, .fifo for FIFO topics:
// https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
const SNS_ARN = /^arn:(aws[a-z-]*):sns:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):([A-Za-z0-9_-]+(?:\.fifo)?)$/;

/** The partition of a region: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

export function parseTopicArn(value: string, input = 'sns-topic-arn'): string | undefined {
  if (value === '') return undefined;
  const m = SNS_ARN.exec(value);
  if (!m || m[4]!.length > 256) {
    throw new InputError(
      input,
      value,
      'must be the ARN of an SNS topic: arn:aws:sns:REGION:ACCOUNT:TOPIC (1 to 256 letters, digits, - or _)',
    );
  }
  if (partitionOf(m[2]!) !== m[1]) {
    throw new InputError(
      input,
      value,
      `names partition ${m[1]}, but region ${m[2]} is in ${partitionOf(m[2]!)}`,
    );
  }
  return value;
}

/** The region of a topic ARN checked by parseTopicArn. */
export function topicRegion(arn: string): string {
  return arn.split(':')[3]!;
}

/** The topic must be in the region the step uses: SNS takes a Publish only in the topic's own region. */
export function checkTopicRegion(notify: NotifyConfig | undefined, region: string): void {
  const arn = notify?.snsTopicArn;
  if (arn && topicRegion(arn) !== region) {
    throw new InputError(
      'sns-topic-arn',
      arn,
      `is in region ${topicRegion(arn)}, but this step uses ${region}; give a topic of ${region} (or set aws-region)`,
    );
  }
}

/** slack-webhook-url, sns-topic-arn and notify-on; undefined when neither channel is given. */
export function readNotifyConfig(inputs: InputReader): NotifyConfig | undefined {
  let webhookText: string;
  try {
    webhookText = inputs.text('slack-webhook-url', { max: 2048 });
  } catch (err) {
    // The value is a secret: the message keeps the reason only.
    if (err instanceof InputError) throw new InputError(err.input, '***', err.expected);
    throw err;
  }
  const slackWebhookUrl = parseWebhookUrl(webhookText);
  const snsTopicArn = parseTopicArn(inputs.text('sns-topic-arn', { max: 1024 }));
  const on = parseNotifyOn(inputs.text('notify-on'));
  if (!slackWebhookUrl && !snsTopicArn) return undefined;
  return { ...(slackWebhookUrl && { slackWebhookUrl }), ...(snsTopicArn && { snsTopicArn }), on };
}

export function readHistoryConfig(inputs: InputReader): HistoryConfig {
  const backends = parseBackends(inputs.text('backend'));
  const environment = parseEnvironment(inputs.text('environment'));
  const environmentUrl = parseUrl(inputs.text('environment-url', { max: 2048 }), 'environment-url');
  const ttlDays = parseTtlDays(inputs.text('ttl-days'));
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  const onError = inputs.oneOf('on-error', ['fail', 'warn'] as const, 'fail');
  const notify = readNotifyConfig(inputs);

  let table: string | undefined;
  const tableText = inputs.text('dynamodb-table');
  if (backends.includes('dynamodb')) {
    if (tableText === '')
      throw new InputError('dynamodb-table', '', 'is required with backend dynamodb: the table name');
    if (!TABLE.test(tableText)) {
      throw new InputError(
        'dynamodb-table',
        tableText,
        'must be a DynamoDB table name: 3 to 255 letters, digits, _, - or .',
      );
    }
    table = tableText;
  } else if (tableText !== '') {
    throw new InputError(
      'dynamodb-table',
      tableText,
      'is only used with backend dynamodb; add it to backend',
    );
  }

  let github: HistoryConfig['github'];
  if (backends.includes('github')) {
    github = readGitHubAccess(inputs, {
      token: 'with backend github: a token with "deployments: write" (the job token by default)',
      repository: 'the repository that holds the deployments',
    });
  }
  return {
    backends,
    environment,
    ...(environmentUrl && { environmentUrl }),
    ...(table && { table }),
    ttlDays,
    ...(github && { github }),
    maxAttempts,
    onError,
    ...(notify && { notify }),
  };
}

/** The run, from the variables every GitHub Actions step has; outside Actions a local run id. */
export function runContext(env: Record<string, string | undefined>): RunContext {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runId = env.GITHUB_RUN_ID || '';
  const attempt = Number(env.GITHUB_RUN_ATTEMPT) >= 1 ? Number(env.GITHUB_RUN_ATTEMPT) : 1;
  const repository = env.GITHUB_REPOSITORY || '';
  const runUrl =
    runId && repository
      ? `${server}/${repository}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`
      : '';
  return {
    runId,
    attempt,
    job: env.GITHUB_JOB || '',
    step: env.GITHUB_ACTION || '',
    commit: env.GITHUB_SHA || '',
    ref: env.GITHUB_REF || '',
    actor: env.GITHUB_ACTOR || '',
    runUrl,
  };
}
