// deployStack against CloudFormation's documented answers: what moto never does (failed updates, rollbacks, stacks
// left ROLLBACK_COMPLETE or REVIEW_IN_PROGRESS, waits that time out) and what it does its own way.
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Change,
  type Output,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { DeployError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { deployStack } from '../src/deploy';
import type { StackDeployInputs } from '../src/inputs';
import {
  awsError,
  change,
  clients,
  CS_ID,
  event,
  memoryLog,
  missing,
  stack,
  STACK,
  STACK_ID,
  stackInputs,
} from './fixtures';

const cfn = mockClient(CloudFormationClient);
const client = new CloudFormationClient({ region: 'us-east-1' });

/** The stack as CloudFormation holds it: its status (undefined: none), events, and what executing does. */
let status: string | undefined;
let events: StackEvent[];
let outputs: Output[];
let onExecute: () => void;

function answer(changeSet: { Status: string; StatusReason?: string; Changes?: Change[] }) {
  cfn.on(DescribeChangeSetCommand).resolves({
    ChangeSetId: CS_ID,
    StackId: STACK_ID,
    StackName: STACK,
    ExecutionStatus: changeSet.Status === 'FAILED' ? 'UNAVAILABLE' : 'AVAILABLE',
    ...changeSet,
  } as never);
}

beforeEach(() => {
  cfn.reset();
  status = undefined;
  events = [];
  outputs = [];
  onExecute = () => {};
  cfn.on(DescribeStacksCommand).callsFake(() => {
    if (!status) throw missing();
    return stack(status, { Outputs: outputs });
  });
  cfn.on(DescribeStackEventsCommand).callsFake(() => ({ StackEvents: [...events].reverse() }));
  cfn.on(CreateChangeSetCommand).callsFake((input: { ChangeSetType: string }) => {
    if (input.ChangeSetType === 'CREATE') status = 'REVIEW_IN_PROGRESS';
    return { Id: CS_ID, StackId: STACK_ID };
  });
  cfn.on(ExecuteChangeSetCommand).callsFake(() => {
    onExecute();
    return {};
  });
  cfn.on(DeleteStackCommand).callsFake(() => {
    status = undefined;
    return {};
  });
  cfn.on(DeleteChangeSetCommand).resolves({});
});

const writes = () =>
  cfn
    .calls()
    .map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name.replace(/Command$/, ''))
    .filter((op) => !/^(Describe|List|Get)/.test(op));

async function deploy(i: StackDeployInputs = stackInputs(), extra: { timeoutMs?: number } = {}) {
  const log = memoryLog();
  const r = await deployStack({
    clients: clients(client),
    inputs: { ...i, ...(extra.timeoutMs && { timeoutMs: extra.timeoutMs }) },
    log,
    clock: fakeClock(Date.UTC(2026, 0, 1)),
    description: 'octo/orders@abc123',
    liveVersion: async () => '7',
    delays: { min: 1, max: 1 },
  });
  return { r, log: log.lines };
}

describe('deployStack', () => {
  it('creates a stack through a change set, printing its changes first', async () => {
    answer({
      Status: 'CREATE_COMPLETE',
      Changes: [
        change('Add', 'Api', 'AWS::Lambda::Function'),
        change('Add', 'Table', 'AWS::DynamoDB::Table'),
      ],
    });
    onExecute = () => {
      events.push(event(STACK, 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated'));
      events.push(event('Table', 'AWS::DynamoDB::Table', 'CREATE_COMPLETE'));
      status = 'CREATE_COMPLETE';
      outputs = [{ OutputKey: 'FunctionName', OutputValue: 'orders-prod' }];
    };
    const { r, log } = await deploy();
    expect(r).toMatchObject({
      changed: true,
      changeSetId: CS_ID,
      outputs: { FunctionName: 'orders-prod' },
      status: 'CREATE_COMPLETE',
    });
    expect(writes()).toEqual(['CreateChangeSet', 'ExecuteChangeSet']);
    const created = cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input;
    expect(created).toMatchObject({
      StackName: STACK,
      ChangeSetType: 'CREATE',
      Description: 'octo/orders@abc123',
    });
    expect(created.Parameters).toBeUndefined();
    const text = log.join('\n');
    expect(text.indexOf('Add     Api (AWS::Lambda::Function)')).toBeLessThan(
      text.indexOf('Executing change set'),
    );
    expect(text).toMatch(/Table \(AWS::DynamoDB::Table\) CREATE_COMPLETE/);
  });

  it("treats AWS's empty change set as success: changed false, the change set deleted, nothing executed", async () => {
    status = 'UPDATE_COMPLETE';
    outputs = [{ OutputKey: 'FunctionName', OutputValue: 'orders-prod' }];
    answer({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    const { r, log } = await deploy();
    expect(r).toMatchObject({ changed: false, changeSetId: '', outputs: { FunctionName: 'orders-prod' } });
    expect(writes()).toEqual(['CreateChangeSet', 'DeleteChangeSet']);
    expect(log.join('\n')).toMatch(/no changes \(The submitted information didn't contain changes/);
  });

  it('treats "No updates are to be performed." (UpdateStack\'s and moto\'s wording) as empty too', async () => {
    status = 'UPDATE_COMPLETE';
    cfn.on(CreateChangeSetCommand).rejects(awsError('ValidationError', 'No updates are to be performed.'));
    const { r } = await deploy();
    expect(r.changed).toBe(false);
    expect(writes()).toEqual(['CreateChangeSet']);
  });

  it('a change set that fails for another reason is an error with the reason, and is deleted', async () => {
    status = 'UPDATE_COMPLETE';
    answer({ Status: 'FAILED', StatusReason: 'Requires capabilities : [CAPABILITY_IAM]' });
    await expect(deploy()).rejects.toThrow(
      'Change set for stack orders failed: Requires capabilities : [CAPABILITY_IAM]. It was deleted; nothing was executed.',
    );
    expect(writes()).toEqual(['CreateChangeSet', 'DeleteChangeSet']);
  });

  it('executes a change set whose changes CloudFormation does not list (as moto answers after an update)', async () => {
    status = 'UPDATE_COMPLETE';
    answer({ Status: 'CREATE_COMPLETE', Changes: [] });
    onExecute = () => void (status = 'UPDATE_COMPLETE');
    const { r, log } = await deploy();
    expect(r).toMatchObject({ changed: true, changes: [] });
    expect(log).toContain('  (CloudFormation lists no resource changes)');
    expect(writes()).toEqual(['CreateChangeSet', 'ExecuteChangeSet']);
  });

  it('keeps the values of parameters not given on an update, and sends those given', async () => {
    status = 'UPDATE_COMPLETE';
    cfn
      .on(DescribeStacksCommand)
      .callsFake(() => stack(status!, { Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'prod' }] }));
    answer({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    await deploy();
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input.Parameters).toEqual([
      { ParameterKey: 'Stage', UsePreviousValue: true },
    ]);
    cfn.resetHistory();
    await deploy(stackInputs({ parameters: 'Stage=dev' }));
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input.Parameters).toEqual([
      { ParameterKey: 'Stage', ParameterValue: 'dev' },
    ]);
  });
});

describe('deployStack: failures reported with their cause', () => {
  it('a failed update names the first failed resource with its reason and the final stack status', async () => {
    status = 'UPDATE_COMPLETE';
    answer({
      Status: 'CREATE_COMPLETE',
      Changes: [change('Modify', 'Api', 'AWS::Lambda::Function', 'False')],
    });
    events.push(event(STACK, 'AWS::CloudFormation::Stack', 'CREATE_COMPLETE'));
    onExecute = () => {
      events.push(
        event(STACK, 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS', 'User Initiated'),
        event(
          'Api',
          'AWS::Lambda::Function',
          'UPDATE_FAILED',
          'Resource handler returned message: "Memory size 20000 exceeds the maximum of 10240" (RequestToken: 4f1d, HandlerErrorCode: InvalidRequest)',
        ),
        event('Table', 'AWS::DynamoDB::Table', 'UPDATE_FAILED', 'Resource update cancelled'),
        event(
          STACK,
          'AWS::CloudFormation::Stack',
          'UPDATE_ROLLBACK_IN_PROGRESS',
          'The following resource(s) failed to update: [Api].',
        ),
        event(STACK, 'AWS::CloudFormation::Stack', 'UPDATE_ROLLBACK_COMPLETE'),
      );
      status = 'UPDATE_ROLLBACK_COMPLETE';
    };
    const err = (await deploy().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DeployError);
    expect(err.message).toBe(
      'Stack orders update failed: Api (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "Memory size 20000 exceeds the maximum of 10240" (RequestToken: 4f1d, HandlerErrorCode: InvalidRequest). The stack is now UPDATE_ROLLBACK_COMPLETE.',
    );
  });

  it('a stack left ROLLBACK_COMPLETE is a clear error without recreate-failed, and nothing is written', async () => {
    status = 'ROLLBACK_COMPLETE';
    await expect(deploy()).rejects.toThrow(
      /Stack orders is ROLLBACK_COMPLETE: its creation failed.*Set recreate-failed: true to delete and create it again/,
    );
    expect(writes()).toEqual([]);
  });

  it('with recreate-failed, a ROLLBACK_COMPLETE stack is deleted, waited on, and created again', async () => {
    status = 'ROLLBACK_COMPLETE';
    answer({ Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Api', 'AWS::Lambda::Function')] });
    onExecute = () => void (status = 'CREATE_COMPLETE');
    const { r, log } = await deploy(stackInputs({ 'recreate-failed': 'true' }));
    expect(r.status).toBe('CREATE_COMPLETE');
    expect(writes()).toEqual(['DeleteStack', 'CreateChangeSet', 'ExecuteChangeSet']);
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]!.args[0].input.ChangeSetType).toBe('CREATE');
    expect(log[0]).toMatch(/ROLLBACK_COMPLETE .*recreate-failed: deleting it/);
  });

  it('a stack left REVIEW_IN_PROGRESS by an unexecuted create is deleted and created again', async () => {
    status = 'REVIEW_IN_PROGRESS';
    answer({ Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Api', 'AWS::Lambda::Function')] });
    onExecute = () => void (status = 'CREATE_COMPLETE');
    const { r, log } = await deploy();
    expect(r.changed).toBe(true);
    expect(writes()).toEqual(['DeleteStack', 'CreateChangeSet', 'ExecuteChangeSet']);
    expect(log[0]).toMatch(/REVIEW_IN_PROGRESS: a create change set was never executed/);
  });

  it('a wait that times out names the stack, stack-timeout and the status it is still in', async () => {
    status = 'UPDATE_COMPLETE';
    answer({
      Status: 'CREATE_COMPLETE',
      Changes: [change('Modify', 'Table', 'AWS::DynamoDB::Table', 'True')],
    });
    onExecute = () => void (status = 'UPDATE_IN_PROGRESS');
    await expect(deploy(stackInputs(), { timeoutMs: 2000 })).rejects.toThrow(
      'Waited 2s (stack-timeout) for stack orders; it is still UPDATE_IN_PROGRESS. It goes on in CloudFormation: run rollback with stack-name orders to cancel it.',
    );
  });

  it('an update started by someone else is refused before any write', async () => {
    status = 'UPDATE_IN_PROGRESS';
    await expect(deploy()).rejects.toThrow(
      'Stack orders is UPDATE_IN_PROGRESS: another operation is in progress',
    );
    expect(writes()).toEqual([]);
  });
});
