// A stack created or updated through one change set, its changes printed before it executes.
import {
  DeleteStackCommand,
  ExecuteChangeSetCommand,
  type Capability,
  type CreateChangeSetInput,
  type Parameter,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { DeployError, type Clock, type Log } from '@deploy-actions/core';
import { changeLines, createChangeSet, discard, type Change } from './changeset';
import type { StackClients } from './clients';
import type { StackDeployInputs } from './inputs';
import { resolveAlarmArns } from './alarms';
import { aliasRefusal } from './template';
import { templateSource } from './upload';
import { describeStack, lastEventId, waitStack, type WaitOptions } from './stack';

export interface StackDeployOptions {
  clients: StackClients;
  inputs: StackDeployInputs;
  log: Log;
  clock: Clock;
  description: string;
  /** The live version for parameters holding an alias's FunctionVersion; undefined when there is none yet. */
  liveVersion(existing: Stack | undefined): Promise<string | undefined>;
  delays?: WaitOptions['delays'];
}

export interface StackResult {
  changed: boolean;
  changeSetId: string;
  changes: Change[];
  outputs: Record<string, string>;
  status: string;
}

export async function deployStack(o: StackDeployOptions): Promise<StackResult> {
  const { inputs: i, log } = o;
  const w: WaitOptions = {
    cfn: o.clients.cfn,
    stack: i.stackName,
    log,
    timeoutMs: i.timeoutMs,
    ...(o.delays && { delays: o.delays }),
  };
  const existing = await prepare(w, i.recreateFailed);
  const type = existing ? 'UPDATE' : 'CREATE';
  const parameters = await parametersFor(o, existing);
  const triggers = await resolveAlarmArns(o.clients, i.rollbackAlarms);
  const source = await templateSource(o.clients, i, o.clock);
  const name = `deploy-green-${o.clock.now()}`;
  const created = await createChangeSet(
    w,
    { ...changeSetInput(o, name, type, parameters, triggers), ...source },
    log,
  );
  if (created.kind === 'empty') {
    log.info(`Stack ${i.stackName}: no changes (${created.reason}); nothing executed.`);
    return {
      changed: false,
      changeSetId: '',
      changes: [],
      outputs: outputsOf(existing),
      status: existing?.StackStatus ?? '',
    };
  }
  log.info(`Change set ${name} for stack ${i.stackName}:`);
  for (const line of changeLines(created.changes)) log.info(line);
  const moved = created.changes.find(
    (c) => c.type === 'AWS::Lambda::Alias' && !i.plan.heldAliases.includes(c.logicalId),
  );
  if (moved) {
    await discard(w, created.id, type === 'CREATE');
    throw aliasRefusal(i.stackName, moved.logicalId, i.plan);
  }
  const since = await lastEventId(w.cfn, i.stackName);
  await w.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.id, StackName: i.stackName }));
  log.info(
    `Executing change set ${name}; waiting at most ${Math.round(i.timeoutMs / 60_000)}m (stack-timeout).`,
  );
  await waitStack(w, type === 'CREATE' ? 'create' : 'update', since);
  const after = await describeStack(w.cfn, i.stackName);
  log.info(`Stack ${i.stackName} is ${after?.StackStatus}.`);
  return {
    changed: true,
    changeSetId: created.id,
    changes: created.changes,
    outputs: outputsOf(after),
    status: after?.StackStatus ?? '',
  };
}

function changeSetInput(
  o: StackDeployOptions,
  name: string,
  type: 'CREATE' | 'UPDATE',
  parameters: Parameter[] | undefined,
  triggers: string[],
): CreateChangeSetInput {
  const { inputs: i } = o;
  return {
    StackName: i.stackName,
    ChangeSetName: name,
    ChangeSetType: type,
    Parameters: parameters,
    Capabilities: i.capabilities.length ? (i.capabilities as Capability[]) : undefined,
    Tags: i.tags.length ? i.tags : undefined,
    RoleARN: i.roleArn,
    Description: o.description.slice(0, 1024) || undefined,
    // Native rollback triggers: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-rollback-triggers.html
    ...((triggers.length || i.monitoringMinutes !== undefined) && {
      RollbackConfiguration: {
        RollbackTriggers: triggers.map((Arn) => ({ Arn, Type: 'AWS::CloudWatch::Alarm' })),
        MonitoringTimeInMinutes: i.monitoringMinutes,
      },
    }),
  };
}

// Stack status codes: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes
const UPDATABLE =
  /^(CREATE_COMPLETE|UPDATE_COMPLETE|UPDATE_ROLLBACK_COMPLETE|IMPORT_COMPLETE|IMPORT_ROLLBACK_COMPLETE)$/;

/**
 * The stack to update, or undefined to create one. An unexecuted create (REVIEW_IN_PROGRESS) is deleted and made
 * again; a failed create (ROLLBACK_COMPLETE) can only be deleted, which recreate-failed allows.
 */
async function prepare(w: WaitOptions, recreateFailed: boolean): Promise<Stack | undefined> {
  const stack = await describeStack(w.cfn, w.stack);
  const status = stack?.StackStatus ?? '';
  if (!stack || status === 'DELETE_COMPLETE') return undefined;
  if (UPDATABLE.test(status)) return stack;
  if (status === 'REVIEW_IN_PROGRESS') {
    w.log.info(
      `Stack ${w.stack} is REVIEW_IN_PROGRESS: a create change set was never executed. Deleting it to create the stack again.`,
    );
    return recreate(w);
  }
  if (status === 'ROLLBACK_COMPLETE') {
    if (!recreateFailed)
      throw new DeployError(
        `Stack ${w.stack} is ROLLBACK_COMPLETE: its creation failed and CloudFormation cannot update it, only delete it. Set recreate-failed: true to delete and create it again, or delete it yourself. Nothing was changed.`,
      );
    w.log.info(
      `Stack ${w.stack} is ROLLBACK_COMPLETE (its creation failed); recreate-failed: deleting it to create it again.`,
    );
    return recreate(w);
  }
  if (status === 'UPDATE_ROLLBACK_FAILED')
    throw new DeployError(
      `Stack ${w.stack} is UPDATE_ROLLBACK_FAILED: run rollback with stack-name ${w.stack} (and resources-to-skip if needed) to finish its rollback first. Nothing was changed.`,
    );
  throw new DeployError(
    `Stack ${w.stack} is ${status}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}: another operation is in progress or the stack needs attention. Nothing was changed.`,
  );
}

async function recreate(w: WaitOptions): Promise<undefined> {
  const since = await lastEventId(w.cfn, w.stack);
  await w.cfn.send(new DeleteStackCommand({ StackName: w.stack }));
  await waitStack(w, 'delete', since);
  return undefined;
}

/**
 * The parameters given; on an update, the stack's others keep their values (as `aws cloudformation deploy`
 * does). Those holding an alias's FunctionVersion get the live version.
 */
async function parametersFor(
  o: StackDeployOptions,
  existing: Stack | undefined,
): Promise<Parameter[] | undefined> {
  const { inputs: i } = o;
  const values = new Map(i.parameters);
  if (i.plan.versionParameters.length) {
    const live = await o.liveVersion(existing);
    for (const p of i.plan.versionParameters) {
      if (live === undefined) continue;
      o.log.info(`Parameter ${p} holds the alias's FunctionVersion: set to the live version ${live}.`);
      values.set(p, live);
    }
  }
  const before = new Set((existing?.Parameters ?? []).map((p) => p.ParameterKey));
  const out: Parameter[] = [];
  for (const [key, { hasDefault }] of i.template.parameters) {
    if (values.has(key)) out.push({ ParameterKey: key, ParameterValue: values.get(key) });
    else if (before.has(key)) out.push({ ParameterKey: key, UsePreviousValue: true });
    else if (!hasDefault)
      throw new DeployError(
        `Stack ${i.stackName}: template parameter ${key} has no Default and is not given in parameters. Nothing was changed.`,
      );
  }
  return out.length ? out : undefined;
}

export function outputsOf(stack: Stack | undefined): Record<string, string> {
  return Object.fromEntries((stack?.Outputs ?? []).map((x) => [x.OutputKey ?? '', x.OutputValue ?? '']));
}
