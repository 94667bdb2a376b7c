import { ConcurrentChangeError, InputReader, table, type Runtime } from '@deploy-actions/core';
import type { Gate } from '@deploy-actions/health';
import { greenPercent, type Routing } from '../routing';
import type { ShiftResult, ShiftStatus } from '../shift/types';
import { enforceGuard, readGuardConfig } from '../guard';
import { STATE } from '../state';
import type { Router, Target, TargetConfig } from '../target';
import {
  clockOf,
  cloudwatchFor,
  failureMessage,
  nothingChanged,
  runStep,
  type Deps,
  type Targets,
} from './common';
import { readShiftInputs, type ShiftInputs } from './shift-inputs';
import { runRollout } from './shift-rollout';
import { runShiftTrafficPost } from './shift-post';
import type { HistoryDeps } from '@deploy-actions/history/history';

export { readShiftInputs } from './shift-inputs';

/** Main and post share one bundle, as actions/checkout does: the saved isPost state tells them apart. */
export async function runShiftTrafficStep(
  rt: Runtime,
  targets: Targets,
  deps: Deps & HistoryDeps = {},
): Promise<void> {
  if (rt.getState(STATE.isPost) === 'true') return runShiftTrafficPost(rt, targets, deps);
  rt.saveState(STATE.isPost, 'true');
  return runShiftTraffic(rt, targets, deps);
}

export async function runShiftTraffic(
  rt: Runtime,
  targets: Targets,
  deps: Deps & HistoryDeps = {},
): Promise<void> {
  await runStep(rt, nothingChanged(rt, targets), async () => {
    const inputs = new InputReader(rt.input);
    const i = readShiftInputs(inputs, rt.env, targets);
    // A checkpointed run leaves the rollout to the next scheduled run: its post step must not undo it.
    rt.saveState(STATE.mode, i.mode);
    // The production guard, before any AWS client: require-environment.
    await enforceGuard(rt, readGuardConfig(inputs));
    const opened = await openShift(rt, i, deps);
    if (i.mode !== 'run') return runRollout(rt, i, opened, deps);
    await runShift(rt, i, opened);
  });
}

export interface OpenedShift {
  router: Router;
  gate?: Gate;
  clock: ReturnType<typeof clockOf>;
}

/** The target's router and, when any check is configured, the health gate; unknown alarms are bad input. */
async function openShift(rt: Runtime, i: ShiftInputs, deps: Deps): Promise<OpenedShift> {
  const clock = clockOf(deps, rt.env);
  const cloudwatch = await cloudwatchFor(i.health, i.config, deps);
  const session = await i.target.open(i.config, {
    clock,
    health: i.health,
    ...(cloudwatch && { cloudwatch }),
    ...(deps.clients && { clients: deps.clients }),
  });
  const { healthGate, hasChecks, resolveAlarms } = await import('@deploy-actions/health');
  // Unknown alarm names are bad input: found out before the first write.
  if (cloudwatch) await resolveAlarms(cloudwatch, i.health.alarms);
  const { router } = session;
  const gate = hasChecks(i.health)
    ? healthGate(
        i.health,
        { ...(cloudwatch && { cloudwatch }), signals: session.signals },
        clock,
        rt,
        router.label,
      )
    : undefined;
  return { router, clock, ...(gate && { gate }) };
}

/** mode run: the whole shift within this job. */
async function runShift(rt: Runtime, i: ShiftInputs, { router, gate, clock }: OpenedShift): Promise<void> {
  const { shiftTraffic } = await import('../shift/loop');
  saveTarget(rt, i.target, i.config, i.green, i.onCancel);
  let last: { routing: Routing; blue: string } | undefined;
  let result: ShiftResult;
  try {
    result = await shiftTraffic({
      router,
      green: i.green,
      plan: i.plan,
      gate,
      intervalMs: i.health.intervalMs,
      finalWatchMs: i.health.durationMs,
      onInconclusive: i.health.onInconclusive,
      ...(i.maxBakeMs !== undefined && { maxBakeMs: i.maxBakeMs }),
      onUnhealthy: i.onUnhealthy,
      onCancel: i.onCancel,
      log: rt,
      clock,
      signal: rt.cancelSignal,
      onRouting: (routing, blue) => {
        last = { routing, blue };
        rt.saveState(STATE.blue, blue);
        rt.saveState(STATE.routing, JSON.stringify(routing));
      },
    });
  } catch (err) {
    // Someone else owns the router now: the post step must not touch it. Any other failure leaves the
    // post step to retry restoring blue.
    if (err instanceof ConcurrentChangeError) rt.saveState(STATE.settled, 'true');
    if (last) setOutputs(rt, statusOf(last.routing, i.green), last.routing, last.blue, i.green);
    rt.setOutput('reason', failureMessage(err));
    throw err;
  }
  rt.saveState(STATE.settled, 'true');
  setOutputs(rt, result.status, result.percent, result.blue, result.green);
  await rt.summary(shiftSummary(i.config.name, i.plan.name, result, router.label));
  if (result.failure) {
    rt.setOutput('reason', result.failure);
    rt.setFailed(result.failure);
  } else rt.info(`shift-traffic ${result.status}: ${result.percent}% on ${router.label(result.green)}.`);
}

/** What the post step needs to find the router again. */
function saveTarget(rt: Runtime, target: Target, config: TargetConfig, green: string, onCancel: string) {
  rt.saveState(STATE.target, target.kind);
  rt.saveState(STATE.config, JSON.stringify(config));
  rt.saveState(STATE.green, green);
  rt.saveState(STATE.onCancel, onCancel);
}

function setOutputs(rt: Runtime, status: ShiftStatus, weight: number | Routing, blue: string, green: string) {
  rt.setOutput('status', status);
  rt.setOutput('weight', String(typeof weight === 'number' ? weight : greenPercent(weight, green)));
  rt.setOutput('blue-version', blue);
  rt.setOutput('green-version', green);
}

function statusOf(r: Routing, green: string): ShiftStatus {
  const percent = greenPercent(r, green);
  return percent === 100 ? 'promoted' : percent === 0 ? 'rolled-back' : 'in-progress';
}

function shiftSummary(name: string, plan: string, r: ShiftResult, label: (v: string) => string): string {
  const start = r.timeline[0]?.at ?? 0;
  const rows = r.timeline.map((t) => [
    new Date(t.at).toISOString().slice(11, 19),
    `+${Math.round((t.at - start) / 1000)}s`,
    t.step,
    `${t.percent}%`,
    t.event,
  ]);
  return [
    `### shift-traffic: ${name} ${label(r.blue)} → ${label(r.green)}: ${r.status}`,
    '',
    `Plan: ${plan}. Green now receives ${r.percent}% of traffic.${r.failure ? `\n\n**${r.failure}**` : ''}`,
    '',
    table(['time (UTC)', 'elapsed', 'step', 'green', 'event'], rows),
    '',
  ].join('\n');
}
