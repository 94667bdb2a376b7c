import { ConcurrentChangeError, DeployError, formatDuration } from '@deploy-actions/core';
import type { WatchResult } from '@deploy-actions/health';
import { capital, describeRouting, percentOf, routingAt, type Routing, type RoutingState } from '../routing';
import { bake } from './bake';
import { afterFailure } from './restore';
import { type ShiftOptions, type ShiftResult, type ShiftRun, type ShiftStatus } from './types';
import { afterBake } from './verdict';
import { maxBakeOf } from './decide';
import { waitForSample } from './wait';

export * from './types';

/** Moves traffic step by step from blue to green, judging each step; restores blue on a bad verdict. */
export async function shiftTraffic(o: ShiftOptions): Promise<ShiftResult> {
  const { router, green, log } = o;
  const L = router.label;
  const describe = (r: Routing) => describeRouting(r, L);
  const start = await router.read();
  if (!start) {
    throw new DeployError(`${router.missing}.`);
  }
  const timeline: ShiftResult['timeline'] = [];
  const note = (step: string, percent: number, event: string) =>
    timeline.push({ at: o.clock.now(), step, percent, event });
  if (start.green && start.green !== green) {
    throw new ConcurrentChangeError(
      `${capital(router.name)} is split between ${L(start.version)} and ${L(start.green)} (${describe(start)}): a deployment of ${L(start.green)} is in progress. Finish it with shift-traffic or undo it with rollback first; this run changed nothing.`,
    );
  }
  if (!start.green && start.version === green) {
    log.info(`${capital(router.name)} already sends 100% to ${L(green)}: nothing to shift.`);
    note('-', 100, `already 100% on ${L(green)}`);
    return { status: 'promoted', percent: 100, blue: green, green, timeline };
  }
  const blue = start.version;
  await router.checkPair(blue, green);
  const run: ShiftRun = {
    o,
    blue,
    start,
    expected: start,
    timeline,
    note,
    describe,
    result: (status: ShiftStatus, percent: number, failure?: string) => ({
      status,
      percent,
      blue,
      green,
      timeline,
      ...(failure && { failure }),
    }),
  };

  const current = start.green ? percentOf(start.greenWeight) : 0;
  const steps = o.plan.steps.filter((s) => s.percent > current);
  if (current > 0) log.info(`Resuming: ${router.name} already sends ${current}% to ${L(green)}.`);
  log.info(
    `Plan ${o.plan.name}: ${steps.map((s) => `${s.percent}%`).join(' → ')} from ${L(blue)} to ${L(green)}.`,
  );
  if (steps.length === 0) return run.result('in-progress', current);

  let read: RoutingState = start;
  let label = '';
  try {
    for (const [i, step] of steps.entries()) {
      label = `${i + 1}/${steps.length}`;
      const last = i === steps.length - 1;
      const target = routingAt(blue, green, step.percent);
      await router.write(target, read);
      run.expected = target;
      o.onRouting?.(target, blue);
      note(label, step.percent, `shifted: ${describe(target)}`);
      // The checks watch the bake (evaluating every interval) and, after the last step, `finalWatchMs`,
      // as CodeDeploy's AfterAllowTraffic hook checks after all traffic has moved.
      const watchMs = last ? o.finalWatchMs : step.bakeMs;
      log.info(`step ${label}: ${step.percent}% to ${L(green)}${nextCheck(o, watchMs)}`);
      if (o.signal.aborted) throw o.signal.reason;
      let verdict: WatchResult | undefined;
      if (o.gate) {
        const since = o.clock.now();
        const at = { blue, percent: step.percent, label, since, limitMs: maxBakeOf(o.maxBakeMs, watchMs) };
        verdict = await o.gate.watch({
          blue,
          green,
          percent: step.percent,
          label,
          durationMs: watchMs,
          signal: o.signal,
        });
        if (o.onInconclusive === 'wait') verdict = await waitForSample(o, at, verdict);
      } else if (step.bakeMs > 0) {
        await bake(o, label, step.percent, step.bakeMs);
      }
      if (!last || verdict) {
        const after = await afterBake(run, label, step.percent, verdict);
        if (after.ended) return after.ended;
        read = after.now;
      }
      if (last && step.percent >= 100) {
        log.info(`shift complete: 100% on ${L(green)}, promoted.`);
        return run.result('promoted', 100);
      }
      if (last) {
        log.info(`the plan ends at ${step.percent}% and leaves the split in place.`);
        return run.result('in-progress', step.percent);
      }
    }
  } catch (err) {
    return afterFailure(run, label, err);
  }
  throw new Error('unreachable: the plan always ends with a return');
}

function nextCheck(o: ShiftOptions, watchMs: number): string {
  if (watchMs > 0)
    return `, next check in ${formatDuration(o.gate ? Math.min(o.intervalMs, watchMs) : watchMs)}`;
  return o.gate ? ', checking now' : '';
}
