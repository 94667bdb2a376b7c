// rollback with stack-name: an update in progress is cancelled, a rollback that failed is continued; either way the
// stack ends UPDATE_ROLLBACK_COMPLETE, on its previous template.
import {
  CancelUpdateStackCommand,
  ContinueUpdateRollbackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { DeployError, type Log } from '@deploy-actions/core';
import { describeStack, lastEventId, waitStack, type WaitOptions } from './stack';

export interface RecoverOptions {
  cfn: CloudFormationClient;
  stack: string;
  resourcesToSkip: string[];
  timeoutMs: number;
  log: Log;
  delays?: WaitOptions['delays'];
}

export interface Recovered {
  before: string;
  after: string;
  /** What was done: cancelled, continued, waited, or nothing. */
  action: 'cancelled' | 'continued' | 'waited' | 'nothing';
}

// States a stack rests in: nothing to roll back.
const AT_REST =
  /^(CREATE_COMPLETE|UPDATE_COMPLETE|UPDATE_ROLLBACK_COMPLETE|IMPORT_COMPLETE|IMPORT_ROLLBACK_COMPLETE)$/;

export async function recoverStack(o: RecoverOptions): Promise<Recovered> {
  const w: WaitOptions = {
    cfn: o.cfn,
    stack: o.stack,
    log: o.log,
    timeoutMs: o.timeoutMs,
    ...(o.delays && { delays: o.delays }),
  };
  const stack = await describeStack(o.cfn, o.stack);
  if (!stack)
    throw new DeployError(`Stack ${o.stack} does not exist in this account and region. Nothing was changed.`);
  const before = stack.StackStatus ?? '';
  if (o.resourcesToSkip.length && before !== 'UPDATE_ROLLBACK_FAILED')
    throw new DeployError(
      `resources-to-skip applies to a stack in UPDATE_ROLLBACK_FAILED; stack ${o.stack} is ${before}. Nothing was changed.`,
    );
  const since = await lastEventId(o.cfn, o.stack);
  let action: Recovered['action'];
  if (before === 'UPDATE_IN_PROGRESS') {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CancelUpdateStack.html
    await o.cfn.send(new CancelUpdateStackCommand({ StackName: o.stack }));
    o.log.info(`Stack ${o.stack} was UPDATE_IN_PROGRESS: update cancelled; waiting for its rollback.`);
    action = 'cancelled';
  } else if (before === 'UPDATE_ROLLBACK_FAILED') {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html
    await o.cfn.send(
      new ContinueUpdateRollbackCommand({
        StackName: o.stack,
        ...(o.resourcesToSkip.length && { ResourcesToSkip: o.resourcesToSkip }),
      }),
    );
    const skipped = o.resourcesToSkip.length ? `, skipping ${o.resourcesToSkip.join(', ')}` : '';
    o.log.info(`Stack ${o.stack} was UPDATE_ROLLBACK_FAILED: rollback continued${skipped}; waiting for it.`);
    action = 'continued';
  } else if (/^UPDATE_ROLLBACK_(COMPLETE_CLEANUP_)?IN_PROGRESS$/.test(before)) {
    o.log.info(`Stack ${o.stack} is already ${before}; waiting for its rollback.`);
    action = 'waited';
  } else if (AT_REST.test(before)) {
    o.log.info(
      `Stack ${o.stack} is ${before}: no update in progress and no failed rollback, nothing to roll back.`,
    );
    return { before, after: before, action: 'nothing' };
  } else {
    throw new DeployError(
      `Stack ${o.stack} is ${before}: rollback cancels an update in progress or continues a failed rollback, neither applies. Nothing was changed.`,
    );
  }
  await waitStack(w, 'rollback', since);
  const after = (await describeStack(o.cfn, o.stack))?.StackStatus ?? '';
  o.log.info(`Stack ${o.stack} is ${after}.`);
  return { before, after, action };
}
