import { describe, it, expect } from '@jest/globals';
import { runAction, runMainThenPost } from '@deploy-actions/testbed/runner';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { ok, releaseSequence, useBed } from './bed';

const bed = useBed();

describe.each(nodeBinaries())('on $name, through the bundles', ({ path: node }) => {
  it('deploys v1 and v2, shifts 10/50/100, stops v3 at its failing check, and rolls back a half-done split', async () => {
    await releaseSequence(bed, node);
  });

  async function twoVersions(extra: Record<string, string> = {}) {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    return { 'green-version': '2', steps: '10,100', 'bake-time': '5m', ...extra };
  }

  it('runs the CodeDeploy configurations with the defaults the runner fills in from action.yml', async () => {
    await twoVersions();
    const all = await bed.run('shift-traffic', node, { 'green-version': '2', strategy: 'LambdaAllAtOnce' });
    ok(all);
    expect(all.outputs.status).toBe('promoted');
    expect(await bed.alias()).toBe('2');

    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    // The 5-minute canary is cut short once its schedule shows: 10% first, then 5 minutes to the next check.
    const canary = await bed.run(
      'shift-traffic',
      node,
      { 'green-version': '3', strategy: 'LambdaCanary10Percent5Minutes' },
      { signal: { when: /next check in/, signal: 'SIGTERM' } },
    );
    expect(canary.stdout).toMatch(/Plan LambdaCanary10Percent5Minutes: 10% → 100% from v2 to v3/);
    expect(canary.stdout).toMatch(/step 1\/2: 10% to v3, next check in 5m/);
    expect(await bed.alias()).toBe('2');
  });

  it('SIGTERM mid-bake: the step restores 100% on blue itself, the post step finds nothing to do', async () => {
    const { main, post } = await runMainThenPost('shift-traffic', {
      ...bed.options(await twoVersions()),
      node,
      signal: { when: /next check in 5m/, signal: 'SIGTERM' },
    });
    expect(main.code).toBe(1);
    expect(main.outputs).toMatchObject({ status: 'rolled-back' });
    expect(main.errors.join('\n')).toMatch(/Cancelled at step 1\/2. Traffic restored: 100% on v1/);
    expect(post?.code).toBe(0);
    expect(post?.stdout).toMatch(/nothing to clean up/);
    expect(await bed.alias()).toBe('1');
  });

  it('SIGKILL mid-bake (no chance to clean up): the post step puts 100% back on blue', async () => {
    const opts = { ...bed.options(await twoVersions()), node };
    const main = await runAction('shift-traffic', {
      ...opts,
      signal: { when: /next check in 5m/, signal: 'SIGKILL' },
    });
    expect(main.signal).toBe('SIGKILL');
    expect(await bed.alias()).toBe('1 + 2@0.1');
    // The runner runs the post step with the state the main step saved before it died.
    const post = await runAction('shift-traffic', { ...opts, phase: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toMatch(
      /interrupted at v1 90% \/ v2 10%; the post step restored 100% on v1/,
    );
    expect(await bed.alias()).toBe('1');
  });

  it('on-cancel: leave keeps the split after SIGINT', async () => {
    const { main, post } = await runMainThenPost('shift-traffic', {
      ...bed.options(await twoVersions({ 'on-cancel': 'leave' })),
      node,
      signal: { when: /next check in 5m/, signal: 'SIGINT' },
    });
    expect(main.outputs).toMatchObject({ status: 'in-progress', weight: '10' });
    expect(post?.code).toBe(0);
    expect(await bed.alias()).toBe('1 + 2@0.1');
  });
});
