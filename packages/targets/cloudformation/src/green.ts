// After the stack: the function it holds, found by function-name or a stack output, and the version to release,
// published by the Lambda deployer or (version-output) already published by the stack.
import {
  CreateAliasCommand,
  GetAliasCommand,
  type AliasConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { awsErrorName, DeployError, type Log } from '@deploy-actions/core';
import type { StackClients } from './clients';

const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::([^:]+))?$/;

/** The output's value, or a DeployError listing the outputs the stack has. */
export function output(stack: string, outputs: Record<string, string>, key: string, input: string): string {
  const value = outputs[key];
  if (value) return value;
  const has = Object.keys(outputs).join(', ') || 'none';
  throw new DeployError(
    `Stack ${stack} has no output ${key} (${input}); its outputs: ${has}. Add the output to the template, or give function-name.`,
  );
}

/** A function name from a name or a function ARN (an output of !GetAtt Fn.Arn or !Ref Fn). */
export function functionFrom(value: string): string {
  return FUNCTION_ARN.exec(value)?.[1] ?? value;
}

/** version-output: a version number, or a version ARN as !Ref of an AWS::Lambda::Version gives it. */
export function versionFrom(stack: string, key: string, value: string): string {
  const version = FUNCTION_ARN.exec(value)?.[2] ?? value;
  if (!/^\d+$/.test(version))
    throw new DeployError(
      `Stack ${stack} output ${key} (version-output) is "${value}", not a published version number or version ARN.`,
    );
  return version;
}

export async function readAlias(
  lambda: LambdaClient,
  fn: string,
  alias: string,
): Promise<AliasConfiguration | undefined> {
  try {
    return await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: alias }));
  } catch (err) {
    if (awsErrorName(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

/**
 * The version the alias serves, for parameters that hold an alias's FunctionVersion. A split is refused: the
 * stack would write one version and drop the other's weight.
 */
export async function liveVersion(
  clients: StackClients,
  fn: string,
  alias: string,
): Promise<string | undefined> {
  const a = await readAlias(await clients.lambda(), fn, alias);
  if (a && Object.keys(a.RoutingConfig?.AdditionalVersionWeights ?? {}).length)
    throw new DeployError(
      `Alias "${alias}" of ${fn} is split between versions: a deployment is in progress. Finish it with shift-traffic or undo it with rollback first. Nothing was changed.`,
    );
  return a?.FunctionVersion;
}

/** version-output: green is the stack's version; blue what the alias serves, or green on a first deploy. */
export async function releaseStackVersion(
  clients: StackClients,
  fn: string,
  alias: string,
  green: string,
  log: Log,
): Promise<{ green: string; blue: string; aliasCreated: boolean }> {
  const lambda = await clients.lambda();
  const live = await readAlias(lambda, fn, alias);
  if (live) {
    log.info(`The stack published v${green} of ${fn}; alias "${alias}" serves v${live.FunctionVersion}.`);
    return { green, blue: live.FunctionVersion ?? '', aliasCreated: false };
  }
  await lambda.send(new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: green }));
  log.info(`Created alias "${alias}" on v${green} (first deploy).`);
  return { green, blue: '', aliasCreated: true };
}
