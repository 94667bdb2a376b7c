// deploy-green as the runner runs it in-process: the change report in the log and the job summary, the outputs.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { runDeployGreen } from '@deploy-actions/release/run/deploy-green';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { fakeLambda } from './fake-lambda';
import { lambdaDeps, TARGETS } from './target';

let aws: ReturnType<typeof fakeLambda>;
beforeEach(() => {
  aws = fakeLambda();
});
afterEach(() => aws.mock.restore());

describe('deploy-green with configuration inputs', () => {
  it('reports each changed field in the log and the job summary, env-vars by key only', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = { ...aws.state.latest, Environment: { Variables: { TOKEN: 'old-s3cr3t' } } };
    const rt = memoryRuntime({
      'function-name': 'orders',
      'memory-size': '512',
      'env-vars': 'TOKEN=new-s3cr3t\nMODE=canary-value',
    });
    await runDeployGreen(rt, TARGETS, lambdaDeps(aws.client));
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toMatchObject({
      'green-version': '2',
      'blue-version': '1',
      changed: 'true',
      'alias-created': 'false',
      'function-created': 'false',
    });
    expect(rt.log).toEqual(
      expect.arrayContaining([
        '  memory-size: 128 MB → 512 MB',
        '  env-vars: TOKEN → MODE, TOKEN (added MODE; value changed: TOKEN)',
      ]),
    );
    expect(rt.summaryText).toContain('#### Function changes');
    expect(rt.summaryText).toContain('| memory-size | 128 MB | 512 MB |');
    expect(rt.summaryText).toContain('| env-vars | TOKEN | MODE, TOKEN (added MODE; value changed: TOKEN) |');
    expect([...rt.log, rt.summaryText, ...Object.values(rt.outputs)].join('\n')).not.toMatch(
      /s3cr3t|canary-value/,
    );
  });

  it('says nothing changed, publishes nothing and outputs changed=false when the inputs match the function', async () => {
    aws.state.latest = { ...aws.state.latest, MemorySize: 512, Timeout: 30 };
    aws.seed(1, { version: '1' });
    const rt = memoryRuntime({ 'function-name': 'orders', 'memory-size': '512', timeout: '30' });
    await runDeployGreen(rt, TARGETS, lambdaDeps(aws.client));
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toMatchObject({ 'green-version': '1', 'blue-version': '1', changed: 'false' });
    expect(rt.summaryText).toContain('No change to the code or configuration.');
    expect(aws.state.calls.filter((c) => c.startsWith('Update'))).toEqual([]);
    expect(aws.state.versions.size).toBe(1);
  });

  it('creates the function with create-if-missing and says so in the outputs and the summary', async () => {
    aws.state.missing = true;
    const rt = memoryRuntime({
      'function-name': 'orders',
      'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.2.3',
      'create-if-missing': 'true',
      role: 'arn:aws:iam::123456789012:role/orders',
      timeout: '20',
    });
    await runDeployGreen(rt, TARGETS, lambdaDeps(aws.client));
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toMatchObject({
      'green-version': '1',
      'blue-version': '',
      changed: 'true',
      'alias-created': 'true',
      'function-created': 'true',
    });
    expect(rt.summaryText).toContain('#### Function created');
    expect(rt.summaryText).toContain('| timeout | (new) | 20 s |');
  });
});
