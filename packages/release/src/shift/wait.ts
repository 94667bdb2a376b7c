import { formatDuration } from '@deploy-actions/core';
import type { WatchResult } from '@deploy-actions/health';
import type { ShiftOptions } from './types';

/**
 * on-inconclusive wait in mode run: after an inconclusive bake, judge the evidence since the step began every
 * interval until the verdict is conclusive or the step has lasted `limitMs` (max-bake); still inconclusive
 * then, the step fails as the caller's on-unhealthy says.
 */
export async function waitForSample(
  o: ShiftOptions,
  step: { blue: string; percent: number; label: string; since: number; limitMs: number },
  first: WatchResult,
): Promise<WatchResult> {
  let v = first;
  while (v.verdict === 'inconclusive') {
    const left = step.since + step.limitMs - o.clock.now();
    if (left <= 0) {
      return {
        ...v,
        reason: `${v.reason.replace(/\.+$/, '')} (still after max-bake ${formatDuration(step.limitMs)})`,
      };
    }
    const next = Math.min(o.intervalMs, left);
    o.log.info(
      `step ${step.label}: inconclusive, waiting for the sample (on-inconclusive wait): next check in ${formatDuration(next)}, max-bake ends in ${formatDuration(left)}`,
    );
    await o.clock.sleep(next, o.signal);
    v = await o.gate!.watch({
      blue: step.blue,
      green: o.green,
      percent: step.percent,
      label: step.label,
      durationMs: 0,
      signal: o.signal,
      since: step.since,
    });
  }
  return v;
}
