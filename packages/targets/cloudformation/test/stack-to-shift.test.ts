// A stack's function released through its outputs: deploy-green with stack-name and function-output (or
// version-output), then shift-traffic with the green-version it gave, as a workflow chains the two steps. moto
// leaves stack outputs empty, so CloudFormation answers here in AWS's shapes; Lambda is the fake.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Output,
} from '@aws-sdk/client-cloudformation';
import { PublishVersionCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { runDeployGreen } from '@deploy-actions/release/run/deploy-green';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { fakeClock, memoryRuntime } from '@deploy-actions/testbed/runtime';
import { fakeLambda } from '../../lambda/test/fake-lambda';
import { targets } from '../../../../actions/targets';
import { change, CS_ID, event, stack, STACK, STACK_ID } from './fixtures';

const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

// What `sam package` leaves: code in S3, the function's ARN (and, with a version resource, its version) as outputs.
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: orders
      CodeUri: s3://artifacts/orders/def456.zip
      Handler: index.handler
      Runtime: nodejs22.x
  ApiVersion:
    Type: AWS::Lambda::Version
    Properties: { FunctionName: !Ref Api }
Outputs:
  FunctionArn:
    Value: !GetAtt Api.Arn
  Version:
    Value: !Ref ApiVersion
`;

const cfn = mockClient(CloudFormationClient);
let aws: ReturnType<typeof fakeLambda>;
let status: string;
let outputs: Output[];
let onExecute: () => Promise<void> | void;
let workspace: string;

beforeEach(() => {
  cfn.reset();
  aws = fakeLambda();
  status = 'UPDATE_COMPLETE';
  outputs = [{ OutputKey: 'FunctionArn', OutputValue: FN_ARN }];
  workspace = mkdtempSync(join(tmpdir(), 'stack-chain-'));
  writeFileSync(join(workspace, 'template.yaml'), TEMPLATE);
  cfn.on(DescribeStacksCommand).callsFake(() => stack(status, { Outputs: outputs }));
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cfn.on(CreateChangeSetCommand).resolves({ Id: CS_ID, StackId: STACK_ID });
  cfn.on(DescribeChangeSetCommand).resolves({
    ChangeSetId: CS_ID,
    StackId: STACK_ID,
    StackName: STACK,
    Status: 'CREATE_COMPLETE',
    ExecutionStatus: 'AVAILABLE',
    Changes: [change('Modify', 'Api', 'AWS::Lambda::Function', 'False')],
  });
  cfn.on(ExecuteChangeSetCommand).callsFake(async () => {
    await onExecute();
    status = 'UPDATE_COMPLETE';
    return {};
  });
});
afterEach(() => aws.mock.restore());

/** The stack update replaces the function's code, as CloudFormation's UpdateFunctionCode does. */
function stackUpdatesCode(): void {
  aws.state.latest = { ...aws.state.latest, CodeSha256: 'c3RhY2stY29kZQ==', RevisionId: randomUUID() };
}

/** deploy-green with the stack, its function named by the FunctionArn output. */
async function deployGreen(more: Record<string, string> = {}) {
  const rt = memoryRuntime({
    'stack-name': STACK,
    'template-file': 'template.yaml',
    'function-output': 'FunctionArn',
    ...more,
  });
  rt.env.GITHUB_WORKSPACE = workspace;
  await runDeployGreen(rt, targets, { clients: { lambda: async () => aws.client }, clock: fakeClock() });
  return rt;
}

/**
 * shift-traffic 10% then 100% with the green-version deploy-green gave: it promotes, the canary kept 90% on
 * blue (the version the alias served before), and the alias ends on green alone.
 */
async function shiftPromotes(green: string, blue: string) {
  const clock = fakeClock();
  const splits: ReturnType<typeof aws.alias>[] = [];
  clock.onSleep = () => void splits.push(aws.alias());
  const rt = memoryRuntime({
    'function-name': 'orders',
    'green-version': green,
    steps: '10,100',
    'bake-time': '1m',
  });
  await runShiftTrafficStep(rt, targets, { clients: { lambda: async () => aws.client }, clock });
  expect(rt.failed).toBeUndefined();
  expect(rt.outputs).toMatchObject({ status: 'promoted', 'blue-version': blue, 'green-version': green });
  expect(splits[0]).toEqual({ version: blue, weights: { [green]: 0.1 } });
  expect(aws.alias()).toEqual({ version: green, weights: {} });
}
const fnNames = () =>
  aws.mock.calls().map((c) => (c.args[0].input as { FunctionName?: string }).FunctionName);

describe('a stack version chained into shift-traffic through its outputs', () => {
  it('function-output: the function named by the stack output is published after the stack, and shift-traffic moves its alias to that version', async () => {
    aws.seed(1, { version: '1' });
    onExecute = () => {
      stackUpdatesCode();
      cfn
        .on(DescribeStackEventsCommand)
        .resolves({ StackEvents: [event('Api', 'AWS::Lambda::Function', 'UPDATE_COMPLETE')] });
    };
    const green = await deployGreen();
    expect(green.failed).toBeUndefined();
    expect(green.outputs).toMatchObject({
      'green-version': '2',
      'blue-version': '1',
      changed: 'true',
      'stack-changed': 'true',
      'change-set-id': CS_ID,
      'stack-outputs': JSON.stringify({ FunctionArn: FN_ARN }),
    });
    // The ARN in the output names the function; deploy-green leaves the alias alone.
    expect(new Set(fnNames())).toEqual(new Set(['orders']));
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    expect(green.log).toEqual(
      expect.arrayContaining([
        '  Api (AWS::Lambda::Function) UPDATE_COMPLETE',
        'Publishing a version of orders, the function of stack orders.',
      ]),
    );

    await shiftPromotes(green.outputs['green-version']!, '1');
  });

  it('version-output: the version the stack published is green, nothing more is published, and shift-traffic moves the alias to it', async () => {
    aws.seed(2, { version: '2' });
    onExecute = async () => {
      // The stack's AWS::Lambda::Version publishes the updated code as version 3.
      stackUpdatesCode();
      const v = await aws.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
      outputs = [
        { OutputKey: 'FunctionArn', OutputValue: FN_ARN },
        { OutputKey: 'Version', OutputValue: `${FN_ARN}:${v.Version}` },
      ];
    };
    const green = await deployGreen({ 'version-output': 'Version' });
    expect(green.failed).toBeUndefined();
    expect(green.outputs).toMatchObject({
      'green-version': '3',
      'blue-version': '2',
      changed: 'true',
      'alias-created': 'false',
    });
    expect(aws.state.calls.filter((c) => c === 'PublishVersion')).toHaveLength(1);
    expect(aws.state.versions.size).toBe(3);
    expect(aws.alias()).toEqual({ version: '2', weights: {} });

    await shiftPromotes(green.outputs['green-version']!, '2');
  });

  it('an output the stack does not have fails deploy-green naming it, and publishes nothing', async () => {
    aws.seed(1, { version: '1' });
    onExecute = stackUpdatesCode;
    const green = await deployGreen({ 'version-output': 'Version' });
    expect(green.failed).toBe(
      'Stack orders has no output Version (version-output); its outputs: FunctionArn. Add the output to the template, or give function-name.',
    );
    expect(green.outputs['green-version']).toBeUndefined();
    expect(aws.state.versions.size).toBe(1);
  });
});
