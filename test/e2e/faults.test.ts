import { describe, it, expect } from '@jest/globals';
import { ok, releaseSequence, useBed } from './bed';

const bed = useBed();
const node = process.execPath;

async function twoVersions() {
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
  ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
}

describe('faults between the actions and AWS', () => {
  it('the whole sequence completes with 30% of all calls throttled (429) or failing (5xx)', async () => {
    // First matching rule wins: 15% throttled, then 15% of all calls (0.15 / 0.85 of the rest) fail with 500.
    bed.proxy.addRule({ kind: 'throttle', rate: 0.15, seed: 7, retryAfterSeconds: '0' });
    bed.proxy.addRule({ kind: '5xx', rate: 0.15 / 0.85, seed: 11 });
    let injected = 0;
    const clearCalls = bed.proxy.clearCalls.bind(bed.proxy);
    // Each action run clears the call log; count the injected faults before it does.
    bed.proxy.clearCalls = () => {
      injected += bed.proxy.calls.filter((c) => c.injected).length;
      clearCalls();
    };
    try {
      await releaseSequence(bed, node);
    } finally {
      bed.proxy.clearCalls = clearCalls;
    }
    injected += bed.proxy.calls.filter((c) => c.injected).length;
    // Enough faults happened for the run to mean something.
    expect(injected).toBeGreaterThan(10);
  });

  it('a 412 on UpdateAlias stops shift-traffic and reports a concurrent deployment', async () => {
    await twoVersions();
    bed.proxy.addRule({ op: 'UpdateAlias', kind: '412' });
    const r = await bed.run('shift-traffic', node, {
      'green-version': '2',
      steps: '10,50,100',
      'bake-time': '0',
    });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /Alias "live" was changed by someone else.*Another deployment is probably in progress; this run changed nothing more/,
    );
    expect(r.writes).toEqual([]);
    expect(await bed.alias()).toBe('1');
  });

  it('a write applied whose response was lost is recognised on retry, not reported as a conflict', async () => {
    await twoVersions();
    bed.proxy.addRule({ op: 'UpdateAlias', kind: 'drop-after', times: 1 });
    const r = await bed.run('shift-traffic', node, {
      'green-version': '2',
      steps: '10,100',
      'bake-time': '0',
    });
    ok(r);
    expect(r.outputs.status).toBe('promoted');
    expect(await bed.alias()).toBe('2');
  });

  it('an alias write that keeps failing mid-shift ends with traffic back on blue, said in the log', async () => {
    await twoVersions();
    // Step 1's write goes through; step 2's fails on all 3 attempts; the restore write goes through.
    bed.proxy.addRule({ op: 'UpdateAlias', kind: 'latency', latencyMs: 1, times: 1 });
    bed.proxy.addRule({ op: 'UpdateAlias', kind: '5xx', times: 3 });
    const r = await bed.run('shift-traffic', node, {
      'green-version': '2',
      steps: '10,50,100',
      'bake-time': '0',
      'max-attempts': '3',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(/Step 2\/3 failed: .*Traffic restored: 100% on v1/);
    expect(await bed.alias()).toBe('1');
  });
});
