// A checkpointed rollout through the bundle, as scheduled runs drive it: mode start, then advance runs on the
// clock the actions share (DEPLOY_ACTIONS_CLOCK: an hour of bake in two seconds), each run a job of its own.
// The checkpoint lives in the alias's Description, beside the weights.
import { describe, it, expect } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { runMainThenPost } from '@deploy-actions/testbed/runner';
import { FN, ok, scheduledJobs, useBed } from './bed';

const bed = useBed();
const SCALE = 1800;
const node = process.execPath;

describe('a checkpointed rollout through the bundle', () => {
  it('start, advance runs that wait, step, promote, then find no rollout; each step one write', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const green = await bed.run('deploy-green', node, { 'zip-file': bed.zip() });
    ok(green);
    const epoch = Date.now();
    const now = () => epoch + (Date.now() - epoch) * SCALE;
    const job = scheduledJobs(epoch, SCALE, 700);
    const plan = { 'green-version': green.outputs['green-version']!, steps: '10:4h,50:4h,100' };

    // start, with its post step as the runner runs it: the post step must leave the rollout alone.
    bed.proxy.clearCalls();
    const started = await runMainThenPost('shift-traffic', {
      ...bed.options({ ...plan, mode: 'start' }, job()),
      node,
    });
    ok(started.main);
    expect(started.main.outputs).toMatchObject({ status: 'in-progress', weight: '10' });
    expect(started.post?.stdout).toMatch(/mode start leaves the rollout to the next scheduled run/);
    expect(bed.proxy.writes().map((c) => c.op)).toEqual(['UpdateAlias']);
    expect(await bed.alias()).toBe('1 + 2@0.1');
    expect(await bed.description()).toMatch(/^deploy-actions\/1 g=2 p=[0-9a-f]{8} s=0 t=\d+ r=701\.1$/);

    const advance = () => bed.run('shift-traffic', node, { ...plan, mode: 'advance' }, job());
    const seen: { status: string; weight: string; writes: string[] }[] = [];
    for (let i = 0; i < 40 && seen.at(-1)?.status !== 'none'; i++) {
      const r = await advance();
      ok(r);
      seen.push({ status: r.outputs.status!, weight: r.outputs.weight!, writes: r.writes });
      const due = Date.parse(r.outputs['next-due'] || '') || now();
      // The next scheduled run: at the time it is due, or a sim hour from now while it waits.
      await sleep(Math.max(0, Math.min(due - now(), 3_600_000) / SCALE) + 200);
    }
    const writing = seen.filter((s) => s.writes.length > 0);
    expect(writing).toEqual([
      { status: 'in-progress', weight: '50', writes: ['UpdateAlias'] },
      { status: 'promoted', weight: '100', writes: ['UpdateAlias'] },
    ]);
    expect(
      seen.filter((s) => s.writes.length === 0).every((s) => ['in-progress', 'none'].includes(s.status)),
    ).toBe(true);
    expect(seen.at(-1)).toEqual({ status: 'none', weight: '100', writes: [] });
    expect(await bed.alias()).toBe('2');
    expect(await bed.description()).toBe('');
  });

  it("rollback clears the checkpoint; a user's own alias description is left as it is", async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const green = await bed.run('deploy-green', node, { 'zip-file': bed.zip() });
    ok(green);
    const plan = { 'green-version': green.outputs['green-version']!, steps: '10:1d,100', mode: 'start' };
    ok(await bed.run('shift-traffic', node, plan));
    expect(await bed.description()).toMatch(/^deploy-actions\/1 /);
    const back = await bed.run('rollback', node, { reason: 'stop the rollout' });
    ok(back);
    expect(back.writes).toEqual(['UpdateAlias']);
    expect(await bed.alias()).toBe('1');
    expect(await bed.description()).toBe('');
    const none = await bed.run('shift-traffic', node, { ...plan, mode: 'advance' });
    ok(none);
    expect(none.outputs).toMatchObject({ status: 'none', weight: '0', 'next-due': '' });
    expect(none.writes).toEqual([]);

    // The team's own description of the alias: a shift within one job (mode run) never touches it.
    const lambda = new LambdaClient(clientConfig(bed.moto.url));
    await lambda.send(
      new UpdateAliasCommand({ FunctionName: FN, Name: 'live', Description: 'orders API, prod' }),
    );
    lambda.destroy();
    const shift = await bed.run('shift-traffic', node, {
      ...plan,
      mode: 'run',
      steps: '50,100',
      'bake-time': '0',
    });
    ok(shift);
    expect(await bed.alias()).toBe('2');
    expect(await bed.description()).toBe('orders API, prod');
  });
});
