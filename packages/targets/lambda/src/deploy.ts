import {
  CreateAliasCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  waitForFunctionUpdated,
  waitForPublishedVersionActive,
  type FunctionConfiguration,
  type LambdaClient,
  type UpdateFunctionCodeRequest,
} from '@aws-sdk/client-lambda';
import {
  awsErrorName,
  ConcurrentChangeError,
  DeployError,
  errorMessage,
  formatDuration,
  systemClock,
  type Clock,
  type Log,
} from '@deploy-actions/core';
import type { HealthConfig } from '@deploy-actions/health/config';
import { sameRouting, type RoutingState } from '@deploy-actions/release/routing';
import type { GreenReady } from '@deploy-actions/release/target';
import { readAlias } from './alias';
import { checkInvoke } from './invoke';
import { describeAlias } from './routing';
import { compatibility, getConfig } from './versions';

export type CodeSource =
  | { kind: 'zip'; zip: Uint8Array; path: string }
  | { kind: 's3'; bucket: string; key: string; objectVersion?: string }
  | { kind: 'image'; uri: string }
  | { kind: 'none' };

export interface DeployOptions {
  lambda: LambdaClient;
  functionName: string;
  alias: string;
  source: CodeSource;
  description: string;
  waitTimeoutMs: number;
  smoke?: NonNullable<HealthConfig['invoke']>;
  log: Log;
  clock?: Clock;
  /** Pre-traffic tests, run before the alias is created (which would give green all the traffic). */
  beforeTraffic?: (green: GreenReady) => Promise<void>;
}

export interface DeployResult {
  greenVersion: string;
  blueVersion: string;
  functionArn: string;
  codeSha256: string;
  changed: boolean;
  aliasCreated: boolean;
}

const CONFLICT_RETRIES = 4;

export async function deployGreen(o: DeployOptions): Promise<DeployResult> {
  const { lambda, functionName: fn, alias, log } = o;
  const clock = o.clock ?? systemClock;

  // Pre-flight: every check that can refuse the deploy runs before the first write.
  const latest = await getConfig(lambda, fn);
  checkPackageType(latest, o.source);
  const live = await readAlias(lambda, fn, alias);
  if (live?.green) {
    throw new DeployError(
      `Alias "${alias}" is split between v${live.version} and v${live.green} (${describeAlias(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`,
    );
  }
  if (live) {
    const blue = await getConfig(lambda, fn, live.version);
    const mismatch = compatibility(blue, latest);
    if (mismatch) {
      throw new DeployError(
        `The new version could not share alias "${alias}" with v${live.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`,
      );
    }
  }

  let sha = latest.CodeSha256 ?? '';
  let revisionId = latest.RevisionId;
  if (latest.LastUpdateStatus === 'InProgress') {
    log.info(`An earlier update of ${fn} is still in progress; waiting for it first.`);
    await waitUpdated(o, 'an earlier update of the function');
    ({ CodeSha256: sha = '', RevisionId: revisionId } = await getConfig(lambda, fn));
  }
  if (o.source.kind !== 'none') {
    sha = await updateCode(o, revisionId, clock);
    log.info(`Code updated (${describeSource(o.source)}), sha256 ${sha}; waiting for the update to finish.`);
    await waitUpdated(o, 'the code update');
  }

  const published = await publish(o, sha, clock);
  const green = published.Version ?? '';
  if (published.State === 'Pending') {
    const waited = await waitForPublishedVersionActive(
      { client: lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 },
      { FunctionName: fn, Qualifier: green },
    );
    if (waited.state !== 'SUCCESS')
      throw new DeployError(
        `Version ${green} did not become Active within ${formatDuration(o.waitTimeoutMs)} (${waited.state}).`,
      );
  }
  const blueVersion = live?.version ?? '';
  const changed = green !== blueVersion;
  log.info(
    changed
      ? `Published v${green} (blue is ${blueVersion ? `v${blueVersion}` : 'none yet'}).`
      : `Nothing changed: v${green} is already live.`,
  );

  if (o.smoke) {
    const verdict = await checkInvoke(lambda, o.smoke, fn, { version: green });
    if (verdict.verdict !== 'healthy')
      throw new DeployError(`Smoke test of v${green} failed: ${verdict.reason}. No traffic was moved.`);
    log.info(`Smoke test passed: ${verdict.reason}.`);
  }

  await o.beforeTraffic?.({
    green,
    blue: blueVersion,
    env: { GREEN_QUALIFIED_ARN: published.FunctionArn ?? '' },
  });
  const aliasCreated = !live && (await createAlias(o, green));
  return {
    greenVersion: green,
    blueVersion,
    functionArn: published.FunctionArn ?? '',
    codeSha256: published.CodeSha256 ?? sha,
    changed,
    aliasCreated,
  };
}

function checkPackageType(cfg: FunctionConfiguration, source: CodeSource): void {
  const type = cfg.PackageType ?? 'Zip';
  if (source.kind === 'image' && type !== 'Image') {
    throw new DeployError(
      `image-uri was given but ${cfg.FunctionName} is a ${type} function: use zip-file or s3-bucket/s3-key.`,
    );
  }
  if ((source.kind === 'zip' || source.kind === 's3') && type === 'Image') {
    throw new DeployError(
      `${source.kind === 'zip' ? 'zip-file' : 's3-bucket'} was given but ${cfg.FunctionName} is a container image function: use image-uri.`,
    );
  }
}

async function updateCode(o: DeployOptions, revisionId: string | undefined, clock: Clock): Promise<string> {
  const req: UpdateFunctionCodeRequest = { FunctionName: o.functionName, RevisionId: revisionId };
  const s = o.source;
  if (s.kind === 'zip') req.ZipFile = s.zip;
  if (s.kind === 's3')
    Object.assign(req, { S3Bucket: s.bucket, S3Key: s.key, S3ObjectVersion: s.objectVersion });
  if (s.kind === 'image') req.ImageUri = s.uri;
  try {
    const out = await retryConflicts(o, clock, 'UpdateFunctionCode', () =>
      o.lambda.send(new UpdateFunctionCodeCommand(req)),
    );
    return out.CodeSha256 ?? '';
  } catch (err) {
    if (awsErrorName(err) !== 'PreconditionFailedException') throw err;
    throw new ConcurrentChangeError(
      `${o.functionName} was changed by someone else since this deploy read it (its RevisionId no longer matches); nothing was updated. Run the deploy again.`,
    );
  }
}

/**
 * Publishes exactly the code just deployed: CodeSha256 makes AWS refuse if someone changed it meanwhile
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
async function publish(o: DeployOptions, sha: string, clock: Clock) {
  try {
    return await retryConflicts(o, clock, 'PublishVersion', () =>
      o.lambda.send(
        new PublishVersionCommand({
          FunctionName: o.functionName,
          CodeSha256: sha || undefined,
          Description: o.description || undefined,
        }),
      ),
    );
  } catch (err) {
    // A mismatch is InvalidParameterValueException "CodeSHA256 (...) is different from current CodeSHA256 in $LATEST".
    if (awsErrorName(err) === 'InvalidParameterValueException' && /CodeSHA256/i.test(errorMessage(err))) {
      throw new ConcurrentChangeError(
        `Publishing was refused because the function's code no longer matches sha256 ${sha}: someone else updated ${o.functionName} during this deploy. Nothing was published; run the deploy again.`,
      );
    }
    throw err;
  }
}

/** 409 ResourceConflictException: an update is still being applied; wait for it and try again. */
async function retryConflicts<T>(
  o: DeployOptions,
  clock: Clock,
  op: string,
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (awsErrorName(err) !== 'ResourceConflictException' || attempt >= CONFLICT_RETRIES) throw err;
      o.log.info(
        `${op}: an update of ${o.functionName} is still in progress; waiting before retry ${attempt}.`,
      );
      await waitUpdated(o, 'the update in progress');
      await clock.sleep(1000 * attempt);
    }
  }
}

/** Waits for LastUpdateStatus Successful with the SDK's waiter, bounded by wait-timeout. */
async function waitUpdated(o: DeployOptions, what: string): Promise<void> {
  const result = await waitForFunctionUpdated(
    { client: o.lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 },
    { FunctionName: o.functionName },
  );
  if (result.state === 'SUCCESS') return;
  const reason = result.reason as FunctionConfiguration | Error | undefined;
  if (result.state === 'FAILURE') {
    const cfg = reason as FunctionConfiguration;
    throw new DeployError(
      `Lambda reports ${what} Failed: ${cfg?.LastUpdateStatusReason ?? 'no reason given'} (${cfg?.LastUpdateStatusReasonCode ?? 'no code'}).`,
    );
  }
  if (result.state === 'TIMEOUT')
    throw new DeployError(
      `Waited ${formatDuration(o.waitTimeoutMs)} (wait-timeout) for ${what} to finish; it is still in progress.`,
    );
  throw new DeployError(
    `Waiting for ${what} failed: ${reason instanceof Error ? reason.message : String(result.state)}`,
  );
}

/** First deploy: the alias starts on the green version. Someone creating it meanwhile is a concurrent deployment. */
async function createAlias(o: DeployOptions, green: string): Promise<boolean> {
  try {
    await o.lambda.send(
      new CreateAliasCommand({ FunctionName: o.functionName, Name: o.alias, FunctionVersion: green }),
    );
    o.log.info(`Created alias "${o.alias}" on v${green} (first deploy).`);
    return true;
  } catch (err) {
    if (awsErrorName(err) !== 'ResourceConflictException') throw err;
    const now: RoutingState | undefined = await readAlias(o.lambda, o.functionName, o.alias);
    if (now && sameRouting(now, { version: green, greenWeight: 0 })) return true;
    throw new ConcurrentChangeError(
      `Alias "${o.alias}" was created by someone else during this deploy (${now ? describeAlias(now) : 'gone again'}); it was left alone. v${green} is published without traffic.`,
    );
  }
}

/** The SDK's waiters want a maximum above their minimum delay of 1s. */
function waitSeconds(ms: number): number {
  return Math.max(2, Math.ceil(ms / 1000));
}

function describeSource(s: CodeSource): string {
  if (s.kind === 'zip') return `zip ${s.path}`;
  if (s.kind === 's3')
    return `s3://${s.bucket}/${s.key}${s.objectVersion ? `?versionId=${s.objectVersion}` : ''}`;
  if (s.kind === 'image') return `image ${s.uri}`;
  return 'current code';
}
