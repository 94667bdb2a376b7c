// deploy-green's function configuration against Lambda as AWS documents it: only the fields given change, in
// one new version with the code; every write guarded by the RevisionId read before it, and waited on.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import {
  CreateAliasCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { ConcurrentChangeError, DeployError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { deployGreen, type DeployOptions } from '../src/deploy';
import { fakeLambda } from './fake-lambda';

let aws: ReturnType<typeof fakeLambda>;
let log: string[];

beforeEach(() => {
  aws = fakeLambda();
  log = [];
});
afterEach(() => aws.mock.restore());

const LAYER = 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3';
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
    source: { kind: 'none' },
    description: 'abc123',
    waitTimeoutMs: 60_000,
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    clock: fakeClock(),
    ...over,
  };
}

const inputOf = <T>(calls: { args: [{ input: T }] }[]) => calls.map((c) => c.args[0].input);
const configUpdates = () => inputOf(aws.mock.commandCalls(UpdateFunctionConfigurationCommand));
const codeUpdates = () => inputOf(aws.mock.commandCalls(UpdateFunctionCodeCommand));
const publishes = () => inputOf(aws.mock.commandCalls(PublishVersionCommand));
const writes = () =>
  aws.state.calls.filter((c) => !c.startsWith('Get') && c !== 'Invoke' && c !== 'ListVersionsByFunction');

describe('deploy-green configuration', () => {
  it('changes only memory-size: one guarded update, waited on, then a publish guarded by hash and RevisionId', async () => {
    aws.seed(1, { version: '1' });
    aws.state.inProgressPolls = 2;
    const readRevision = aws.state.latest.RevisionId;
    const sha = aws.state.latest.CodeSha256;

    const r = await deployGreen(options({ settings: { memorySize: 512 } }));

    expect(configUpdates()).toEqual([{ FunctionName: 'orders', RevisionId: readRevision, MemorySize: 512 }]);
    expect(codeUpdates()).toEqual([]);
    // Published after the waiter saw Successful, with the RevisionId it read last (AWS changes it on completion).
    expect(aws.state.pollsLeft).toBe(0);
    expect(publishes()).toEqual([
      {
        FunctionName: 'orders',
        CodeSha256: sha,
        RevisionId: aws.state.latest.RevisionId,
        Description: 'abc123',
      },
    ]);
    expect(aws.state.versions.get('2')).toMatchObject({ MemorySize: 512, CodeSha256: sha });
    expect(r).toMatchObject({
      greenVersion: '2',
      blueVersion: '1',
      changed: true,
      aliasCreated: false,
      changes: [{ field: 'memory-size', before: '128 MB', after: '512 MB' }],
    });
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    expect(log).toContain('  memory-size: 128 MB → 512 MB');
  });

  it('puts configuration and code into the same version: configuration, wait, code guarded by the waiter, wait, publish', async () => {
    aws.seed(1, { version: '1' });
    aws.state.inProgressPolls = 1;
    const r = await deployGreen(
      options({
        source: zip('new code'),
        settings: { timeout: 30, layers: [LAYER], runtime: 'nodejs22.x', tracingMode: 'Active' },
      }),
    );
    const order = aws.state.calls.filter((c) => c.startsWith('Update') || c === 'PublishVersion');
    expect(order).toEqual(['UpdateFunctionConfiguration', 'UpdateFunctionCode', 'PublishVersion']);
    expect(configUpdates()[0]).toMatchObject({
      Timeout: 30,
      Layers: [LAYER],
      Runtime: 'nodejs22.x',
      TracingConfig: { Mode: 'Active' },
    });
    // The fake refuses a stale RevisionId, so the code update could only pass with the waiter's last read.
    expect(codeUpdates()[0]!.RevisionId).toBeDefined();
    expect(aws.state.versions.size).toBe(2);
    expect(aws.state.versions.get('2')).toMatchObject({
      Timeout: 30,
      Runtime: 'nodejs22.x',
      CodeSha256: aws.state.latest.CodeSha256,
    });
    expect(r.changes.map((c) => c.field)).toEqual(['timeout', 'layers', 'runtime', 'tracing-mode', 'code']);
  });

  it('publishes when nothing was written but $LATEST differs from what the alias serves', async () => {
    aws.seed(1, { version: '1' });
    // Changed outside the release (the console, say) and never published.
    aws.state.latest = { ...aws.state.latest, Timeout: 45 };
    const r = await deployGreen(options());
    expect(r).toMatchObject({ greenVersion: '2', blueVersion: '1', changed: true, changes: [] });
    expect(aws.state.versions.get('2')).toMatchObject({ Timeout: 45 });
  });

  it('changes nothing and publishes no version when code and configuration already match', async () => {
    const first = await deployGreen(options({ source: zip('same code'), settings: { memorySize: 256 } }));
    expect(first).toMatchObject({ greenVersion: '1', changed: true, aliasCreated: true });
    aws.mock.resetHistory();
    aws.state.calls.length = 0;

    const again = await deployGreen(options({ source: zip('same code'), settings: { memorySize: 256 } }));
    expect(again).toMatchObject({ greenVersion: '1', blueVersion: '1', changed: false, changes: [] });
    // No write at all: $LATEST is exactly what the alias serves, so there is nothing to publish either.
    expect(writes()).toEqual([]);
    expect(aws.state.versions.size).toBe(1);
    expect(log.join('\n')).toMatch(
      /already \$LATEST's.*not uploaded again[\s\S]*No change to the code or configuration/,
    );
  });

  it('reports env-vars by key only: added, removed and changed keys, never a value', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = {
      ...aws.state.latest,
      Environment: { Variables: { API_TOKEN: 'old-secret-value', MODE: 'canary-mode-value' } },
    };
    const r = await deployGreen(
      options({ settings: { environment: { API_TOKEN: 'new-secret-value', REGION_NAME: 'eu' } } }),
    );
    expect(r.changes).toEqual([
      {
        field: 'env-vars',
        before: 'API_TOKEN, MODE',
        after: 'API_TOKEN, REGION_NAME (added REGION_NAME; removed MODE; value changed: API_TOKEN)',
      },
    ]);
    // The whole set replaces the function's: MODE is gone.
    expect(configUpdates()[0]!.Environment).toEqual({
      Variables: { API_TOKEN: 'new-secret-value', REGION_NAME: 'eu' },
    });
    const printed = JSON.stringify([log, r.changes]);
    expect(printed).not.toMatch(/secret-value|"eu"|mode-value/);
  });

  it('refuses a role change on an existing function with the reason, before any write', async () => {
    aws.seed(1, { version: '1' });
    const other = 'arn:aws:iam::123456789012:role/other';
    await expect(
      deployGreen(options({ source: zip('x'), settings: { role: other, memorySize: 256 } })),
    ).rejects.toThrow(
      /role arn:aws:iam::123456789012:role\/other differs from the execution role of orders \(arn:aws:iam::123456789012:role\/orders\).*must share one role for a weighted alias/,
    );
    expect(writes()).toEqual([]);
  });

  it('accepts role equal to the function’s own and changes nothing for it', async () => {
    aws.seed(1, { version: '1' });
    const r = await deployGreen(
      options({ settings: { role: 'arn:aws:iam::123456789012:role/orders', timeout: 10 } }),
    );
    expect(configUpdates()).toEqual([
      { FunctionName: 'orders', RevisionId: expect.any(String), Timeout: 10 },
    ]);
    expect(r.changed).toBe(true);
  });

  it('stops when the function changed between the pre-flight read and the configuration update (412)', async () => {
    aws.seed(1, { version: '1' });
    aws.state.before.set('UpdateFunctionConfiguration', () => {
      aws.state.latest = { ...aws.state.latest, RevisionId: 'someone-else', Timeout: 60 };
    });
    const err = await deployGreen(options({ settings: { memorySize: 256 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrentChangeError);
    expect((err as Error).message).toMatch(
      /changed by someone else since this deploy read it .*UpdateFunctionConfiguration was refused, nothing was updated by it and nothing was published/,
    );
    expect(aws.state.versions.size).toBe(1);
    expect(aws.state.latest.MemorySize).toBeUndefined();
  });

  it('stops before the code update when someone changes the configuration while the update is waited on', async () => {
    aws.seed(1, { version: '1' });
    // Right after our update is accepted, another pipeline sets memory back (its write lands before the waiter reads).
    aws.state.before.set('UpdateFunctionConfiguration', () =>
      aws.state.before.set('GetFunctionConfiguration', () => {
        aws.state.latest = { ...aws.state.latest, MemorySize: 1024 };
      }),
    );
    await expect(deployGreen(options({ source: zip('new'), settings: { memorySize: 512 } }))).rejects.toThrow(
      /changed by someone else during this deploy \(memory-size: 1024 MB → 512 MB\); nothing was published/,
    );
    expect(codeUpdates()).toEqual([]);
    expect(publishes()).toEqual([]);
  });

  it('refuses to publish when $LATEST changed after the last read (PublishVersion RevisionId guard)', async () => {
    aws.seed(1, { version: '1' });
    aws.state.before.set('PublishVersion', () => {
      aws.state.latest = { ...aws.state.latest, RevisionId: 'someone-else', Timeout: 99 };
    });
    const err = await deployGreen(options({ settings: { memorySize: 256 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrentChangeError);
    expect((err as Error).message).toMatch(
      /Publishing was refused because orders no longer matches what this deploy prepared \(its RevisionId\).*Nothing was published/,
    );
    expect(aws.state.versions.size).toBe(1);
  });

  it('reports a failed configuration update with the reason Lambda gives, and publishes nothing', async () => {
    aws.seed(1, { version: '1' });
    aws.state.before.set('UpdateFunctionConfiguration', () =>
      aws.state.before.set('GetFunctionConfiguration', () => {
        aws.state.latest = {
          ...aws.state.latest,
          LastUpdateStatus: 'Failed',
          LastUpdateStatusReason:
            'Lambda was unable to configure access to your environment variables because the KMS key is invalid for CreateGrant.',
          LastUpdateStatusReasonCode: 'InvalidConfiguration' as never,
        };
      }),
    );
    await expect(deployGreen(options({ settings: { environment: { MODE: 'x' } } }))).rejects.toThrow(
      /Lambda reports the configuration update Failed: Lambda was unable to configure access .* \(InvalidConfiguration\)\. Nothing was published/,
    );
    expect(publishes()).toEqual([]);
  });

  it('gives up after wait-timeout while the configuration update stays InProgress', async () => {
    aws.seed(1, { version: '1' });
    aws.state.inProgressPolls = 1_000;
    const err = await deployGreen(options({ waitTimeoutMs: 1000, settings: { memorySize: 256 } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toMatch(
      /wait-timeout\) for the configuration update to finish; it is still in progress/,
    );
    expect(codeUpdates()).toEqual([]);
    expect(publishes()).toEqual([]);
  });

  it('changes the architecture with the code, even when the package is the same', async () => {
    await deployGreen(options({ source: zip('same code') }));
    aws.state.latest = { ...aws.state.latest, Architectures: ['x86_64'] };
    const r = await deployGreen(options({ source: zip('same code'), settings: { architecture: 'arm64' } }));
    expect(codeUpdates().at(-1)).toMatchObject({ Architectures: ['arm64'] });
    expect(r.changes).toEqual([{ field: 'architectures', before: 'x86_64', after: 'arm64' }]);
    expect(r).toMatchObject({ greenVersion: '2', blueVersion: '1', changed: true });
  });

  it('refuses runtime, handler and layers for a container image function before any write', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = { ...aws.state.latest, PackageType: 'Image' };
    await expect(deployGreen(options({ settings: { layers: [LAYER], handler: 'x.y' } }))).rejects.toThrow(
      /handler, layers was given but orders is a container image function/,
    );
    expect(writes()).toEqual([]);
  });

  it('refuses env-vars when the function’s variables cannot be read (KMS), before any write', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = {
      ...aws.state.latest,
      Environment: {
        Error: {
          ErrorCode: 'AccessDeniedException',
          Message: 'Lambda was unable to decrypt the environment variables',
        },
      },
    };
    await expect(deployGreen(options({ settings: { environment: { A1: 'x' } } }))).rejects.toThrow(
      /environment variables of orders cannot be read \(AccessDeniedException: .*kms:Decrypt/,
    );
    expect(writes()).toEqual([]);
  });

  it('leaves the alias alone on a later deploy and creates none when it exists', async () => {
    aws.seed(1, { version: '1' });
    await deployGreen(options({ settings: { ephemeralStorage: 2048, description: 'orders API' } }));
    expect(aws.mock.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(aws.mock.commandCalls(CreateAliasCommand)).toHaveLength(0);
    expect(configUpdates()[0]).toMatchObject({ EphemeralStorage: { Size: 2048 }, Description: 'orders API' });
  });
});
