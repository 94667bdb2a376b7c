// create-if-missing against Lambda as AWS documents it: CreateFunction, Pending until Active, v1 published guarded,
// the alias created on it; every failure says why and leaves no version behind.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { CreateFunctionCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { ConcurrentChangeError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { deployGreen, type DeployOptions } from '../src/deploy';
import { fakeLambda } from './fake-lambda';

let aws: ReturnType<typeof fakeLambda>;
let log: string[];

beforeEach(() => {
  aws = fakeLambda();
  aws.state.missing = true;
  log = [];
});
afterEach(() => aws.mock.restore());

const ROLE = 'arn:aws:iam::123456789012:role/orders';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.2.3';
const creates = () => aws.mock.commandCalls(CreateFunctionCommand).map((c) => c.args[0].input);
const publishes = () => aws.mock.commandCalls(PublishVersionCommand).map((c) => c.args[0].input);

function options(over: Partial<DeployOptions> = {}): DeployOptions {
  return {
    lambda: aws.client,
    functionName: 'orders',
    alias: 'live',
    source: { kind: 'zip', zip: new TextEncoder().encode('first code'), path: 'build/orders.zip' },
    description: 'abc123',
    waitTimeoutMs: 60_000,
    createIfMissing: true,
    settings: { role: ROLE, runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 256 },
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    clock: fakeClock(),
    ...over,
  };
}

describe('deploy-green create-if-missing', () => {
  it('creates the function unpublished, waits for Active, publishes v1 guarded and creates the alias on it', async () => {
    aws.state.pendingPolls = 2;
    const r = await deployGreen(options());
    expect(creates()).toEqual([
      {
        FunctionName: 'orders',
        Role: ROLE,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        MemorySize: 256,
        Code: { ZipFile: new TextEncoder().encode('first code') },
        PackageType: 'Zip',
        Publish: false,
      },
    ]);
    // The waiter polled through Pending before the publish.
    expect(aws.state.pendingPolls).toBe(0);
    expect(aws.state.calls.filter((c) => c !== 'GetAlias')).toEqual([
      'GetFunctionConfiguration',
      'CreateFunction',
      'GetFunctionConfiguration',
      'GetFunctionConfiguration',
      'GetFunctionConfiguration',
      'PublishVersion',
      'CreateAlias',
    ]);
    expect(publishes()).toEqual([
      {
        FunctionName: 'orders',
        CodeSha256: aws.state.latest.CodeSha256,
        RevisionId: aws.state.latest.RevisionId,
        Description: 'abc123',
      },
    ]);
    expect(r).toMatchObject({
      greenVersion: '1',
      blueVersion: '',
      changed: true,
      aliasCreated: true,
      functionCreated: true,
    });
    expect(r.changes).toEqual([
      { field: 'memory-size', before: '(new)', after: '256 MB' },
      { field: 'runtime', before: '(new)', after: 'nodejs22.x' },
      { field: 'handler', before: '(new)', after: 'index.handler' },
      { field: 'role', before: '(new)', after: ROLE },
    ]);
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    expect(log.join('\n')).toMatch(/Created function orders from zip build\/orders.zip/);
  });

  it('creates a container image function without runtime or handler', async () => {
    await deployGreen(
      options({
        source: { kind: 'image', uri: IMAGE },
        settings: { role: ROLE, architecture: 'arm64', environment: { MODE: 'x1' } },
      }),
    );
    expect(creates()[0]).toEqual({
      FunctionName: 'orders',
      Role: ROLE,
      Code: { ImageUri: IMAGE },
      PackageType: 'Image',
      Architectures: ['arm64'],
      Environment: { Variables: { MODE: 'x1' } },
      Publish: false,
    });
  });

  it('without create-if-missing, a missing function fails naming the way out, with no write', async () => {
    await expect(deployGreen(options({ createIfMissing: false }))).rejects.toThrow(
      /Function orders does not exist in this account and region: create it first, or let deploy-green create it with create-if-missing: true/,
    );
    expect(aws.state.calls).toEqual(['GetFunctionConfiguration']);
  });

  it('stops when someone else creates the function meanwhile (409), leaving it alone', async () => {
    aws.state.before.set('CreateFunction', () => {
      aws.state.missing = false;
    });
    const err = await deployGreen(options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrentChangeError);
    expect((err as Error).message).toMatch(
      /orders was created by someone else during this deploy; it was left alone/,
    );
    expect(publishes()).toEqual([]);
  });

  it('retries while a new role cannot be assumed by Lambda yet', async () => {
    const notYet = () =>
      Object.assign(new Error('The role defined for the function cannot be assumed by Lambda.'), {
        name: 'InvalidParameterValueException',
        $metadata: { httpStatusCode: 400 },
      });
    aws.state.failNext.set('CreateFunction', [notYet, notYet]);
    const r = await deployGreen(options());
    expect(creates()).toHaveLength(3);
    expect(r.greenVersion).toBe('1');
    expect(log.join('\n')).toMatch(/cannot be assumed by Lambda yet .*retry 2/);
  });

  it('reports a function that failed to become Active with its reason, and publishes nothing', async () => {
    aws.state.before.set('CreateFunction', () =>
      aws.state.before.set('GetFunctionConfiguration', () => {
        aws.state.latest = {
          ...aws.state.latest,
          State: 'Failed',
          StateReason:
            'The provided execution role does not have permissions to call CreateNetworkInterface on EC2',
          StateReasonCode: 'EniLimitExceeded' as never,
        };
      }),
    );
    await expect(deployGreen(options())).rejects.toThrow(
      /Lambda could not create orders: The provided execution role does not have permissions .* \(EniLimitExceeded\)/,
    );
    expect(publishes()).toEqual([]);
    expect(aws.alias()).toBeUndefined();
  });

  it('gives up after wait-timeout while the new function stays Pending', async () => {
    aws.state.pendingPolls = 1_000;
    await expect(deployGreen(options({ waitTimeoutMs: 1000 }))).rejects.toThrow(
      /wait-timeout\) for the new function orders to become Active; it is still Pending/,
    );
    expect(publishes()).toEqual([]);
  });
});
