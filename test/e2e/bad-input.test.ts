// Bad input never reaches AWS: generated bad values for the inputs of all four actions fail the step with a
// message naming the input, and no call reaches AWS, in-process and through the committed bundles. Unknown
// alarm names are the one bad input found by reading: they fail the same way after DescribeAlarms, before any
// write.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateAliasCommand,
  GetAliasCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { STRATEGIES } from '@deploy-actions/lambda';
import { runDeployGreen } from '@deploy-actions/lambda/run/deploy-green';
import { runHealthGate } from '@deploy-actions/lambda/run/health-gate';
import { runRollback } from '@deploy-actions/lambda/run/rollback';
import { runShiftTrafficStep } from '@deploy-actions/lambda/run/shift-traffic';
import { memoryRuntime } from '../../packages/lambda/test/helpers';
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
} from '../support/moto';
import { nodeBinaries } from '../support/node24';
import { FaultProxy, isWrite, type ProxyCall } from '../support/proxy';
import { runAction } from '../support/runner';

type Action = 'deploy-green' | 'shift-traffic' | 'rollback' | 'health-gate';
type Inputs = Record<string, string>;

const ACTIONS: Action[] = ['deploy-green', 'shift-traffic', 'rollback', 'health-gate'];
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
      fc.oneof(
        fc.integer({ min: 257, max: 600 }).map((n) => 'd'.repeat(n)),
        fc
          .tuple(word, fc.constantFrom('\n::error::pwned', '\r\nx', '\u0007bell', '\u001b[31mred'))
          .map(([a, b]) => a + b),
      ),
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
    label: 'to not previous nor a version',
    names: ['to'],
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
    bad: one(
      'reason',
      fc.oneof(
        fc.integer({ min: 1001, max: 1500 }).map((n) => 'r'.repeat(n)),
        fc.tuple(word, fc.constantFrom('\n::error::pwned', '\r\nx', '\u0000nul')).map(([a, b]) => a + b),
      ),
    ),
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

/**
 * What the failed step must say; compared as one object so that a failure shows the case and message. No call
 * of any kind may reach AWS, unless `reads` allows it (unknown alarms are found out by DescribeAlarms).
 */
function expectRefused(c: Case, message: string | undefined, calls: ProxyCall[], reads?: 'reads allowed') {
  const m = message ?? '';
  const nameRe = new RegExp(`^Input "(${c.names.map(escapeRe).join('|')})" (is empty|has value ")`);
  const actual = ops(calls);
  expect({
    case: shown(c),
    message: clip(m),
    failed: message !== undefined,
    namesInput: nameRe.test(m),
    endsNothingChanged: m.endsWith('Nothing was changed in AWS.'),
    oneLine: !/[\r\n]/.test(m),
    writes: ops(calls.filter((x) => isWrite(x.op))),
    calls: reads ? actual.filter((op) => isWrite(op)) : actual,
  }).toEqual({
    case: shown(c),
    message: clip(m),
    failed: true,
    namesInput: true,
    endsNothingChanged: true,
    oneLine: true,
    writes: [],
    calls: [],
  });
}

const RUN = {
  'deploy-green': runDeployGreen,
  'shift-traffic': runShiftTrafficStep,
  rollback: runRollback,
  'health-gate': runHealthGate,
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
let admin: LambdaClient;
let workspace: string;
let before: Awaited<ReturnType<typeof awsState>>;
const savedEnv: Record<string, string | undefined> = {};
const inProcess: { action: Action; label: string; writes: number; calls: number }[] = [];
const onRunner: { writes: number; calls: number }[] = [];
interface AlarmRun {
  action: Action;
  where: 'in-process' | 'bundle';
  writes: number;
  reads: number;
}
const unknownAlarmRuns: AlarmRun[] = [];

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
  await proxy?.stop();
  await moto?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

async function runInProcess(c: Case) {
  const rt = memoryRuntime(c.inputs);
  rt.env.GITHUB_WORKSPACE = workspace;
  await RUN[c.action](rt);
  return rt;
}

describe('the valid base input sets', () => {
  const all = ACTIONS.flatMap((action) => BASES[action].map((b) => ({ action, ...b })));
  const run = (b: (typeof all)[number]) =>
    runInProcess({ action: b.action, label: b.label, names: [], base: b.label, inputs: b.inputs });

  it.each(all.filter((b) => b.action !== 'health-gate'))(
    '$action / $label passes every check and reaches a write',
    async (b) => {
      // Every write is refused with 412 before it reaches moto: the attempt is what counts, and nothing changes.
      proxy.addRule({ op: /^(?!Get|List|Describe|Head|Invoke)/, kind: '412' });
      proxy.clearCalls();
      try {
        const rt = await run(b);
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
      const rt = await run(b);
      expect({
        verdict: ['healthy', 'unhealthy', 'inconclusive'].includes(rt.outputs.verdict ?? ''),
        inputError: /^Input "/.test(rt.failed ?? ''),
        writes: ops(proxy.writes()),
      }).toEqual({ verdict: true, inputError: false, writes: [] });
      proxy.clearCalls();
    },
  );
});

describe.each(ACTIONS)('%s, in-process with the real SDK client through the proxy', (action) => {
  it.each(CATEGORIES.filter((c) => c.action === action))('$label', async (category) => {
    await fc.assert(
      fc.asyncProperty(caseArb(category), async (c) => {
        proxy.clearCalls();
        const rt = await runInProcess(c);
        const calls = [...proxy.calls];
        inProcess.push({
          action,
          label: category.label,
          writes: calls.filter((x) => isWrite(x.op)).length,
          calls: calls.length,
        });
        expectRefused(c, rt.failed, calls);
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(nodeBinaries())(`a sample through the bundles on $name (seed ${SEED})`, ({ path: node }) => {
  it.each(BUNDLE_CASES)('$action: $label (base $base)', async (c) => {
    proxy.clearCalls();
    const r = await runAction(c.action, { inputs: c.inputs, env: awsTestEnv(proxy.url), node, workspace });
    const calls = [...proxy.calls];
    onRunner.push({ writes: calls.filter((x) => isWrite(x.op)).length, calls: calls.length });
    expect({ code: r.code, commands: r.commands.map((x) => x.command), outputs: r.outputs }).toEqual({
      code: 1,
      commands: ['error'],
      outputs: {},
    });
    expectRefused(c, r.errors[0], calls);
  });
});

describe('unknown alarms: bad input found by a read, refused before any write', () => {
  const record = (action: Action, where: 'in-process' | 'bundle', calls: ProxyCall[]) => {
    unknownAlarmRuns.push({
      action,
      where,
      writes: calls.filter((x) => isWrite(x.op)).length,
      reads: calls.filter((x) => !isWrite(x.op)).length,
    });
    // The refusal comes from reading the alarms, not from some earlier check.
    expect(ops(calls)).toContain('DescribeAlarms');
  };

  it.each(UNKNOWN_ALARM_ACTIONS)('%s, in-process', async (action) => {
    await fc.assert(
      fc.asyncProperty(caseArb(unknownAlarmCategory(action)), async (c) => {
        proxy.clearCalls();
        const rt = await runInProcess(c);
        const calls = [...proxy.calls];
        expectRefused(c, rt.failed, calls, 'reads allowed');
        record(action, 'in-process', calls);
      }),
      { numRuns: RUNS },
    );
  });

  describe.each(nodeBinaries())(`through the bundles on $name (seed ${SEED})`, ({ path: node }) => {
    it.each(UNKNOWN_ALARM_BUNDLE_CASES)('$action: alarms $alarms (base $base)', async (c) => {
      proxy.clearCalls();
      const r = await runAction(c.action, { inputs: c.inputs, env: awsTestEnv(proxy.url), node, workspace });
      const calls = [...proxy.calls];
      expect({ code: r.code, commands: r.commands.map((x) => x.command), outputs: r.outputs }).toEqual({
        code: 1,
        commands: ['error'],
        outputs: {},
      });
      expectRefused(c, r.errors[0], calls, 'reads allowed');
      record(c.action, 'bundle', calls);
    });
  });
});

describe('over the whole run', () => {
  it('every category ran, no call reached AWS, and the alias and versions are unchanged', async () => {
    expect(inProcess.length).toBe(CATEGORIES.length * RUNS);
    expect(new Set(inProcess.map((c) => `${c.action}/${c.label}`)).size).toBe(CATEGORIES.length);
    expect(onRunner.length).toBe(2 * ACTIONS.length * SAMPLE_PER_ACTION);
    const sum = (xs: { writes: number; calls: number }[]) =>
      xs.reduce((t, x) => ({ writes: t.writes + x.writes, calls: t.calls + x.calls }), {
        writes: 0,
        calls: 0,
      });
    expect({ inProcess: sum(inProcess), onRunner: sum(onRunner) }).toEqual({
      inProcess: { writes: 0, calls: 0 },
      onRunner: { writes: 0, calls: 0 },
    });
    // Unknown alarms: reads only, in every run.
    expect(unknownAlarmRuns.length).toBe(
      UNKNOWN_ALARM_ACTIONS.length * RUNS + 2 * UNKNOWN_ALARM_BUNDLE_CASES.length,
    );
    expect(unknownAlarmRuns.filter((r) => r.writes > 0 || r.reads === 0)).toEqual([]);
    const after = await awsState();
    expect(after).toEqual(before);
    expect(after.alias).toMatchObject({ version: '1', weights: {} });
    expect(after.versions.map((v) => v.version)).toEqual(['$LATEST', '1', '2']);
    const perAction = ACTIONS.map((a) => `${a} ${inProcess.filter((c) => c.action === a).length}`).join(', ');
    console.log(
      `bad input: ${inProcess.length} in-process cases over ${CATEGORIES.length} categories (${perAction}); ` +
        `${onRunner.length} bundle runs (seed ${SEED}); 0 calls reached AWS. Unknown alarms: ` +
        `${unknownAlarmRuns.length} runs (${UNKNOWN_ALARM_ACTIONS.length * RUNS} in-process, ` +
        `${2 * UNKNOWN_ALARM_BUNDLE_CASES.length} bundle), reads only`,
    );
  });
});
