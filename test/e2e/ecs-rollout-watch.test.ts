// A checkpointed ECS rollout as the scheduled workflow (progressive.yml) drives it, through the bundles against
// moto: its read-only status job, a tick holding a step of approval-steps and the approved run moving it, and
// the watch after promotion judging green's target group alone. Each run is a job of its own on the clock the
// actions share; the checkpoint is a tag of the production listener.
import { describe, it, expect, afterEach } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { scaledClock } from '@deploy-actions/core';
import {
  startAlbTraffic,
  type AlbTraffic,
  type TargetGroupBehaviour,
} from '@deploy-actions/testbed/alb-traffic';
import { ok, scheduledJobs } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed();
/** Ten simulated minutes per real second. */
const SCALE = 600;
const HOUR = 3_600_000;
let traffic: AlbTraffic | undefined;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const steady: TargetGroupBehaviour = { errorRate: 0, latencyMs: { p50: 20, p95: 40 } };
const label = (taskDefinitionArn: string) => taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);

/** Green deployed to the idle service; returns both task definitions. */
async function deployGreen(): Promise<{ green: string; blue: string }> {
  const r = await bed.run('deploy-green', {
    'container-name': bed.stack.containerName,
    image: 'orders:2.0.0',
  });
  ok(r);
  return { green: r.outputs['green-version']!, blue: r.outputs['blue-version']! };
}

/** Scheduled jobs on a clock of SCALE from now, and a sleep until a simulated time on it. */
function schedule(firstRun: number) {
  const epoch = Date.now();
  const clock = scaledClock(epoch, SCALE);
  const until = (at: number) => sleep(Math.max(0, at - clock.now()) / SCALE + 200);
  return { job: scheduledJobs(epoch, SCALE, firstRun), clock, until };
}

describe('ECS: mode status and hold-steps through the bundle', () => {
  it('status reads where the rollout stands, due or not, and writes nothing', async () => {
    const v = await deployGreen();
    const { job, until } = schedule(300);
    // As the find job runs it: no green-version, the plan the start was given.
    const plan = { steps: '25:1h,50:1h,100' };
    const status = () => bed.run('shift-traffic', { ...plan, mode: 'status' }, job());

    const none = await status();
    ok(none);
    expect(none.outputs).toMatchObject({ status: 'none', weight: '0', step: '', due: 'false' });
    expect(none.writes).toEqual([]);

    ok(await bed.run('shift-traffic', { ...plan, 'green-version': v.green, mode: 'start' }, job()));
    const tag = await bed.checkpointTag();
    expect(tag).toMatch(/ s=0 t=\d+ r=302\.1$/);

    const early = await status();
    ok(early);
    expect(early.writes).toEqual([]);
    expect(early.outputs).toMatchObject({
      status: 'in-progress',
      weight: '25',
      step: '1',
      'next-percent': '50',
      due: 'false',
      'green-version': v.green,
      'blue-version': v.blue,
    });
    expect(early.summary).toMatch(/step 1\/3, 25%, next 50% due \d{4}-/);

    await until(Date.parse(early.outputs['next-due']!));
    const due = await status();
    ok(due);
    expect(due.writes).toEqual([]);
    expect(due.outputs).toMatchObject({ status: 'in-progress', weight: '25', due: 'true' });
    expect(due.outputs['next-due']).toBe(early.outputs['next-due']);
    expect((await bed.weights()).weights).toEqual([75, 25]);
    expect(await bed.checkpointTag()).toBe(tag);
  });

  it('a tick holds a due step of hold-steps, writing nothing; the approved run without them moves it', async () => {
    const v = await deployGreen();
    const { job, until } = schedule(400);
    const plan = { 'green-version': v.green, steps: '25:1h,50:1h,100' };
    // The watch job of progressive.yml passes approval-steps as hold-steps; the approve job runs without them.
    const tick = () => bed.run('shift-traffic', { ...plan, mode: 'advance', 'hold-steps': '100' }, job());
    const start = await bed.run('shift-traffic', { ...plan, mode: 'start' }, job());
    ok(start);

    // 50% is not held: the tick after the first bake moves into it.
    await until(Date.parse(start.outputs['next-due']!));
    const second = await tick();
    ok(second);
    expect(second.outputs).toMatchObject({ status: 'in-progress', weight: '50', held: 'false' });
    expect(second.writes).toEqual(['ModifyListener', 'AddTags']);

    const early = await tick();
    ok(early);
    expect(early.outputs).toMatchObject({ status: 'in-progress', weight: '50', held: 'false' });
    expect(early.writes).toEqual([]);

    await until(Date.parse(second.outputs['next-due']!));
    const tag = await bed.checkpointTag();
    const held = await tick();
    ok(held);
    expect(held.outputs).toMatchObject({ status: 'in-progress', weight: '50', step: '2', held: 'true' });
    expect(held.writes).toEqual([]);
    expect(held.stdout).toMatch(
      /100% \(promotion\) on .*, is held \(hold-steps 100\): it waits for the approved run/,
    );
    expect((await bed.weights()).weights).toEqual([50, 50]);
    expect(await bed.checkpointTag()).toBe(tag);

    // What the find job reads to ask the reviewers: the bake is over and the next step is 100.
    const found = await bed.run('shift-traffic', { steps: plan.steps, mode: 'status' }, job());
    ok(found);
    expect(found.outputs).toMatchObject({ due: 'true', 'next-percent': '100' });
    expect(found.writes).toEqual([]);

    const approved = await bed.run('shift-traffic', { ...plan, mode: 'advance' }, job());
    ok(approved);
    expect(approved.outputs).toMatchObject({ status: 'promoted', weight: '100', held: 'false' });
    expect(approved.writes).toEqual(['ModifyListener', 'RemoveTags']);
    expect((await bed.weights()).weights).toEqual([0, 100]);
    expect(await bed.checkpointTag()).toBeUndefined();
  });
});

describe('ECS: watch-after through the bundle, against simulated load balancer traffic', () => {
  it('promotes into the watch, judges green alone, and rolls back to blue at the first run after it turns bad', async () => {
    const v = await deployGreen();
    const { job, clock, until } = schedule(900);
    traffic = startAlbTraffic({
      endpoint: bed.moto.url,
      listenerArn: bed.stack.productionListenerArn,
      clock,
      ratePerMinute: 20,
      targetGroups: { [bed.stack.blue.targetGroupArn]: steady, [bed.stack.green.targetGroupArn]: steady },
      tickMs: 60_000,
      seed: 12,
    });
    const inputs = {
      'green-version': v.green,
      steps: '50:1h,100',
      'watch-after': '24h',
      'max-error-rate': '5',
    };
    const start = await bed.run('shift-traffic', { ...inputs, mode: 'start' }, job());
    ok(start);
    await until(Date.parse(start.outputs['next-due']!));

    const promoted = await bed.run('shift-traffic', { ...inputs, mode: 'advance' }, job());
    ok(promoted);
    expect(promoted.outputs).toMatchObject({ status: 'watching', weight: '100' });
    expect(promoted.writes).toEqual(['ModifyListener', 'AddTags']);
    expect((await bed.weights()).weights).toEqual([0, 100]);
    expect(await bed.checkpointTag()).toMatch(
      new RegExp(
        `^deploy-actions/2 .* s=1 t=\\d+ r=\\d+\\.1 w=86400 b=${v.blue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
    const began = Date.parse(promoted.outputs['next-due']!) - HOUR;
    // The find job sees an active rollout, so that every tick of the watch runs.
    const status = () => bed.run('shift-traffic', { steps: inputs.steps, mode: 'status' }, job());
    const found = await status();
    ok(found);
    expect(found.outputs).toMatchObject({
      status: 'watching',
      weight: '100',
      due: 'true',
      'green-version': v.green,
      'blue-version': v.blue,
    });
    expect(found.writes).toEqual([]);

    // Runs every simulated hour; green fails every request from hour 4.5 of the watch.
    const seen: { at: number; status: string; writes: string[]; summary: string }[] = [];
    for (let i = 0; i < 8 && seen.at(-1)?.status !== 'rolled-back'; i++) {
      if (i === 4) {
        await until(began + 4.5 * HOUR);
        traffic.setBehaviour(bed.stack.green.targetGroupArn, { ...steady, errorRate: 1 });
      }
      await until(began + (i + 1) * HOUR);
      const at = clock.now();
      const r = await bed.run('shift-traffic', { ...inputs, mode: 'advance' }, job());
      seen.push({ at, status: r.outputs.status!, writes: r.writes, summary: r.summary });
      if (r.outputs.status !== 'rolled-back') ok(r);
    }
    const last = seen.at(-1)!;
    expect(last.status).toBe('rolled-back');
    expect(seen).toHaveLength(5);
    expect(last.at - began).toBeGreaterThanOrEqual(5 * HOUR);
    expect(last.writes).toEqual(['ModifyListener', 'RemoveTags']);
    expect(last.summary).toMatch(
      new RegExp(`unhealthy in the watch after promotion \\(${label(v.green)} alone,.*error rate`),
    );
    const before = seen.slice(0, -1);
    expect(before.map((s) => [s.status, s.writes])).toEqual(before.map(() => ['watching', []]));
    expect(before[0]!.summary).toMatch(/Watch judgment at 1h: healthy/);
    expect((await bed.weights()).weights).toEqual([100, 0]);
    expect(await bed.checkpointTag()).toBeUndefined();
    const after = await status();
    ok(after);
    expect(after.outputs).toMatchObject({ status: 'none', weight: '0', 'blue-version': v.blue });
  });
});
