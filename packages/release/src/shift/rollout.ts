// Checkpointed rollouts (shift-traffic mode start and advance): a rollout that outlives a job. Each run reads the
// routing and its checkpoint, makes at most one write (weights and checkpoint together), and returns.
import { ConcurrentChangeError, DeployError, type Clock, type Log } from '@deploy-actions/core';
import type { Gate } from '@deploy-actions/health';
import { greenKey, isGreen, planHash, type Checkpoint } from '../checkpoint';
import type { Plan } from '../plan';
import {
  allOn,
  capital,
  describeRouting,
  greenPercent,
  holdsCheckpoint,
  routingAt,
  type Routing,
  type RoutingState,
} from '../routing';
import type { Router } from '../target';
import type { OnInconclusive } from './decide';

export type RolloutStatus = 'none' | 'in-progress' | 'watching' | 'promoted' | 'rolled-back';

export interface RolloutOptions {
  router: Router;
  green: string;
  plan: Plan;
  /** Health checks judged at each run over the evidence since the step began; none means bakes only wait. */
  gate?: Gate;
  onInconclusive: OnInconclusive;
  onUnhealthy: 'rollback' | 'fail';
  /** max-bake; undefined: twice each step's bake. */
  maxBakeMs?: number;
  /** hold-steps (mode advance): percentages this run does not move into; a run without them moves them. */
  hold?: number[];
  /** watch-after: promotion keeps a checkpoint while scheduled runs judge green alone for this long. */
  watchMs?: number;
  /** The run that writes, recorded in the checkpoint (GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT). */
  run: string;
  log: Log;
  clock: Clock;
  signal: AbortSignal;
}

export interface RolloutResult {
  status: RolloutStatus;
  /** Percentage of traffic on green now. */
  percent: number;
  blue: string;
  green: string;
  /** Index in the plan of the step the rollout stands at, while in progress. */
  step?: number;
  /** When the next advance is due (epoch ms): the bake's end, or now while a step waits for its sample. */
  nextDue?: number;
  /** What this run did, as a sentence for the log and the summary. */
  message: string;
  /** Writes this run made: 0 or 1. */
  writes: number;
  /** Set when the step must fail: the verdict and where traffic is now. */
  failure?: string;
  /** Set with failure: the verdict alone, as the history records it. */
  reason?: string;
  /** The step was due but its next percentage is in hold-steps: left to the run without them. */
  held?: boolean;
  /** In the watch after promotion: when it began and ends (epoch ms). */
  watch?: { began: number; ends: number };
  /** In the watch, past a mark (1h, 6h, 24h, its end): the latest mark passed and this run's judgment. */
  mark?: WatchMark;
}

export interface WatchMark {
  /** `6h`: the mark, as the summary and the history name it. */
  label: string;
  verdict: 'healthy' | 'unhealthy' | 'inconclusive';
  reason: string;
  /** The figures judged, by check. */
  figures: Record<string, Record<string, number | string | null>>;
}

/** `2/6`: a step of the plan as the log names it. */
export function stepLabel(plan: Plan, index: number): string {
  return `${index + 1}/${plan.steps.length}`;
}

export function describeOf(o: Pick<RolloutOptions, 'router'>): (r: Routing) => string {
  return (r) => describeRouting(r, o.router.label);
}

/** The routing with its checkpoint; a router that is missing, or holds a checkpoint that does not parse, stops the run. */
export async function readStanding(o: Pick<RolloutOptions, 'router'>): Promise<RoutingState> {
  const now = await o.router.read();
  if (!now) throw new DeployError(`${o.router.missing}.`);
  if (now.checkpointError) {
    throw new DeployError(
      `${capital(o.router.name)} holds a checkpoint that cannot be read (${now.checkpointError}). The routing is the truth: ${describeOf(o)(now)}. Roll back (which clears it) and start again; this run changed nothing.`,
    );
  }
  return now;
}

/** A rollout of another version, split or checkpointed, is someone else's: refuse, changing nothing. */
export function refuseOtherGreen(o: Pick<RolloutOptions, 'router' | 'green'>, now: RoutingState): void {
  const L = o.router.label;
  const cp = now.checkpoint;
  if (cp && !isGreen(cp.green, o.green)) {
    throw new ConcurrentChangeError(
      `${capital(o.router.name)} holds the checkpoint of a rollout of ${cp.green.startsWith('@') ? `another version (${cp.green})` : L(cp.green)} (${describeOf(o)(now)}), not of green-version ${L(o.green)}. Finish it or roll it back first; this run changed nothing.`,
    );
  }
  if (now.green && now.green !== o.green) {
    throw new ConcurrentChangeError(
      `${capital(o.router.name)} is split between ${L(now.version)} and ${L(now.green)} (${describeOf(o)(now)}): a deployment of ${L(now.green)} is in progress. Finish it or roll it back first; this run changed nothing.`,
    );
  }
}

/** A checkpoint of this green written under another plan: the inputs changed since the start. */
export function refuseOtherPlan(o: Pick<RolloutOptions, 'router' | 'green' | 'plan'>, cp: Checkpoint): void {
  const mine = planHash(o.plan);
  if (cp.plan !== mine) {
    throw new DeployError(
      `The rollout of ${o.router.label(o.green)} was started with another plan (hash ${cp.plan}) than this run's ${o.plan.name} (hash ${mine}): give the strategy, steps and bake-time the start was given, or roll back and start again. This run changed nothing.`,
    );
  }
}

/** The checkpoint of step `index`, beginning now. */
export function checkpointAt(o: RolloutOptions, index: number): Checkpoint {
  const since = Math.floor(o.clock.now() / 1000) * 1000;
  return { green: greenKey(o.green), plan: planHash(o.plan), step: index, since, run: o.run };
}

/**
 * One write moving to step `index` (100%: promotion, which clears the checkpoint). A concurrent change that turns
 * out to be another run of the same rollout already at or past that step is no failure: nothing is written twice.
 */
export async function writeStep(
  o: RolloutOptions,
  from: RoutingState,
  blue: string,
  index: number,
): Promise<RolloutResult> {
  const step = o.plan.steps[index]!;
  const L = o.router.label;
  const base = { blue, green: o.green, writes: 1 };
  try {
    if (step.percent >= 100 && o.watchMs) {
      const { promoteIntoWatch } = await import('./watch');
      return await promoteIntoWatch(o, from, blue, index);
    }
    if (step.percent >= 100) {
      await o.router.write(allOn(o.green), from);
      const message = `step ${stepLabel(o.plan, index)}: 100% on ${L(o.green)}, promoted; checkpoint cleared.`;
      return { ...base, status: 'promoted', percent: 100, message };
    }
    const cp = checkpointAt(o, index);
    await o.router.write(routingAt(blue, o.green, step.percent), from, cp);
    const due = cp.since + step.bakeMs;
    const message = `step ${stepLabel(o.plan, index)}: ${step.percent}% on ${L(o.green)}; next due ${new Date(due).toISOString()}.`;
    return { ...base, status: 'in-progress', percent: step.percent, step: index, nextDue: due, message };
  } catch (err) {
    if (!(err instanceof ConcurrentChangeError)) throw err;
    const overtaken = await overtakenBy(o, blue, index);
    if (!overtaken) throw err;
    return overtaken;
  }
}

/** After a refused write: another run of this rollout already at or past step `index`, as a result of no write. */
async function overtakenBy(
  o: RolloutOptions,
  blue: string,
  index: number,
): Promise<RolloutResult | undefined> {
  const after = await o.router.read();
  if (!after) return undefined;
  const cp = after.checkpoint;
  const L = o.router.label;
  const base = { blue, green: o.green, writes: 0, percent: greenPercent(after, o.green) };
  if (cp && !cp.watch && isGreen(cp.green, o.green) && cp.plan === planHash(o.plan) && cp.step >= index) {
    const due = cp.since + o.plan.steps[cp.step]!.bakeMs;
    const message = `another run (${cp.run}) moved the rollout to step ${stepLabel(o.plan, cp.step)} first; this run changed nothing.`;
    return { ...base, status: 'in-progress', step: cp.step, nextDue: due, message };
  }
  const promoting = o.plan.steps[index]!.percent >= 100;
  const watching = after.checkpoint?.watch && isGreen(after.checkpoint.green, o.green);
  if (promoting && (watching || !holdsCheckpoint(after)) && !after.green && after.version === o.green) {
    const message = `another run promoted ${L(o.green)} first; this run changed nothing.`;
    return { ...base, status: 'promoted', message };
  }
  return undefined;
}
