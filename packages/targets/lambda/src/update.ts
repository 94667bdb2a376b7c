// The writes that change $LATEST, each guarded by the RevisionId read just before it and waited on.
import {
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitForFunctionUpdated,
  type FunctionConfiguration,
  type LambdaClient,
  type UpdateFunctionCodeRequest,
  type UpdateFunctionConfigurationRequest,
} from '@aws-sdk/client-lambda';
import {
  awsErrorName,
  ConcurrentChangeError,
  DeployError,
  formatDuration,
  type Clock,
  type Log,
} from '@deploy-actions/core';
import type { FunctionSettings } from './config-inputs';
import { configChanges, describeChange } from './deploy-config';
import type { CodeSource } from './deploy';

export interface Writer {
  lambda: LambdaClient;
  functionName: string;
  waitTimeoutMs: number;
  log: Log;
  clock: Clock;
}

const CONFLICT_RETRIES = 4;

/** UpdateFunctionConfiguration with only the fields that change, then the wait; returns $LATEST as it then is. */
export async function updateConfiguration(
  w: Writer,
  current: FunctionConfiguration,
  request: Partial<UpdateFunctionConfigurationRequest>,
  wanted: FunctionSettings,
): Promise<FunctionConfiguration> {
  await guarded(w, 'UpdateFunctionConfiguration', () =>
    w.lambda.send(
      new UpdateFunctionConfigurationCommand({
        ...request,
        FunctionName: w.functionName,
        RevisionId: current.RevisionId,
      }),
    ),
  );
  w.log.info('Configuration updated; waiting for the update to finish.');
  const after = await waitUpdated(w, 'the configuration update');
  checkStillOurs(w, after, current.CodeSha256 ?? '', wanted);
  return after;
}

/** UpdateFunctionCode (with the architecture, when given), then the wait; returns $LATEST as it then is. */
export async function updateCode(
  w: Writer,
  current: FunctionConfiguration,
  source: Exclude<CodeSource, { kind: 'none' }>,
  wanted: FunctionSettings,
): Promise<FunctionConfiguration> {
  const req: UpdateFunctionCodeRequest = {
    FunctionName: w.functionName,
    RevisionId: current.RevisionId,
    ...codeOf(source),
    ...(wanted.architecture && { Architectures: [wanted.architecture] }),
  };
  const out = await guarded(w, 'UpdateFunctionCode', () => w.lambda.send(new UpdateFunctionCodeCommand(req)));
  w.log.info(
    `Code updated (${describeSource(source)}), sha256 ${out.CodeSha256}; waiting for the update to finish.`,
  );
  const after = await waitUpdated(w, 'the code update');
  checkStillOurs(w, after, out.CodeSha256 ?? '', wanted);
  return after;
}

export function codeOf(s: Exclude<CodeSource, { kind: 'none' }>) {
  if (s.kind === 'zip') return { ZipFile: s.zip };
  if (s.kind === 's3') return { S3Bucket: s.bucket, S3Key: s.key, S3ObjectVersion: s.objectVersion };
  return { ImageUri: s.uri };
}

export function describeSource(s: CodeSource): string {
  if (s.kind === 'zip') return `zip ${s.path}`;
  if (s.kind === 's3')
    return `s3://${s.bucket}/${s.key}${s.objectVersion ? `?versionId=${s.objectVersion}` : ''}`;
  if (s.kind === 'image') return `image ${s.uri}`;
  return 'current code';
}

/**
 * The RevisionId changes again when an update completes (https://github.com/aws/aws-sdk/issues/377), so the next
 * write is guarded by the waiter's last read; that read must still hold our code and configuration.
 */
function checkStillOurs(
  w: Writer,
  after: FunctionConfiguration,
  sha: string,
  wanted: FunctionSettings,
): void {
  const drift = configChanges(after, wanted).map(describeChange);
  if (sha && after.CodeSha256 !== sha) drift.unshift(`code sha256 ${sha} → ${after.CodeSha256}`);
  if (wanted.architecture && (after.Architectures?.[0] ?? 'x86_64') !== wanted.architecture)
    drift.push(`architectures ${wanted.architecture} → ${after.Architectures?.[0]}`);
  if (drift.length)
    throw new ConcurrentChangeError(
      `${w.functionName} was changed by someone else during this deploy (${drift.join('; ')}); nothing was published. Run the deploy again.`,
    );
}

/** A write refused for its RevisionId (412) is someone else's change; 409 (an update in progress) is waited out. */
async function guarded<T>(w: Writer, op: string, call: () => Promise<T>): Promise<T> {
  try {
    return await retryConflicts(w, op, call);
  } catch (err) {
    if (awsErrorName(err) !== 'PreconditionFailedException') throw err;
    throw new ConcurrentChangeError(
      `${w.functionName} was changed by someone else since this deploy read it (its RevisionId no longer matches): ${op} was refused, nothing was updated by it and nothing was published. Run the deploy again.`,
    );
  }
}

/** 409 ResourceConflictException: an update is still being applied; wait for it and try again. */
export async function retryConflicts<T>(w: Writer, op: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (awsErrorName(err) !== 'ResourceConflictException' || attempt >= CONFLICT_RETRIES) throw err;
      w.log.info(
        `${op}: an update of ${w.functionName} is still in progress; waiting before retry ${attempt}.`,
      );
      await waitUpdated(w, 'the update in progress');
      await w.clock.sleep(1000 * attempt);
    }
  }
}

/** Waits for LastUpdateStatus Successful with the SDK's waiter, bounded by wait-timeout; returns its last read. */
export async function waitUpdated(w: Writer, what: string): Promise<FunctionConfiguration> {
  const result = await waitForFunctionUpdated(
    { client: w.lambda, maxWaitTime: waitSeconds(w.waitTimeoutMs), minDelay: 1, maxDelay: 10 },
    { FunctionName: w.functionName },
  );
  const reason = result.reason as FunctionConfiguration | Error | undefined;
  if (result.state === 'SUCCESS') return reason as FunctionConfiguration;
  if (result.state === 'FAILURE') {
    const cfg = reason as FunctionConfiguration;
    throw new DeployError(
      `Lambda reports ${what} Failed: ${cfg?.LastUpdateStatusReason ?? 'no reason given'} (${cfg?.LastUpdateStatusReasonCode ?? 'no code'}). Nothing was published.`,
    );
  }
  if (result.state === 'TIMEOUT')
    throw new DeployError(
      `Waited ${formatDuration(w.waitTimeoutMs)} (wait-timeout) for ${what} to finish; it is still in progress.`,
    );
  throw new DeployError(
    `Waiting for ${what} failed: ${reason instanceof Error ? reason.message : String(result.state)}`,
  );
}

/** The SDK's waiters want a maximum above their minimum delay of 1s. */
export function waitSeconds(ms: number): number {
  return Math.max(2, Math.ceil(ms / 1000));
}
