// Cloud Run releases that do not go as planned, through the bundles against the stand-in: a revision failing
// 20% of its requests caught at 10% by Cloud Monitoring, someone else changing the service during a bake, a
// job killed mid-bake, and a rollback to the last good revision from the history.
import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCloudRunTraffic, type CloudRunTraffic } from '@deploy-actions/testbed/cloud-run';
import { startGitHub } from '@deploy-actions/testbed/github';
import { runAction } from '@deploy-actions/testbed/runner';
import { GREEN, GREEN_IMAGE, ok, SERVICE, useCloudRunBed } from './cloud-run-bed';

const bed = useCloudRunBed();
let traffic: CloudRunTraffic | undefined;
afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const PATCH = `PATCH ${SERVICE}`;
const BY_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';

async function greenBesideBlue(): Promise<string> {
  const blue = bed.seed({ trafficFollowsLatest: true });
  ok(await bed.step('deploy-green', { image: GREEN_IMAGE }));
  return blue;
}

describe('Cloud Run: releases that do not go as planned', () => {
  it('catches a revision failing 20% of its requests at 10% and puts 100% back on blue in one patch', async () => {
    const blue = await greenBesideBlue();
    traffic = startCloudRunTraffic({
      standIn: bed.run,
      service: SERVICE,
      clock: bed.clock,
      ratePerMinute: 1200,
      revisions: { [GREEN]: { errorRate: 0.2, latencyMs: { p50: 40, p95: 90 } } },
    });
    const r = await bed.step('shift-traffic', {
      'green-version': GREEN,
      steps: '10,100',
      'bake-time': '10m',
      'max-error-rate': '2',
      'min-invocations': '30',
      window: '3m',
      interval: '30s',
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
    expect(r.errors[0]).toMatch(new RegExp(`${GREEN} error rate [\\d.]+% > max-error-rate 2%`));
    // One patch to 10%, one patch back: blue has everything again.
    expect(r.writes).toEqual([PATCH, PATCH]);
    expect(bed.split()).toBe(`${blue} 100`);
    expect(bed.run.violations()).toEqual([]);
  });

  it('stops when someone else changes the service during a bake, changing nothing more', async () => {
    const blue = await greenBesideBlue();
    bed.run.clearCalls();
    const running = runAction(
      'shift-traffic',
      bed.options({ 'green-version': GREEN, steps: '10,100', 'bake-time': '3m' }),
    );
    // Once step 1 is written, someone else pins the service to blue.
    while (!bed.run.writes().some((c) => c.method === 'PATCH' && c.status < 300)) await sleep(50);
    // The operation (10 s on the bed's clock) and the read-back take well under a second: the bake has begun.
    await sleep(1000);
    bed.run.changeService(SERVICE, (s) => {
      s.traffic = [{ type: BY_REVISION, revision: blue, percent: 100 }];
    });
    const r = await running;
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^Service orders was changed by someone else during the shift: expected .* 90% \/ .* 10%, found 100% on .*; this run changed nothing more\.$/,
    );
    expect(bed.run.writes().filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(bed.split()).toBe(`${blue} 100`);
  });

  it('a job killed mid-bake: the post step puts 100% back on blue', async () => {
    const blue = await greenBesideBlue();
    const opts = bed.options({ 'green-version': GREEN, steps: '10,100', 'bake-time': '30m' });
    const main = await runAction('shift-traffic', {
      ...opts,
      signal: { when: /next check in/, signal: 'SIGKILL' },
    });
    expect(main.signal).toBe('SIGKILL');
    expect(bed.split()).toBe(`${blue} 90 / ${GREEN} 10`);
    const post = await runAction('shift-traffic', { ...opts, phase: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.warnings.join('\n')).toMatch(/the post step restored 100% on /);
    expect(bed.split()).toBe(`${blue} 100`);
  });

  it('rolls back to the last good revision recorded in the history', async () => {
    const gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service', token: 'ghs_job' });
    try {
      const history = { backend: 'github', environment: 'production', 'github-token': 'ghs_job' };
      const env = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'octo-org/orders-service' };
      const release = async (green: string, blue: string, run: string) => {
        const ranEnv = { env: { ...env, GITHUB_RUN_ID: run } };
        const started = await bed.step(
          'record-history',
          { ...history, status: 'started', 'green-version': green, 'blue-version': blue },
          ranEnv,
        );
        ok(started);
        const id = started.outputs['deployment-id']!;
        ok(
          await bed.step('record-history', { ...history, status: 'succeeded', 'deployment-id': id }, ranEnv),
        );
      };
      const blue = await greenBesideBlue();
      await release(blue, '', '101');
      ok(await bed.step('shift-traffic', { 'green-version': GREEN, strategy: 'all-at-once' }));
      await release(GREEN, blue, '102');
      expect(bed.split()).toBe(`${GREEN} 100`);

      const back = await bed.step(
        'rollback',
        { ...history, reason: 'p99 over 1 s', 'remove-green': 'true' },
        { env },
      );
      ok(back);
      expect(back.outputs).toMatchObject({
        'from-version': GREEN,
        'to-version': blue,
        'removed-tags': 'green',
      });
      expect(back.writes).toEqual([PATCH, PATCH]);
      expect(bed.split()).toBe(`${blue} 100`);
      expect((bed.run.service(SERVICE)!.traffic as { tag?: string }[]).some((t) => t.tag === 'green')).toBe(
        false,
      );
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.stop();
    }
  });
});
