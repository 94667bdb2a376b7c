import { describe, it, expect } from '@jest/globals';
import { computeStats, quantile, reportPeriod } from '../src/stats';
import { targetKey, type DeploymentRecord, type DeploymentStatus } from '../src/record';

const MIN = 60_000;

function rec(
  id: string,
  functionName: string,
  status: DeploymentStatus,
  startedAt: string,
  minutes?: number,
): DeploymentRecord {
  return {
    id,
    environment: 'prod',
    targetKind: 'lambda',
    resource: `${functionName}:live`,
    blueVersion: '1',
    greenVersion: '2',
    strategy: 'all-at-once',
    status,
    startedAt,
    ...(minutes === undefined
      ? {}
      : { endedAt: new Date(Date.parse(startedAt) + minutes * MIN).toISOString() }),
    commit: 'c0ffee',
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: 'https://github.com/o/r/actions/runs/1',
  };
}

describe('quantile', () => {
  it('interpolates between ranks', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3], 0.5)).toBe(2);
    // h = 19 × 0.95 = 18.05: 19 + 0.05 × (20 - 19)
    expect(
      quantile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBeCloseTo(19.05, 10);
  });
});

describe('computeStats', () => {
  // Four days; figures worked out by hand in the comments.
  const period = { from: '2025-01-01T00:00:00.000Z', to: '2025-01-05T00:00:00.000Z' };
  const records = [
    rec('r0', 'orders', 'succeeded', '2024-12-31T23:00:00.000Z', 5), // before the period: not counted
    rec('r1', 'orders', 'succeeded', '2025-01-01T10:00:00.000Z', 10),
    rec('r2', 'orders', 'failed', '2025-01-02T10:00:00.000Z', 20), // ends 10:20, restored by r3 at 12:30
    rec('r3', 'orders', 'succeeded', '2025-01-02T12:00:00.000Z', 30),
    rec('r4', 'orders', 'rolled-back', '2025-01-03T09:00:00.000Z', 40), // ends 09:40, r5 ends next day 09:50
    rec('r5', 'orders', 'succeeded', '2025-01-04T09:00:00.000Z', 50),
    rec('r6', 'orders', 'started', '2025-01-04T20:00:00.000Z'),
    rec('b1', 'billing', 'failed', '2025-01-04T21:00:00.000Z', 5), // no later billing success
    rec('r8', 'orders', 'succeeded', '2025-01-04T22:00:00.000Z', 15), // restores nothing of billing
    rec('r9', 'orders', 'succeeded', '2025-01-05T00:00:00.000Z', 1), // at `to`: outside [from, to)
  ];

  it('gives the hand-computed figures', () => {
    const s = computeStats(records, period);
    expect(s.period.days).toBe(4);
    expect(s.count).toBe(8);
    expect(s.inProgress).toBe(1);
    expect([s.succeeded, s.failed, s.rolledBack]).toEqual([4, 2, 1]);
    expect(s.successRate).toBeCloseTo(4 / 7, 12);
    expect(s.changeFailureRate).toBeCloseTo(3 / 7, 12);
    // durations 5 10 15 20 30 40 50 min: median 20; p95 at h = 6 × 0.95 = 5.7 → 40 + 0.7 × 10 = 47
    expect(s.durationMs.median).toBe(20 * MIN);
    expect(s.durationMs.p95).toBe(47 * MIN);
    // r2: 10:20 → 12:30 = 130 min; r4: 09:40 → next day 09:50 = 1450 min; billing never restored
    expect(s.timeToRestoreMs).toEqual({ median: 790 * MIN, restored: 2, unrestored: 1 });
    expect(s.deploymentsPerDay).toBe(2);
    expect(s.successfulPerDay).toBe(1);
  });

  it('counts a rollback apart, as the restore of the release it undid', () => {
    // r4 ended rolled-back at 09:40 on the 3rd; a rollback at 09:45 ends 09:47: restored in 7 min, not 1450.
    const rollback = {
      ...rec('rb', 'orders', 'succeeded', '2025-01-03T09:45:00.000Z', 2),
      strategy: 'rollback',
    };
    const s = computeStats([...records, rollback], period);
    expect(s.rollbacks).toBe(1);
    expect([s.count, s.succeeded, s.failed, s.rolledBack]).toEqual([8, 4, 2, 1]);
    expect(s.changeFailureRate).toBeCloseTo(3 / 7, 12);
    // r2 130 min, r4 7 min: median 68.5 min
    expect(s.timeToRestoreMs).toEqual({ median: 68.5 * MIN, restored: 2, unrestored: 1 });
  });

  it('counts hotfixes among the releases and apart, with their successes; older records are releases', () => {
    const hotfix = {
      ...rec('hf', 'orders', 'succeeded', '2025-01-03T10:00:00.000Z', 3),
      releaseKind: 'hotfix' as const,
    };
    const failedHotfix = {
      ...rec('hf2', 'orders', 'failed', '2025-01-03T11:00:00.000Z', 3),
      releaseKind: 'hotfix' as const,
    };
    const base = computeStats(records, period);
    expect(base.hotfixes).toEqual({ count: 0, succeeded: 0 });
    const s = computeStats([...records, hotfix, failedHotfix], period);
    expect(s.hotfixes).toEqual({ count: 2, succeeded: 1 });
    expect(s.count).toBe(base.count + 2);
  });

  it('answers null rates for a period with nothing finished', () => {
    const s = computeStats([rec('x', 'orders', 'started', '2025-01-02T00:00:00.000Z')], period);
    expect(s).toMatchObject({
      count: 1,
      inProgress: 1,
      successRate: null,
      changeFailureRate: null,
      durationMs: { median: null, p95: null },
      timeToRestoreMs: { median: null, restored: 0, unrestored: 0 },
      deploymentsPerDay: 0.25,
    });
  });

  it('takes the last N days up to now', () => {
    expect(reportPeriod(Date.parse('2025-01-31T12:00:00Z'), 30)).toEqual({
      from: '2025-01-01T12:00:00.000Z',
      to: '2025-01-31T12:00:00.000Z',
    });
    expect(() => computeStats([], { from: period.to, to: period.from })).toThrow(/is empty/);
  });

  it('computes a 10,000-record report that matches a naive recount', () => {
    const targets = ['orders', 'billing', 'search', 'auth', 'mail'];
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const all: DeploymentRecord[] = [];
    for (let i = 0; i < 2000; i++) {
      targets.forEach((fn, t) => {
        const status: DeploymentStatus =
          i % 5 === 4
            ? 'failed'
            : i % 11 === 10
              ? 'rolled-back'
              : i === 1998 && t === 0
                ? 'started'
                : 'succeeded';
        const at = new Date(start + (i * 60 + t * 7) * MIN).toISOString();
        all.push(rec(`${fn}-${i}`, fn, status, at, status === 'started' ? undefined : (i * 7 + t) % 45));
      });
    }
    const period = reportPeriod(start + 2000 * 60 * MIN, 90);

    const cpu = process.cpuUsage();
    const s = computeStats(all, period);
    const used = process.cpuUsage(cpu);
    console.log(`stats over ${all.length} records: ${((used.user + used.system) / 1000).toFixed(1)} ms CPU`);

    // Naive: every figure straight from its definition.
    const finished = all.filter((r) => r.status !== 'started');
    const dur = finished.map((r) => Date.parse(r.endedAt!) - Date.parse(r.startedAt)).sort((a, b) => a - b);
    const bad = finished.filter((r) => r.status === 'failed' || r.status === 'rolled-back');
    const restores: number[] = [];
    let unrestored = 0;
    const successes = finished
      .filter((r) => r.status === 'succeeded')
      .map((r) => ({ key: targetKey(r), ended: Date.parse(r.endedAt!) }));
    for (const f of bad) {
      const key = targetKey(f);
      const failedAt = Date.parse(f.endedAt!);
      let best = Infinity;
      for (const r of successes) {
        const gap = r.ended - failedAt;
        if (r.key === key && gap >= 0 && gap < best) best = gap;
      }
      if (best === Infinity) unrestored++;
      else restores.push(best);
    }
    restores.sort((a, b) => a - b);
    const mid = (xs: number[]) =>
      xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
    const h = 0.95 * (dur.length - 1);
    const lo = Math.floor(h);

    expect(s.count).toBe(10_000);
    expect(s.inProgress).toBe(1);
    expect(s.failed).toBe(2000);
    expect(s.succeeded + s.failed + s.rolledBack).toBe(finished.length);
    expect(s.changeFailureRate).toBeCloseTo(bad.length / finished.length, 12);
    expect(s.durationMs.median).toBe(mid(dur));
    expect(s.durationMs.p95).toBe(Math.round(dur[lo]! + (h - lo) * (dur[lo + 1]! - dur[lo]!)));
    expect(s.timeToRestoreMs).toEqual({
      median: Math.round(mid(restores)),
      restored: restores.length,
      unrestored,
    });
    expect(unrestored).toBe(5);
    expect(s.deploymentsPerDay).toBeCloseTo(10_000 / 90, 10);
  });
});
