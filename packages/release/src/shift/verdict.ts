import { ConcurrentChangeError } from '@deploy-actions/core';
import { passes, type WatchResult } from '@deploy-actions/health';
import { capital, sameRouting, type RoutingState } from '../routing';
import { restoreBlue } from './restore';
import { type ShiftResult, type ShiftRun } from './types';

/**
 * After a step's bake: the router must still route what this run wrote (else someone else is deploying);
 * then the verdict passes, fails the step as it is (on-unhealthy: fail), or restores blue.
 * Returns the routing read, and the shift's result when the verdict ends it.
 */
export async function afterBake(
  run: ShiftRun,
  label: string,
  percent: number,
  verdict: WatchResult | undefined,
): Promise<{ now: RoutingState; ended?: ShiftResult }> {
  const { o, expected } = run;
  const now = await o.router.read();
  if (!now || !sameRouting(now, expected)) {
    throw new ConcurrentChangeError(
      `${capital(o.router.name)} was changed by someone else during the shift: expected ${run.describe(expected)}, found ${now ? run.describe(now) : 'nothing'}. Another deployment is probably in progress; this run changed nothing more.`,
    );
  }
  if (!verdict) return { now };
  run.note(label, percent, `health ${verdict.verdict}: ${verdict.reason}`);
  if (passes(verdict.verdict, o.onInconclusive)) {
    o.log.info(
      `step ${label}: health ${verdict.verdict}${verdict.verdict === 'inconclusive' ? ' (on-inconclusive: pass)' : ''}: ${verdict.reason}`,
    );
    return { now };
  }
  const L = o.router.label;
  const why = `health ${verdict.verdict} at step ${label} (${percent}% on ${L(o.green)}): ${verdict.reason.replace(/\.+$/, '')}`;
  if (o.onUnhealthy === 'fail') {
    const ended = run.result(
      percent >= 100 ? 'promoted' : 'in-progress',
      percent,
      `${why}. on-unhealthy is fail: traffic stays at ${run.describe(expected)}.`,
    );
    return { now, ended };
  }
  await restoreBlue(run, now);
  run.note(label, 0, `rolled back: 100% on ${L(run.blue)}`);
  return { now, ended: run.result('rolled-back', 0, `${why}. Traffic restored: 100% on ${L(run.blue)}.`) };
}
