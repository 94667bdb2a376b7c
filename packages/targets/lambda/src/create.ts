// First-time creation (create-if-missing): CreateFunction, then the wait for Active; publishing follows as for any deploy.
import {
  CreateFunctionCommand,
  waitForFunctionActive,
  type CreateFunctionRequest,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import {
  awsErrorName,
  ConcurrentChangeError,
  DeployError,
  errorMessage,
  formatDuration,
} from '@deploy-actions/core';
import type { FunctionSettings } from './config-inputs';
import type { CodeSource } from './deploy';
import { configRequest, creationReport, describeChange } from './deploy-config';
import { codeOf, describeSource, waitSeconds, type Writer } from './update';

// A role made moments ago may not be assumable yet (IAM is eventually consistent:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
const ROLE_NOT_READY = /role defined for the function cannot be assumed/i;
const ROLE_RETRIES = 6;

/** Creates the function unpublished and waits until it is Active; returns its configuration then. */
export async function createFunction(
  w: Writer,
  source: Exclude<CodeSource, { kind: 'none' }>,
  wanted: FunctionSettings,
): Promise<FunctionConfiguration> {
  const changes = creationReport(wanted);
  const req: CreateFunctionRequest = {
    ...configRequest(wanted, changes),
    FunctionName: w.functionName,
    Role: wanted.role,
    Code: codeOf(source),
    PackageType: source.kind === 'image' ? 'Image' : 'Zip',
    ...(wanted.architecture && { Architectures: [wanted.architecture] }),
    // Version 1 is published after the wait, guarded like every other publish.
    Publish: false,
  };
  await send(w, req);
  w.log.info(`Created function ${w.functionName} from ${describeSource(source)}:`);
  for (const c of changes) w.log.info(`  ${describeChange(c)}`);
  return waitActive(w);
}

async function send(w: Writer, req: CreateFunctionRequest): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await w.lambda.send(new CreateFunctionCommand(req));
      return;
    } catch (err) {
      const name = awsErrorName(err);
      // "Function already exist": created by someone else since our read showed none.
      if (name === 'ResourceConflictException')
        throw new ConcurrentChangeError(
          `${w.functionName} was created by someone else during this deploy; it was left alone. Run the deploy again to release onto it.`,
        );
      const roleNotReady =
        name === 'InvalidParameterValueException' && ROLE_NOT_READY.test(errorMessage(err));
      if (!roleNotReady || attempt >= ROLE_RETRIES) throw err;
      w.log.info(
        `The role ${req.Role} cannot be assumed by Lambda yet (a new role takes a few seconds); retry ${attempt}.`,
      );
      await w.clock.sleep(2000 * attempt);
    }
  }
}

/** A new function is Pending until Lambda has prepared it: https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html */
async function waitActive(w: Writer): Promise<FunctionConfiguration> {
  const result = await waitForFunctionActive(
    { client: w.lambda, maxWaitTime: waitSeconds(w.waitTimeoutMs), minDelay: 1, maxDelay: 10 },
    { FunctionName: w.functionName },
  );
  const cfg = result.reason as FunctionConfiguration | undefined;
  if (result.state === 'SUCCESS') return cfg!;
  if (result.state === 'FAILURE')
    throw new DeployError(
      `Lambda could not create ${w.functionName}: ${cfg?.StateReason ?? 'no reason given'} (${cfg?.StateReasonCode ?? 'no code'}). The function exists in state Failed; fix the cause and delete it, or deploy again to update it.`,
    );
  if (result.state === 'TIMEOUT')
    throw new DeployError(
      `Waited ${formatDuration(w.waitTimeoutMs)} (wait-timeout) for the new function ${w.functionName} to become Active; it is still Pending.`,
    );
  const reason = result.reason as unknown;
  throw new DeployError(
    `Waiting for the new function ${w.functionName} failed: ${reason instanceof Error ? reason.message : String(result.state)}`,
  );
}
