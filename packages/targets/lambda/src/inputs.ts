import { readFileSync } from 'node:fs';
import { InputError, InputReader, workspaceFile, type AwsOptions, type Runtime } from '@deploy-actions/core';
import { LOGS_INPUTS } from '@deploy-actions/health/logs-config';
import type { TargetConfig } from '@deploy-actions/release/target';
import { CONFIG_INPUTS } from './config-inputs';
import type { CodeSource } from './deploy';
import { parseAliasName, parseFunctionName, plainName, regionFor } from './names';

export interface LambdaConfig extends TargetConfig {
  functionName: string;
  alias: string;
  aws: AwsOptions;
}

/** The inputs only the Lambda target reads. */
export const LAMBDA_INPUTS = [
  'function-name',
  'alias',
  'zip-file',
  's3-bucket',
  's3-key',
  's3-object-version',
  'image-uri',
  // deploy-green's function configuration and first-time creation.
  ...CONFIG_INPUTS,
  'smoke-payload',
  'smoke-expect',
  'invoke-payload',
  'invoke-expect',
  // The logs check reads Lambda's report records.
  ...LOGS_INPUTS,
] as const;

/**
 * function-name (required unless `optional`), alias (default live), aws-region (unless `region` is false and
 * none is given), max-attempts.
 */
export function readLambdaConfig(
  inputs: InputReader,
  env: Runtime['env'],
  opts: { optional?: boolean; region?: boolean } = {},
): LambdaConfig | undefined {
  const text = inputs.text('function-name');
  const fn = text === '' && opts.optional ? undefined : parseFunctionName('function-name', text);
  const alias = parseAliasName('alias', inputs.text('alias') || 'live');
  if (!fn) return undefined;
  const regionText = inputs.text('aws-region');
  // Not needed, the region still tells two releases of one matrix job apart, unchecked.
  const region =
    opts.region === false && regionText === ''
      ? (fn.arnRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '')
      : regionFor(fn, regionText, env);
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  const resource = `${plainName(fn)}:${alias}`;
  return {
    functionName: fn.name,
    alias,
    aws: { region, maxAttempts },
    name: `${fn.name}:${alias}`,
    history: { targetKind: 'lambda', resource },
  };
}

// Direct uploads are limited to 50 MB zipped: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
const MAX_ZIP_BYTES = 50 * 1024 * 1024;
// Naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_BUCKET_FORBIDDEN =
  /\.\.|^\d+\.\d+\.\d+\.\d+$|^xn--|^sthree-|^amzn-s3-demo-|-s3alias$|--ol-s3$|\.mrap$|--x-s3$/;
const IMAGE_URI =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9][a-z0-9._/-]*(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/;
const SOURCES =
  'give exactly one of zip-file, s3-bucket + s3-key, image-uri (or none to publish the current code)';

function validBucket(name: string): boolean {
  return S3_BUCKET.test(name) && !S3_BUCKET_FORBIDDEN.test(name);
}

export function readSource(inputs: InputReader, workspace: string): CodeSource {
  const zip = inputs.text('zip-file');
  const bucket = inputs.text('s3-bucket');
  const key = inputs.text('s3-key', { max: 1024 });
  const objectVersion = inputs.text('s3-object-version', { max: 1024 });
  const image = inputs.text('image-uri');
  const s3Input = bucket || !key ? 's3-bucket' : 's3-key';
  const given: [string, string][] = [
    ['zip-file', zip],
    [s3Input, bucket || key],
    ['image-uri', image],
  ].filter(([, value]) => value !== '') as [string, string][];
  if (given.length > 1) {
    const [[first], [second, value]] = given;
    throw new InputError(second, value, `cannot be combined with ${first}: ${SOURCES}`);
  }
  if (objectVersion && !bucket)
    throw new InputError('s3-object-version', objectVersion, 'needs s3-bucket and s3-key');
  if (zip) {
    const { path, size } = workspaceFile(
      'zip-file',
      zip,
      workspace,
      'must be the path of an existing .zip file (relative to the workspace)',
    );
    if (size > MAX_ZIP_BYTES)
      throw new InputError(
        'zip-file',
        zip,
        `is ${size} bytes; direct uploads are limited to 50 MB: upload to S3 and use s3-bucket/s3-key`,
      );
    const bytes = readFileSync(path);
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
      throw new InputError('zip-file', zip, 'is not a .zip archive');
    return { kind: 'zip', zip: bytes, path: zip };
  }
  if (bucket || key) {
    if (!validBucket(bucket))
      throw new InputError(
        's3-bucket',
        bucket,
        'must be an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens) and goes with s3-key',
      );
    if (!key)
      throw new InputError('s3-key', key, 'is required with s3-bucket: the object key of the .zip package');
    return { kind: 's3', bucket, key, ...(objectVersion && { objectVersion }) };
  }
  if (image) {
    if (!IMAGE_URI.test(image))
      throw new InputError(
        'image-uri',
        image,
        'must be an Amazon ECR image URI: ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG or @sha256:DIGEST',
      );
    return { kind: 'image', uri: image };
  }
  return { kind: 'none' };
}
