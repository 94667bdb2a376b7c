// shift-traffic mode status: where a checkpointed rollout stands, from one read of the routing and its checkpoint
// and no write, for a scheduled driver's first job to decide what its next job does. Checked as an advance run
// checks it (the plan hash, the step against the routing); a checkpoint refused there is refused here.
import { DeployError, type Clock, type Log } from '@deploy-actions/core';
import { isGreen } from '../checkpoint';
import type { Plan } from '../plan';
import { capital, greenPercent, type RoutingState } from '../routing';
import type { Router } from '../target';
import { describeOf, readStanding, refuseOtherGreen, refuseOtherPlan, stepLabel } from './rollout';
import { checkStep } from './standing';
import { watchStanding } from './watch';

export interface StatusOptions {
  router: Router;
  /** green-version when given: a rollout or split of another version is refused. Otherwise the routing's. */
  green?: string;
  plan: Plan;
  log: Log;
  clock: Clock;
}

export interface RolloutStanding {
  status: 'none' | 'in-progress' | 'watching';
  /** Percentage of traffic on green now. */
  percent: number;
  /** The version serving the rest (all of it with no rollout). */
  blue: string;
  /** The rollout's green; green-version, or '' with no rollout and none given. */
  green: string;
  /** While in progress: index in the plan of the current step. */
  step?: number;
  /** While in progress: the percentage the next advance writes (100: promotion). */
  nextPercent?: number;
  /** While in progress: when the step's bake ends (epoch ms). */
  nextDue?: number;
  /** While in progress: whether the bake is over, so that the next advance may move the rollout. Watching: always. */
  due: boolean;
  /** Watching: when the watch after promotion ends (epoch ms). */
  watchEnds?: number;
  message: string;
}

export async function rolloutStatus(o: StatusOptions): Promise<RolloutStanding> {
  const now = await readStanding(o);
  if (o.green) refuseOtherGreen({ router: o.router, green: o.green }, now);
  const cp = now.checkpoint;
  if (!cp) return noRollout(o, now);
  const green = o.green || now.green || (cp.watch ? now.version : cp.green);
  if (!o.green && now.green && !isGreen(cp.green, now.green)) {
    throw new DeployError(
      `${capital(o.router.name)} holds the checkpoint of a rollout of ${cp.green.startsWith('@') ? `another version (${cp.green})` : o.router.label(cp.green)} but routes ${describeOf(o)(now)}. The routing is the truth and disagrees: roll back (which clears the checkpoint) and start again. This run changed nothing.`,
    );
  }
  const facts = { router: o.router, green, plan: o.plan };
  refuseOtherPlan(facts, cp);
  if (cp.watch) {
    const w = watchStanding(facts, now, cp, o.clock.now());
    o.log.info(w.message);
    return {
      status: 'watching',
      percent: 100,
      blue: w.blue,
      green,
      step: cp.step,
      nextDue: w.nextDue,
      due: true,
      watchEnds: w.ends,
      message: w.message,
    };
  }
  const { blue, step } = checkStep(facts, now, cp);
  const nextPercent = o.plan.steps[cp.step + 1]!.percent;
  const nextDue = cp.since + step.bakeMs;
  const due = o.clock.now() >= nextDue;
  const L = o.router.label;
  const next = nextPercent >= 100 ? `promotion to 100%` : `${nextPercent}%`;
  const message = `step ${stepLabel(o.plan, cp.step)}: ${step.percent}% on ${L(green)} since ${new Date(cp.since).toISOString()} (run ${cp.run}); the next step, ${next}, ${due ? 'is due now' : `is due ${new Date(nextDue).toISOString()}`}.`;
  o.log.info(message);
  return {
    status: 'in-progress',
    percent: step.percent,
    blue,
    green,
    step: cp.step,
    nextPercent,
    nextDue,
    due,
    message,
  };
}

/**
 * No checkpoint: no rollout for a scheduled run to drive. A split without one is a shift within one job (mode run)
 * or one that stopped: not ours to move, and no failure of a scheduled run either.
 */
function noRollout(o: StatusOptions, now: RoutingState): RolloutStanding {
  const L = o.router.label;
  const green = o.green || now.green || '';
  const what = now.green
    ? `is split (${describeOf(o)(now)}) but holds no checkpoint: a shift within one job (mode run), or one that stopped, not a checkpointed rollout`
    : `sends 100% to ${L(now.version)} and holds no checkpoint`;
  const message = `${capital(o.router.name)} ${what}: no rollout in progress.`;
  o.log.info(message);
  return {
    status: 'none',
    percent: green ? greenPercent(now, green) : 0,
    blue: now.version,
    green,
    due: false,
    message,
  };
}
