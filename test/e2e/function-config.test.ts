// deploy-green's function configuration and first-time creation through the committed bundles, against the
// emulator: what a user sees in the outputs, the summary and the functions afterwards. RevisionId guards,
// waiters and AWS's error shapes, which the emulator does not reproduce, are covered by the unit tests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { clientConfig, TEST_ACCOUNT } from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { FN, ok, useBed } from './bed';

const bed = useBed();
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/lambda-test-role`;
let lambda: LambdaClient;
beforeAll(() => {
  lambda = new LambdaClient(clientConfig(bed.moto.url));
});
afterAll(() => lambda.destroy());

const config = (name: string, qualifier?: string) =>
  lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: qualifier }));
const versions = async (name: string) =>
  ((await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name }))).Versions ?? []).map(
    (v) => v.Version,
  );

describe.each(nodeBinaries())('deploy-green configuration on $name, through the bundle', ({ path: node }) => {
  it('creates a missing function with create-if-missing: Active, v1 published, the alias on it', async () => {
    const r = await bed.run('deploy-green', node, {
      'function-name': 'orders-new',
      'zip-file': bed.zip(),
      'create-if-missing': 'true',
      role: ROLE,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      'memory-size': '256',
      'env-vars': 'MODE: canary\nAPI_TOKEN: e2e-secret-value',
    });
    ok(r);
    expect(r.outputs).toMatchObject({
      'green-version': '1',
      'blue-version': '',
      changed: 'true',
      'alias-created': 'true',
      'function-created': 'true',
    });
    expect(r.writes).toEqual(['CreateFunction', 'PublishVersion', 'CreateAlias']);
    expect(await config('orders-new', '1')).toMatchObject({
      State: 'Active',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      MemorySize: 256,
      Role: ROLE,
      Environment: { Variables: { MODE: 'canary', API_TOKEN: 'e2e-secret-value' } },
    });
    const alias = await lambda.send(new GetAliasCommand({ FunctionName: 'orders-new', Name: 'live' }));
    expect(alias.FunctionVersion).toBe('1');
    expect(r.summary).toContain('#### Function created');
    expect(r.summary).toContain('| env-vars | (none) | API_TOKEN, MODE (added MODE, API_TOKEN) |');
    expect(r.stdout + r.summary).not.toContain('e2e-secret-value');
  });

  it('changes only memory-size: a new version with the new size and the same code, the alias untouched', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const v1 = await config(FN, '1');
    const r = await bed.run('deploy-green', node, { 'memory-size': '1024' });
    ok(r);
    expect(r.outputs).toMatchObject({ 'green-version': '2', 'blue-version': '1', changed: 'true' });
    expect(r.writes).toEqual(['UpdateFunctionConfiguration', 'PublishVersion']);
    const v2 = await config(FN, '2');
    expect({ memory: v2.MemorySize, sha: v2.CodeSha256, timeout: v2.Timeout }).toEqual({
      memory: 1024,
      sha: v1.CodeSha256,
      timeout: v1.Timeout,
    });
    expect(await bed.alias()).toBe('1');
    expect(r.stdout).toContain(`memory-size: ${v1.MemorySize} MB → 1024 MB`);
    expect(r.summary).toContain(`| memory-size | ${v1.MemorySize} MB | 1024 MB |`);
  });

  it('changes nothing when code and configuration already match: changed false, no version published', async () => {
    const zip = bed.zip();
    const inputs = { 'zip-file': zip, 'memory-size': '256', timeout: '20' };
    ok(await bed.run('deploy-green', node, inputs));
    expect(await versions(FN)).toEqual(['$LATEST', '1']);

    const r = await bed.run('deploy-green', node, inputs);
    ok(r);
    expect(r.outputs).toMatchObject({ 'green-version': '1', 'blue-version': '1', changed: 'false' });
    expect(r.writes).toEqual([]);
    expect(await versions(FN)).toEqual(['$LATEST', '1']);
    expect(await bed.alias()).toBe('1');
    expect(r.summary).toContain('No change to the code or configuration.');
  });

  it('refuses a role change on an existing function with the reason, writing nothing', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const r = await bed.run('deploy-green', node, {
      'memory-size': '512',
      role: `arn:aws:iam::${TEST_ACCOUNT}:role/another-role`,
    });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /role .*another-role differs from the execution role of orders-api .*must share one role/,
    );
    expect(r.writes).toEqual([]);
    expect((await config(FN)).MemorySize).not.toBe(512);
  });
});
