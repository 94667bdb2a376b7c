// Per-step bakes through the bundle: each step waits its own bake on the clock the actions share.
import { describe, it, expect } from '@jest/globals';
import { ok, useBed } from './bed';

const bed = useBed();
const SCALE = 600;

/** The elapsed seconds of each "shifted" row of shift-traffic's summary timeline. */
function shiftedAt(summary: string): number[] {
  return [...summary.matchAll(/\| \+(\d+)s \| [\d/]+ \| \d+% \| shifted:/g)].map((m) => Number(m[1]));
}

describe('a plan with a bake per step', () => {
  it('bakes 10% for 2m, 50% for bake-time (1m), then promotes', async () => {
    const node = process.execPath;
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const green = await bed.run('deploy-green', node, { 'zip-file': bed.zip() });
    ok(green);
    const clock = { DEPLOY_ACTIONS_CLOCK: `${Date.now()}:${SCALE}` };
    const r = await bed.run(
      'shift-traffic',
      node,
      { 'green-version': green.outputs['green-version']!, steps: '10:2m,50,100', 'bake-time': '1m' },
      { env: { ...bed.options({}).env, ...clock } },
    );
    ok(r);
    expect(r.outputs).toMatchObject({ status: 'promoted', weight: '100' });
    expect(r.writes).toEqual(['UpdateAlias', 'UpdateAlias', 'UpdateAlias']);
    const [first, second, third] = shiftedAt(r.summary);
    // Simulated seconds; a few of slack for the real milliseconds each call takes at this scale.
    expect(second! - first!).toBeGreaterThanOrEqual(120);
    expect(second! - first!).toBeLessThan(135);
    expect(third! - second!).toBeGreaterThanOrEqual(60);
    expect(third! - second!).toBeLessThan(75);
  });
});
