// The watch after promotion through the bundle (watch-after), against moto: the traffic simulator writes each
// invocation's report records; scheduled advance runs, each a job of its own on the clock the actions share,
// promote green, judge it alone, and roll back to blue at hour 5 of the watch, after its runs start failing.
import { describe, it, expect, afterEach } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { scaledClock } from '@deploy-actions/core';
import { startTraffic, type Traffic, type VersionBehaviour } from '@deploy-actions/testbed/traffic';
import { FN, ok, scheduledJobs, useBed } from './bed';

const bed = useBed();
/** Ten simulated minutes per real second. */
const SCALE = 600;
const HOUR = 3_600_000;
const node = process.execPath;
let traffic: Traffic | undefined;

afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
});

const steady: VersionBehaviour = { errorRate: 0, latencyMs: { p50: 20, p95: 20 }, memoryMb: 200 };

describe('watch-after through the bundle', () => {
  it('promotes into the watch, judges green alone at 1h, and rolls back at hour 5, the first run after it turns bad', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const green = await bed.run('deploy-green', node, { 'zip-file': bed.zip() });
    ok(green);
    // CloudWatch Logs takes events up to 2 hours ahead: the simulated clock starts 12 hours behind, its epoch
    // (where both clocks agree) a little ahead of now.
    const epoch = Date.now() + Math.round((12 * HOUR) / (SCALE - 1));
    const now = () => epoch + (Date.now() - epoch) * SCALE;
    traffic = startTraffic({
      endpoint: bed.moto.url,
      functionName: FN,
      alias: 'live',
      clock: scaledClock(epoch, SCALE),
      ratePerMinute: 1,
      versions: { '1': steady, '2': steady },
      seed: 11,
      logs: { format: 'text' },
    });
    const job = scheduledJobs(epoch, SCALE, 900);
    const inputs = {
      'green-version': green.outputs['green-version']!,
      steps: '50:1h,100',
      'watch-after': '24h',
      'max-consecutive-failures': '3',
    };
    ok(
      await bed.run(
        'shift-traffic',
        node,
        { ...inputs, mode: 'start', 'max-consecutive-failures': '' },
        job(),
      ),
    );
    await sleep(HOUR / SCALE + 200);

    const promoted = await bed.run('shift-traffic', node, { ...inputs, mode: 'advance' }, job());
    ok(promoted);
    expect(promoted.outputs).toMatchObject({ status: 'watching', weight: '100' });
    expect(promoted.writes).toEqual(['UpdateAlias']);
    expect(await bed.alias()).toBe('2');
    expect(await bed.description()).toMatch(
      /^deploy-actions\/2 g=2 p=[0-9a-f]{8} s=1 t=\d+ r=\d+\.1 w=86400 b=1$/,
    );
    const began = Date.parse(promoted.outputs['next-due']!) - HOUR;

    // Runs every simulated hour; green's runs fail from hour 4.5 of the watch, and the run at hour 5 rolls back.
    const seen: { at: number; status: string; writes: string[]; summary: string }[] = [];
    for (let i = 0; i < 12 && seen.at(-1)?.status !== 'rolled-back'; i++) {
      if (i === 4) {
        await sleep(Math.max(0, began + 4.5 * HOUR - now()) / SCALE);
        traffic.setBehaviour('2', { ...steady, errorRate: 1 });
      }
      await sleep(Math.max(0, began + (i + 1) * HOUR - now()) / SCALE + 100);
      const at = now();
      const r = await bed.run('shift-traffic', node, { ...inputs, mode: 'advance' }, job());
      seen.push({ at, status: r.outputs.status!, writes: r.writes, summary: r.summary });
      if (r.outputs.status !== 'rolled-back') ok(r);
    }
    const last = seen.at(-1)!;
    expect(last.status).toBe('rolled-back');
    expect(last.writes).toEqual(['UpdateAlias']);
    expect(seen).toHaveLength(5);
    expect(last.at - began).toBeGreaterThanOrEqual(5 * HOUR);
    expect(last.at - began).toBeLessThan(6 * HOUR);
    expect(last.summary).toMatch(/unhealthy in the watch after promotion \(v2 alone/);
    const before = seen.slice(0, -1);
    expect(before.every((s) => s.status === 'watching' && s.writes.length === 0)).toBe(true);
    expect(before[0]!.summary).toMatch(/Watch judgment at 1h: healthy/);
    expect(await bed.alias()).toBe('1');
    expect(await bed.description()).toBe('');
  });
});
