// shift-traffic mode status: where a checkpointed rollout stands, as outputs a scheduled driver's jobs decide on.
import type { Runtime } from '@deploy-actions/core';
import { failureMessage } from './common';
import type { ShiftInputs } from './shift-inputs';
import type { OpenedShift } from './shift-traffic';

export async function runStatus(rt: Runtime, i: ShiftInputs, { router, clock }: OpenedShift): Promise<void> {
  const { rolloutStatus } = await import('../shift/status');
  let r: Awaited<ReturnType<typeof rolloutStatus>>;
  try {
    r = await rolloutStatus({
      router,
      ...(i.green && { green: i.green }),
      plan: i.plan,
      log: rt,
      clock,
    });
  } catch (err) {
    rt.setOutput('reason', failureMessage(err));
    throw err;
  }
  const inProgress = r.status === 'in-progress';
  const watching = r.status === 'watching';
  rt.setOutput('status', r.status);
  rt.setOutput('weight', String(r.percent));
  rt.setOutput('step', inProgress || watching ? String(r.step! + 1) : '');
  rt.setOutput('next-percent', inProgress ? String(r.nextPercent) : '');
  rt.setOutput('due', String(r.due));
  rt.setOutput('next-due', r.nextDue !== undefined ? new Date(r.nextDue).toISOString() : '');
  rt.setOutput('blue-version', r.blue);
  rt.setOutput('green-version', r.green);
  const L = router.label;
  const title = watching
    ? `${L(r.green)} promoted, watched until ${new Date(r.watchEnds!).toISOString()} (back to ${L(r.blue)} if it turns bad), next mark due ${new Date(r.nextDue!).toISOString()}`
    : inProgress
      ? `${L(r.blue)} → ${L(r.green)}: step ${r.step! + 1}/${i.plan.steps.length}, ${r.percent}%, next ${r.nextPercent}% ${r.due ? 'due now' : `due ${new Date(r.nextDue!).toISOString()}`}`
      : 'no rollout in progress';
  await rt.summary(`### shift-traffic status: ${i.config.name}: ${title}\n\n${r.message}\n`);
}
