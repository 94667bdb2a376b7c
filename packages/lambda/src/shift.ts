import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  CancelledError,
  ConcurrentChangeError,
  DeployError,
  errorMessage,
  formatDuration,
  type Clock,
} from '@deploy-actions/core';
import {
  describeAlias,
  greenPercent,
  percentOf,
  readAlias,
  sameRouting,
  writeAlias,
  type AliasState,
  type AliasTarget,
} from './alias';
import type { Gate, WatchResult } from '@deploy-actions/health';
import type { Plan } from './plan';
import { checkPair } from './versions';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export type ShiftStatus = 'promoted' | 'rolled-back' | 'in-progress';

export interface TimelineEntry {
  at: number;
  step: string;
  percent: number;
  event: string;
}

export interface ShiftResult {
  status: ShiftStatus;
  /** Percentage of traffic on green at the end. */
  percent: number;
  blue: string;
  green: string;
  timeline: TimelineEntry[];
  /** Set when the step must fail: what happened and where traffic is now. */
  failure?: string;
}

export interface ShiftOptions {
  lambda: LambdaClient;
  functionName: string;
  alias: string;
  green: string;
  plan: Plan;
  /** Health checks watched over each bake; none means the bake only waits. */
  gate?: Gate;
  intervalMs: number;
  /** How long to watch after the last step (health-gate's `duration`; 0 = one evaluation). */
  finalWatchMs: number;
  onInconclusive: 'fail' | 'pass';
  onUnhealthy: 'rollback' | 'fail';
  onCancel: 'rollback' | 'leave';
  log: Log;
  clock: Clock;
  signal: AbortSignal;
  /** Told after every write what the alias now routes, so that a post step can undo an unfinished shift. */
  onRouting?(routing: AliasTarget, blue: string): void;
}

const PROGRESS_EVERY_MS = 30_000;

export async function shiftTraffic(o: ShiftOptions): Promise<ShiftResult> {
  const { lambda, functionName: fn, alias, green, log, clock } = o;
  const timeline: TimelineEntry[] = [];
  const note = (step: string, percent: number, event: string) =>
    timeline.push({ at: clock.now(), step, percent, event });

  const start = await readAlias(lambda, fn, alias);
  if (!start) {
    throw new DeployError(
      `Alias "${alias}" of function ${fn} does not exist (or the function does not exist): deploy-green creates the alias on the first deploy.`,
    );
  }
  if (start.green && start.green !== green) {
    throw new ConcurrentChangeError(
      `Alias "${alias}" is split between v${start.version} and v${start.green} (${describeAlias(start)}): a deployment of v${start.green} is in progress. Finish it with shift-traffic or undo it with rollback first; this run changed nothing.`,
    );
  }
  if (!start.green && start.version === green) {
    log.info(`Alias "${alias}" already sends 100% to v${green}: nothing to shift.`);
    note('-', 100, `already 100% on v${green}`);
    return { status: 'promoted', percent: 100, blue: green, green, timeline };
  }
  const blue = start.version;
  await checkPair(lambda, fn, blue, green);
  const result = (status: ShiftStatus, percent: number, failure?: string): ShiftResult => ({
    status,
    percent,
    blue,
    green,
    timeline,
    ...(failure && { failure }),
  });

  const current = start.green ? percentOf(start.greenWeight) : 0;
  const steps = o.plan.steps.filter((s) => s.percent > current);
  if (current > 0) log.info(`Resuming: alias "${alias}" already sends ${current}% to v${green}.`);
  log.info(
    `Plan ${o.plan.name}: ${steps.map((s) => `${s.percent}%`).join(' → ')} from v${blue} to v${green}.`,
  );
  if (steps.length === 0) {
    return result('in-progress', current);
  }

  let expected: AliasTarget = start;
  let revision = start.revisionId;
  let label = '';
  try {
    for (const [i, step] of steps.entries()) {
      label = `${i + 1}/${steps.length}`;
      const last = i === steps.length - 1;
      const target: AliasTarget =
        step.percent >= 100
          ? { version: green, greenWeight: 0 }
          : { version: blue, green, greenWeight: step.percent / 100 };
      await writeAlias(lambda, fn, alias, target, revision, clock);
      expected = target;
      o.onRouting?.(target, blue);
      note(label, step.percent, `shifted: ${describeAlias(target)}`);
      // The checks watch the bake (evaluating every interval) and, after the last step, `finalWatchMs`,
      // as CodeDeploy's AfterAllowTraffic hook checks after all traffic has moved.
      const watchMs = last ? o.finalWatchMs : step.bakeMs;
      log.info(
        `step ${label}: ${step.percent}% to v${green}` +
          (watchMs > 0
            ? `, next check in ${formatDuration(o.gate ? Math.min(o.intervalMs, watchMs) : watchMs)}`
            : o.gate
              ? ', checking now'
              : ''),
      );
      if (o.signal.aborted) throw o.signal.reason;
      let verdict: WatchResult | undefined;
      if (o.gate) {
        verdict = await o.gate.watch({
          functionName: fn,
          alias,
          blue,
          green,
          percent: step.percent,
          label,
          durationMs: watchMs,
          signal: o.signal,
        });
      } else if (step.bakeMs > 0) {
        await bake(o, label, step.percent, step.bakeMs);
      }

      if (!last || verdict) {
        const now = await readAlias(lambda, fn, alias);
        if (!now || !sameRouting(now, expected)) {
          throw new ConcurrentChangeError(
            `Alias "${alias}" was changed by someone else during the shift: expected ${describeAlias(expected)}, found ${now ? describeAlias(now) : 'no alias'}. Another deployment is probably in progress; this run changed nothing more.`,
          );
        }
        revision = now.revisionId;
        if (verdict) {
          note(label, step.percent, `health ${verdict.verdict}: ${verdict.reason}`);
          const passes =
            verdict.verdict === 'healthy' ||
            (verdict.verdict === 'inconclusive' && o.onInconclusive === 'pass');
          if (passes) {
            log.info(
              `step ${label}: health ${verdict.verdict}${verdict.verdict === 'inconclusive' ? ' (on-inconclusive: pass)' : ''}: ${verdict.reason}`,
            );
          } else {
            const why = `health ${verdict.verdict} at step ${label} (${step.percent}% on v${green}): ${verdict.reason.replace(/\.+$/, '')}`;
            if (o.onUnhealthy === 'fail') {
              return result(
                step.percent >= 100 ? 'promoted' : 'in-progress',
                step.percent,
                `${why}. on-unhealthy is fail: traffic stays at ${describeAlias(expected)}.`,
              );
            }
            await restoreBlue(o, blue, expected, now);
            note(label, 0, `rolled back: 100% on v${blue}`);
            return result('rolled-back', 0, `${why}. Traffic restored: 100% on v${blue}.`);
          }
        }
      }
      if (last && step.percent >= 100) {
        log.info(`shift complete: 100% on v${green}, promoted.`);
        return result('promoted', 100);
      }
      if (last) {
        log.info(`the plan ends at ${step.percent}% and leaves the split in place.`);
        return result('in-progress', step.percent);
      }
    }
  } catch (err) {
    if (err instanceof ConcurrentChangeError) throw err;
    const cancelled = err instanceof CancelledError || o.signal.aborted;
    const what = cancelled ? `Cancelled at step ${label}` : `Step ${label} failed: ${sentence(err)}`;
    if (cancelled && o.onCancel === 'leave') {
      const percent = greenPercent(expected, green);
      note(label, percent, 'cancelled: traffic left as it is (on-cancel: leave)');
      return result(
        percent >= 100 ? 'promoted' : 'in-progress',
        percent,
        `${what}; on-cancel is leave: traffic stays at ${describeAlias(expected)}.`,
      );
    }
    if (sameRouting(expected, start)) throw err;
    try {
      await restoreBlue(o, blue, expected);
    } catch (restoreErr) {
      throw new DeployError(
        `${what}. Restoring 100% on v${blue} failed too: ${sentence(restoreErr)}. The alias was last set to ${describeAlias(expected)}; run the rollback action.`,
      );
    }
    note(label, 0, `${cancelled ? 'cancelled' : 'failed'}: rolled back to 100% on v${blue}`);
    return result('rolled-back', 0, `${what}. Traffic restored: 100% on v${blue}.`);
  }
  throw new Error('unreachable: the plan always ends with a return');
}

/** One write putting all traffic on blue, unless someone else has taken the alias meanwhile. */
async function restoreBlue(
  o: ShiftOptions,
  blue: string,
  expected: AliasTarget,
  known?: AliasState,
): Promise<void> {
  const now = known ?? (await readAlias(o.lambda, o.functionName, o.alias));
  if (now && !now.green && now.version === blue) return;
  if (!now || !sameRouting(now, expected)) {
    throw new ConcurrentChangeError(
      `Alias "${o.alias}" was changed by someone else (now ${now ? describeAlias(now) : 'deleted'}); it was left alone.`,
    );
  }
  const target = { version: blue, greenWeight: 0 };
  await writeAlias(o.lambda, o.functionName, o.alias, target, now.revisionId, o.clock);
  o.onRouting?.(target, blue);
  o.log.info(`Traffic restored: 100% on v${blue}.`);
}

/** An error's message without its final full stop, to be followed by one of ours. */
function sentence(err: unknown): string {
  return errorMessage(err).replace(/\.+$/, '');
}

async function bake(o: ShiftOptions, label: string, percent: number, ms: number): Promise<void> {
  const began = o.clock.now();
  const tick = Math.max(PROGRESS_EVERY_MS, Math.ceil(ms / 10));
  for (let left = ms; left > 0;) {
    const wait = Math.min(tick, left);
    await o.clock.sleep(wait, o.signal);
    left = ms - (o.clock.now() - began);
    if (left > 0) {
      o.log.info(
        `step ${label}: ${percent}% on v${o.green}, baked ${formatDuration(ms - left)} of ${formatDuration(ms)}, next check in ${formatDuration(left)}`,
      );
    }
  }
}
