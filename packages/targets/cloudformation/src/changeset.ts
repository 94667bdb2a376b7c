// One change set: created, waited on, listed (action, logical id, type, replacement), and deleted again when it is
// empty or refused, so that nothing is left behind.
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  waitForChangeSetCreateComplete,
  type CloudFormationClient,
  type CreateChangeSetInput,
  type DescribeChangeSetOutput,
  type ResourceChange,
} from '@aws-sdk/client-cloudformation';
import { awsErrorName, DeployError, errorMessage, type Log } from '@deploy-actions/core';
import { waitStack, type WaitOptions } from './stack';

export interface Change {
  action: string;
  logicalId: string;
  type: string;
  replacement: string;
}

export type Created =
  { kind: 'empty'; id?: string; reason: string } | { kind: 'ready'; id: string; changes: Change[] };

// An empty change set FAILS with "The submitted information didn't contain changes. Submit different information
// to create a change set." (https://github.com/aws-cloudformation/rain/issues/94); UpdateStack, and moto's
// CreateChangeSet, say "No updates are to be performed.".
const EMPTY = /didn't contain changes|No updates are to be performed/i;

/** Creates the change set and waits for it; an empty one is deleted again (and its REVIEW stack on a create). */
export async function createChangeSet(
  o: WaitOptions,
  input: CreateChangeSetInput,
  log: Log,
): Promise<Created> {
  let id: string;
  try {
    id = (await o.cfn.send(new CreateChangeSetCommand(input))).Id ?? '';
  } catch (err) {
    if (awsErrorName(err) === 'ValidationError' && EMPTY.test(errorMessage(err)))
      return { kind: 'empty', reason: errorMessage(err) };
    throw err;
  }
  log.info(
    `Change set ${input.ChangeSetName} created (${input.ChangeSetType}); waiting for CloudFormation to list its changes.`,
  );
  const waited = await waitForChangeSetCreateComplete(
    {
      client: o.cfn,
      maxWaitTime: Math.max(2, Math.ceil(o.timeoutMs / 1000)),
      minDelay: o.delays?.min ?? 2,
      maxDelay: o.delays?.max ?? 10,
    },
    { ChangeSetName: id, StackName: o.stack },
  );
  const described = await describeAll(o.cfn, id, o.stack);
  if (described.Status === 'FAILED') {
    const reason = described.StatusReason ?? 'no reason given';
    await discard(o, id, input.ChangeSetType === 'CREATE');
    if (EMPTY.test(reason)) return { kind: 'empty', id, reason };
    throw new DeployError(
      `Change set for stack ${o.stack} failed: ${reason}. It was deleted; nothing was executed.`,
    );
  }
  if (waited.state !== 'SUCCESS') {
    await discard(o, id, input.ChangeSetType === 'CREATE');
    throw new DeployError(
      `Change set for stack ${o.stack} was not ready in time (${described.Status ?? waited.state}); it was deleted and nothing was executed.`,
    );
  }
  return { kind: 'ready', id, changes: (described.Changes ?? []).map((c) => toChange(c.ResourceChange)) };
}

/** Every page of the change set's changes (DescribeChangeSet lists them a page at a time). */
async function describeAll(
  cfn: CloudFormationClient,
  id: string,
  stack: string,
): Promise<DescribeChangeSetOutput> {
  let first: DescribeChangeSetOutput | undefined;
  let token: string | undefined;
  do {
    const page = await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: id, StackName: stack, NextToken: token }),
    );
    if (!first) first = page;
    else first.Changes = [...(first.Changes ?? []), ...(page.Changes ?? [])];
    token = page.NextToken;
  } while (token);
  return first!;
}

function toChange(r: ResourceChange | undefined): Change {
  return {
    action: r?.Action ?? '',
    logicalId: r?.LogicalResourceId ?? '',
    type: r?.ResourceType ?? '',
    // Replacement is given for Modify only: True, False or Conditional.
    replacement: r?.Action === 'Modify' ? (r.Replacement ?? 'unknown') : '',
  };
}

/**
 * Deletes an unexecuted change set; a create's leaves its stack in REVIEW_IN_PROGRESS, which is deleted too
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-delete.html).
 */
export async function discard(o: WaitOptions, id: string, create: boolean): Promise<void> {
  await o.cfn.send(new DeleteChangeSetCommand({ ChangeSetName: id, StackName: o.stack }));
  if (create) {
    await o.cfn.send(new DeleteStackCommand({ StackName: o.stack }));
    await waitStack({ ...o, timeoutMs: Math.min(o.timeoutMs, 600_000) }, 'delete', undefined).catch(
      (err: unknown) => {
        o.log.warning(`Stack ${o.stack} (REVIEW_IN_PROGRESS) may not be deleted yet: ${errorMessage(err)}`);
      },
    );
  }
}

/** The changes as log lines. */
export function changeLines(changes: Change[]): string[] {
  if (!changes.length) return ['  (CloudFormation lists no resource changes)'];
  return changes.map(
    (c) =>
      `  ${c.action.padEnd(7)} ${c.logicalId} (${c.type})${c.replacement ? ` replacement: ${c.replacement}` : ''}`,
  );
}
