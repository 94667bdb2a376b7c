// The stack inputs, every one checked before the first call; the template is read and parsed here too.
import { readFileSync } from 'node:fs';
import { InputError, workspaceFile, type InputReader } from '@deploy-actions/core';
import { parsePairs, type Pairs } from './pairs';
import { checkArtifacts, parseTemplate, planAliases, type AliasPlan, type Template } from './template';

/** The inputs only a stack deploy or rollback reads: given with target ecs, they are errors naming them. */
export const STACK_INPUTS = [
  'stack-name',
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
] as const;

export interface StackDeployInputs {
  stackName: string;
  templateFile: string;
  body: string;
  template: Template;
  plan: AliasPlan;
  parameters: Pairs;
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  roleArn?: string;
  templateBucket?: string;
  timeoutMs: number;
  recreateFailed: boolean;
  functionOutput?: string;
  versionOutput?: string;
  /** Alarm names or ARNs; names are resolved to ARNs by DescribeAlarms. */
  rollbackAlarms: string[];
  monitoringMinutes?: number;
}

// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html (StackName)
const STACK_NAME = /^[A-Za-z][-A-Za-z0-9]{0,127}$/;
// Logical ids are alphanumeric; output keys too.
const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html (Capabilities)
const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const S3_BUCKET =
  /^(?!xn--|sthree-|amzn-s3-demo-)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.{1,255}$/;
// TemplateBody holds at most 51,200 bytes, TemplateURL 1 MB: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
export const MAX_BODY_BYTES = 51_200;
const MAX_URL_BYTES = 1024 * 1024;
const SIX_HOURS = 6 * 3_600_000;

/** stack-name, '' when not given. */
export function readStackName(inputs: InputReader): string {
  const name = inputs.text('stack-name');
  if (name && !STACK_NAME.test(name))
    throw new InputError(
      'stack-name',
      name,
      'must be a CloudFormation stack name: a letter, then letters, digits and hyphens, at most 128 characters',
    );
  return name;
}

/** Any stack input given without stack-name is a mistake worth naming. */
export function refuseWithoutStack(inputs: InputReader): void {
  for (const name of STACK_INPUTS) {
    const value = inputs.text(name, { multiline: true });
    if (name !== 'stack-name' && value !== '')
      throw new InputError(name, value, 'needs stack-name: it is an input of stack deploys');
  }
}

/** List items separated by commas or line breaks. */
export function list(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function stackTimeout(inputs: InputReader): number {
  const ms = inputs.duration('stack-timeout', '60m', { ms: SIX_HOURS, label: '6h' });
  if (ms < 10_000)
    throw new InputError('stack-timeout', inputs.text('stack-timeout'), 'must be from 10s to 6h');
  return ms;
}

/** deploy-green's stack inputs; `workspace` resolves a relative template-file. */
export function readStackDeployInputs(
  inputs: InputReader,
  stackName: string,
  workspace: string,
): StackDeployInputs {
  const templateBucket = inputs.text('template-bucket');
  if (templateBucket && !S3_BUCKET.test(templateBucket))
    throw new InputError('template-bucket', templateBucket, 'must be an S3 bucket name');
  const { templateFile, body } = readTemplateFile(inputs, workspace, !!templateBucket);
  const template = parseTemplate(templateFile, body);
  checkArtifacts(template, templateFile);
  return {
    stackName,
    templateFile,
    body,
    template,
    plan: planAliases(template, stackName),
    parameters: readParameters(inputs, template),
    capabilities: readCapabilities(inputs),
    tags: readTags(inputs),
    ...(inputs.text('role-arn') && { roleArn: readRoleArn(inputs) }),
    ...(templateBucket && { templateBucket }),
    timeoutMs: stackTimeout(inputs),
    recreateFailed: inputs.oneOf('recreate-failed', ['true', 'false'] as const, 'false') === 'true',
    ...optionalId(inputs, 'function-output'),
    ...optionalId(inputs, 'version-output'),
    rollbackAlarms: readAlarms(inputs),
    ...(inputs.text('rollback-monitoring-minutes') && {
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_RollbackConfiguration.html
      monitoringMinutes: inputs.integer('rollback-monitoring-minutes', 0, 0, 180),
    }),
  };
}

function readTemplateFile(inputs: InputReader, workspace: string, bucket: boolean) {
  const templateFile = inputs.text('template-file');
  if (!templateFile)
    throw new InputError('template-file', '', 'is required with stack-name: the path of the template');
  const { path, size } = workspaceFile(
    'template-file',
    templateFile,
    workspace,
    'must be the path of an existing template file',
  );
  if (size === 0) throw new InputError('template-file', templateFile, 'is empty');
  if (size > MAX_URL_BYTES)
    throw new InputError(
      'template-file',
      templateFile,
      `is ${size} bytes; CloudFormation takes at most 1 MB`,
    );
  if (size > MAX_BODY_BYTES && !bucket)
    throw new InputError(
      'template-file',
      templateFile,
      `is ${size} bytes; over 51,200 bytes CloudFormation reads it from S3: give template-bucket`,
    );
  return { templateFile, body: readFileSync(path, 'utf8') };
}

function readParameters(inputs: InputReader, template: Template): Pairs {
  const text = inputs.text('parameters', { multiline: true, max: 256 * 1024 });
  const pairs = parsePairs('parameters', text);
  for (const key of pairs.keys()) {
    if (!template.parameters.has(key)) {
      const known = [...template.parameters.keys()].join(', ') || 'none';
      throw new InputError(
        'parameters',
        text,
        `${key} is not a parameter of the template (it has: ${known})`,
      );
    }
  }
  return pairs;
}

function readCapabilities(inputs: InputReader): string[] {
  const text = inputs.text('capabilities', { multiline: true });
  const given = list(text).map((c) => c.toUpperCase());
  for (const c of given)
    if (!CAPABILITIES.includes(c))
      throw new InputError('capabilities', text, `must name only ${CAPABILITIES.join(', ')} (got "${c}")`);
  return [...new Set(given)];
}

// Tag rules: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Tag.html
function readTags(inputs: InputReader): { Key: string; Value: string }[] {
  const text = inputs.text('stack-tags', { multiline: true, max: 64 * 1024 });
  const pairs = parsePairs('stack-tags', text);
  if (pairs.size > 50)
    throw new InputError('stack-tags', text, `must hold at most 50 tags (got ${pairs.size})`);
  for (const [key, value] of pairs) {
    if (key.length > 128 || /^aws:/i.test(key))
      throw new InputError(
        'stack-tags',
        text,
        `tag key ${key} must be 1-128 characters and not start with aws:`,
      );
    if (value.length > 256)
      throw new InputError('stack-tags', text, `the value of ${key} is over 256 characters`);
  }
  return [...pairs].map(([Key, Value]) => ({ Key, Value }));
}

function readRoleArn(inputs: InputReader): string {
  const arn = inputs.text('role-arn');
  if (!ROLE_ARN.test(arn))
    throw new InputError('role-arn', arn, 'must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME');
  return arn;
}

function optionalId(inputs: InputReader, name: 'function-output' | 'version-output') {
  const value = inputs.text(name);
  if (!value) return {};
  if (!LOGICAL_ID.test(value))
    throw new InputError(name, value, 'must be the key of a stack output: letters and digits');
  return name === 'function-output' ? { functionOutput: value } : { versionOutput: value };
}

// At most five rollback triggers: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_RollbackConfiguration.html
function readAlarms(inputs: InputReader): string[] {
  const text = inputs.text('rollback-alarms', { multiline: true });
  const names = [...new Set(list(text))];
  if (names.length > 5)
    throw new InputError('rollback-alarms', text, `must name at most 5 alarms (got ${names.length})`);
  for (const n of names) {
    if (n.startsWith('arn:') ? !ALARM_ARN.test(n) : n.length > 255 || /[*?]/.test(n))
      throw new InputError(
        'rollback-alarms',
        text,
        `"${n}" must be a CloudWatch alarm name (at most 255 characters, no wildcards) or alarm ARN`,
      );
  }
  return names;
}

/** rollback's resources-to-skip: logical ids, or NestedStack.LogicalId. */
export function readResourcesToSkip(inputs: InputReader): string[] {
  const text = inputs.text('resources-to-skip', { multiline: true });
  const ids = list(text);
  for (const id of ids)
    if (!/^[A-Za-z0-9]{1,255}(\.[A-Za-z0-9]{1,255})?$/.test(id))
      throw new InputError(
        'resources-to-skip',
        text,
        `"${id}" must be a logical resource id (or Stack.LogicalId)`,
      );
  return ids;
}
