// deploy-green: bad code sources, smoke test, wait-timeout and description, besides the target's inputs.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { common, has } from './categories';
import {
  ARN,
  FN,
  IMAGE,
  badRegex,
  injection,
  invalidJson,
  malformedDuration,
  one,
  tooLongOrControl,
  word,
  type Inputs,
} from './generators';
import { configCategories, layerArn, ROLE } from './config-generators';
import { badInputSuite, type Base, type Category } from './harness';
import { guardCategories } from './guard-generators';
import { testCategories } from './test-command';

const SOURCES = ['zip-file', 's3-bucket', 's3-key', 's3-object-version', 'image-uri'];

// Valid input sets that get past every check and would write (v2 exists and the alias serves v1).
const bases: Base[] = [
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
    label: 'zip with pre-traffic tests',
    inputs: {
      'function-name': FN,
      'zip-file': 'build.zip',
      'test-command': 'curl -fsS "$GREEN_TEST_URL" | grep -q ok',
      'test-url': 'https://orders.example.com/health',
      'test-timeout': '5m',
    },
  },
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
    label: 'zip with configuration',
    inputs: {
      'function-name': FN,
      'zip-file': 'build.zip',
      'memory-size': '512',
      timeout: '30',
      'env-vars': 'MODE=canary\nAPI_URL=https://orders.example.com',
      layers: layerArn('shared', 3),
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      architectures: 'x86_64',
      'ephemeral-storage': '1024',
      'tracing-mode': 'Active',
      'function-description': 'orders API',
      role: ROLE,
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
];

const categories: Category[] = [
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
  ...testCategories('deploy-green'),
];

// The production guard's inputs.
categories.push(...guardCategories('deploy-green'));
// The function's configuration and first-time creation.
categories.push(...configCategories());

badInputSuite({ action: 'deploy-green', bases, categories });
