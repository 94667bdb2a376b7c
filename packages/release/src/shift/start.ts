// shift-traffic mode start: the first step of a checkpointed rollout, written with its checkpoint; no bake here.
import { capital, percentOf, type RoutingState } from '../routing';
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
import { watchStanding } from './watch';

export async function startRollout(o: RolloutOptions): Promise<RolloutResult> {
  const { router, green, plan, log } = o;
  const L = router.label;
  const now = await readStanding(o);
  refuseOtherGreen(o, now);
  if (now.checkpoint) return alreadyStarted(o, now);
  if (!now.green && now.version === green) {
    const message = `${capital(router.name)} already sends 100% to ${L(green)}: nothing to start.`;
    log.info(message);
    return { status: 'promoted', percent: 100, blue: green, green, message, writes: 0 };
  }
  const blue = now.version;
  await router.checkPair(blue, green);
  // A split of this green without a checkpoint (a mode run shift that stopped) resumes above its weight.
  const current = now.green ? percentOf(now.greenWeight) : 0;
  const index = plan.steps.findIndex((s) => s.percent > current);
  log.info(
    `Plan ${plan.name}: ${plan.steps.map((s) => `${s.percent}%`).join(' → ')} from ${L(blue)} to ${L(green)}, one step per scheduled run${current > 0 ? `, resuming above ${current}%` : ''}.`,
  );
  const r = await writeStep(o, now, blue, index);
  log.info(r.message);
  return r;
}

/** A second start of the same rollout (a re-run job) changes nothing and says where it stands. */
function alreadyStarted(o: RolloutOptions, now: RoutingState): RolloutResult {
  const cp = now.checkpoint!;
  refuseOtherPlan(o, cp);
  if (cp.watch) return alreadyWatching(o, now);
  const { blue, step } = checkStep(o, now, cp);
  const due = cp.since + step.bakeMs;
  const message = `The rollout already stands at step ${stepLabel(o.plan, cp.step)} (${describeOf(o)(now)}, run ${cp.run}); next due ${new Date(due).toISOString()}. This run changed nothing.`;
  o.log.info(message);
  return {
    status: 'in-progress',
    percent: step.percent,
    blue,
    green: o.green,
    step: cp.step,
    nextDue: due,
    message,
    writes: 0,
  };
}

/** A start that finds the rollout promoted and watched changes nothing. */
function alreadyWatching(o: RolloutOptions, now: RoutingState): RolloutResult {
  const cp = now.checkpoint!;
  const w = watchStanding(o, now, cp, o.clock.now());
  const message = `The rollout is promoted and ${w.message} This run changed nothing.`;
  o.log.info(message);
  return {
    status: 'watching',
    percent: 100,
    blue: w.blue,
    green: o.green,
    step: cp.step,
    nextDue: w.nextDue,
    watch: { began: cp.since, ends: w.ends },
    message,
    writes: 0,
  };
}
