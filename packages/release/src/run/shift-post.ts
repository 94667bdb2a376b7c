import type { Runtime } from '@deploy-actions/core';
import { allOn, describeRouting, sameRouting, type Routing } from '../routing';
import { STATE } from '../state';
import type { TargetConfig } from '../target';
import { clockOf, failureMessage, type Deps, type Targets } from './common';

/**
 * Runs after the job (post-if: always()). A main step that was killed before it settled may have left
 * a split: put 100% back on blue unless on-cancel is leave or someone else has taken the router.
 */
export async function runShiftTrafficPost(rt: Runtime, targets: Targets, deps: Deps = {}): Promise<void> {
  const mode = rt.getState(STATE.mode);
  if (mode === 'start' || mode === 'advance' || mode === 'status') {
    // A checkpointed rollout outlives the job: a cancelled run must not undo it; the next run carries on.
    rt.info(
      `shift-traffic post: mode ${mode} leaves the rollout to the next scheduled run; nothing to clean up.`,
    );
    return;
  }
  const target = targets[rt.getState(STATE.target)];
  if (!target || rt.getState(STATE.settled) === 'true' || !rt.getState(STATE.routing)) {
    rt.info('shift-traffic post: the shift settled in the main step; nothing to clean up.');
    return;
  }
  const config = JSON.parse(rt.getState(STATE.config)) as TargetConfig;
  const blue = rt.getState(STATE.blue);
  const green = rt.getState(STATE.green);
  const last = JSON.parse(rt.getState(STATE.routing)) as Routing;
  let name = config.name;
  let label = (version: string) => version;
  try {
    const { router } = await target.open(config, {
      clock: clockOf(deps, rt.env),
      ...(deps.clients && { clients: deps.clients }),
    });
    const L = router.label;
    const describe = (r: Routing) => describeRouting(r, L);
    name = router.name;
    label = L;
    if (rt.getState(STATE.onCancel) === 'leave') {
      rt.warning(
        `shift-traffic did not finish; on-cancel is leave, so ${router.name} stays as last set: ${describe(last)}.`,
      );
      return;
    }
    const now = await router.read();
    if (!now) throw new Error(`${router.name} no longer exists`);
    if (!now.green && now.version === blue) {
      rt.info(`shift-traffic post: ${router.name} already sends 100% to blue ${L(blue)}.`);
      return;
    }
    if (!now.green && now.version === green && sameRouting(now, last)) {
      rt.info(`shift-traffic post: the shift had completed (100% on ${L(green)}); leaving it.`);
      return;
    }
    const ours = sameRouting(now, last) || (now.version === blue && now.green === green);
    if (!ours) {
      rt.warning(
        `shift-traffic post: ${router.name} is now ${describe(now)}, not what this run set; someone else is deploying, so it was left alone.`,
      );
      return;
    }
    await router.write(allOn(blue), now);
    const after = await router.read();
    const message = `shift-traffic was interrupted at ${describe(now)}; the post step restored ${after ? describe(after) : '?'} (blue ${L(blue)}).`;
    rt.warning(message);
    await rt.summary(`### shift-traffic: interrupted run cleaned up\n\n${message}\n`);
  } catch (err) {
    rt.setFailed(
      `shift-traffic post: could not restore blue ${label(blue)} on ${name}: ${failureMessage(err)}. Run the rollback action.`,
    );
  }
}
