// Cloud Run through the bundles against the stand-in: deploy-green beside a service whose traffic follows the
// latest revision, a stepped promotion, a revision that never becomes Ready.
import { describe, expect, it } from '@jest/globals';
import { BLUE_IMAGE, GREEN, GREEN_IMAGE, ok, SERVICE, useCloudRunBed } from './cloud-run-bed';

const bed = useCloudRunBed();

describe('Cloud Run: deploy-green and shift-traffic through the bundles', () => {
  it('gives a new revision 0% and a tag on a service whose traffic follows the latest revision; blue keeps 100%', async () => {
    const blue = bed.seed({ trafficFollowsLatest: true });
    const r = await bed.step('deploy-green', { image: GREEN_IMAGE });
    ok(r);
    expect(r.outputs).toMatchObject({ 'green-version': GREEN, 'blue-version': blue, changed: 'true' });
    expect(r.outputs['green-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(r.writes).toEqual([`PATCH ${SERVICE}`]);
    expect(bed.split()).toBe(`${blue} 100`);
    // Green is the newest revision, Ready, serving only through its tag.
    expect(bed.run.revisions(SERVICE)[0]).toBe(GREEN);
    const health = await fetch(`${r.outputs['green-url']}/health`);
    expect(health.status).toBe(200);
    expect(bed.run.violations()).toEqual([]);

    // A re-run of the same attempt finds the revision with the same image and writes nothing.
    const again = await bed.step('deploy-green', { image: GREEN_IMAGE });
    ok(again);
    expect(again.outputs).toMatchObject({ 'green-version': GREEN, changed: 'false' });
    expect(again.writes).toEqual([]);
  });

  it('promotes with steps 10,50,100: one traffic patch per step', async () => {
    const blue = bed.seed({ trafficFollowsLatest: true });
    ok(await bed.step('deploy-green', { image: GREEN_IMAGE }));
    const r = await bed.step('shift-traffic', {
      'green-version': GREEN,
      steps: '10,50,100',
      'bake-time': '1m',
    });
    ok(r);
    expect(r.outputs).toMatchObject({ status: 'promoted', weight: '100', 'blue-version': blue });
    expect(r.stdout).toMatch(/step 1\/3: 10% to orders-abc1234-1/);
    expect(r.writes).toEqual([`PATCH ${SERVICE}`, `PATCH ${SERVICE}`, `PATCH ${SERVICE}`]);
    expect(bed.split()).toBe(`${GREEN} 100`);
    expect(bed.run.violations()).toEqual([]);
  });

  it('fails deploy-green with the condition message of a revision that never becomes Ready; traffic unchanged', async () => {
    const blue = bed.seed({ trafficFollowsLatest: true });
    const broken = 'europe-docker.pkg.dev/demo-project/app/orders:broken';
    bed.run.failRevisionsWithImage(broken);
    const before = bed.run.service(SERVICE)!.traffic;
    const r = await bed.step('deploy-green', { image: broken });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      new RegExp(
        `^Revision ${GREEN} did not become Ready: .*failed to start.*\\. Traffic is as it was: 100% on ${blue}\\.$`,
      ),
    );
    expect(bed.split()).toBe(`${blue} 100`);
    expect(bed.run.service(SERVICE)!.traffic).toEqual(before);
    expect(bed.run.revision(blue)).toMatchObject({
      containers: [expect.objectContaining({ image: BLUE_IMAGE })],
    });
  });
});
