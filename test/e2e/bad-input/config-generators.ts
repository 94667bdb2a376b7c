// deploy-green's function configuration and creation inputs (Lambda), each wrong in one way: numbers out of
// Lambda's limits, more than 5 layers, environment variables over 4 KB or malformed, unknown runtimes,
// architectures and tracing modes, roles that are not IAM role ARNs, create-if-missing without what
// CreateFunction needs, architectures without code, and any of them with target ecs.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import { IMAGE, injection, one, tooLongOrControl, unknownWord, word, type Inputs } from './generators';
import type { Category } from './harness';

/** The role of the function the bases deploy to (the emulator's test role). */
export const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/lambda-test-role`;
export const layerArn = (name: string, version = 1, region = TEST_REGION) =>
  `arn:aws:lambda:${region}:${TEST_ACCOUNT}:layer:${name}:${version}`;

/** Every input of this file: a set that names one is no longer a valid base for another's error. */
export const CONFIG_INPUT_NAMES = [
  'memory-size',
  'timeout',
  'env-vars',
  'layers',
  'runtime',
  'handler',
  'architectures',
  'ephemeral-storage',
  'tracing-mode',
  'function-description',
  'role',
  'create-if-missing',
];
const SOURCES = ['zip-file', 's3-bucket', 's3-key', 's3-object-version', 'image-uri'];
/** Every Lambda input a base may hold besides these: dropped when target ecs must find only the one given. */
const LAMBDA_BASE_INPUTS = ['function-name', 'alias', ...SOURCES, 'smoke-payload', 'smoke-expect'];

/** Whole numbers outside [min, max], non-numbers, fractions, other units. */
const outside = (min: number, max: number, unit: string) =>
  fc
    .oneof(
      fc.integer({ min: max + 1, max: max * 100 }).map(String),
      fc.integer({ min: -1000, max: min - 1 }).map(String),
      fc.constantFrom(
        `${min - 1}`,
        `${max + 1}`,
        `${min}.5`,
        '1e3',
        'ten',
        '0x80',
        `${max + 1} ${unit}`,
        `${min} GB`,
        '',
      ),
      injection,
    )
    .filter((s) => s.trim() !== '');

const LAYER_FORMS = fc.constantFrom(
  `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:layer:shared`,
  `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:function:shared:1`,
  `arn:aws:lambda:${TEST_REGION}:123:layer:shared:1`,
  'shared:1',
  `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:layer:sh ared:1`,
  `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:layer:shared:v1`,
);

/** Not layer version ARNs of the function's region, or one layer twice. */
const badLayers = fc.oneof(
  LAYER_FORMS,
  LAYER_FORMS.map((bad) => `${layerArn('base')},${bad}`),
  fc.constantFrom('eu-west-1', 'us-west-2', 'ap-south-1').map((r) => layerArn('shared', 1, r)),
  fc.integer({ min: 1, max: 9 }).map((v) => `${layerArn('shared', v)},${layerArn('shared', v + 1)}`),
  injection.map((s) => layerArn('shared') + s),
);

/** Six to twelve layer version ARNs, valid one by one, comma or line separated. */
const tooManyLayers = fc
  .tuple(fc.integer({ min: 6, max: 12 }), fc.constantFrom(',', '\n', ', '))
  .map(([n, sep]) => Array.from({ length: n }, (_, i) => layerArn(`layer-${i}`, i + 1)).join(sep));

/** Keys and values over 4,096 bytes in all, in every form env-vars takes. */
const envOver4k = fc
  .tuple(
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 4097, max: 6000 }),
    fc.constantFrom('lines', 'yaml', 'json'),
  )
  .map(([n, total, form]) => {
    const size = Math.ceil(total / n);
    const vars = Array.from({ length: n }, (_, i) => [`VAR_${i}`, 'v'.repeat(size)] as const);
    if (form === 'json') return JSON.stringify(Object.fromEntries(vars));
    return vars.map(([k, v]) => (form === 'yaml' ? `${k}: ${v}` : `${k}=${v}`)).join('\n');
  });

/** Not a map of variable names to text: broken YAML or JSON, lists, nested values, bad or reserved keys. */
const envMalformed = fc.oneof(
  fc.constantFrom(
    'MODE: [canary',
    '{"MODE": "canary"',
    '{"MODE": null}',
    '- MODE\n- canary',
    '["MODE=canary"]',
    'MODE:\n  nested: canary',
    'MODE: [a, b]',
    'MODE=canary\nMODE=blue',
    'A=short-key',
    '1MODE: canary',
    'my-var: canary',
    'MY VAR: canary',
    'AWS_REGION=eu-west-1',
    'AWS_ACCESS_KEY_ID=AKIA0000',
    '_HANDLER=index.handler',
    'LAMBDA_TASK_ROOT: /var/task',
    'just some text',
    '"quoted"',
    '42',
  ),
  word.map((w) => `${w}`),
  fc.tuple(word, fc.constantFrom(': [', ': {', '=\n- x')).map(([w, b]) => w.toUpperCase() + b),
);

const unknownRuntime = unknownWord(
  [],
  [
    'nodejs99.x',
    'node20',
    'python3',
    'python2.7',
    'nodejs12.x',
    'java',
    'go1.x',
    'NODEJS22.X',
    'ruby',
    'dotnetcore3.1',
    'provided.al2024',
    'nodejs22',
  ],
);

const badHandler = fc.oneof(
  fc.constantFrom('index handler', 'app.\thandler', 'x'.repeat(129)),
  fc.tuple(word, word).map(([a, b]) => `${a} .${b}`),
  fc.integer({ min: 129, max: 300 }).map((n) => 'h'.repeat(n)),
);

const badArchitecture = unknownWord(
  ['x86_64', 'arm64'],
  ['x86-64', 'amd64', 'aarch64', 'arm', 'x86', 'x86_64,arm64', 'arm64 x86_64', 'i386', 'ARM'],
);

const badTracing = unknownWord(
  ['active', 'passthrough'],
  ['on', 'off', 'true', 'pass-through', 'Enabled', 'xray'],
);

const badRole = fc.oneof(
  fc.constantFrom(
    'lambda-test-role',
    `arn:aws:iam::${TEST_ACCOUNT}:user/deployer`,
    `arn:aws:iam::${TEST_ACCOUNT}:policy/orders`,
    'arn:aws:iam::123:role/orders',
    `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/orders/session`,
    `arn:aws:iam:${TEST_REGION}:${TEST_ACCOUNT}:role/orders`,
    `arn:aws:iam::${TEST_ACCOUNT}:role/`,
    `arn:aws:iam::${TEST_ACCOUNT}:role/with space`,
  ),
  word.map((w) => `role/${w}`),
  // Characters no role ARN holds (a path such as ../x would still be one).
  injection.filter((s) => /[^\w+=,.@/-]/.test(s)).map((s) => ROLE + s),
);

const isZipOrS3 = (b: Inputs) => 'zip-file' in b || 's3-bucket' in b;
const noSource = (b: Inputs) => SOURCES.every((s) => !(s in b));
/** Bases whose own configuration inputs another category's bad value would contradict. */
const plain = (b: Inputs) => CONFIG_INPUT_NAMES.every((n) => !(n in b));

export function configCategories(): Category[] {
  const c = (
    label: string,
    names: string[],
    bad: fc.Arbitrary<Inputs>,
    extra: Partial<Category> = {},
  ): Category => ({ action: 'deploy-green', label, names, bad, runs: 8, ...extra });
  return [
    c('memory-size outside 128-10240 MB', ['memory-size'], one('memory-size', outside(128, 10_240, 'MB')), {
      runs: 10,
    }),
    c('timeout outside 1-900 s', ['timeout'], one('timeout', outside(1, 900, 's')), { runs: 10 }),
    c(
      'ephemeral-storage outside 512-10240 MB',
      ['ephemeral-storage'],
      one('ephemeral-storage', outside(512, 10_240, 'MB')),
    ),
    c('layers: more than 5', ['layers'], one('layers', tooManyLayers)),
    c('layers: not layer version ARNs of the region, or a layer twice', ['layers'], one('layers', badLayers)),
    c('env-vars over 4 KB', ['env-vars'], one('env-vars', envOver4k)),
    c('env-vars malformed, bad or reserved keys', ['env-vars'], one('env-vars', envMalformed), { runs: 10 }),
    c('runtime unknown or retired', ['runtime'], one('runtime', unknownRuntime), {
      bases: (b) => !('image-uri' in b),
    }),
    c('handler with spaces or over 128 characters', ['handler'], one('handler', badHandler), {
      runs: 5,
      bases: (b) => !('image-uri' in b),
    }),
    c('architectures unknown', ['architectures'], one('architectures', badArchitecture), {
      bases: isZipOrS3,
    }),
    c(
      'architectures without a code source',
      ['architectures'],
      one('architectures', fc.constantFrom('arm64', 'x86_64', 'ARM64')),
      { runs: 5, bases: noSource },
    ),
    c('tracing-mode unknown', ['tracing-mode'], one('tracing-mode', badTracing)),
    c(
      'function-description over 256 characters or multi-line',
      ['function-description'],
      one('function-description', tooLongOrControl('d', 256, ['\n::error::pwned', '\r\nx', '\u0007bell'])),
      { runs: 5 },
    ),
    c('role not an IAM role ARN', ['role'], one('role', badRole)),
    c(
      'create-if-missing without role',
      ['role'],
      fc.constantFrom<Inputs>(
        { 'create-if-missing': 'true', runtime: 'nodejs22.x', handler: 'index.handler' },
        { 'create-if-missing': 'TRUE', runtime: 'python3.13', handler: 'app.handler', 'memory-size': '256' },
      ),
      { runs: 5, bases: (b) => isZipOrS3(b) && plain(b) },
    ),
    c(
      'create-if-missing with a .zip but without runtime or handler',
      ['runtime', 'handler'],
      fc.constantFrom<Inputs>(
        { 'create-if-missing': 'true', role: ROLE },
        { 'create-if-missing': 'true', role: ROLE, runtime: 'nodejs22.x' },
        { 'create-if-missing': 'true', role: ROLE, handler: 'index.handler' },
      ),
      { runs: 5, bases: (b) => isZipOrS3(b) && plain(b) },
    ),
    c(
      'create-if-missing without a code source',
      ['create-if-missing'],
      fc.constantFrom<Inputs>(
        { 'create-if-missing': 'true', role: ROLE, runtime: 'nodejs22.x', handler: 'index.handler' },
        { 'create-if-missing': 'True', role: ROLE },
      ),
      { runs: 5, bases: (b) => noSource(b) && plain(b) },
    ),
    c(
      'create-if-missing neither true nor false',
      ['create-if-missing'],
      one('create-if-missing', unknownWord(['true', 'false'], ['yes', 'no', '1', '0', 'on', 'create'])),
      { runs: 5 },
    ),
    c(
      'runtime, handler or layers with a container image',
      ['runtime', 'handler', 'layers'],
      fc
        .constantFrom<Inputs>(
          { runtime: 'nodejs22.x' },
          { handler: 'index.handler' },
          { layers: layerArn('shared') },
        )
        .map((x): Inputs => ({ 'image-uri': IMAGE, ...x })),
      { runs: 5, drop: [...SOURCES, 'runtime', 'handler', 'layers', 'architectures'] },
    ),
    c(
      'a Lambda configuration input with target ecs',
      CONFIG_INPUT_NAMES,
      fc
        .tuple(
          fc.constantFrom<Inputs>(
            { 'memory-size': '512' },
            { timeout: '30' },
            { 'env-vars': 'MODE=canary' },
            { layers: layerArn('shared') },
            { runtime: 'nodejs22.x' },
            { handler: 'index.handler' },
            { architectures: 'arm64' },
            { 'ephemeral-storage': '1024' },
            { 'tracing-mode': 'Active' },
            { 'function-description': 'orders API' },
            { role: ROLE },
            { 'create-if-missing': 'true' },
          ),
          fc.constantFrom('ecs', 'ECS'),
        )
        .map(([x, target]): Inputs => ({ target, ...x })),
      { drop: [...LAMBDA_BASE_INPUTS, ...CONFIG_INPUT_NAMES] },
    ),
  ];
}
