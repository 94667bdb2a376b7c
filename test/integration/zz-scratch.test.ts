import { it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { LambdaClient, InvokeCommand, GetFunctionConfigurationCommand, PublishVersionCommand, CreateAliasCommand, UpdateFunctionCodeCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { startMoto, createLambdaFunction, makeZip, clientConfig, queueLambdaResults } from '../support/moto';
import { FaultProxy } from '../support/proxy';

it('scratch', async () => {
  const zip = makeZip({ 'index.mjs': 'export const handler = async (e) => e;\n', 'dir/ü.txt': 'hello' });
  writeFileSync('/tmp/t.zip', zip);
  console.log(execFileSync('python3', ['-m', 'zipfile', '-t', '/tmp/t.zip'], { encoding: 'utf8' }));
  const t0 = Date.now();
  const moto = await startMoto();
  console.log('moto start ms', Date.now() - t0);
  const proxy = await FaultProxy.start(moto.url);
  try {
    const fn = await createLambdaFunction(proxy.url, { name: 'f1' });
    console.log(fn.FunctionArn, fn.State, fn.RevisionId);
    const lambda = new LambdaClient(clientConfig(proxy.url, { maxAttempts: 1 }));
    const inv = await lambda.send(new InvokeCommand({ FunctionName: 'f1', Payload: Buffer.from('{"a":1}') }));
    console.log('invoke', inv.StatusCode, inv.FunctionError, inv.ExecutedVersion, Buffer.from(inv.Payload!).toString());
    const inv2 = await lambda.send(new InvokeCommand({ FunctionName: 'nope', Payload: Buffer.from('{"a":1}') }));
    console.log('invoke missing', inv2.StatusCode, Buffer.from(inv2.Payload!).toString());
    await queueLambdaResults(moto.url, ['{"scripted":true}']);
    const inv3 = await lambda.send(new InvokeCommand({ FunctionName: 'f1', Qualifier: '$LATEST' }));
    console.log('invoke scripted', inv3.StatusCode, Buffer.from(inv3.Payload!).toString());
    const inv4 = await lambda.send(new InvokeCommand({ FunctionName: 'f1' }));
    console.log('invoke empty', inv4.StatusCode, Buffer.from(inv4.Payload!).toString());
    await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'f1' }));
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'f1', ZipFile: makeZip({ 'index.mjs': 'x' }) }));
    const v = await lambda.send(new PublishVersionCommand({ FunctionName: 'f1' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'f1', Name: 'live', FunctionVersion: v.Version! }));
    await lambda.send(new GetFunctionCommand({ FunctionName: 'f1', Qualifier: 'live' }));
    for (const kind of ['throttle', '5xx', '409', '412', 'drop'] as const) {
      proxy.clearRules();
      proxy.addRule({ kind, op: 'GetFunctionConfiguration' });
      try { await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'f1' })); console.log(kind, 'NO ERROR'); }
      catch (e) { const x = e as any; console.log(kind, x.name, x.code, x.message, x.$metadata, x.$fault, x.Type, x.retryAfterSeconds, x.Reason); }
    }
    proxy.clearRules();
    const retrying = new LambdaClient(clientConfig(proxy.url, { maxAttempts: 3 }));
    for (const kind of ['throttle', '5xx', 'drop'] as const) {
      proxy.clearRules(); proxy.clearCalls();
      proxy.addRule({ kind, op: 'GetFunctionConfiguration', times: 2, retryAfterSeconds: '0' });
      const s = Date.now();
      try { const r = await retrying.send(new GetFunctionConfigurationCommand({ FunctionName: 'f1' })); console.log('retry', kind, 'ok attempts', r.$metadata.attempts, Date.now() - s, 'ms'); }
      catch (e) { console.log('retry', kind, 'failed', (e as any).name); }
    }
    proxy.clearRules(); proxy.clearCalls();
    proxy.addRule({ kind: 'drop-after', op: 'PublishVersion' });
    try { await retrying.send(new PublishVersionCommand({ FunctionName: 'f1', Description: 'x' })); console.log('drop-after retried ok'); } catch (e) { console.log('drop-after', (e as any).name); }
    console.log(proxy.calls);
    console.log(proxy.counts());
  } finally {
    await proxy.stop();
    await moto.stop();
  }
});
