// deploy-green with stack-name, through the committed bundles against the AWS emulator: a stack created, updated
// with a change and updated with none; a function published after each stack update and its version shifted by
// shift-traffic; a template with its own alias refused before it executes, with nothing left behind.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { GetAliasCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { FN, ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
const STACK = 'orders-stack';

/**
 * A packaged template of the function's infrastructure. The emulator keeps functions a stack creates apart from
 * those its Lambda API serves (with Docker off), so the function here is the bed's own, named by function-name.
 */
function template(extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/orders/\${AWS::StackName}'
      RetentionInDays: 7
${extra}Outputs:
  LogGroup:
    Value: !Ref Logs
`;
}

function write(name: string, text: string): string {
  writeFileSync(join(bed.workspace, name), text);
  return name;
}

async function stackState() {
  const cfn = new CloudFormationClient(clientConfig(bed.moto.url));
  try {
    const s = await cfn.send(new DescribeStacksCommand({ StackName: STACK })).catch(() => undefined);
    const sets = await cfn.send(new ListChangeSetsCommand({ StackName: STACK })).catch(() => undefined);
    return { status: s?.Stacks?.[0]?.StackStatus ?? 'none', changeSets: sets?.Summaries?.length ?? 0 };
  } finally {
    cfn.destroy();
  }
}

/** The version alias live of `fn` serves, read from the emulator directly. */
async function liveOf(fn: string): Promise<string> {
  const lambda = new LambdaClient(clientConfig(bed.moto.url));
  try {
    return (await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: 'live' }))).FunctionVersion ?? '';
  } catch {
    return 'none';
  } finally {
    lambda.destroy();
  }
}

const QUEUE = `  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders-jobs
`;

describe('deploy-green with stack-name', () => {
  it('creates a stack, updates it with a change, then finds no change (changed false)', async () => {
    const stack = {
      'function-name': '',
      'stack-name': STACK,
      'template-file': write('stack.yaml', template()),
    };

    const created = await bed.run('deploy-green', node, stack);
    ok(created);
    expect(created.outputs).toMatchObject({ changed: 'true', 'stack-changed': 'true', 'green-version': '' });
    expect(created.outputs['change-set-id']).toMatch(/^arn:aws:cloudformation:.*:changeSet\/deploy-green-/);
    expect(created.writes).toEqual(['CreateChangeSet', 'ExecuteChangeSet']);
    expect(created.stdout).toMatch(/Add\s+Logs \(AWS::Logs::LogGroup\)/);
    expect(created.summary).toMatch(/\| Add \| Logs \| AWS::Logs::LogGroup \| - \|/);
    expect(await stackState()).toMatchObject({ status: 'CREATE_COMPLETE' });

    const changed = { ...stack, 'template-file': write('stack-queue.yaml', template(QUEUE)) };
    const updated = await bed.run('deploy-green', node, changed);
    ok(updated);
    expect(updated.outputs).toMatchObject({ changed: 'true', 'stack-changed': 'true' });
    expect(updated.writes).toEqual(['CreateChangeSet', 'ExecuteChangeSet']);
    expect(updated.stdout).toMatch(/Add\s+Jobs \(AWS::SQS::Queue\)/);
    expect(await stackState()).toMatchObject({ status: 'UPDATE_COMPLETE' });

    // As AWS does, the emulator fails an empty change set (it is deleted again: only the two executed remain).
    const same = await bed.run('deploy-green', node, changed);
    ok(same);
    expect(same.outputs).toMatchObject({ changed: 'false', 'stack-changed': 'false', 'change-set-id': '' });
    expect(same.writes).toEqual(['CreateChangeSet', 'DeleteChangeSet']);
    expect(same.stdout).toMatch(
      /Stack orders-stack: no changes \(The submitted information didn't contain changes/,
    );
    expect(same.summary).toMatch(/Stack orders-stack: no changes/);
    expect(await stackState()).toEqual({ status: 'UPDATE_COMPLETE', changeSets: 2 });
  });

  it('publishes the function after each stack update, and shift-traffic moves the alias to the new version', async () => {
    const inputs = {
      'function-name': FN,
      'stack-name': STACK,
      'template-file': write('stack-fn.yaml', template()),
    };

    const first = await bed.run('deploy-green', node, { ...inputs, 'zip-file': bed.zip() });
    ok(first);
    expect(first.outputs).toMatchObject({
      'green-version': '1',
      'alias-created': 'true',
      'stack-changed': 'true',
    });
    expect(first.writes.slice(0, 2)).toEqual(['CreateChangeSet', 'ExecuteChangeSet']);

    // The stack owns the queue, deploy-green the code and the version.
    const more = { ...inputs, 'template-file': write('stack-fn-queue.yaml', template(QUEUE)) };
    const second = await bed.run('deploy-green', node, { ...more, 'zip-file': bed.zip() });
    ok(second);
    expect(second.outputs).toMatchObject({
      'green-version': '2',
      'blue-version': '1',
      'stack-changed': 'true',
    });
    expect(await liveOf(FN)).toBe('1');

    const shifted = await bed.run('shift-traffic', node, {
      'function-name': FN,
      'green-version': second.outputs['green-version']!,
      steps: '50,100',
      'bake-time': '0',
    });
    ok(shifted);
    expect(shifted.outputs).toMatchObject({ status: 'promoted', 'green-version': '2', 'blue-version': '1' });
    expect(await liveOf(FN)).toBe('2');
  });

  it('refuses a template whose alias the stack would move, and leaves no stack nor change set behind', async () => {
    const alias = `  Live:
    Type: AWS::Lambda::Alias
    Properties:
      FunctionName: ${FN}
      FunctionVersion: '1'
      Name: live
`;
    const file = write('stack-alias.yaml', template(alias));
    const r = await bed.run('deploy-green', node, {
      'function-name': FN,
      'stack-name': STACK,
      'template-file': file,
    });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/Stack orders-stack: resource Live \(AWS::Lambda::Alias\) would change/);
    expect(r.errors[0]).toMatch(
      /remove the alias from the template.*or make its FunctionVersion !Ref a template parameter/,
    );
    expect(r.writes).toEqual(['CreateChangeSet', 'DeleteChangeSet', 'DeleteStack']);
    expect(await stackState()).toEqual({ status: 'none', changeSets: 0 });
    expect(await liveOf(FN)).toBe('none');
  });
});
