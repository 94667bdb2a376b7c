import {
  CreateAliasCommand,
  PublishVersionCommand,
  waitForPublishedVersionActive,
  type FunctionConfiguration,
  type LambdaClient,
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
import type { FunctionSettings } from './config-inputs';
import { createFunction } from './create';
import { creationReport, sameAsVersion, type Change } from './deploy-config';
import { prepareUpdate } from './deploy-update';
import { checkInvoke } from './invoke';
import { describeAlias } from './routing';
import { retryConflicts, waitSeconds, type Writer } from './update';
import { getConfig } from './versions';

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
  /** The configuration inputs: only the fields given change. */
  settings?: FunctionSettings;
  /** Create the function when it does not exist (settings then hold its role, and runtime and handler for a .zip). */
  createIfMissing?: boolean;
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
  functionCreated: boolean;
  /** What this deploy changed on $LATEST, field by field (env-vars: keys only). */
  changes: Change[];
}

/** $LATEST ready to publish: the code hash and RevisionId that guard the publish, and the alias as read. */
export interface Prepared {
  latest: FunctionConfiguration;
  live?: RoutingState;
  /** The version the alias serves, as read before any write. */
  blue?: FunctionConfiguration;
  changes: Change[];
  created: boolean;
  /** Whether this deploy wrote to $LATEST. */
  wrote: boolean;
}

export async function deployGreen(o: DeployOptions): Promise<DeployResult> {
  const w: Writer = { ...o, clock: o.clock ?? systemClock };
  const latest = await findFunction(o);
  const prepared: Prepared = latest
    ? await prepareUpdate(o, w, latest)
    : {
        // findFunction lets only a deploy with a code source get here.
        latest: await createFunction(w, o.source as Exclude<CodeSource, { kind: 'none' }>, o.settings ?? {}),
        changes: creationReport(o.settings ?? {}),
        created: true,
        wrote: true,
      };
  const { live, blue } = prepared;

  // Nothing written and $LATEST is what the alias serves: a publish would add nothing (or a copy of blue).
  const same = !prepared.wrote && blue !== undefined && sameAsVersion(prepared.latest, blue);
  const published = same ? blue : await publish(o, w, prepared.latest);
  const green = published.Version ?? '';
  await waitPublished(o, green, published.State);
  const blueVersion = live?.version ?? '';
  const changed = green !== blueVersion;
  o.log.info(
    changed
      ? `Published v${green} (blue is ${blueVersion ? `v${blueVersion}` : 'none yet'}).`
      : `Nothing changed: v${green} is already live.`,
  );

  if (o.smoke) {
    const verdict = await checkInvoke(o.lambda, o.smoke, o.functionName, { version: green });
    if (verdict.verdict !== 'healthy')
      throw new DeployError(`Smoke test of v${green} failed: ${verdict.reason}. No traffic was moved.`);
    o.log.info(`Smoke test passed: ${verdict.reason}.`);
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
    codeSha256: published.CodeSha256 ?? prepared.latest.CodeSha256 ?? '',
    changed,
    aliasCreated,
    functionCreated: prepared.created,
    changes: prepared.changes,
  };
}

/** $LATEST, or undefined when it does not exist and create-if-missing allows creating it. */
async function findFunction(o: DeployOptions): Promise<FunctionConfiguration | undefined> {
  try {
    return await getConfig(o.lambda, o.functionName);
  } catch (err) {
    if (!(err instanceof DeployError) || !/does not exist/.test(err.message)) throw err;
    if (o.createIfMissing && o.source.kind !== 'none') return undefined;
    throw new DeployError(
      `Function ${o.functionName} does not exist in this account and region: create it first, or let deploy-green create it with create-if-missing: true, role and, for a .zip, runtime and handler.`,
    );
  }
}

/**
 * Publishes exactly the $LATEST just prepared: CodeSha256 and RevisionId make AWS refuse if someone changed it
 * meanwhile (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
async function publish(o: DeployOptions, w: Writer, latest: FunctionConfiguration) {
  const sha = latest.CodeSha256 ?? '';
  try {
    return await retryConflicts(w, 'PublishVersion', () =>
      o.lambda.send(
        new PublishVersionCommand({
          FunctionName: o.functionName,
          CodeSha256: sha || undefined,
          RevisionId: latest.RevisionId,
          Description: o.description || undefined,
        }),
      ),
    );
  } catch (err) {
    // A mismatch is InvalidParameterValueException "CodeSHA256 (...) is different from current CodeSHA256 in $LATEST".
    const shaMismatch =
      awsErrorName(err) === 'InvalidParameterValueException' && /CodeSHA256/i.test(errorMessage(err));
    if (shaMismatch || awsErrorName(err) === 'PreconditionFailedException') {
      throw new ConcurrentChangeError(
        `Publishing was refused because ${o.functionName} no longer matches what this deploy prepared (${shaMismatch ? `code sha256 ${sha}` : 'its RevisionId'}): someone else updated ${o.functionName} during this deploy. Nothing was published; run the deploy again.`,
      );
    }
    throw err;
  }
}

async function waitPublished(o: DeployOptions, green: string, state: string | undefined): Promise<void> {
  if (state !== 'Pending') return;
  const waited = await waitForPublishedVersionActive(
    { client: o.lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 },
    { FunctionName: o.functionName, Qualifier: green },
  );
  if (waited.state !== 'SUCCESS')
    throw new DeployError(
      `Version ${green} did not become Active within ${formatDuration(o.waitTimeoutMs)} (${waited.state}).`,
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
