import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { hasAlarms, type HealthConfig } from '@deploy-actions/health/config';
import {
  awsErrorName,
  CancelledError,
  ConcurrentChangeError,
  DeployError,
  errorMessage,
  InputError,
  InputReader,
  cloudwatchClient,
  lambdaClient,
  clockFromEnv,
  type AwsOptions,
  type Clock,
  type Runtime,
} from '@deploy-actions/core';
import { parseAliasName, parseFunctionName, regionFor } from '../names';

/** What tests may swap: the clock (bakes of minutes in milliseconds) and how the client is made. */
export interface Deps {
  clock?: Clock;
  lambda?: (opts: AwsOptions) => Promise<LambdaClient>;
  cloudwatch?: (opts: AwsOptions) => Promise<CloudWatchClient>;
}

export interface Target {
  functionName: string;
  alias: string;
  aws: AwsOptions;
}

export function readTarget(inputs: InputReader, env: Runtime['env']): Target {
  const fn = parseFunctionName('function-name', inputs.text('function-name'));
  const alias = parseAliasName('alias', inputs.text('alias') || 'live');
  const region = regionFor(fn, inputs.text('aws-region'), env);
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  return { functionName: fn.name, alias, aws: { region, maxAttempts } };
}

export function clientFor(target: Target, deps: Deps): Promise<LambdaClient> {
  return (deps.lambda ?? lambdaClient)(target.aws);
}

/** A CloudWatch client only when alarms or metrics are checked. */
export async function cloudwatchFor(
  health: HealthConfig,
  target: Target,
  deps: Deps,
): Promise<CloudWatchClient | undefined> {
  const needed = health.metrics || hasAlarms(health);
  return needed ? (deps.cloudwatch ?? cloudwatchClient)(target.aws) : undefined;
}

export function clockOf(deps: Deps, env: Runtime['env']): Clock {
  return deps.clock ?? clockFromEnv(env);
}

/** Runs one action body; every failure becomes one clear failed-step message. */
export async function runStep(
  rt: Runtime,
  body: () => Promise<void>,
  nothingDone = 'Nothing was changed in AWS.',
): Promise<void> {
  try {
    await body();
  } catch (err) {
    rt.setFailed(failureMessage(err, nothingDone));
  }
}

export function failureMessage(err: unknown, nothingDone = 'Nothing was changed in AWS.'): string {
  if (err instanceof InputError) return `${err.message}. ${nothingDone}`;
  if (err instanceof ConcurrentChangeError || err instanceof DeployError || err instanceof CancelledError)
    return err.message;
  const name = awsErrorName(err);
  if (name) return `AWS ${name}: ${errorMessage(err)}`;
  return errorMessage(err);
}
