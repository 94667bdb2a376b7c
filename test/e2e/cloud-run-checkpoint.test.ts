// A checkpointed rollout of a Cloud Run service through the bundles against the stand-in: the checkpoint is the
// service annotation deploy-actions/checkpoint, written in the same patch as the traffic and removed by
// promotion; status and an advance before the step is due write nothing.
import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { GREEN, GREEN_IMAGE, ok, SERVICE, useCloudRunBed } from './cloud-run-bed';

const bed = useCloudRunBed();
const PATCH = `PATCH ${SERVICE}`;
const ANNOTATION = 'deploy-actions/checkpoint';
/** The bed's clock runs 60 times real time. */
const SPEED = 60;

const annotations = () => (bed.run.service(SERVICE)!.annotations ?? {}) as Record<string, string>;
/** The update masks of the patches the last step sent, one entry per patch. */
const masks = () =>
  bed.run
    .writes()
    .filter((c) => c.method === 'PATCH' && !c.injected && c.status < 300)
    .map((c) => new URLSearchParams(c.query).get('updateMask'));

describe('Cloud Run: a checkpointed rollout in the service annotation', () => {
  it('start writes step 1 and the checkpoint in one patch; advance waits, steps, and promotion removes it', async () => {
    const blue = bed.seed({ trafficFollowsLatest: true });
    // The team's own annotation must survive every write of the rollout.
    bed.run.changeService(SERVICE, (s) => {
      s.annotations = { ...s.annotations, 'team/owner': 'payments' };
    });
    ok(await bed.step('deploy-green', { image: GREEN_IMAGE }));
    const plan = { 'green-version': GREEN, steps: '25:3m,100' };

    const start = await bed.step('shift-traffic', { ...plan, mode: 'start' });
    ok(start);
    expect(start.outputs).toMatchObject({ status: 'in-progress', weight: '25' });
    expect(start.writes).toEqual([PATCH]);
    expect(masks()).toEqual(['traffic,annotations']);
    expect(bed.split()).toBe(`${blue} 75 / ${GREEN} 25`);
    expect(annotations()[ANNOTATION]).toMatch(
      new RegExp(`^deploy-actions/1 g=${GREEN} p=[0-9a-f]{8} s=0 t=\\d+ r=9001\\.1$`),
    );
    expect(annotations()['team/owner']).toBe('payments');

    // status is read-only: the service (etag included) is as start left it.
    const before = bed.run.service(SERVICE)!;
    const status = await bed.step('shift-traffic', { ...plan, mode: 'status' });
    ok(status);
    expect(status.outputs).toMatchObject({
      status: 'in-progress',
      step: '1',
      weight: '25',
      'next-percent': '100',
      due: 'false',
      'green-version': GREEN,
      'blue-version': blue,
    });
    expect(status.writes).toEqual([]);
    expect(bed.run.service(SERVICE)).toEqual(before);

    const early = await bed.step('shift-traffic', { ...plan, mode: 'advance' });
    ok(early);
    expect(early.outputs).toMatchObject({ status: 'in-progress', weight: '25' });
    expect(early.writes).toEqual([]);
    expect(bed.run.service(SERVICE)!.etag).toBe(before.etag);

    // Until the 3m bake is over on the bed's clock (3 s), then the next scheduled run.
    await sleep(Math.max(0, Date.parse(early.outputs['next-due']!) - bed.clock.now()) / SPEED + 300);
    const done = await bed.step('shift-traffic', { ...plan, mode: 'advance' });
    ok(done);
    expect(done.outputs).toMatchObject({ status: 'promoted', weight: '100', 'next-due': '' });
    expect(done.writes).toEqual([PATCH]);
    expect(masks()).toEqual(['traffic,annotations']);
    expect(bed.split()).toBe(`${GREEN} 100`);
    expect(annotations()[ANNOTATION]).toBeUndefined();
    expect(annotations()['team/owner']).toBe('payments');

    const after = await bed.step('shift-traffic', { ...plan, mode: 'status' });
    ok(after);
    expect(after.outputs).toMatchObject({ status: 'none', weight: '100' });
    expect(after.writes).toEqual([]);
    expect(bed.run.violations()).toEqual([]);
  });
});
