import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError, InputReader, table, type Runtime } from '@deploy-actions/core';
import type { CodeSource } from '../deploy';
import { clientFor, clockOf, readTarget, runStep, type Deps } from './common';

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
    const path = isAbsolute(zip) ? zip : resolve(workspace, zip);
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new InputError(
        'zip-file',
        zip,
        'must be the path of an existing .zip file (relative to the workspace)',
      );
    }
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

export async function runDeployGreen(rt: Runtime, deps: Deps = {}): Promise<void> {
  await runStep(rt, async () => {
    const inputs = new InputReader(rt.input);
    const target = readTarget(inputs, rt.env);
    const source = readSource(inputs, rt.env.GITHUB_WORKSPACE || process.cwd());
    const description = inputs.text('description', { max: 256 }) || defaultDescription(rt.env);
    const smokePayload = inputs.json('smoke-payload');
    const smokeExpect = inputs.matcher('smoke-expect');
    if (smokeExpect && !smokePayload)
      throw new InputError('smoke-expect', inputs.text('smoke-expect'), 'needs smoke-payload');
    const waitTimeoutMs = inputs.duration('wait-timeout', '5m', { ms: 3_600_000, label: '1h' });

    const lambda = await clientFor(target, deps);
    const { deployGreen } = await import('../deploy');
    const result = await deployGreen({
      lambda,
      functionName: target.functionName,
      alias: target.alias,
      source,
      description,
      waitTimeoutMs,
      ...(smokePayload && { smoke: { payload: smokePayload, expect: smokeExpect } }),
      log: rt,
      clock: clockOf(deps, rt.env),
    });
    rt.setOutput('green-version', result.greenVersion);
    rt.setOutput('blue-version', result.blueVersion);
    rt.setOutput('function-arn', result.functionArn);
    rt.setOutput('code-sha256', result.codeSha256);
    rt.setOutput('changed', String(result.changed));
    rt.setOutput('alias-created', String(result.aliasCreated));
    await rt.summary(
      [
        `### deploy-green: ${target.functionName}`,
        '',
        table(
          ['green version', 'blue version', 'changed', 'alias', 'code sha256'],
          [
            [
              result.greenVersion,
              result.blueVersion || '(first deploy)',
              String(result.changed),
              result.aliasCreated
                ? `${target.alias} created on v${result.greenVersion}`
                : `${target.alias} unchanged`,
              result.codeSha256,
            ],
          ],
        ),
        '',
      ].join('\n'),
    );
  });
}

function defaultDescription(env: Runtime['env']): string {
  if (!env.GITHUB_SHA) return '';
  const repo = env.GITHUB_REPOSITORY ?? '';
  return `${repo}@${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}` : ''}`.slice(
    0,
    256,
  );
}
