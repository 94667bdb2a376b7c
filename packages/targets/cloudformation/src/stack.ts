// Reading a stack, waiting on it with the SDK's waiters while its events stream into the log, and saying why it
// failed: the first failed resource with its reason, and the stack's final status.
import {
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  waitForStackCreateComplete,
  waitForStackDeleteComplete,
  waitForStackRollbackComplete,
  waitForStackUpdateComplete,
  type CloudFormationClient,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { awsErrorName, DeployError, errorMessage, formatDuration, type Log } from '@deploy-actions/core';

export interface WaitOptions {
  cfn: CloudFormationClient;
  stack: string;
  log: Log;
  timeoutMs: number;
  /** Seconds between checks; CloudFormation's own waiters use 30s. */
  delays?: { min: number; max: number };
}

/** The stack, or undefined when none of that name exists (DescribeStacks answers ValidationError). */
export async function describeStack(cfn: CloudFormationClient, stack: string): Promise<Stack | undefined> {
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
    return out.Stacks?.[0];
  } catch (err) {
    if (awsErrorName(err) === 'ValidationError' && /does not exist/i.test(errorMessage(err)))
      return undefined;
    throw err;
  }
}

/** The newest event's id: events after it belong to the operation about to start. */
export async function lastEventId(cfn: CloudFormationClient, stack: string): Promise<string | undefined> {
  const out = await cfn.send(new DescribeStackEventsCommand({ StackName: stack }));
  return out.StackEvents?.[0]?.EventId;
}

/** Events newer than `since`, oldest first (DescribeStackEvents lists newest first, a page at a time). */
async function eventsSince(cfn: CloudFormationClient, stack: string, since?: string): Promise<StackEvent[]> {
  const found: StackEvent[] = [];
  let token: string | undefined;
  do {
    const out = await cfn.send(new DescribeStackEventsCommand({ StackName: stack, NextToken: token }));
    for (const e of out.StackEvents ?? []) {
      if (since && e.EventId === since) return found.reverse();
      found.push(e);
    }
    token = out.NextToken;
  } while (token && found.length < 1000);
  return found.reverse();
}

function eventLine(e: StackEvent): string {
  const reason = e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : '';
  return `  ${e.LogicalResourceId} (${e.ResourceType}) ${e.ResourceStatus}${reason}`;
}

type Waiter = typeof waitForStackUpdateComplete;
const WAITERS: Record<'create' | 'update' | 'delete' | 'rollback', Waiter> = {
  create: waitForStackCreateComplete,
  update: waitForStackUpdateComplete,
  delete: waitForStackDeleteComplete,
  // Waits for UPDATE_ROLLBACK_COMPLETE after a cancel or a continued rollback.
  rollback: waitForStackRollbackComplete,
};

/**
 * Waits with the SDK's waiter under `timeoutMs` while printing the stack's new events; a stack that ends
 * anywhere but the wanted status is a DeployError naming the first failed resource and the final status.
 */
export async function waitStack(
  o: WaitOptions,
  kind: keyof typeof WAITERS,
  since: string | undefined,
): Promise<StackEvent[]> {
  const seen: StackEvent[] = [];
  let last = since;
  const flush = async () => {
    const fresh = await eventsSince(o.cfn, o.stack, last).catch(() => []);
    for (const e of fresh) o.log.info(eventLine(e));
    if (fresh.length) last = fresh[fresh.length - 1]!.EventId;
    seen.push(...fresh);
  };
  const delays = o.delays ?? { min: 5, max: 30 };
  let done = false;
  const streaming = (async () => {
    while (!done) {
      await flush();
      await sleepUnless(() => done, delays.min * 1000);
    }
  })();
  let result: Awaited<ReturnType<Waiter>>;
  try {
    result = await WAITERS[kind](
      {
        client: o.cfn,
        maxWaitTime: Math.max(2, Math.ceil(o.timeoutMs / 1000)),
        minDelay: delays.min,
        maxDelay: delays.max,
      },
      { StackName: o.stack },
    );
  } finally {
    done = true;
    await streaming;
  }
  await flush();
  if (result.state === 'SUCCESS') return seen;
  const now = kind === 'delete' ? undefined : await describeStack(o.cfn, o.stack).catch(() => undefined);
  if (result.state === 'TIMEOUT')
    throw new DeployError(
      `Waited ${formatDuration(o.timeoutMs)} (stack-timeout) for stack ${o.stack}; it is still ${now?.StackStatus ?? 'in progress'}. It goes on in CloudFormation: run rollback with stack-name ${o.stack} to cancel it.`,
    );
  throw failure(o.stack, kind, seen, now);
}

/** The first resource that failed, with CloudFormation's reason, and where the stack ended. */
export function failure(stack: string, kind: string, events: StackEvent[], now?: Stack): DeployError {
  const first = events.find((e) => /FAILED$/.test(e.ResourceStatus ?? '') && e.LogicalResourceId !== stack);
  const cause = first
    ? `${first.LogicalResourceId} (${first.ResourceType}) ${first.ResourceStatus}: ${first.ResourceStatusReason ?? 'no reason given'}`
    : 'no failed resource was reported';
  const status = now
    ? `${now.StackStatus}${now.StackStatusReason ? ` (${now.StackStatusReason})` : ''}`
    : 'unknown';
  return new DeployError(`Stack ${stack} ${kind} failed: ${cause}. The stack is now ${status}.`);
}

function sleepUnless(stop: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => (stop() || Date.now() - started >= ms ? resolve() : setTimeout(tick, 50));
    tick();
  });
}
