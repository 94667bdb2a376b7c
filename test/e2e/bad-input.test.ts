// Bad input never reaches AWS or GitHub: generated bad values for the inputs of all five actions fail the
// step with a message naming the input, and no call reaches AWS (through the proxy) nor the GitHub API (the
// local server), in-process and through the committed bundles. record-history and rollback's history inputs
// (backend, table, deployment ids, GitHub repository and token...) are checked before either backend is
// opened. Unknown alarm names are the one bad input found by reading: they fail the same way after
// DescribeAlarms, before any write.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateAliasCommand,
  GetAliasCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import { STRATEGIES } from '@deploy-actions/release/plan';
import { runDeployGreen } from '@deploy-actions/release/run/deploy-green';
import { runHealthGate } from '@deploy-actions/release/run/health-gate';
import { runRecordHistory } from '@deploy-actions/release/run/record-history';
import { runRollback } from '@deploy-actions/release/run/rollback';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { targets } from '../../actions/targets';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { startGitHub, type GitHubCall, type GitHubServer } from '@deploy-actions/testbed/github';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  freePort,
  makeZip,
  startMoto,
  TEST_ACCOUNT,
  TEST_REGION,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { FaultProxy, isWrite, type ProxyCall } from '@deploy-actions/testbed/proxy';
import { runAction } from '@deploy-actions/testbed/runner';

type Action = 'deploy-green' | 'shift-traffic' | 'rollback' | 'health-gate' | 'record-history';
type Inputs = Record<string, string>;

const ACTIONS: Action[] = ['deploy-green', 'shift-traffic', 'rollback', 'health-gate', 'record-history'];
const FN = 'orders';
const ARN = `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:function:${FN}`;
const IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders:1.2.3`;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** Generated cases per category, in-process. */
const RUNS = 5;
const SAMPLE_PER_ACTION = 4;
/** The alarm that exists (created in beforeAll); `orders-*` matches it. */
const ALARM = 'orders-errors';
// A loopback port nothing listens on (bound once, then released): a probe to it is refused at once.
const CLOSED_URL = `http://127.0.0.1:${await freePort()}/health`;
/** The history the valid input sets record in: a DynamoDB table in moto and the local GitHub's repository. */
const TABLE = 'deployments';
const OWNER = 'octo-org';
const REPO = 'orders-service';
const REPOSITORY = `${OWNER}/${REPO}`;
const TOKEN = 'ghs_bad_input_job_token';
const SHA = '0123456789abcdef0123456789abcdef01234567';
/** Both history backends, as the history inputs name them. */
const BOTH = {
  backend: 'github,dynamodb',
  'dynamodb-table': TABLE,
  'github-token': TOKEN,
  repository: REPOSITORY,
};
const GITHUB = { 'github-token': TOKEN, repository: REPOSITORY };
const FINISHES = ['succeeded', 'failed', 'rolled-back'];

interface Base {
  label: string;
  inputs: Inputs;
}

// Valid input sets that get past every check and would write (v2 exists and the alias serves v1); health-gate
// only reads, and its sets get as far as a verdict.
const BASES: Record<Action, Base[]> = {
  'deploy-green': [
    { label: 'zip', inputs: { 'function-name': FN, 'zip-file': 'build.zip' } },
    {
      label: 'zip with smoke test',
      inputs: {
        'function-name': FN,
        'zip-file': 'build.zip',
        'smoke-payload': '{"ping":true}',
        'smoke-expect': '/ping/i',
        description: 'abc123',
        'wait-timeout': '90s',
      },
    },
    { label: 'current code', inputs: { 'function-name': FN } },
    {
      label: 's3',
      inputs: {
        'function-name': FN,
        's3-bucket': 'orders-artifacts',
        's3-key': 'builds/orders.zip',
        's3-object-version': 'v1',
      },
    },
    {
      label: 'arn',
      inputs: {
        'function-name': ARN,
        'zip-file': 'build.zip',
        alias: 'live',
        'aws-region': TEST_REGION,
        'max-attempts': '3',
      },
    },
  ],
  'shift-traffic': [
    { label: 'all-at-once', inputs: { 'function-name': FN, 'green-version': '2', strategy: 'all-at-once' } },
    {
      label: 'custom plan with invoke check',
      inputs: {
        'function-name': FN,
        'green-version': '2',
        steps: '10,50,100',
        'bake-time': '0',
        'invoke-payload': '{"ping":true}',
        'invoke-expect': 'ping',
        'on-unhealthy': 'fail',
        'on-cancel': 'leave',
      },
    },
    {
      label: 'canary',
      inputs: {
        'function-name': FN,
        'green-version': '2',
        strategy: 'canary',
        'canary-percent': '20',
        'bake-time': '0',
      },
    },
    {
      label: 'linear',
      inputs: {
        'function-name': FN,
        'green-version': '2',
        strategy: 'linear',
        'linear-percent': '50',
        'bake-time': '0s',
      },
    },
    {
      label: 'CodeDeploy',
      inputs: { 'function-name': FN, 'green-version': '2', strategy: 'LambdaAllAtOnce' },
    },
    {
      label: 'arn',
      inputs: {
        'function-name': ARN,
        'green-version': '2',
        steps: '25,100',
        'bake-time': '0',
        'max-attempts': '5',
      },
    },
    {
      label: 'every health check',
      inputs: {
        'function-name': FN,
        'green-version': '2',
        steps: '10,100',
        'bake-time': '0',
        alarms: `${ALARM}, orders-*`,
        'max-error-rate': '2',
        'max-latency-ratio': '1.5',
        'min-invocations': '20',
        window: '5m',
        'http-url': CLOSED_URL,
        'http-method': 'POST',
        'http-headers': 'X-Check: 1\nAccept: application/json',
        'http-body': '{"ping":true}',
        'http-expect-status': '200-299,301',
        'http-max-latency-ms': '2000',
        'http-samples': '2',
        interval: '30s',
        duration: '1m',
        'consecutive-failures': '2',
        'on-inconclusive': 'pass',
      },
    },
  ],
  rollback: [
    { label: 'to a version', inputs: { 'function-name': FN, to: '2' } },
    {
      label: 'with reason',
      inputs: { 'function-name': FN, to: '2', reason: 'bad deploy', alias: 'live', 'max-attempts': '5' },
    },
    { label: 'arn', inputs: { 'function-name': ARN, to: '2', 'aws-region': TEST_REGION } },
    {
      label: 'history in both backends',
      inputs: {
        'function-name': FN,
        to: '2',
        environment: 'production',
        ...BOTH,
        'deployment-id': 'release-41',
        'environment-url': 'https://orders.example.com/',
        'ttl-days': '30',
        'on-error': 'warn',
        reason: 'bad deploy',
      },
    },
    {
      label: 'history in DynamoDB, arn',
      inputs: {
        'function-name': ARN,
        to: '2',
        environment: 'staging',
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        'aws-region': TEST_REGION,
        'max-attempts': '3',
      },
    },
    {
      label: 'history in GitHub (the default backend)',
      inputs: { 'function-name': FN, to: '2', environment: 'production', ...GITHUB, 'on-error': 'fail' },
    },
  ],
  'health-gate': [
    { label: 'metrics', inputs: { 'function-name': FN, 'max-error-rate': '2', window: '5m' } },
    {
      label: 'http probe',
      inputs: { 'function-name': FN, 'http-url': CLOSED_URL, 'http-expect-status': '200-299,301' },
    },
    { label: 'invoke', inputs: { 'function-name': FN, 'invoke-payload': '{"ping":true}' } },
    {
      label: 'versions',
      inputs: { 'function-name': FN, version: '2', 'baseline-version': '1', 'invoke-payload': '{}' },
    },
    { label: 'alarms', inputs: { 'function-name': FN, alarms: `${ALARM}\norders-*` } },
    {
      label: 'arn',
      inputs: {
        'function-name': ARN,
        alias: 'live',
        'aws-region': TEST_REGION,
        'max-attempts': '3',
        'fail-on-unhealthy': 'false',
        'max-error-rate': '5',
      },
    },
  ],
  // Each status set records in its backends (a finish ends a deployment that the base check records first);
  // the report sets get as far as the figures.
  'record-history': [
    {
      label: 'started in both backends',
      inputs: {
        ...BOTH,
        environment: 'production',
        status: 'started',
        'function-name': FN,
        'green-version': '2',
        'blue-version': '1',
      },
    },
    {
      label: 'started with every option',
      inputs: {
        backend: 'dynamodb, GitHub',
        'dynamodb-table': TABLE,
        'github-token': TOKEN,
        repository: REPOSITORY,
        environment: 'staging',
        status: 'started',
        'deployment-id': 'release-2024.06.01_a:1',
        'function-name': ARN,
        alias: 'live',
        'green-version': '2',
        'blue-version': '1',
        strategy: 'canary',
        'environment-url': 'https://orders.example.com/',
        'ttl-days': '30',
        'aws-region': TEST_REGION,
        'max-attempts': '3',
        'on-error': 'warn',
        'report-days': '7',
      },
    },
    {
      label: 'started in GitHub, first deploy',
      inputs: { ...GITHUB, environment: 'qa', status: 'started', 'function-name': FN, 'green-version': '1' },
    },
    {
      label: 'succeeded in both backends',
      inputs: { ...BOTH, environment: 'production', status: 'succeeded', 'deployment-id': 'release-7' },
    },
    {
      label: 'failed in DynamoDB',
      inputs: {
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        environment: 'production',
        status: 'failed',
        'deployment-id': 'release-8',
        reason: 'smoke test failed',
        'aws-region': TEST_REGION,
      },
    },
    {
      label: 'rolled-back in GitHub',
      inputs: {
        backend: 'github',
        ...GITHUB,
        environment: 'production',
        status: 'rolled-back',
        'deployment-id': 'release-9',
        'blue-version': '1',
        reason: 'health-gate: errors',
        'environment-url': 'https://orders.example.com/',
      },
    },
    {
      label: 'report from DynamoDB',
      inputs: {
        backend: 'dynamodb',
        'dynamodb-table': TABLE,
        environment: 'production',
        'function-name': FN,
        'report-days': '30',
      },
    },
    {
      label: 'report from GitHub',
      inputs: { ...GITHUB, environment: 'production', 'function-name': FN, 'report-days': '366' },
    },
  ],
};

interface Category {
  action: Action;
  label: string;
  /** Inputs the error may name: the one broken, or either of two given together. */
  names: string[];
  bad: fc.Arbitrary<Inputs>;
  /** The bases the bad value applies to; default all. */
  bases?: (b: Inputs) => boolean;
  /** Base inputs removed first, so that only the bad value is wrong (another code source, strategy beside steps). */
  drop?: string[];
}

interface Case {
  action: Action;
  label: string;
  names: string[];
  base: string;
  inputs: Inputs;
}

// --- bad values ------------------------------------------------------------------------------------------

const one = (name: string, arb: fc.Arbitrary<string>) => arb.map((v): Inputs => ({ [name]: v }));
const word = fc.stringMatching(/^[a-z]{3,12}$/);
const plainName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/);
const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

// Shell, path, expression and SQL injections; the newline ones would start a workflow command if logged raw.
const INJECTIONS = [
  ';rm -rf /',
  '$(id)',
  '`id`',
  '../x',
  '&& curl evil.example',
  '${{ github.token }}',
  "'; DROP TABLE x; --",
  '<img src=x onerror=alert(1)>',
  '\n::error::pwned',
  '\r\n::add-mask::x',
  '%0A::error::pwned',
  '|| true',
];
const injection = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.tuple(plainName, fc.constantFrom(...INJECTIONS)).map(([a, b]) => a + b),
);

/** Text over `max` characters, or a word followed by a line break or a control character. */
const tooLongOrControl = (fill: string, max: number, endings = ['\n::error::pwned', '\r\nx', '\u0000nul']) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max * 2 }).map((n) => fill.repeat(n)),
    fc.tuple(word, fc.constantFrom(...endings)).map(([a, b]) => a + b),
  );

const functionName = fc.oneof(
  fc.constantFrom('', '   '),
  fc.stringMatching(/^[a-zA-Z0-9_-]{65,100}$/),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom(
    ';rm -rf /',
    '$(id)',
    '../x',
    'fn:live',
    'orders:1',
    'orders:$LATEST',
    `${ARN}:live`,
    'arn:aws:lambda:us-east-1:123:function:orders',
    'orders\n::error::pwned',
    'ördérs',
  ),
  injection,
);

const alias = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 }).map(String),
  fc.stringMatching(/^[a-zA-Z0-9_-]{129,160}$/),
  fc
    .tuple(word, fc.constantFrom('!', '/', ':', '.', ' ', '$', '@', '#', '*'), word)
    .map(([a, c, b]) => a + c + b),
  fc.constantFrom('$LATEST', 'live:1'),
  injection,
);

const garbageRegion = fc
  .oneof(
    fc.constantFrom(
      'garbage',
      'US-EAST-1',
      'us-east',
      'us_east_1',
      'useast1',
      'us-east-1a',
      'eu-west-123',
      'us east 1',
    ),
    fc.string({ minLength: 1, maxLength: 20 }),
    injection,
  )
  .filter((s) => s.trim() !== '' && !REGION.test(s.trim()));

const maxAttempts = fc.oneof(
  fc.constantFrom('0', '21', 'x', '-1', '1.5', '1e1', 'ten', '0x5'),
  fc.integer({ min: 21, max: 2 ** 31 }).map(String),
  fc.integer({ min: -1000, max: 0 }).map(String),
  injection,
);

const MALFORMED_DURATIONS = [
  '5',
  '5 m',
  '-1s',
  '1.5m',
  '10d',
  'm',
  'abc',
  '1 h',
  'PT5M',
  '5min',
  '5m5m',
  '1h1h',
  '5M',
  '99999999999999999999h',
];
const malformedDuration = fc.oneof(
  fc.constantFrom(...MALFORMED_DURATIONS),
  fc.integer({ min: 1, max: 10_000 }).map(String),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('d', 'w', 'y', 'sec', 'min', 'hr', 'H'))
    .map(([n, u]) => `${n}${u}`),
  injection,
);

const BAD_PERCENTS = [
  '0',
  '0.00',
  '101',
  '100.01',
  '-10',
  'abc',
  '10.123',
  '1e1',
  'ten',
  '50%%',
  '0x10',
  '.5',
  '5.',
];
const badPercent = fc.oneof(
  fc.constantFrom(...BAD_PERCENTS),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  injection,
);

const invalidJson = fc.oneof(
  fc.constantFrom(
    '{',
    "{'a':1}",
    'undefined',
    '{"a":}',
    'NaN',
    '{\n"a":\n}',
    '[1,]',
    'ping',
    '{"a":1}}',
    '"open',
  ),
  fc
    .string({ minLength: 1, maxLength: 40, unit: 'binary-ascii' })
    .filter((s) => s.trim() !== '' && !isJson(s.trim())),
  // Valid JSON, but over the 256 KB an input may hold.
  fc.constant(`"${'x'.repeat(300 * 1024)}"`),
);

const badRegex = fc.constantFrom('/[/', '/(/', '/x/g', '/a/y', '/+/', '/x/gi');

const unknownWord = (allowed: string[], extra: string[]) =>
  fc
    .oneof(word, fc.constantFrom(...extra), injection)
    .filter((s) => !allowed.includes(s.trim().toLowerCase()) && s.trim() !== '');

const SOURCES = ['zip-file', 's3-bucket', 's3-key', 's3-object-version', 'image-uri'];
const has = (name: string) => (b: Inputs) => name in b;

/** Text that `new URL` parses as http: or https: (what the action accepts). */
const isHttpUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};
const nonBlank = (s: string) => s.trim() !== '';

const garbageNumber = fc.oneof(
  fc.constantFrom('abc', 'two', '1e1', '0x10', '.5', '5.', '1,5', 'NaN', 'Infinity', '5%', '--1', '1 000'),
  word,
  injection,
);

const maxErrorRate = fc.oneof(
  fc.constantFrom('101', '100.01', '-1', '-0.5', '1000'),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  fc.integer({ min: -1_000, max: -1 }).map(String),
  // "5%" is a valid percentage here.
  garbageNumber.filter((v) => v !== '5%'),
);

const maxLatencyRatio = fc.oneof(
  fc.constantFrom('0', '0.5', '0.99', '0.999', '101', '100.5', '-1'),
  fc.integer({ min: 0, max: 99 }).map((n) => `0.${n}`),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  garbageNumber,
);

const minInvocations = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1000000001', '50.0', '1e3'),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  garbageNumber,
);

const badWindow = fc.oneof(
  // not whole minutes
  fc.constantFrom('90s', '1m30s', '61s', '1h30s', '61000ms', '5m1ms'),
  fc
    .integer({ min: 61, max: 86_399 })
    .filter((n) => n % 60 !== 0)
    .map((n) => `${n}s`),
  // under 1m
  fc.constantFrom('0', '0s', '30s', '59s', '500ms', '59999ms'),
  fc.integer({ min: 1, max: 59 }).map((n) => `${n}s`),
  // over 24h
  fc.constantFrom('25h', '1441m', '24h1m', '48h'),
  fc.integer({ min: 25, max: 10_000 }).map((n) => `${n}h`),
  malformedDuration,
);

const badInterval = fc.oneof(
  // under 1s
  fc.constantFrom('0', '0s', '500ms', '999ms'),
  fc.integer({ min: 0, max: 999 }).map((n) => `${n}ms`),
  // over 1h
  fc.constantFrom('61m', '2h', '3601s', '1h1s'),
  fc.integer({ min: 61, max: 100_000 }).map((n) => `${n}m`),
  malformedDuration,
);

const badDuration = fc.oneof(
  fc.constantFrom('7h', '361m', '6h1s', '21601s'),
  fc.integer({ min: 361, max: 100_000 }).map((n) => `${n}m`),
  malformedDuration,
);

const badHttpUrl = fc
  .oneof(
    fc.constantFrom(
      'example.com/health',
      '/health',
      '127.0.0.1:8080/health',
      'localhost:8080',
      '//example.com/health',
      'http://',
      'https://',
      'http://exa mple.com/',
      'http://[::1/',
      'http://:80/',
    ),
    // other schemes
    fc.constantFrom(
      'ftp://example.com/health',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:ops@example.com',
      'ws://example.com/socket',
      'data:text/plain,ok',
    ),
    word.map((w) => `ftp://${w}.example.com/`),
    word,
    injection,
  )
  .filter((s) => nonBlank(s) && !isHttpUrl(s.trim()));

const badStatus = fc.oneof(
  fc.constantFrom('600', '99', '099', '299-200', '200-600', '2xx', 'ok', '200,', ',200', '200;204', '1000'),
  fc.integer({ min: 600, max: 999 }).map(String),
  fc.integer({ min: 0, max: 99 }).map(String),
  fc
    .tuple(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 100, max: 599 }))
    .filter(([a, b]) => a > b)
    .map(([a, b]) => `${a}-${b}`),
  word,
  injection,
);

const badPositiveInteger = (max: number) =>
  fc.oneof(
    fc.constantFrom('0', '-1', '1.5', String(max + 1)),
    fc.integer({ min: max + 1, max: 2 ** 31 }).map(String),
    garbageNumber,
  );

const headerLine = fc.constantFrom('X-Check: 1', 'Authorization: Bearer abc', 'Accept: application/json');
const badHeaders = fc.oneof(
  // no colon
  fc.constantFrom('X-Token abc', 'Authorization Bearer abc', 'X-Check=1'),
  word,
  // not a header name
  fc.constantFrom('X Token: a', 'X(Token): b', ': value', 'X-Tökén: a', '"X": y', '[X]: y', 'X-A: a\rb'),
  fc
    .tuple(word, fc.constantFrom(' ', '(', ')', '@', '/', '[', ']', '{', '}', '"', '?', '=', ',', ';', '\\'))
    .map(([w, c]) => `${w}${c}x: v`),
  // one good line, one bad
  fc.tuple(headerLine, fc.constantFrom('bad line', 'X Y: z')).map(([a, b]) => `${a}\n${b}`),
);

const badVersion = fc.oneof(
  fc.constantFrom('$LATEST', '0', '-1', '01', 'v2', 'latest', '1.5', '12345678901', '2:live', '1e3'),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  word,
  injection,
);

const badAlarms = fc.oneof(
  fc.constantFrom('a*b', '*', '**', '*orders', 'or*ders-*', `${ALARM}, a*b`, `orders-*\n*`),
  fc.tuple(word, word).map(([a, b]) => `${a}*${b}`),
  // over 255 characters
  fc.integer({ min: 256, max: 400 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 256, max: 400 }).map((n) => `${ALARM},${'x'.repeat(n)}`),
  // control characters inside a name
  fc.tuple(word, fc.constantFrom('\t', '\u0007', '\u001b[31m', '\u007f')).map(([a, b]) => `${a}${b}x`),
  // more than DescribeAlarms takes in one call
  fc.integer({ min: 101, max: 150 }).map((n) => Array.from({ length: n }, (_, i) => `alarm-${i}`).join(',')),
);

// History inputs (record-history, and rollback with environment).

/** What backend takes: github, dynamodb or both, comma separated, each once (case and spaces aside). */
const isBackendList = (s: string) => {
  const names = s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  return (
    names.length > 0 &&
    names.every((n) => n === 'github' || n === 'dynamodb') &&
    new Set(names).size === names.length
  );
};
const badBackend = fc
  .oneof(
    fc.constantFrom(
      's3',
      'dynamo',
      'ddb',
      'gh',
      'git',
      'github-deployments',
      'none',
      'github,github',
      'dynamodb,DynamoDB',
      'github,dynamodb,github',
      ',',
      ' , ',
      ',,',
      'github;dynamodb',
      'github dynamodb',
      'github|dynamodb',
      'github+dynamodb',
    ),
    fc.tuple(fc.constantFrom('github', 'dynamodb'), word).map(([a, b]) => `${a},${b}`),
    word,
    injection,
  )
  .filter((s) => nonBlank(s) && !isBackendList(s));

/** DynamoDB table names: 3 to 255 of letters, digits, _, - and . */
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const badTable = fc
  .oneof(
    fc.constantFrom('ab', 'a', 'my table', 'deploy#ments', 'deployments/', 'tåble', 'deploy:ments', 'x@y'),
    fc.integer({ min: 256, max: 400 }).map((n) => 't'.repeat(n)),
    fc.tuple(word, fc.constantFrom('!', '/', '#', ' ', '$', '*', ',')).map(([w, c]) => `${w}${c}x`),
    injection,
  )
  .filter((s) => nonBlank(s) && !TABLE_NAME.test(s.trim()));

// Deployment ids: 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit ('#'
// separates the parts of DynamoDB keys).
const badDeploymentId = fc.oneof(
  fc.tuple(word, word).map(([a, b]) => `${a}#${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word.map((w) => `-${w}`),
  fc.tuple(fc.constantFrom('.', '_', ':'), word).map(([c, w]) => `${c}${w}`),
  fc.integer({ min: 129, max: 300 }).map((n) => 'd'.repeat(n)),
  fc.constantFrom('release#1', 'deployment#42', '#', '-1', 'release/1', 'rélease', 'release@1', 'r\u00a0x'),
  injection,
);
const goodDeploymentId = fc.oneof(
  fc.constantFrom('release-7', 'run-1000-0a1b2c3d', '12345', 'release-2024.06.01_a:1'),
  plainName.filter((s) => /^[A-Za-z0-9]/.test(s)),
);

const RECORD_STATUSES = ['started', 'succeeded', 'failed', 'rolled-back'];
const badRecordStatus = unknownWord(RECORD_STATUSES, [
  'start',
  'success',
  'successful',
  'succeed',
  'fail',
  'failure',
  'error',
  'rolled_back',
  'rolledback',
  'rollback',
  'rolled back',
  'done',
  'pending',
  'in_progress',
  'inactive',
  'queued',
  'true',
]);

const badEnvironmentUrl = fc.oneof(
  badHttpUrl,
  fc.integer({ min: 2049, max: 3000 }).map((n) => `https://orders.example.com/${'p'.repeat(n)}`),
);

const badTtlDays = fc
  .oneof(
    fc.constantFrom('0', '00000', '-1', '-90', '1.5', '90d', '90 days', '1e3', '0x10', 'ninety', '123456'),
    fc.integer({ min: -1000, max: 0 }).map(String),
    garbageNumber,
  )
  .filter(nonBlank);

// Header values are bytes: a character past U+00FF cannot be sent in the Authorization header at all.
const headerlessToken = fc.oneof(
  fc.constantFrom('ghs_€uro', 'ghs_tökén€', 'ghs_\u2028x', 'ghs_\u200bx'),
  fc.tuple(word, fc.constantFrom('€', '☃', 'ł', '\u2028', '\u200b', '—')).map(([w, c]) => `ghs_${w}${c}x`),
);

const badRepository = fc.oneof(
  fc.constantFrom(
    OWNER,
    `${OWNER}/`,
    `/${REPO}`,
    `${REPOSITORY}/extra`,
    `octo org/${REPO}`,
    `${OWNER}/orders service`,
    `-octo/${REPO}`,
    `${OWNER}//${REPO}`,
    `https://github.com/${REPOSITORY}`,
    `${OWNER}\\${REPO}`,
    `${OWNER}/${REPO}#1`,
    `${OWNER}/${REPO}?x=1`,
  ),
  fc.integer({ min: 40, max: 60 }).map((n) => `${'o'.repeat(n)}/${REPO}`),
  fc.integer({ min: 101, max: 150 }).map((n) => `${OWNER}/${'r'.repeat(n)}`),
  word,
  injection,
);

// --- categories --------------------------------------------------------------------------------------------

const common = (action: Action): Category[] => [
  { action, label: 'function-name', names: ['function-name'], bad: one('function-name', functionName) },
  { action, label: 'alias', names: ['alias'], bad: one('alias', alias) },
  { action, label: 'aws-region garbage', names: ['aws-region'], bad: one('aws-region', garbageRegion) },
  {
    action,
    label: "aws-region other than the function ARN's",
    names: ['aws-region'],
    bases: (b) => b['function-name'] === ARN,
    bad: one('aws-region', fc.constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2')),
  },
  { action, label: 'max-attempts', names: ['max-attempts'], bad: one('max-attempts', maxAttempts) },
];

const noUrl = (b: Inputs) => !('http-url' in b);

/** The health inputs both actions take: health-gate judges with them, shift-traffic watches each bake with them. */
const health = (action: Action): Category[] => [
  {
    action,
    label: 'alarms malformed',
    names: ['alarms'],
    bad: one('alarms', badAlarms),
  },
  {
    action,
    label: 'max-error-rate out of 0..100 or garbage',
    names: ['max-error-rate'],
    bad: one('max-error-rate', maxErrorRate),
  },
  {
    action,
    label: 'max-latency-ratio below 1, over 100 or garbage',
    names: ['max-latency-ratio'],
    bad: one('max-latency-ratio', maxLatencyRatio),
  },
  {
    action,
    label: 'min-invocations 0, negative or garbage',
    names: ['min-invocations'],
    bad: one('min-invocations', minInvocations),
  },
  {
    action,
    label: 'window not whole minutes, under 1m, over 24h, malformed',
    names: ['window'],
    bad: one('window', badWindow),
  },
  {
    action,
    label: 'http-url not absolute, not http(s), garbage',
    names: ['http-url'],
    bad: one('http-url', badHttpUrl),
  },
  {
    action,
    label: 'http-expect-status out of 100..599, reversed, words',
    names: ['http-expect-status'],
    bases: has('http-url'),
    bad: one('http-expect-status', badStatus),
  },
  {
    action,
    label: 'http-max-latency-ms 0 or garbage (with or without http-url)',
    names: ['http-max-latency-ms'],
    bad: one('http-max-latency-ms', badPositiveInteger(600_000)),
  },
  {
    action,
    label: 'http-samples 0 or garbage',
    names: ['http-samples'],
    bases: has('http-url'),
    bad: one('http-samples', badPositiveInteger(100)),
  },
  {
    action,
    label: 'http-headers without a colon or with a bad name',
    names: ['http-headers'],
    bases: has('http-url'),
    bad: one('http-headers', badHeaders),
  },
  {
    action,
    label: 'http-headers without http-url',
    names: ['http-headers'],
    bases: noUrl,
    bad: one(
      'http-headers',
      fc.oneof(
        headerLine,
        fc.tuple(headerLine, headerLine).map(([a, b]) => `${a}\n${b}`),
      ),
    ),
  },
  {
    action,
    label: 'http-body without http-url',
    names: ['http-body'],
    bases: noUrl,
    bad: one('http-body', fc.oneof(fc.constantFrom('{"ping":true}', 'ping', '<ping/>'), word)),
  },
  {
    action,
    label: 'http-method unknown',
    names: ['http-method'],
    bases: has('http-url'),
    bad: one(
      'http-method',
      unknownWord(
        ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'],
        ['CONNECT', 'TRACE', 'FETCH', 'GETS', 'get!', 'PO ST'],
      ),
    ),
  },
  {
    action,
    label: 'interval under 1s, over 1h, malformed',
    names: ['interval'],
    bad: one('interval', badInterval),
  },
  {
    action,
    label: 'duration over 6h, malformed',
    names: ['duration'],
    bad: one('duration', badDuration),
  },
  {
    action,
    label: 'consecutive-failures 0, over 100 or garbage',
    names: ['consecutive-failures'],
    bad: one('consecutive-failures', badPositiveInteger(100)),
  },
  {
    action,
    label: 'on-inconclusive unknown',
    names: ['on-inconclusive'],
    bad: one(
      'on-inconclusive',
      unknownWord(['fail', 'pass'], ['ignore', 'warn', 'true', 'healthy', 'unhealthy', 'skip']),
    ),
  },
  {
    action,
    label: 'invoke-payload not JSON',
    names: ['invoke-payload'],
    bad: one('invoke-payload', invalidJson),
  },
  {
    action,
    label: 'invoke-expect without invoke-payload',
    names: ['invoke-expect'],
    drop: ['invoke-payload'],
    bad: one('invoke-expect', word),
  },
  {
    action,
    label: 'invoke-expect bad regular expression',
    names: ['invoke-expect'],
    bases: has('invoke-payload'),
    bad: one('invoke-expect', badRegex),
  },
];

/** The backends a set of history inputs names; github when backend is empty, as the action defaults. */
const backends = (b: Inputs) => (b.backend || 'github').toLowerCase();
const withDynamo = (b: Inputs) => backends(b).includes('dynamodb');
const withGithub = (b: Inputs) => backends(b).includes('github');
const and =
  (...ps: ((b: Inputs) => boolean)[]) =>
  (b: Inputs) =>
    ps.every((p) => p(b));

/**
 * The history inputs record-history and rollback share (read by one parser), on the bases where they are
 * used: every record-history set, and the rollback sets that name an environment.
 */
const historyInputs = (action: Action, used: (b: Inputs) => boolean): Category[] => [
  {
    action,
    label: 'backend unknown, named twice or an empty list',
    names: ['backend'],
    bases: used,
    bad: one('backend', badBackend),
  },
  {
    action,
    label: 'dynamodb-table empty with backend dynamodb',
    names: ['dynamodb-table'],
    bases: and(used, withDynamo),
    bad: one('dynamodb-table', fc.constantFrom('', '  ')),
  },
  {
    action,
    label: 'dynamodb-table not a table name',
    names: ['dynamodb-table'],
    bases: and(used, withDynamo),
    bad: one('dynamodb-table', badTable),
  },
  {
    action,
    label: 'dynamodb-table without backend dynamodb',
    names: ['dynamodb-table'],
    bases: and(used, (b) => !withDynamo(b)),
    bad: one('dynamodb-table', fc.constantFrom(TABLE, 'orders-history', 'deploy.history_1')),
  },
  {
    action,
    label: 'environment-url not an http(s) URL or over 2048 characters',
    names: ['environment-url'],
    bases: used,
    bad: one('environment-url', badEnvironmentUrl),
  },
  {
    action,
    label: 'ttl-days 0, negative, fractional or garbage',
    names: ['ttl-days'],
    bases: used,
    bad: one('ttl-days', badTtlDays),
  },
  {
    action,
    label: 'github-token empty with backend github',
    names: ['github-token'],
    bases: and(used, withGithub),
    bad: one('github-token', fc.constantFrom('', '   ', '\t')),
  },
  {
    action,
    label: 'github-token with characters no HTTP header carries',
    names: ['github-token'],
    bases: and(used, withGithub),
    // One attempt: a token that slipped through would fail at once instead of being retried as an outage.
    bad: headerlessToken.map((t): Inputs => ({ 'github-token': t, 'max-attempts': '1' })),
  },
  {
    action,
    label: 'repository not owner/name',
    names: ['repository'],
    bases: and(used, withGithub),
    bad: one('repository', badRepository),
  },
  {
    action,
    label: 'repository named . or .. (a path step, not a repository)',
    names: ['repository'],
    bases: and(used, withGithub),
    bad: one('repository', fc.constantFrom(`${OWNER}/.`, `${OWNER}/..`)),
  },
  {
    action,
    label: 'on-error unknown',
    names: ['on-error'],
    bases: used,
    bad: one(
      'on-error',
      unknownWord(['fail', 'warn'], ['ignore', 'continue', 'true', 'false', 'error', 'warning', 'skip']),
    ),
  },
];

const hasStatus = (b: Inputs) => nonBlank(b.status ?? '');
const started = (b: Inputs) => b.status === 'started';
const withEnvironment = has('environment');

/** record-history: its own inputs, then the ones the other actions have too. */
const recordHistory: Category[] = [
  ...historyInputs('record-history', () => true),
  {
    action: 'record-history',
    label: 'environment empty, over 255 characters or multi-line',
    names: ['environment'],
    bad: one(
      'environment',
      fc.oneof(
        fc.constantFrom('', '   '),
        tooLongOrControl('e', 255, ['\n::error::pwned', '\r\nx', '\u0007bell']),
      ),
    ),
  },
  {
    action: 'record-history',
    label: 'status unknown',
    names: ['status'],
    bad: one('status', badRecordStatus),
  },
  {
    action: 'record-history',
    label: 'status empty without report-days',
    names: ['status'],
    drop: ['report-days'],
    bases: hasStatus,
    bad: one('status', fc.constantFrom('', '  ')),
  },
  {
    action: 'record-history',
    label: 'deployment-id malformed',
    names: ['deployment-id'],
    bases: hasStatus,
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'record-history',
    label: 'deployment-id malformed beside report-days only',
    names: ['deployment-id'],
    bases: (b) => !hasStatus(b),
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'record-history',
    label: 'deployment-id all digits with status started',
    names: ['deployment-id'],
    bases: started,
    bad: one(
      'deployment-id',
      fc.oneof(
        fc.constantFrom('0', '007', '42', '1234567890123456789'),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      ),
    ),
  },
  {
    action: 'record-history',
    label: 'deployment-id missing with a finish status',
    names: ['deployment-id'],
    bad: fc.constantFrom(...FINISHES).map((status): Inputs => ({ status, 'deployment-id': '' })),
  },
  {
    action: 'record-history',
    label: 'green-version missing with status started',
    names: ['green-version'],
    bases: started,
    drop: ['green-version'],
    bad: fc.constantFrom<Inputs>({}, { 'green-version': '' }, { 'green-version': '  ' }),
  },
  {
    action: 'record-history',
    label: 'green-version not a published version',
    names: ['green-version'],
    bad: one('green-version', badVersion),
  },
  {
    action: 'record-history',
    label: 'blue-version not a published version',
    names: ['blue-version'],
    bad: one('blue-version', badVersion),
  },
  {
    action: 'record-history',
    label: 'blue-version the same as green-version',
    names: ['blue-version'],
    bases: (b) => started(b) && b['green-version'] === '2',
    bad: one('blue-version', fc.constant('2')),
  },
  {
    action: 'record-history',
    label: 'function-name missing with status started or report-days',
    names: ['function-name'],
    bases: (b) => started(b) || has('report-days')(b),
    drop: ['function-name'],
    bad: fc.constantFrom<Inputs>({}, { 'function-name': '' }, { 'function-name': '  ' }),
  },
  {
    action: 'record-history',
    label: 'function-name',
    names: ['function-name'],
    bases: has('function-name'),
    bad: one('function-name', functionName),
  },
  { action: 'record-history', label: 'alias', names: ['alias'], bad: one('alias', alias) },
  {
    action: 'record-history',
    label: 'aws-region garbage with backend dynamodb',
    names: ['aws-region'],
    bases: withDynamo,
    bad: one('aws-region', garbageRegion),
  },
  {
    action: 'record-history',
    label: 'aws-region garbage without backend dynamodb',
    names: ['aws-region'],
    bases: (b) => !withDynamo(b),
    bad: one('aws-region', garbageRegion),
  },
  {
    action: 'record-history',
    label: "aws-region other than the function ARN's with backend dynamodb",
    names: ['aws-region'],
    bases: (b) => withDynamo(b) && b['function-name'] === ARN,
    bad: one('aws-region', fc.constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2')),
  },
  {
    action: 'record-history',
    label: 'max-attempts',
    names: ['max-attempts'],
    bad: one('max-attempts', maxAttempts),
  },
  {
    action: 'record-history',
    label: 'report-days out of 1..366 or garbage',
    names: ['report-days'],
    bad: one('report-days', badPositiveInteger(366)),
  },
  {
    action: 'record-history',
    label: 'strategy over 64 characters or multi-line',
    names: ['strategy'],
    bad: one('strategy', tooLongOrControl('s', 64, ['\n::error::pwned', '\r\nx', '\u001b[31mred'])),
  },
  {
    action: 'record-history',
    label: 'reason over 1000 characters or multi-line',
    names: ['reason'],
    bad: one('reason', tooLongOrControl('r', 1000)),
  },
];

const CATEGORIES: Category[] = [
  ...common('deploy-green'),
  {
    action: 'deploy-green',
    label: 'zip-file missing, not a file, not a zip, over 50 MB',
    names: ['zip-file'],
    drop: SOURCES,
    bad: one(
      'zip-file',
      fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{1,16}$/).map((s) => `missing-${s}.zip`),
        fc.constantFrom(
          'notes.txt',
          'empty.zip',
          'fake.zip',
          'huge.zip',
          'builds',
          'builds/',
          'missing/dir/x.zip',
          'build.zip\n::error::x',
        ),
        injection,
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'image-uri not an ECR image',
    names: ['image-uri'],
    drop: SOURCES,
    bad: one(
      'image-uri',
      fc.oneof(
        fc.constantFrom(
          'nginx:latest',
          'public.ecr.aws/x/y:1',
          `123.dkr.ecr.${TEST_REGION}.amazonaws.com/orders:1`,
          `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders`,
          `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/Orders:1`,
          `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders@sha256:abc`,
          'docker.io/library/node:20',
        ),
        injection.map((s) => IMAGE + s),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 's3-bucket not a bucket name',
    names: ['s3-bucket'],
    bases: has('s3-bucket'),
    bad: one(
      's3-bucket',
      fc.oneof(
        fc.constantFrom('My_Bucket', 'ab', '-bucket', 'bucket-', 'bucket name', 'UPPERCASE', 'a'),
        fc.stringMatching(/^[a-z0-9]{64,80}$/),
        injection,
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 's3-key without s3-bucket',
    names: ['s3-key', 's3-bucket'],
    drop: SOURCES,
    bad: one('s3-key', fc.stringMatching(/^[a-z0-9/._-]{1,40}$/)),
  },
  {
    action: 'deploy-green',
    label: 's3-bucket without s3-key',
    names: ['s3-bucket', 's3-key'],
    drop: SOURCES,
    bad: one('s3-bucket', fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}[a-z0-9]$/)),
  },
  {
    action: 'deploy-green',
    label: 's3-object-version without s3-bucket',
    names: ['s3-object-version'],
    bases: (b) => !('s3-bucket' in b),
    bad: one('s3-object-version', fc.stringMatching(/^[A-Za-z0-9._-]{1,32}$/)),
  },
  {
    action: 'deploy-green',
    label: 'two code sources: zip-file + image-uri',
    names: ['zip-file', 'image-uri'],
    bases: has('zip-file'),
    bad: one('image-uri', fc.constant(IMAGE)),
  },
  {
    action: 'deploy-green',
    label: 'two code sources: s3-bucket + zip-file',
    names: ['s3-bucket', 'zip-file'],
    bases: has('s3-bucket'),
    bad: one('zip-file', fc.constantFrom('build.zip', 'missing.zip')),
  },
  {
    action: 'deploy-green',
    label: 'two code sources: zip-file + s3-bucket/s3-key',
    names: ['zip-file', 's3-bucket'],
    bases: has('zip-file'),
    bad: fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}[a-z0-9]$/), fc.option(fc.constant('orders.zip')))
      .map(([bucket, key]): Inputs => ({ 's3-bucket': bucket, ...(key ? { 's3-key': key } : {}) })),
  },
  {
    action: 'deploy-green',
    label: 'two code sources: zip-file + s3-key',
    names: ['zip-file', 's3-key', 's3-bucket'],
    bases: has('zip-file'),
    bad: one('s3-key', fc.constantFrom('orders.zip', 'builds/1.zip')),
  },
  {
    action: 'deploy-green',
    label: 'two code sources: s3 + image-uri',
    names: ['s3-bucket', 'image-uri'],
    bases: has('s3-bucket'),
    bad: one('image-uri', fc.constant(IMAGE)),
  },
  {
    action: 'deploy-green',
    label: 'smoke-payload not JSON',
    names: ['smoke-payload'],
    bad: one('smoke-payload', invalidJson),
  },
  {
    action: 'deploy-green',
    label: 'smoke-expect without smoke-payload',
    names: ['smoke-expect'],
    drop: ['smoke-payload'],
    bad: one('smoke-expect', word),
  },
  {
    action: 'deploy-green',
    label: 'smoke-expect bad regular expression',
    names: ['smoke-expect'],
    bases: has('smoke-payload'),
    bad: one('smoke-expect', badRegex),
  },
  {
    action: 'deploy-green',
    label: 'wait-timeout malformed',
    names: ['wait-timeout'],
    bad: one('wait-timeout', malformedDuration),
  },
  {
    action: 'deploy-green',
    label: 'wait-timeout over 1h',
    names: ['wait-timeout'],
    bad: one(
      'wait-timeout',
      fc.oneof(
        fc.constantFrom('2h', '3601s', '1h1ms'),
        fc.integer({ min: 61, max: 100_000 }).map((n) => `${n}m`),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'description too long or multi-line',
    names: ['description'],
    bad: one(
      'description',
      tooLongOrControl('d', 256, ['\n::error::pwned', '\r\nx', '\u0007bell', '\u001b[31mred']),
    ),
  },

  ...common('shift-traffic'),
  {
    action: 'shift-traffic',
    label: 'green-version not a published version',
    names: ['green-version'],
    bad: one(
      'green-version',
      fc.oneof(
        fc.constantFrom(
          '$LATEST',
          '0',
          '-1',
          '1.5',
          'abc',
          '',
          '01',
          'v2',
          '2:live',
          '12345678901',
          '1e3',
          '２',
        ),
        fc.integer({ min: -1_000_000, max: 0 }).map(String),
        word,
        injection,
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'strategy unknown',
    names: ['strategy'],
    drop: ['steps'],
    bad: one(
      'strategy',
      unknownWord(
        STRATEGIES.map((s) => s.toLowerCase()),
        [
          'blue-green',
          'LambdaCanary10Percent1Minute',
          'all_at_once',
          'canary10',
          'LambdaLinear10PercentEvery5Minutes',
          'rolling',
        ],
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'steps out of range, not increasing, >2 decimals, garbage, empty items',
    names: ['steps'],
    drop: ['strategy'],
    bad: one(
      'steps',
      fc.oneof(
        fc.constantFrom('0', '101', '-5', '0,50,100', '10,50,101', '10,-5,100', '150'),
        fc
          .array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 6 })
          .filter((a) => a.some((x, i) => i > 0 && x <= a[i - 1]!))
          .map((a) => a.join(',')),
        fc
          .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999 }))
          .map(([a, b]) => `${a}.${String(b).padStart(3, '0')},100`),
        fc.constantFrom('a,b', 'ten,fifty', '10;50;100', '10 50 100', '1e1,100', '0x10,100', '10,50,100%%'),
        fc.constantFrom('10,,50', ',10,50', '10,50,', ',', ' , '),
        fc.constant(Array.from({ length: 101 }, (_, i) => String((i + 1) * 0.5)).join(',')),
        word,
        injection,
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time malformed',
    names: ['bake-time'],
    bad: one('bake-time', malformedDuration),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time over 6h',
    names: ['bake-time'],
    bad: one(
      'bake-time',
      fc.oneof(
        fc.constantFrom('7h', '6h1s', '21601s', '1000h'),
        fc.integer({ min: 361, max: 100_000 }).map((n) => `${n}m`),
      ),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'bake-time beside a fixed CodeDeploy schedule',
    names: ['bake-time'],
    bases: (b) => b.strategy?.startsWith('Lambda') ?? false,
    bad: one('bake-time', fc.constantFrom('0', '30s', '5m', '1h')),
  },
  {
    action: 'shift-traffic',
    label: 'canary-percent',
    names: ['canary-percent'],
    bad: one('canary-percent', badPercent),
  },
  {
    action: 'shift-traffic',
    label: 'canary-percent 100 with strategy canary',
    names: ['canary-percent'],
    bases: (b) => b.strategy === 'canary',
    bad: one('canary-percent', fc.constantFrom('100', '100.0', '100.00', '100%')),
  },
  {
    action: 'shift-traffic',
    label: 'linear-percent',
    names: ['linear-percent'],
    bad: one('linear-percent', badPercent),
  },
  {
    action: 'shift-traffic',
    label: 'linear-percent below 1 with strategy linear',
    names: ['linear-percent'],
    bases: (b) => b.strategy === 'linear',
    bad: one('linear-percent', fc.constantFrom('0.5', '0.01', '0.99')),
  },
  {
    action: 'shift-traffic',
    label: 'on-unhealthy unknown',
    names: ['on-unhealthy'],
    bad: one(
      'on-unhealthy',
      unknownWord(['rollback', 'fail'], ['leave', 'roll-back', 'ignore', 'true', 'continue']),
    ),
  },
  {
    action: 'shift-traffic',
    label: 'on-cancel unknown',
    names: ['on-cancel'],
    bad: one(
      'on-cancel',
      unknownWord(['rollback', 'leave'], ['fail', 'roll-back', 'ignore', 'true', 'keep']),
    ),
  },
  ...health('shift-traffic'),

  ...common('rollback'),
  {
    action: 'rollback',
    label: 'to not previous nor a version (no environment)',
    names: ['to'],
    bases: (b) => !withEnvironment(b),
    bad: one(
      'to',
      fc.oneof(
        fc.constantFrom(
          '$LATEST',
          'abc',
          '0',
          '-1',
          '1.5',
          'Previous',
          'latest',
          '01',
          'v2',
          '2:live',
          'last-good',
        ),
        fc.integer({ min: -1000, max: 0 }).map(String),
        injection,
      ),
    ),
  },
  {
    action: 'rollback',
    label: 'reason too long or multi-line',
    names: ['reason'],
    bad: one('reason', tooLongOrControl('r', 1000)),
  },
  ...historyInputs('rollback', withEnvironment),
  {
    action: 'rollback',
    label: 'to a malformed deployment id',
    names: ['to'],
    bad: one(
      'to',
      badDeploymentId.filter((s) => s.trim() !== 'previous' && !/^\d+$/.test(s.trim())),
    ),
  },
  {
    action: 'rollback',
    label: 'deployment-id malformed',
    names: ['deployment-id'],
    bases: withEnvironment,
    bad: one('deployment-id', badDeploymentId),
  },
  {
    action: 'rollback',
    label: 'deployment-id without environment',
    names: ['deployment-id'],
    drop: ['environment'],
    bad: one('deployment-id', goodDeploymentId),
  },
  {
    action: 'rollback',
    label: 'to a deployment id without environment',
    names: ['to'],
    drop: ['environment'],
    bad: one(
      'to',
      goodDeploymentId.filter((s) => !/^\d+$/.test(s)),
    ),
  },
  {
    action: 'rollback',
    label: 'environment over 255 characters or multi-line',
    names: ['environment'],
    bad: one('environment', tooLongOrControl('e', 255, ['\u0007bell', '\u001b[31mred'])),
  },

  ...common('health-gate'),
  ...health('health-gate'),
  {
    action: 'health-gate',
    label: 'version not a published version',
    names: ['version'],
    bad: one('version', badVersion),
  },
  {
    action: 'health-gate',
    label: 'baseline-version not a published version',
    names: ['baseline-version'],
    bad: one('baseline-version', badVersion),
  },
  {
    action: 'health-gate',
    label: 'fail-on-unhealthy unknown',
    names: ['fail-on-unhealthy'],
    bad: one(
      'fail-on-unhealthy',
      unknownWord(['true', 'false'], ['yes', 'no', '1', '0', 'on', 'off', 'warn', 'dry-run']),
    ),
  },

  ...recordHistory,
];

function basesFor(c: Category): Base[] {
  return BASES[c.action].filter((b) => (c.bases ?? (() => true))(b.inputs));
}

/** One case: a valid base for the action with one input (or one pair) made bad. */
function caseArb(c: Category, forBundle = false): fc.Arbitrary<Case> {
  const arb = fc.tuple(fc.constantFrom(...basesFor(c)), c.bad).map(([base, bad]): Case => {
    const inputs = { ...base.inputs };
    for (const name of c.drop ?? []) delete inputs[name];
    return {
      action: c.action,
      label: c.label,
      names: c.names,
      base: base.label,
      inputs: { ...inputs, ...bad },
    };
  });
  // Environment variables hold no NUL and at most 128 KiB each (Linux MAX_ARG_STRLEN).
  return forBundle
    ? arb.filter((k) => Object.values(k.inputs).every((v) => !v.includes('\u0000') && v.length < 64 * 1024))
    : arb;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clip = (v: string) => (v.length > 120 ? `${v.slice(0, 100)}... (${v.length} chars)` : v);
const shown = (c: Case) => ({
  ...c,
  inputs: Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, clip(v)])),
});
const ops = (calls: ProxyCall[]) => calls.map((c) => c.op);
/** DynamoDB operations that write (the history's). */
const DYNAMODB_WRITE = /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)$/;

/** How each action ends the message of an input error. */
const NOTHING_DONE: Record<Action, string> = {
  'deploy-green': 'Nothing was changed in AWS.',
  'shift-traffic': 'Nothing was changed in AWS.',
  rollback: 'Nothing was changed in AWS.',
  'health-gate': 'Nothing was changed in AWS.',
  'record-history': 'Nothing was recorded.',
};

/**
 * What the failed step must say; compared as one object so that a failure shows the case and message. No call
 * of any kind may reach AWS, unless `reads` allows it (unknown alarms are found out by DescribeAlarms), and no
 * request may reach the GitHub API.
 */
function expectRefused(
  c: Case,
  message: string | undefined,
  calls: ProxyCall[],
  github: GitHubCall[],
  reads?: 'reads allowed',
) {
  const m = message ?? '';
  const nameRe = new RegExp(`^Input "(${c.names.map(escapeRe).join('|')})" (is empty|has value ")`);
  const actual = ops(calls);
  expect({
    case: shown(c),
    message: clip(m),
    failed: message !== undefined,
    namesInput: nameRe.test(m),
    endsNothingDone: m.endsWith(NOTHING_DONE[c.action]),
    oneLine: !/[\r\n]/.test(m),
    writes: ops(calls.filter((x) => isWrite(x.op))),
    calls: reads ? actual.filter((op) => isWrite(op)) : actual,
    github: github.map((x) => `${x.method} ${x.path}`),
  }).toEqual({
    case: shown(c),
    message: clip(m),
    failed: true,
    namesInput: true,
    endsNothingDone: true,
    oneLine: true,
    writes: [],
    calls: [],
    github: [],
  });
}

const RUN: Record<Action, (rt: ReturnType<typeof memoryRuntime>) => Promise<void>> = {
  'deploy-green': (rt) => runDeployGreen(rt, targets),
  'shift-traffic': (rt) => runShiftTrafficStep(rt, targets),
  rollback: (rt) => runRollback(rt, targets),
  'health-gate': (rt) => runHealthGate(rt, targets),
  'record-history': (rt) => runRecordHistory(rt, targets),
};

// Well-formed alarm names that name nothing in the account: bad input, but only a read can tell.
const UNKNOWN_ALARM_ACTIONS: Action[] = ['shift-traffic', 'health-gate'];
const UNKNOWN_ALARMS_PER_ACTION = 2;
const unknownAlarms = fc.oneof(
  word.map((w) => `missing-${w}`),
  word.map((w) => `missing-${w}-*`),
  word.map((w) => `${ALARM}, missing-${w}`),
  word.map((w) => `orders-*\n${ALARM}-${w}`),
  // CloudWatch alarm names are case-sensitive.
  fc.constantFrom('Orders-Errors', 'ORDERS-*', `${ALARM}-old`, 'errors', 'o-*'),
);
const unknownAlarmCategory = (action: Action): Category => ({
  action,
  label: 'alarms unknown',
  names: ['alarms'],
  bad: one('alarms', unknownAlarms),
});

// A sample drawn once per file run, so that each bundle case has a test title; the seed reproduces it.
const SEED = Date.now() % 2 ** 31;
function bundleSample(action: Action, seed: number): Case[] {
  const eligible = CATEGORIES.filter((c) => c.action === action && basesFor(c).length > 0);
  const [picked] = fc.sample(
    fc.shuffledSubarray(eligible, { minLength: SAMPLE_PER_ACTION, maxLength: SAMPLE_PER_ACTION }),
    { numRuns: 1, seed },
  );
  return picked!.map((c, i) => fc.sample(caseArb(c, true), { numRuns: 1, seed: seed + i + 1 })[0]!);
}
const BUNDLE_CASES = ACTIONS.flatMap((a, i) => bundleSample(a, SEED + 100 * i));
const UNKNOWN_ALARM_BUNDLE_CASES = UNKNOWN_ALARM_ACTIONS.flatMap((a, i) =>
  fc
    .sample(caseArb(unknownAlarmCategory(a), true), {
      numRuns: UNKNOWN_ALARMS_PER_ACTION,
      seed: SEED + 1000 + i,
    })
    .map((c) => ({ ...c, alarms: JSON.stringify(c.inputs.alarms) })),
);

let moto: Moto;
let proxy: FaultProxy;
let gh: GitHubServer;
let admin: LambdaClient;
let workspace: string;
let before: Awaited<ReturnType<typeof awsState>>;
const savedEnv: Record<string, string | undefined> = {};
interface Tally {
  writes: number;
  calls: number;
  /** Requests to the GitHub API. */
  github: number;
}
const inProcess: ({ action: Action; label: string } & Tally)[] = [];
const onRunner: ({ action: Action; label: string } & Tally)[] = [];
interface AlarmRun {
  action: Action;
  where: 'in-process' | 'bundle';
  writes: number;
  reads: number;
  github: number;
}
const unknownAlarmRuns: AlarmRun[] = [];

/** The variables of the job the history actions read; the GitHub API is the local one. */
function githubEnv(): Record<string, string> {
  return {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '4242',
    GITHUB_JOB: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
  };
}

/** Where alias live points and every version of the function, read from the emulator directly. */
async function awsState() {
  const a = await admin.send(new GetAliasCommand({ FunctionName: FN, Name: 'live' }));
  const v = await admin.send(new ListVersionsByFunctionCommand({ FunctionName: FN }));
  return {
    alias: {
      version: a.FunctionVersion,
      weights: a.RoutingConfig?.AdditionalVersionWeights ?? {},
      revisionId: a.RevisionId,
    },
    versions: (v.Versions ?? []).map((x) => ({
      version: x.Version,
      sha: x.CodeSha256,
      revisionId: x.RevisionId,
      lastModified: x.LastModified,
    })),
  };
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await FaultProxy.start(moto.url);
  gh = await startGitHub({ owner: OWNER, repo: REPO, token: TOKEN });
  admin = new LambdaClient(clientConfig(moto.url));
  // v1 and v2 published, the alias on v1: a bad input that slipped through would have something to write.
  await createLambdaFunction(moto.url, { name: FN, publish: true });
  await admin.send(
    new UpdateFunctionCodeCommand({
      FunctionName: FN,
      ZipFile: makeZip({ 'index.mjs': 'export const handler = async () => ({ v: 2 });\n' }),
    }),
  );
  await admin.send(new PublishVersionCommand({ FunctionName: FN }));
  await admin.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '1' }));
  // The one alarm the valid input sets name, so that only a bad value makes alarms wrong.
  const cloudwatch = new CloudWatchClient(clientConfig(moto.url));
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: FN }],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }),
  );
  cloudwatch.destroy();
  // The history table the valid input sets record in: a bad input that slipped through could write there too.
  const dynamodb = new DynamoDBClient(clientConfig(moto.url));
  await dynamodb.send(new CreateTableCommand(createTableInput(TABLE)));
  await dynamodb.send(new UpdateTimeToLiveCommand(timeToLiveInput(TABLE)));
  dynamodb.destroy();
  before = await awsState();

  workspace = mkdtempSync(join(tmpdir(), 'bad-input-'));
  writeFileSync(
    join(workspace, 'build.zip'),
    makeZip({ 'index.mjs': 'export const handler = async () => ({ v: 3 });\n' }),
  );
  writeFileSync(join(workspace, 'notes.txt'), 'not a zip\n');
  writeFileSync(join(workspace, 'empty.zip'), '');
  writeFileSync(join(workspace, 'fake.zip'), 'PK but not an archive');
  // Sparse: the size check refuses it without reading 51 MB.
  writeFileSync(join(workspace, 'huge.zip'), '');
  truncateSync(join(workspace, 'huge.zip'), 51 * 1024 * 1024);
  mkdirSync(join(workspace, 'builds'));

  // In-process runs build the real SDK client from the environment, as the bundles do.
  const env = awsTestEnv(proxy.url);
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  admin?.destroy();
  await gh?.stop();
  await proxy?.stop();
  await moto?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

async function runInProcess(c: Case) {
  const rt = memoryRuntime(c.inputs);
  rt.env.GITHUB_WORKSPACE = workspace;
  Object.assign(rt.env, githubEnv());
  await RUN[c.action](rt);
  return rt;
}

/** A bundle run as a job would make it: AWS through the proxy, GitHub on the local server. */
function runBundle(c: Case, node: string) {
  return runAction(c.action, {
    inputs: c.inputs,
    env: { ...awsTestEnv(proxy.url), ...githubEnv() },
    githubToken: TOKEN,
    node,
    workspace,
  });
}

/** Runs `body` and returns what it sent: the calls at the proxy and the requests to the GitHub API. */
async function traced<T>(body: () => Promise<T>) {
  proxy.clearCalls();
  const from = gh.calls.length;
  const result = await body();
  return { result, calls: [...proxy.calls], github: gh.calls.slice(from) };
}

const tally = (calls: ProxyCall[], github: GitHubCall[]): Tally => ({
  writes: calls.filter((x) => isWrite(x.op)).length,
  calls: calls.length,
  github: github.length,
});

describe('the valid base input sets', () => {
  const all = ACTIONS.flatMap((action) => BASES[action].map((b) => ({ action, ...b })));
  const run = (action: Action, label: string, inputs: Inputs) =>
    runInProcess({ action, label, names: [], base: label, inputs });

  it.each(all.filter((b) => b.action !== 'health-gate' && b.action !== 'record-history'))(
    '$action / $label passes every check and reaches a write',
    async (b) => {
      // Every write is refused with 412 before it reaches moto: the attempt is what counts, and nothing changes.
      proxy.addRule({ op: /^(?!Get|List|Describe|Head|Invoke)/, kind: '412' });
      proxy.clearCalls();
      try {
        const rt = await run(b.action, b.label, b.inputs);
        expect(rt.failed).toBeDefined();
        expect(rt.failed).not.toMatch(/^Input "/);
        expect(proxy.writes().length).toBeGreaterThan(0);
        expect(proxy.writes().every((c) => c.injected === '412')).toBe(true);
      } finally {
        proxy.clearRules();
        proxy.clearCalls();
      }
    },
  );

  // health-gate never writes: a verdict (healthy, or failed closed on moto's empty metrics and the closed
  // port) is the proof that every input passed.
  it.each(all.filter((b) => b.action === 'health-gate'))(
    '$action / $label passes every check and reaches a verdict',
    async (b) => {
      proxy.clearCalls();
      const rt = await run(b.action, b.label, b.inputs);
      expect({
        verdict: ['healthy', 'unhealthy', 'inconclusive'].includes(rt.outputs.verdict ?? ''),
        inputError: /^Input "/.test(rt.failed ?? ''),
        writes: ops(proxy.writes()),
      }).toEqual({ verdict: true, inputError: false, writes: [] });
      proxy.clearCalls();
    },
  );

  // record-history writes for real, in the table and the local GitHub: every backend a status set names
  // records (a finish ends the deployment recorded just before it); a report set reads and reports.
  it.each(all.filter((b) => b.action === 'record-history'))(
    '$action / $label passes every check and records (or reports)',
    async (b) => {
      const status = b.inputs.status ?? '';
      if (FINISHES.includes(status)) {
        const history = Object.fromEntries(
          ['backend', 'dynamodb-table', 'github-token', 'repository', 'environment', 'deployment-id']
            .filter((k) => k in b.inputs)
            .map((k) => [k, b.inputs[k]!]),
        );
        const start = await run('record-history', `${b.label}: started`, {
          ...history,
          status: 'started',
          'function-name': FN,
          'green-version': '2',
          'blue-version': '1',
        });
        expect(start.failed).toBeUndefined();
      }
      const { result: rt, calls, github } = await traced(() => run('record-history', b.label, b.inputs));
      expect({
        failed: rt.failed,
        warnings: rt.log.filter((l) => l.startsWith('warning:')),
        deploymentId: rt.outputs['deployment-id'] !== undefined,
        dynamodbWrites: calls.some((c) => DYNAMODB_WRITE.test(c.op) && c.status < 300),
        githubWrites: github.some((c) => c.method === 'POST' && c.status < 300),
        read: calls.length + github.length > 0,
        stats: rt.outputs.stats !== undefined,
      }).toEqual({
        failed: undefined,
        warnings: [],
        deploymentId: status !== '',
        dynamodbWrites: status !== '' && withDynamo(b.inputs),
        githubWrites: status !== '' && withGithub(b.inputs),
        read: true,
        stats: 'report-days' in b.inputs,
      });
    },
  );
});

describe.each(ACTIONS)('%s, in-process with the real SDK client through the proxy', (action) => {
  it.each(CATEGORIES.filter((c) => c.action === action))('$label', async (category) => {
    await fc.assert(
      fc.asyncProperty(caseArb(category), async (c) => {
        const { result: rt, calls, github } = await traced(() => runInProcess(c));
        inProcess.push({ action, label: category.label, ...tally(calls, github) });
        expectRefused(c, rt.failed, calls, github);
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(nodeBinaries())(`a sample through the bundles on $name (seed ${SEED})`, ({ path: node }) => {
  it.each(BUNDLE_CASES)('$action: $label (base $base)', async (c) => {
    const { result: r, calls, github } = await traced(() => runBundle(c, node));
    onRunner.push({ action: c.action, label: c.label, ...tally(calls, github) });
    expect({ code: r.code, commands: r.commands.map((x) => x.command), outputs: r.outputs }).toEqual({
      code: 1,
      commands: ['error'],
      outputs: {},
    });
    expectRefused(c, r.errors[0], calls, github);
  });
});

describe('unknown alarms: bad input found by a read, refused before any write', () => {
  const record = (
    action: Action,
    where: 'in-process' | 'bundle',
    calls: ProxyCall[],
    github: GitHubCall[],
  ) => {
    unknownAlarmRuns.push({
      action,
      where,
      writes: calls.filter((x) => isWrite(x.op)).length,
      reads: calls.filter((x) => !isWrite(x.op)).length,
      github: github.length,
    });
    // The refusal comes from reading the alarms, not from some earlier check.
    expect(ops(calls)).toContain('DescribeAlarms');
  };

  it.each(UNKNOWN_ALARM_ACTIONS)('%s, in-process', async (action) => {
    await fc.assert(
      fc.asyncProperty(caseArb(unknownAlarmCategory(action)), async (c) => {
        const { result: rt, calls, github } = await traced(() => runInProcess(c));
        expectRefused(c, rt.failed, calls, github, 'reads allowed');
        record(action, 'in-process', calls, github);
      }),
      { numRuns: RUNS },
    );
  });

  describe.each(nodeBinaries())(`through the bundles on $name (seed ${SEED})`, ({ path: node }) => {
    it.each(UNKNOWN_ALARM_BUNDLE_CASES)('$action: alarms $alarms (base $base)', async (c) => {
      const { result: r, calls, github } = await traced(() => runBundle(c, node));
      expect({ code: r.code, commands: r.commands.map((x) => x.command), outputs: r.outputs }).toEqual({
        code: 1,
        commands: ['error'],
        outputs: {},
      });
      expectRefused(c, r.errors[0], calls, github, 'reads allowed');
      record(c.action, 'bundle', calls, github);
    });
  });
});

describe('over the whole run', () => {
  it('every category ran, no call reached AWS nor GitHub, and the alias and versions are unchanged', async () => {
    const nodes = nodeBinaries().length;
    // First what reached AWS and GitHub, then the state: a category that let bad input through fails here.
    const sum = (xs: Tally[]) =>
      xs.reduce(
        (t, x) => ({ writes: t.writes + x.writes, calls: t.calls + x.calls, github: t.github + x.github }),
        { writes: 0, calls: 0, github: 0 },
      );
    /** The categories whose cases reached AWS or GitHub. */
    const through = (xs: ({ action: Action; label: string } & Tally)[]) => [
      ...new Set(xs.filter((x) => x.calls + x.github > 0).map((x) => `${x.action}: ${x.label}`)),
    ];
    expect({
      inProcess: sum(inProcess),
      onRunner: sum(onRunner),
      through: through([...inProcess, ...onRunner]),
    }).toEqual({
      inProcess: { writes: 0, calls: 0, github: 0 },
      onRunner: { writes: 0, calls: 0, github: 0 },
      through: [],
    });
    // Unknown alarms: reads only, in every run.
    expect(unknownAlarmRuns.filter((r) => r.writes > 0 || r.reads === 0 || r.github > 0)).toEqual([]);
    const after = await awsState();
    expect(after).toEqual(before);
    expect(after.alias).toMatchObject({ version: '1', weights: {} });
    expect(after.versions.map((v) => v.version)).toEqual(['$LATEST', '1', '2']);
    // Every request the local GitHub saw (the valid sets' records) was one GitHub would take.
    expect(gh.violations).toEqual([]);
    expect(inProcess.length).toBe(CATEGORIES.length * RUNS);
    expect(new Set(inProcess.map((c) => `${c.action}/${c.label}`)).size).toBe(CATEGORIES.length);
    expect(new Set(inProcess.map((c) => c.action))).toEqual(new Set(ACTIONS));
    expect(onRunner.length).toBe(nodes * ACTIONS.length * SAMPLE_PER_ACTION);
    expect(new Set(onRunner.map((c) => c.action))).toEqual(new Set(ACTIONS));
    expect(unknownAlarmRuns.length).toBe(
      UNKNOWN_ALARM_ACTIONS.length * RUNS + nodes * UNKNOWN_ALARM_BUNDLE_CASES.length,
    );
    const perAction = ACTIONS.map((a) => `${a} ${inProcess.filter((c) => c.action === a).length}`).join(', ');
    console.log(
      `bad input: ${inProcess.length} in-process cases over ${CATEGORIES.length} categories (${perAction}); ` +
        `${onRunner.length} bundle runs (seed ${SEED}); 0 calls reached AWS, 0 requests reached GitHub. ` +
        `Unknown alarms: ${unknownAlarmRuns.length} runs (${UNKNOWN_ALARM_ACTIONS.length * RUNS} in-process, ` +
        `${nodes * UNKNOWN_ALARM_BUNDLE_CASES.length} bundle), reads only`,
    );
  });
});
