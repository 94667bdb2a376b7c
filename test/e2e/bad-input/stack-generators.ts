// The stack inputs' bad values (deploy-green and rollback with stack-name), and the fixture they refer to: a stack
// in the emulator and templates in the workspace, one valid and some that only the template check refuses.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CONFIG_INPUTS } from '@deploy-actions/target-lambda';
import { clientConfig, TEST_ACCOUNT } from '@deploy-actions/testbed/moto';
import { injection, malformedDuration, one, word, type Inputs } from './generators';
import type { Category, Fixture } from './harness';

export const STACK = 'orders-stack';
export const TEMPLATE = 'stack.yaml';
const STACK_INPUTS = [
  'template-file',
  'parameters',
  'capabilities',
  'stack-tags',
  'role-arn',
  'template-bucket',
  'stack-timeout',
  'recreate-failed',
  'function-output',
  'version-output',
  'rollback-alarms',
  'rollback-monitoring-minutes',
  'resources-to-skip',
];

const body = (resource: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Retention:
    Type: Number
    Default: 7
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Retention
${resource}Outputs:
  FunctionName:
    Value: orders
`;

/** Templates only the template check refuses, by file name. */
const REFUSED_TEMPLATES: Record<string, string> = {
  'local-code.yaml': body(`  Fn:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: ./src, Handler: index.handler, Runtime: nodejs22.x }
`),
  'local-lambda.yaml': body(`  Fn:
    Type: AWS::Lambda::Function
    Properties: { Code: ./dist, Handler: index.handler, Runtime: nodejs22.x, Role: arn:aws:iam::${TEST_ACCOUNT}:role/x }
`),
  'deployment-preference.yaml': body(`  Fn:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: s3://b/k.zip, AutoPublishAlias: live, DeploymentPreference: { Type: AllAtOnce } }
`),
  'no-resources.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nDescription: nothing\n',
  'broken.yaml': 'Resources:\n  Logs: [\n',
  'empty.yaml': '',
  // Over 51,200 bytes: TemplateBody cannot hold it, template-bucket must be given.
  'big.yaml': body('') + `Description: ${'x'.repeat(52_000)}\n`,
};

let motoUrl = '';
/** The stack every base names, created before the runs (at rest, so rollback has nothing to do to it). */
export const stackFixture: Fixture = {
  async setup(ctx) {
    motoUrl = ctx.motoUrl;
    writeFileSync(join(ctx.workspace, TEMPLATE), body(''));
    for (const [name, text] of Object.entries(REFUSED_TEMPLATES))
      writeFileSync(join(ctx.workspace, name), text);
    const cfn = new CloudFormationClient(clientConfig(motoUrl));
    await cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: body('') }));
    cfn.destroy();
  },
  resolve: (inputs) => inputs,
  async state() {
    const cfn = new CloudFormationClient(clientConfig(motoUrl));
    const out = await cfn.send(new ListStacksCommand({}));
    cfn.destroy();
    return (out.StackSummaries ?? []).map((s) => ({ name: s.StackName, status: s.StackStatus }));
  },
};

const hasStack = (b: Inputs) => 'stack-name' in b;
const stackOnly = (b: Inputs) => hasStack(b) && !('function-name' in b);
const withFunction = (b: Inputs) => hasStack(b) && 'function-name' in b;

const badStackName = fc.oneof(
  fc.constantFrom('1orders', '-orders', 'orders_stack', 'orders stack', 'orders.stack', 'ørders'),
  fc.stringMatching(/^[a-z][a-z0-9-]{128,140}$/),
  injection.filter((s) => !/^[A-Za-z][-A-Za-z0-9]*$/.test(s.trim()) && s.trim() !== ''),
);

const badParameters = fc.oneof(
  fc.constantFrom(
    'Retention: [1, {a: 2}]',
    '{"Retention": {"nested": true}}',
    '[{"Value": "7"}]',
    'Retention=7\nRetention=8',
    'Retention: 7\nRetention: 8',
    '{"Retention": 7',
    'Retention: [',
    '- just\n- a\n- list',
    'plain text',
    'Retention=7\nno equals here',
  ),
  // A key that names no parameter of the template.
  fc
    .stringMatching(/^[A-Z][a-zA-Z]{2,12}$/)
    .filter((k) => k !== 'Retention')
    .map((k) => `${k}=1`),
);

const badTags = fc.oneof(
  fc.constantFrom('aws:team=orders', 'AWS:cost=1', '{"team": {"a": 1}}', 'team=a\nteam=b', 'no equals'),
  fc.integer({ min: 129, max: 200 }).map((n) => `${'k'.repeat(n)}=v`),
  fc.integer({ min: 257, max: 400 }).map((n) => `team=${'v'.repeat(n)}`),
  fc.integer({ min: 51, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => `t${i}=v`).join('\n')),
);

const badAlarmList = fc.oneof(
  fc
    .integer({ min: 6, max: 12 })
    .map((n) => Array.from({ length: n }, (_, i) => `orders-alarm-${i}`).join(',')),
  fc.constantFrom(
    'orders-*',
    'orders-?',
    `arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:metric:x`,
    'arn:aws:sns:x',
  ),
  fc.integer({ min: 256, max: 300 }).map((n) => 'a'.repeat(n)),
);

const outputKey = fc.oneof(
  fc.constantFrom('Function-Name', 'function.name', 'a b', 'Fn_Name', '$(id)'),
  fc.stringMatching(/^[A-Za-z0-9]{256,270}$/),
);

/** deploy-green's stack categories. */
export const deployStackCategories: Category[] = [
  {
    action: 'deploy-green',
    label: 'stack-name not a stack name',
    names: ['stack-name'],
    bases: hasStack,
    bad: one('stack-name', badStackName),
  },
  {
    action: 'deploy-green',
    label: 'template-file missing, not a file, empty, not a template',
    names: ['template-file'],
    bases: hasStack,
    bad: one(
      'template-file',
      fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{1,16}$/).map((s) => `missing-${s}.yaml`),
        fc.constantFrom(
          '',
          'builds',
          'builds/',
          'empty.yaml',
          'broken.yaml',
          'no-resources.yaml',
          'notes.txt',
          'build.zip',
        ),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'template-file with local artifact paths or a SAM DeploymentPreference',
    names: ['template-file'],
    bases: hasStack,
    bad: one('template-file', fc.constantFrom('local-code.yaml', 'local-lambda.yaml')),
  },
  {
    action: 'deploy-green',
    label: 'template-file over 51,200 bytes without template-bucket',
    names: ['template-file'],
    bases: hasStack,
    drop: ['template-bucket'],
    bad: one('template-file', fc.constant('big.yaml')),
    runs: 1,
  },
  {
    action: 'deploy-green',
    label: 'parameters malformed or unknown',
    names: ['parameters'],
    bases: hasStack,
    bad: one('parameters', badParameters),
  },
  {
    action: 'deploy-green',
    label: 'capabilities unknown',
    names: ['capabilities'],
    bases: hasStack,
    bad: one(
      'capabilities',
      fc.oneof(
        fc.constantFrom('CAPABILITY_ADMIN', 'IAM', 'CAPABILITY_IAM,CAPABILITY_EVERYTHING', 'capability-iam'),
        word
          .map((w) => `CAPABILITY_${w.toUpperCase()}`)
          .filter((c) => !/^CAPABILITY_(IAM|NAMED_IAM|AUTO_EXPAND)$/.test(c)),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'stack-tags malformed, reserved or too many',
    names: ['stack-tags'],
    bases: hasStack,
    bad: one('stack-tags', badTags),
  },
  {
    action: 'deploy-green',
    label: 'role-arn not an IAM role ARN',
    names: ['role-arn'],
    bases: hasStack,
    bad: one(
      'role-arn',
      fc.oneof(
        fc.constantFrom(
          'orders-role',
          `arn:aws:iam::${TEST_ACCOUNT}:user/x`,
          'arn:aws:iam::123:role/x',
          `arn:aws:sts::${TEST_ACCOUNT}:role/x`,
        ),
        injection,
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'template-bucket not a bucket name',
    names: ['template-bucket'],
    bases: hasStack,
    bad: one(
      'template-bucket',
      fc.constantFrom('My_Bucket', 'ab', '-bucket', 'bucket-', 'bucket..x', 'xn--bucket', '192.168.1.1'),
    ),
  },
  {
    action: 'deploy-green',
    label: 'stack-timeout malformed, under 10s or over 6h',
    names: ['stack-timeout'],
    bases: hasStack,
    bad: one(
      'stack-timeout',
      fc.oneof(
        malformedDuration,
        fc.constantFrom('0', '5s', '9s999ms', '7h', '6h1s', '1d'),
        fc.integer({ min: 361, max: 9999 }).map((n) => `${n}m`),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'recreate-failed not true or false',
    names: ['recreate-failed'],
    bases: hasStack,
    bad: one('recreate-failed', fc.constantFrom('yes', '1', 'on', 'maybe', 'truee')),
  },
  {
    action: 'deploy-green',
    label: 'function-output not an output key',
    names: ['function-output'],
    bases: stackOnly,
    bad: one('function-output', outputKey),
  },
  {
    action: 'deploy-green',
    label: 'function-output with function-name',
    names: ['function-output'],
    bases: withFunction,
    bad: one('function-output', fc.constantFrom('FunctionName', 'Fn', 'ApiFunction')),
  },
  {
    action: 'deploy-green',
    label: 'version-output not an output key',
    names: ['version-output'],
    bases: hasStack,
    bad: one('version-output', outputKey),
  },
  {
    action: 'deploy-green',
    label: 'version-output without a function',
    names: ['version-output'],
    bases: stackOnly,
    drop: ['function-output'],
    bad: one('version-output', fc.constantFrom('Version', 'LiveVersion')),
  },
  {
    action: 'deploy-green',
    label: 'rollback-alarms more than 5, wildcards, too long, not an alarm ARN',
    names: ['rollback-alarms'],
    bases: hasStack,
    bad: one('rollback-alarms', badAlarmList),
  },
  {
    action: 'deploy-green',
    label: 'rollback-monitoring-minutes outside 0-180',
    names: ['rollback-monitoring-minutes'],
    bases: hasStack,
    bad: one(
      'rollback-monitoring-minutes',
      fc.oneof(
        fc.integer({ min: 181, max: 100_000 }).map(String),
        fc.integer({ min: -100, max: -1 }).map(String),
        fc.constantFrom('5m', '1.5', 'ten', '0x10'),
      ),
    ),
  },
  {
    action: 'deploy-green',
    label: 'a stack input without stack-name',
    names: STACK_INPUTS,
    drop: ['stack-name', ...STACK_INPUTS],
    bad: fc
      .constantFrom(...STACK_INPUTS.filter((n) => n !== 'resources-to-skip'))
      .map((name): Inputs => ({ [name]: name === 'template-file' ? TEMPLATE : 'x' })),
  },
  {
    action: 'deploy-green',
    label: "a function setting beside a stack, which owns the function's configuration",
    names: [...CONFIG_INPUTS],
    bases: withFunction,
    bad: fc
      .constantFrom<[string, string]>(
        ['memory-size', '512'],
        ['timeout', '30'],
        ['env-vars', 'STAGE=prod'],
        ['runtime', 'nodejs22.x'],
        ['function-description', 'orders'],
        ['create-if-missing', 'true'],
      )
      .map(([name, value]): Inputs => ({ [name]: value })),
  },
  {
    action: 'deploy-green',
    label: 'a code source for a stack with no function',
    names: ['zip-file', 's3-bucket', 's3-key', 'image-uri'],
    bases: stackOnly,
    drop: ['function-output', 'version-output'],
    bad: fc.constantFrom<Inputs>(
      { 'zip-file': 'build.zip' },
      { 's3-bucket': 'artifacts', 's3-key': 'orders.zip' },
      { 'image-uri': `${TEST_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/orders:1` },
    ),
  },
];

/** rollback's stack categories. */
export const rollbackStackCategories: Category[] = [
  {
    action: 'rollback',
    label: 'stack-name not a stack name',
    names: ['stack-name'],
    bases: hasStack,
    bad: one('stack-name', badStackName),
  },
  {
    action: 'rollback',
    label: 'resources-to-skip not logical ids',
    names: ['resources-to-skip'],
    bases: hasStack,
    bad: one(
      'resources-to-skip',
      fc.oneof(fc.constantFrom('Table-1', 'a.b.c', 'My Table', 'Table,Fn_x', '*'), injection),
    ),
  },
  {
    action: 'rollback',
    label: 'stack-timeout malformed or over 6h',
    names: ['stack-timeout'],
    bases: hasStack,
    bad: one('stack-timeout', fc.oneof(malformedDuration, fc.constantFrom('0', '7h', '2d'))),
  },
  {
    action: 'rollback',
    label: 'a stack input without stack-name',
    names: ['resources-to-skip', 'stack-timeout'],
    drop: ['stack-name'],
    bad: fc.constantFrom<Inputs>({ 'resources-to-skip': 'Table' }, { 'stack-timeout': '30m' }),
  },
  {
    action: 'rollback',
    label: 'to a version with a stack and no function',
    names: ['to'],
    drop: ['function-name', 'to'],
    bases: hasStack,
    bad: one('to', fc.constantFrom('1', '2', '17')),
  },
];
