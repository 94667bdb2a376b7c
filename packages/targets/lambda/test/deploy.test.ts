import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import {
  CreateAliasCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  ResourceConflictException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { ConcurrentChangeError, DeployError } from '@deploy-actions/core';
import { deployGreen, type DeployOptions } from '../src/deploy';
import { fakeLambda } from './fake-lambda';
import { fakeClock } from '@deploy-actions/testbed/clock';

let aws: ReturnType<typeof fakeLambda>;
let log: string[];

beforeEach(() => {
  aws = fakeLambda();
  log = [];
});
afterEach(() => aws.mock.restore());

const zip = (text: string) => ({
  kind: 'zip' as const,
  zip: new TextEncoder().encode(text),
  path: 'build/orders.zip',
});

function options(over: Partial<DeployOptions> = {}): DeployOptions {
  return {
    lambda: aws.client,
    functionName: 'orders',
    alias: 'live',
    source: zip('new code'),
    description: 'abc123',
    waitTimeoutMs: 60_000,
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    clock: fakeClock(),
    ...over,
  };
}

const writes = () =>
  [UpdateFunctionCodeCommand, PublishVersionCommand, CreateAliasCommand, UpdateAliasCommand].flatMap((c) =>
    aws.mock.commandCalls(c as never),
  );

describe('deployGreen', () => {
  it('first deploy: updates code, waits, publishes the hash it saw and creates the alias on it', async () => {
    aws.state.inProgressPolls = 1;
    const r = await deployGreen(options());
    expect(r).toMatchObject({ greenVersion: '1', blueVersion: '', changed: true, aliasCreated: true });
    const update = aws.mock.commandCalls(UpdateFunctionCodeCommand)[0].args[0].input;
    expect(update.RevisionId).toBeDefined();
    const publish = aws.mock.commandCalls(PublishVersionCommand)[0].args[0].input;
    expect(publish.CodeSha256).toBe(aws.state.latest.CodeSha256);
    expect(publish.Description).toBe('abc123');
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    // The waiter polled through InProgress before publishing.
    expect(aws.state.calls.indexOf('PublishVersion')).toBeGreaterThan(
      aws.state.calls.lastIndexOf('GetFunctionConfiguration') - 1,
    );
    expect(aws.state.pollsLeft).toBe(0);
  });

  it('later deploy: publishes green without touching the alias', async () => {
    aws.seed(1, { version: '1' });
    const r = await deployGreen(options());
    expect(r).toMatchObject({ greenVersion: '2', blueVersion: '1', changed: true, aliasCreated: false });
    expect(aws.mock.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(aws.mock.commandCalls(CreateAliasCommand)).toHaveLength(0);
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
  });

  it('reports changed=false when AWS returns the version already live (nothing changed)', async () => {
    aws.seed(1, { version: '1' });
    const r = await deployGreen(options({ source: { kind: 'none' } }));
    expect(r).toMatchObject({ greenVersion: '1', blueVersion: '1', changed: false });
  });

  it('waits and retries when UpdateFunctionCode meets an update in progress (409)', async () => {
    aws.seed(1, { version: '1' });
    aws.state.failNext.set('UpdateFunctionCode', [
      new ResourceConflictException({
        message:
          'The operation cannot be performed at this time. An update is in progress for resource: orders',
        $metadata: {},
      }),
    ]);
    const r = await deployGreen(options());
    expect(r.greenVersion).toBe('2');
    expect(aws.mock.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(2);
  });

  it('waits for an update already in progress before updating the code', async () => {
    aws.seed(1, { version: '1' });
    aws.state.pollsLeft = 1; // the pre-flight read sees InProgress
    const r = await deployGreen(options());
    expect(r.greenVersion).toBe('2');
    expect(log.join('\n')).toMatch(/still in progress; waiting for it first/);
    const firstUpdate = aws.state.calls.indexOf('UpdateFunctionCode');
    expect(
      aws.state.calls.slice(0, firstUpdate).filter((c) => c === 'GetFunctionConfiguration').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('stops when the function changed between the pre-flight read and the update (412)', async () => {
    aws.seed(1, { version: '1' });
    aws.mock.on(UpdateFunctionCodeCommand).rejects(
      new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {},
      }),
    );
    await expect(deployGreen(options())).rejects.toThrow(
      /changed by someone else since this deploy read it.*nothing was updated/,
    );
    expect(aws.mock.commandCalls(PublishVersionCommand)).toHaveLength(0);
  });

  it('refuses to publish code someone else deployed meanwhile (CodeSha256 guard)', async () => {
    aws.seed(1, { version: '1' });
    // Another pipeline deploys right after our update: $LATEST no longer holds the code we uploaded.
    aws.mock.on(UpdateFunctionCodeCommand).callsFake(() => {
      aws.state.latest = { ...aws.state.latest, CodeSha256: 'ours', RevisionId: 'r2' };
      const out = { ...aws.state.latest };
      aws.state.latest = { ...aws.state.latest, CodeSha256: 'someone-elses-code', RevisionId: 'r3' };
      return out;
    });
    await expect(deployGreen(options())).rejects.toThrow(ConcurrentChangeError);
    await expect(deployGreen(options())).rejects.toThrow(
      /changed by someone else during this deploy \(code sha256 ours → someone-elses-code\); nothing was published/,
    );
    expect(aws.state.versions.size).toBe(1);
  });

  it('refuses to deploy onto an alias split between two versions, naming both, with no write', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.3 });
    await expect(deployGreen(options())).rejects.toThrow(
      /split between v1 and v2 \(v1 70% \/ v2 30%\): a deployment is in progress/,
    );
    expect(writes()).toHaveLength(0);
  });

  it('refuses when the new code would not share the execution role of blue, with no write', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = { ...aws.state.latest, Role: 'arn:aws:iam::123456789012:role/other' };
    await expect(deployGreen(options())).rejects.toThrow(/execution role/);
    expect(writes()).toHaveLength(0);
  });

  it('refuses when the DLQ differs, with no write', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = {
      ...aws.state.latest,
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
    };
    await expect(deployGreen(options())).rejects.toThrow(/dead-letter queue none ≠ arn:aws:sqs/);
    expect(writes()).toHaveLength(0);
  });

  it('fails the smoke test on a FunctionError and creates no alias on a first deploy', async () => {
    aws.state.invoke = () => ({ body: '{"errorMessage":"cannot read config"}', error: 'Unhandled' });
    await expect(deployGreen(options({ smoke: { payload: '{}' } }))).rejects.toThrow(
      /Smoke test of v1 failed: v1 returned a function error \(Unhandled\).*No traffic was moved/,
    );
    expect(aws.alias()).toBeUndefined();
  });

  it('reports a failed update with the reason Lambda gives', async () => {
    aws.seed(1, { version: '1' });
    aws.mock.on(UpdateFunctionCodeCommand).callsFake(() => {
      aws.state.latest = {
        ...aws.state.latest,
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'Image not found',
        LastUpdateStatusReasonCode: 'ImageDeleted',
      };
      return { ...aws.state.latest, LastUpdateStatus: 'InProgress' };
    });
    await expect(deployGreen(options())).rejects.toThrow(/Failed: Image not found \(ImageDeleted\)/);
    expect(aws.mock.commandCalls(PublishVersionCommand)).toHaveLength(0);
  });

  it('gives up after wait-timeout while the update stays InProgress', async () => {
    aws.seed(1, { version: '1' });
    aws.state.inProgressPolls = 1_000;
    await expect(deployGreen(options({ waitTimeoutMs: 1000 }))).rejects.toThrow(DeployError);
    expect(aws.mock.commandCalls(PublishVersionCommand)).toHaveLength(0);
  });

  it('refuses image-uri for a zip function before any write', async () => {
    aws.seed(1, { version: '1' });
    await expect(
      deployGreen(
        options({ source: { kind: 'image', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1' } }),
      ),
    ).rejects.toThrow(/image-uri was given but .* is a Zip function/);
    expect(writes()).toHaveLength(0);
  });
});
