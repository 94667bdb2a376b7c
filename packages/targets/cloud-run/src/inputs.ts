import {
  InputError,
  resolveRegion,
  type AwsOptions,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import type { TargetConfig } from '@deploy-actions/release/target';
import { parseLatencyLimits } from '@deploy-actions/health/config';
import { PERCENTILES } from './metrics';
import { parseProject, parseRegion, parseService } from './names';

export interface CloudRunConfig extends TargetConfig {
  project: string;
  region: string;
  service: string;
  /** Origins of the Admin API and of Cloud Monitoring (Google's, or a Private Service Connect endpoint). */
  api: string;
  monitoring: string;
  /** `access-token`: the input's token; else Application Default Credentials. The token itself is never saved. */
  auth: 'access-token' | 'adc';
  /** http-id-token: the probe sends a Google-signed ID token, minted for `serviceAccount` when given. */
  idToken?: { serviceAccount?: string };
  /** Only for the history in DynamoDB and SNS notifications, which stay AWS's; '' when neither is used. */
  aws: AwsOptions;
  maxAttempts: number;
}

/** The inputs only the Cloud Run target reads (image is shared with ECS). */
export const CLOUD_RUN_INPUTS = [
  'service',
  'region',
  'project',
  'api-endpoint',
  'monitoring-endpoint',
  'access-token',
  'image',
  'revision-suffix',
  'tag',
  'env-vars',
  'cpu',
  'memory',
  'concurrency',
  'min-instances',
  'remove-green',
  'http-id-token',
  'service-account',
] as const;

export const DEFAULT_API = 'https://run.googleapis.com';
export const DEFAULT_MONITORING = 'https://monitoring.googleapis.com';

/** google-github-actions/auth exports the project under these names: https://github.com/google-github-actions/auth/blob/main/action.yml */
const PROJECT_VARIABLES = [
  'GOOGLE_CLOUD_PROJECT',
  'GCLOUD_PROJECT',
  'CLOUDSDK_CORE_PROJECT',
  'CLOUDSDK_PROJECT',
];

export function readCloudRunConfig(
  inputs: InputReader,
  env: Runtime['env'],
  opts: { optional?: boolean; region?: boolean } = {},
): CloudRunConfig | undefined {
  const serviceText = inputs.text('service');
  if (opts.optional && serviceText === '') {
    // Nothing to record a target by; the rest given anyway is still checked, never silently ignored.
    if (inputs.text('region')) parseRegion(inputs.text('region'));
    return undefined;
  }
  const service = parseService(serviceText);
  const region = parseRegion(inputs.text('region'));
  const fromEnv = PROJECT_VARIABLES.map((v) => env[v]).find((v) => v);
  const project = parseProject(inputs.text('project'), fromEnv);
  const api = parseEndpoint('api-endpoint', inputs.text('api-endpoint'), DEFAULT_API);
  const monitoring = parseEndpoint(
    'monitoring-endpoint',
    inputs.text('monitoring-endpoint'),
    DEFAULT_MONITORING,
  );
  const auth = readAccessToken(inputs) ? 'access-token' : 'adc';
  refuseAlarms(inputs);
  refuseUnmonitoredPercentiles(inputs);
  const idToken = readIdToken(inputs, auth);
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  return {
    project,
    region,
    service,
    api,
    monitoring,
    auth,
    ...(idToken && { idToken }),
    maxAttempts,
    aws: { region: awsRegion(inputs, env, opts.region === true), maxAttempts },
    cloudwatch: false,
    name: `${service} (${project}/${region})`,
    history: { targetKind: 'cloud-run', resource: `${project}/${region}/${service}` },
  };
}

/**
 * https, or plain http on a loopback address only (a stand-in on this machine): a token must never cross a
 * network in clear. An origin only, as Private Service Connect endpoints are (https://run-NAME.p.googleapis.com).
 */
export function parseEndpoint(input: string, text: string, fallback: string): string {
  if (text === '') return fallback;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const origin =
    'must be an https:// origin such as https://run-myendpoint.p.googleapis.com (plain http only on a loopback address)';
  if (
    !url ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  )
    throw new InputError(input, text, origin);
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url.origin;
  if (url.protocol === 'http:')
    throw new InputError(input, text, `is plain http to ${url.hostname}, not a loopback address: use https`);
  throw new InputError(input, text, origin);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The token google-github-actions/auth outputs as access_token: one line of URL-safe characters. */
export function readAccessToken(inputs: InputReader): string {
  let text: string;
  try {
    text = inputs.text('access-token', { max: 8192 });
  } catch {
    throw new InputError('access-token', '***', 'must be one line of at most 8192 characters');
  }
  if (text !== '' && !/^[\x21-\x7e]+$/.test(text))
    throw new InputError(
      'access-token',
      '***',
      'must be an OAuth 2.0 access token: printable characters without spaces',
    );
  return text;
}

const SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/;

/**
 * http-id-token and service-account. An ID token is minted for a service account: the one the Application
 * Default Credentials impersonate, else service-account; an access token alone names none.
 */
function readIdToken(inputs: InputReader, auth: CloudRunConfig['auth']): CloudRunConfig['idToken'] {
  const on = inputs.oneOf('http-id-token', ['true', 'false'] as const, 'false') === 'true';
  const account = inputs.text('service-account');
  if (account && !SERVICE_ACCOUNT.test(account))
    throw new InputError(
      'service-account',
      account,
      'must be a service account email (NAME@PROJECT.iam.gserviceaccount.com)',
    );
  if (!on) {
    if (account)
      throw new InputError(
        'service-account',
        account,
        'is the account of http-id-token: true, which is not set',
      );
    return undefined;
  }
  if (inputs.text('http-url') === '')
    throw new InputError('http-id-token', 'true', 'needs http-url: the token goes with the HTTP probe');
  const headers = inputs.text('http-headers', { multiline: true });
  if (/^\s*authorization\s*:/im.test(headers))
    throw new InputError(
      'http-id-token',
      'true',
      'sends the Authorization header itself: remove it from http-headers',
    );
  if (auth === 'access-token' && !account)
    throw new InputError(
      'service-account',
      '',
      'is required with http-id-token and access-token: the service account to mint the ID token for (the service_account of google-github-actions/auth)',
    );
  return account ? { serviceAccount: account } : {};
}

// CloudWatch alarms are AWS's: a Cloud Run release is judged by Cloud Monitoring, so the input cannot apply.
function refuseAlarms(inputs: InputReader): void {
  const alarms = inputs.text('alarms', { multiline: true });
  if (alarms) {
    throw new InputError(
      'alarms',
      alarms,
      'names CloudWatch alarms, which target cloud-run does not read: judge it with max-error-rate, max-latency-ms, max-latency-ratio or http-url',
    );
  }
}

/**
 * Cloud Monitoring's reducers give percentiles 5, 50, 95 and 99 only
 * (https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Monitoring.V3/latest/Google.Cloud.Monitoring.V3.Aggregation.Types.Reducer);
 * a limit on another could never be read, so it is refused now rather than judged unhealthy mid-release.
 */
function refuseUnmonitoredPercentiles(inputs: InputReader): void {
  const text = inputs.text('max-latency-ms');
  const unread = Object.keys(parseLatencyLimits(text) ?? {}).find((p) => !PERCENTILES.includes(p));
  if (unread) {
    throw new InputError(
      'max-latency-ms',
      text,
      `names ${unread}, which target cloud-run cannot read: Cloud Monitoring gives request latencies at p50, p95 and p99`,
    );
  }
}

/** The history's DynamoDB table and SNS topics stay in AWS: their region as for Lambda, when they are used. */
function awsRegion(inputs: InputReader, env: Runtime['env'], needed: boolean): string {
  const text = inputs.text('aws-region');
  const backend = inputs.text('backend').toLowerCase();
  if (needed || text || backend.includes('dynamodb') || inputs.text('sns-topic-arn'))
    return resolveRegion(text, env);
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
}
