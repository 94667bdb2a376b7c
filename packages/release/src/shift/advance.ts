// shift-traffic mode advance: one scheduled run of a checkpointed rollout. It reads the routing and checkpoint,
// judges the evidence since the step began, and does exactly one of: nothing yet, the next step, promotion,
// or rollback; each of the last three is one write.
import { DeployError } from '@deploy-actions/core';
import type { WatchResult } from '@deploy-actions/health';
import { allOn, capital, greenPercent, type RoutingState } from '../routing';
import { decide, maxBakeOf } from './decide';
import {
  describeOf,
  readStanding,
  refuseOtherGreen,
  refuseOtherPlan,
  stepLabel,
  writeStep,
  type RolloutOptions,
  type RolloutResult,
} from './rollout';
import { checkStep } from './standing';

export async function advanceRollout(o: RolloutOptions): Promise<RolloutResult> {
  const now = await readStanding(o);
  refuseOtherGreen(o, now);
  const cp = now.checkpoint;
  if (!cp) return noRollout(o, now);
  refuseOtherPlan(o, cp);
  if (cp.watch) return (await import('./watch')).watchTick(o, now, cp);
  const { blue, step } = checkStep(o, now, cp);
  const label = stepLabel(o.plan, cp.step);
  const verdict = await judge(o, blue, step.percent, label, cp.since);
  const d = decide({
    now: o.clock.now(),
    since: cp.since,
    bakeMs: step.bakeMs,
    maxBakeMs: maxBakeOf(o.maxBakeMs, step.bakeMs),
    ...(verdict && { verdict: verdict.verdict }),
    onInconclusive: o.onInconclusive,
  });
  const health = verdict ? `; health ${verdict.verdict}: ${verdict.reason}` : '';
  const base = { blue, green: o.green, percent: step.percent, step: cp.step };
  if (d.kind === 'wait') {
    const message = `step ${label}: ${step.percent}% on ${o.router.label(o.green)} since ${new Date(cp.since).toISOString()}, ${d.why}${health}; next due ${new Date(d.due).toISOString()}. Nothing to do yet.`;
    o.log.info(message);
    return { ...base, status: 'in-progress', nextDue: d.due, message, writes: 0 };
  }
  if (d.kind === 'fail') return failStep(o, now, base, `${d.why} at step ${label}`, verdict);
  const next = o.plan.steps[cp.step + 1]!.percent;
  if (o.hold?.includes(next)) {
    return heldStep(
      o,
      { ...base, nextDue: cp.since + step.bakeMs },
      `step ${label}: ${d.why}${health}`,
      next,
    );
  }
  o.log.info(`step ${label}: ${d.why}${health}.`);
  const r = await writeStep(o, now, blue, cp.step + 1);
  o.log.info(r.message);
  return r;
}

/** A due step whose next percentage is in hold-steps: no write; the run without them (the approved one) moves it. */
function heldStep(
  o: RolloutOptions,
  base: Pick<RolloutResult, 'blue' | 'green' | 'percent' | 'step' | 'nextDue'>,
  done: string,
  next: number,
): RolloutResult {
  const into = next >= 100 ? '100% (promotion)' : `${next}%`;
  const message = `${done}; the next step, ${into} on ${o.router.label(o.green)}, is held (hold-steps ${o.hold!.join(',')}): it waits for the approved run. This run changed nothing.`;
  o.log.info(message);
  return { ...base, status: 'in-progress', message, writes: 0, held: true };
}

/** The verdict on the evidence since the step began: one evaluation, no bake within the run. */
async function judge(
  o: RolloutOptions,
  blue: string,
  percent: number,
  label: string,
  since: number,
): Promise<WatchResult | undefined> {
  if (!o.gate) return undefined;
  return o.gate.watch({ blue, green: o.green, percent, label, durationMs: 0, signal: o.signal, since });
}

/** No checkpoint: all on one version is no rollout (nothing to do); a split without one is not ours to move. */
function noRollout(o: RolloutOptions, now: RoutingState): RolloutResult {
  const L = o.router.label;
  if (now.green) {
    throw new DeployError(
      `${capital(o.router.name)} is split (${describeOf(o)(now)}) but holds no checkpoint: it is not a checkpointed rollout (a mode run shift that stopped, or its checkpoint was cleared). Finish it with mode run or roll it back; this run changed nothing.`,
    );
  }
  const done = now.version === o.green ? `: ${L(o.green)} is fully live` : '';
  const message = `${capital(o.router.name)} sends 100% to ${L(now.version)} and holds no checkpoint: no rollout to advance${done}. This run changed nothing.`;
  o.log.info(message);
  return {
    status: 'none',
    percent: greenPercent(now, o.green),
    blue: now.version,
    green: o.green,
    message,
    writes: 0,
  };
}

/** A failed step: back to 100% blue in one write (clearing the checkpoint), or left as it is (on-unhealthy: fail). */
async function failStep(
  o: RolloutOptions,
  now: RoutingState,
  base: Pick<RolloutResult, 'blue' | 'green' | 'percent' | 'step'>,
  why: string,
  verdict: WatchResult | undefined,
): Promise<RolloutResult> {
  const L = o.router.label;
  const what = `${why} (${base.percent}% on ${L(o.green)})${verdict ? `: ${verdict.reason.replace(/\.+$/, '')}` : ''}`;
  if (o.onUnhealthy === 'fail') {
    const failure = `${what}. on-unhealthy is fail: traffic stays at ${describeOf(o)(now)}.`;
    o.log.warning(failure);
    return { ...base, status: 'in-progress', message: failure, failure, reason: what, writes: 0 };
  }
  await o.router.write(allOn(base.blue), now);
  const failure = `${what}. Traffic restored: 100% on ${L(base.blue)}; checkpoint cleared.`;
  o.log.info(failure);
  return { ...base, status: 'rolled-back', percent: 0, message: failure, failure, reason: what, writes: 1 };
}
