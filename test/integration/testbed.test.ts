// Proves the test bed itself: moto, the fault proxy, the runner and the Node 24 binary.
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import {
  awsTestEnv,
  clientConfig,
  crc32,
  createLambdaFunction,
  makeZip,
  queueLambdaResults,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { FaultProxy, classify, isWrite, mulberry32, type FaultKind } from '@deploy-actions/testbed/proxy';
import {
  parseFileCommands,
  parseWorkflowCommands,
  repoRoot,
  runAction,
  runMainThenPost,
} from '@deploy-actions/testbed/runner';
import { node24Path, nodeBinaries } from '@deploy-actions/testbed/node24';

// The integration project's testTimeout in jest.config.js is not applied per project.
jest.setTimeout(60_000);

let moto: Moto;
let proxy: FaultProxy;
const clients: LambdaClient[] = [];

function lambda(maxAttempts = 1): LambdaClient {
  const c = new LambdaClient(clientConfig(proxy.url, { maxAttempts }));
  clients.push(c);
  return c;
}

async function errorOf(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** A function with version 1 behind alias `live`, made straight on moto so the proxy sees none of it. */
async function fixture(name: string): Promise<void> {
  await createLambdaFunction(moto.url, { name });
  const direct = new LambdaClient(clientConfig(moto.url));
  try {
    await direct.send(new PublishVersionCommand({ FunctionName: name }));
    await direct.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
  } finally {
    direct.destroy();
  }
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await FaultProxy.start(moto.url);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await proxy?.stop();
  await moto?.stop();
});

describe('moto', () => {
  it('starts, resets and runs Lambda without Docker', async () => {
    const config = (await (await fetch(`${moto.url}/moto-api/config`)).json()) as {
      lambda: { use_docker: boolean };
    };
    expect(config.lambda.use_docker).toBe(false);
    await createLambdaFunction(moto.url, { name: 'before-reset' });
    const direct = new LambdaClient(clientConfig(moto.url));
    clients.push(direct);
    expect((await direct.send(new ListFunctionsCommand({}))).Functions).toHaveLength(1);
    await moto.reset();
    expect((await direct.send(new ListFunctionsCommand({}))).Functions).toHaveLength(0);
  });

  it('echoes the Invoke payload, or plays queued results in order', async () => {
    await moto.reset();
    await fixture('echo');
    const c = lambda();
    const echoed = await c.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"a":1}') }));
    expect(echoed.StatusCode).toBe(200);
    expect(echoed.FunctionError).toBeUndefined();
    expect(Buffer.from(echoed.Payload!).toString()).toBe('{"a":1}');
    await queueLambdaResults(moto.url, ['{"first":true}', '{"second":true}']);
    const results: string[] = [];
    for (let i = 0; i < 3; i++) {
      // moto answers 500 to a payload that is JSON but not an object (it looks for a qualifier key in it).
      const r = await c.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"p":1}') }));
      results.push(Buffer.from(r.Payload!).toString());
    }
    expect(results).toEqual(['{"first":true}', '{"second":true}', '{"p":1}']);
  });

  it('awsTestEnv points a separate process at the endpoint', async () => {
    proxy.clearCalls();
    const script =
      "import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';" +
      'const out = await new LambdaClient({}).send(new ListFunctionsCommand({}));' +
      'console.log(JSON.stringify(out.Functions));';
    // Asynchronous: the proxy answering this child runs on this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...awsTestEnv(proxy.url) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(Array.isArray(JSON.parse(stdout))).toBe(true);
    expect(proxy.counts()).toEqual({ 'lambda:ListFunctions': 1 });
  });

  it('stop() ends the server', async () => {
    const other = await startMoto();
    await other.stop();
    await expect(fetch(`${other.url}/moto-api/`)).rejects.toThrow();
  });
});

describe('makeZip', () => {
  it('builds an archive that Python reads back byte for byte', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const zip = makeZip({ 'index.mjs': 'export const handler = 1;\n', 'lib/ü.txt': 'hello\n' });
    const listing = execFileSync(
      'python3',
      [
        '-c',
        'import sys, zipfile, io\nz = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\n' +
          'assert z.testzip() is None\nfor i in z.infolist(): print(i.filename, repr(z.read(i).decode()))',
      ],
      { input: zip, encoding: 'utf8' },
    );
    expect(listing.trim().split('\n')).toEqual([
      "index.mjs 'export const handler = 1;\\n'",
      "lib/ü.txt 'hello\\n'",
    ]);
  });
});

describe('fault proxy: recording', () => {
  it('names each operation and counts it per service', async () => {
    await moto.reset();
    proxy.clearRules();
    proxy.clearCalls();
    await createLambdaFunction(proxy.url, { name: 'orders' });
    const c = lambda();
    await c.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders' }));
    await c.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: makeZip({ 'index.mjs': '1' }) }),
    );
    const v1 = await c.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    await c.send(
      new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: v1.Version! }),
    );
    const alias = await c.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }));
    await c.send(
      new UpdateAliasCommand({
        FunctionName: 'orders',
        Name: 'live',
        FunctionVersion: v1.Version!,
        RevisionId: alias.RevisionId,
      }),
    );
    await c.send(
      new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live', Payload: Buffer.from('{}') }),
    );

    expect(proxy.counts()).toEqual({
      'iam:GetRole': 1,
      'iam:CreateRole': 1,
      'lambda:CreateFunction': 1,
      'lambda:GetFunctionConfiguration': 1,
      'lambda:UpdateFunctionCode': 1,
      'lambda:PublishVersion': 1,
      'lambda:CreateAlias': 1,
      'lambda:GetAlias': 1,
      'lambda:UpdateAlias': 1,
      'lambda:Invoke': 1,
    });
    const invoke = proxy.calls.find((x) => x.op === 'Invoke')!;
    expect(invoke).toMatchObject({
      service: 'lambda',
      method: 'POST',
      path: '/2015-03-31/functions/orders/invocations',
      status: 200,
      qualifier: 'live',
      functionName: 'orders',
    });
    expect(proxy.calls.every((x) => x.injected === undefined && x.at > 0)).toBe(true);
    expect(proxy.writes().map((x) => x.op)).toEqual([
      'CreateRole',
      'CreateFunction',
      'UpdateFunctionCode',
      'PublishVersion',
      'CreateAlias',
      'UpdateAlias',
    ]);
  });

  it('classifies the other AWS protocols and unknown routes', () => {
    const auth = (svc: string) => ({
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/${svc}/aws4_request, SignedHeaders=host`,
    });
    const none = Buffer.alloc(0);
    expect(
      classify('POST', '/', { ...auth('dynamodb'), 'x-amz-target': 'DynamoDB_20120810.PutItem' }, none),
    ).toMatchObject({ service: 'dynamodb', op: 'PutItem' });
    expect(
      classify(
        'POST',
        '/',
        { ...auth('monitoring'), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        Buffer.from('Action=SetAlarmState&Version=2010-08-01'),
      ),
    ).toMatchObject({ service: 'monitoring', op: 'SetAlarmState' });
    expect(
      classify(
        'POST',
        '/service/GraniteServiceVersion20100801/operation/GetMetricData',
        auth('monitoring'),
        none,
      ),
    ).toMatchObject({ service: 'monitoring', op: 'GetMetricData' });
    expect(
      classify(
        'GET',
        '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Ax/aliases/live',
        auth('lambda'),
        none,
      ),
    ).toMatchObject({
      op: 'GetAlias',
      functionName: 'arn:aws:lambda:us-east-1:1:function:x',
    });
    expect(classify('GET', '/2015-03-31/functions/f?Qualifier=7', auth('lambda'), none)).toMatchObject({
      op: 'GetFunction',
      qualifier: '7',
    });
    expect(classify('GET', '/nowhere', {}, none)).toMatchObject({
      service: 'unknown',
      op: 'Unknown:GET /nowhere',
    });
    expect(
      [
        'GetAlias',
        'ListAliases',
        'DescribeAlarms',
        'Invoke',
        'HeadObject',
        'FilterLogEvents',
        'Query',
        'Scan',
      ].filter(isWrite),
    ).toEqual([]);
    expect(
      [
        'UpdateAlias',
        'PutMetricData',
        'PublishVersion',
        'SetAlarmState',
        'PutItem',
        'TransactWriteItems',
      ].every(isWrite),
    ).toBe(true);
  });
});

describe('fault proxy: faults', () => {
  beforeAll(async () => {
    await moto.reset();
    await fixture('faults');
  });

  const cases: [FaultKind, string, number][] = [
    ['throttle', 'TooManyRequestsException', 429],
    ['5xx', 'ServiceException', 500],
    ['409', 'ResourceConflictException', 409],
    ['412', 'PreconditionFailedException', 412],
  ];
  it.each(cases)('%s makes the SDK raise %s (%d)', async (kind, name, status) => {
    proxy.clearRules();
    proxy.clearCalls();
    proxy.addRule({ op: 'UpdateAlias', kind });
    const c = lambda();
    await c.send(new PublishVersionCommand({ FunctionName: 'faults', Description: kind }));
    const err = await errorOf(
      c.send(new UpdateAliasCommand({ FunctionName: 'faults', Name: 'live', FunctionVersion: '2' })),
    );
    expect(err.name).toBe(name);
    expect((err.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(status);
    expect(proxy.calls.filter((x) => x.injected === kind)).toMatchObject([{ op: 'UpdateAlias', status }]);
    if (kind === 'throttle') expect(err.retryAfterSeconds).toBe('1');
    if (kind === '409')
      expect(err.message).toContain('An update is in progress for resource: arn:aws:lambda:');
    // The error came from the proxy: the alias never moved.
    proxy.clearRules();
    expect(
      (await c.send(new GetAliasCommand({ FunctionName: 'faults', Name: 'live' }))).FunctionVersion,
    ).toBe('1');
  });

  it('5xx can answer 503', async () => {
    proxy.clearRules();
    proxy.addRule({ op: 'GetAlias', kind: '5xx', status: 503 });
    const err = await errorOf(lambda().send(new GetAliasCommand({ FunctionName: 'faults', Name: 'live' })));
    expect(err.name).toBe('ServiceException');
    expect((err.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(503);
  });

  it('latency delays, then forwards', async () => {
    proxy.clearRules();
    proxy.addRule({ op: 'GetAlias', kind: 'latency', latencyMs: 400 });
    const started = Date.now();
    const alias = await lambda().send(new GetAliasCommand({ FunctionName: 'faults', Name: 'live' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(alias.FunctionVersion).toBe('1');
  });

  it('drop closes the connection before the request reaches moto', async () => {
    proxy.clearRules();
    proxy.clearCalls();
    proxy.addRule({ op: 'CreateAlias', kind: 'drop' });
    const c = lambda();
    const err = await errorOf(
      c.send(new CreateAliasCommand({ FunctionName: 'faults', Name: 'dropped', FunctionVersion: '1' })),
    );
    // Under jest's VM the SDK wraps Node's cross-realm socket error; plain Node gives TimeoutError/ECONNRESET.
    expect(`${err.name} ${err.message}`).toMatch(/socket hang up|ECONNRESET/);
    expect(proxy.calls).toMatchObject([{ op: 'CreateAlias', injected: 'drop', status: 0 }]);
    proxy.clearRules();
    expect(
      (await errorOf(c.send(new GetAliasCommand({ FunctionName: 'faults', Name: 'dropped' })))).name,
    ).toBe('ResourceNotFoundException');
  });

  it('drop-after lets the write happen and the client still fails', async () => {
    proxy.clearRules();
    proxy.addRule({ op: 'PublishVersion', kind: 'drop-after' });
    const c = lambda();
    const before = (await c.send(new ListVersionsByFunctionCommand({ FunctionName: 'faults' }))).Versions!
      .length;
    await c.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'faults', ZipFile: makeZip({ 'index.mjs': 'x' }) }),
    );
    const err = await errorOf(c.send(new PublishVersionCommand({ FunctionName: 'faults' })));
    expect(`${err.name} ${err.message}`).toMatch(/socket hang up|ECONNRESET/);
    proxy.clearRules();
    const after = (await c.send(new ListVersionsByFunctionCommand({ FunctionName: 'faults' }))).Versions!
      .length;
    expect(after).toBe(before + 1);
  });

  it('function-error turns an Invoke into an Unhandled function error, for one qualifier only', async () => {
    proxy.clearRules();
    proxy.addRule({ op: 'Invoke', qualifier: '1', kind: 'function-error' });
    const c = lambda();
    const bad = await c.send(
      new InvokeCommand({ FunctionName: 'faults', Qualifier: '1', Payload: Buffer.from('{}') }),
    );
    expect(bad.StatusCode).toBe(200);
    expect(bad.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(bad.Payload!).toString())).toEqual({
      errorType: 'Error',
      errorMessage: 'injected failure',
    });
    const good = await c.send(
      new InvokeCommand({ FunctionName: 'faults', Qualifier: 'live', Payload: Buffer.from('{}') }),
    );
    expect(good.FunctionError).toBeUndefined();
  });

  it('a seeded rate picks the same calls on every run', async () => {
    const pattern = async (seed: number) => {
      proxy.clearRules();
      proxy.clearCalls();
      proxy.addRule({ op: 'GetFunctionConfiguration', kind: 'throttle', rate: 0.3, seed });
      const c = lambda();
      for (let i = 0; i < 20; i++) {
        await c.send(new GetFunctionConfigurationCommand({ FunctionName: 'faults' })).catch(() => undefined);
      }
      return proxy.calls.map((x) => (x.injected ? 1 : 0)).join('');
    };
    const first = await pattern(42);
    expect(await pattern(42)).toBe(first);
    const rand = mulberry32(42);
    const expected = Array.from({ length: 20 }, () => (rand() < 0.3 ? 1 : 0)).join('');
    expect(first).toBe(expected);
    expect(first).toMatch(/1/);
    expect(first).toMatch(/0/);
  });

  it('times caps the injections, and the SDK retries throttles, 5xx and dropped connections', async () => {
    const c = lambda(3);
    for (const kind of ['throttle', '5xx', 'drop'] as const) {
      proxy.clearRules();
      proxy.clearCalls();
      proxy.addRule({ op: 'GetAlias', kind, times: 2, retryAfterSeconds: '0' });
      const out = await c.send(new GetAliasCommand({ FunctionName: 'faults', Name: 'live' }));
      expect(out.$metadata.attempts).toBe(3);
      expect(proxy.calls.map((x) => x.injected ?? 'none')).toEqual([kind, kind, 'none']);
    }
    proxy.clearRules();
  });
});

describe('runner', () => {
  let dir: string;
  let entry: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-fixture-'));
    entry = join(dir, 'index.mjs');
    const core = pathToFileURL(join(repoRoot, 'node_modules/@actions/core/lib/core.js')).href;
    writeFileSync(
      entry,
      `import * as core from ${JSON.stringify(core)};
if (core.getState('saved')) {
  core.setOutput('post-saw', core.getState('saved'));
  core.setOutput('post-env', process.env.EXPORTED ?? '');
  core.setOutput('post-input', core.getInput('function-name'));
} else {
  core.saveState('saved', 'line1\\nline2');
  core.setOutput('name', core.getInput('function-name'));
  core.setOutput('spaced', core.getInput('my input'));
  core.setOutput('node', process.version);
  core.setOutput('cwd', process.cwd());
  core.exportVariable('EXPORTED', 'a=b');
  await core.summary.addHeading('Report').write();
  core.warning('careful', { file: 'a.ts', startLine: 3 });
  if (core.getInput('wait') === 'true') {
    process.on('SIGINT', () => { core.setOutput('cancelled', 'true'); process.exit(130); });
    console.log('waiting for cancel');
    setInterval(() => {}, 1000);
  } else {
    core.setFailed('bad: 50%\\nsecond line');
  }
}
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses file commands and workflow commands as the runner does', () => {
    expect(parseFileCommands('a=1\nb<<EOF\nx\ny=z\nEOF\nc=\n')).toEqual({ a: '1', b: 'x\ny=z', c: '' });
    expect(() => parseFileCommands('x<<EOF\nnever closed')).toThrow(/never closed/);
    expect(
      parseWorkflowCommands(
        '::error file=a%2Cb.ts,line=3::50%25 bad%0Anext\n::stop-commands::t\n::error::no\n::t::',
      ),
    ).toEqual([{ command: 'error', properties: { file: 'a,b.ts', line: '3' }, message: '50% bad\nnext' }]);
  });

  it.each(['node20', 'node24'])('runs main then post with the saved state on %s', async (name) => {
    const node = nodeBinaries().find((b) => b.name === name)!.path;
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    try {
      const { main, post } = await runMainThenPost('fixture', {
        entry,
        node,
        workspace,
        inputs: { 'function-name': 'orders', 'my input': 'spaced value' },
      });
      expect(main.code).toBe(1);
      expect(main.outputs).toMatchObject({ name: 'orders', spaced: 'spaced value', cwd: workspace });
      expect(main.outputs.node).toMatch(name === 'node24' ? /^v24\./ : /^v20\./);
      expect(main.state).toEqual({ saved: 'line1\nline2' });
      expect(main.exportedEnv).toEqual({ EXPORTED: 'a=b' });
      expect(main.summary).toContain('<h1>Report</h1>');
      expect(main.errors).toEqual(['bad: 50%\nsecond line']);
      expect(main.warnings).toEqual(['careful']);
      expect(main.commands.find((c) => c.command === 'warning')!.properties).toEqual({
        file: 'a.ts',
        line: '3',
      });
      expect(post!.code).toBe(0);
      expect(post!.outputs).toEqual({
        'post-saw': 'line1\nline2',
        'post-env': 'a=b',
        'post-input': 'orders',
      });
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('sends the cancel signal once stdout matches', async () => {
    const run = await runAction('fixture', {
      entry,
      inputs: { 'function-name': 'orders', wait: 'true' },
      signal: { when: /waiting for cancel/, signal: 'SIGINT' },
      timeoutMs: 20_000,
    });
    expect(run.code).toBe(130);
    expect(run.outputs.cancelled).toBe('true');
  });

  it('kills and rejects a step that outlives timeoutMs', async () => {
    await expect(
      runAction('fixture', { entry, inputs: { 'function-name': 'x', wait: 'true' }, timeoutMs: 1500 }),
    ).rejects.toThrow(/still running after 1500ms/);
  });

  it('runs a committed bundle: deploy-green rejects a missing function-name before any AWS call', async () => {
    proxy.clearCalls();
    const run = await runAction('deploy-green', {
      inputs: {},
      env: awsTestEnv(proxy.url),
      node: node24Path(),
    });
    expect(run.code).not.toBe(0);
    expect(run.errors.join('\n')).toContain('function-name');
    expect(proxy.calls).toEqual([]);
  });
});
