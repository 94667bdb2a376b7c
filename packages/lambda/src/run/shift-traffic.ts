import { ConcurrentChangeError, InputReader, table, type Runtime } from '@deploy-actions/core';
import { describeAlias, greenPercent, sameRouting, type AliasTarget } from '../routing';
import { readHealthConfig } from '@deploy-actions/health/config';
import { parseVersion } from '../names';
import { buildPlan } from '../plan';
import type { ShiftResult, ShiftStatus } from '../shift';
import { clientFor, clockOf, cloudwatchFor, failureMessage, readTarget, runStep, type Deps } from './common';

// GitHub-hosted jobs stop after 6 hours: https://docs.github.com/en/actions/reference/limits
const MAX_BAKE = { ms: 6 * 3_600_000, label: '6h (the longest a GitHub-hosted job runs)' };

export function readShiftInputs(inputs: InputReader, env: Runtime['env']) {
  const target = readTarget(inputs, env);
  const green = parseVersion('green-version', inputs.text('green-version'));
  const bakeText = inputs.text('bake-time');
  const plan = buildPlan({
    strategy: inputs.text('strategy'),
    steps: inputs.text('steps'),
    bakeMs: inputs.duration('bake-time', '5m', MAX_BAKE),
    bakeGiven: bakeText !== '',
    bakeText,
    canaryPercent: inputs.percent('canary-percent', 10),
    linearPercent: inputs.percent('linear-percent', 10),
  });
  const health = readHealthConfig(inputs);
  const onUnhealthy = inputs.oneOf('on-unhealthy', ['rollback', 'fail'] as const, 'rollback');
  const onCancel = inputs.oneOf('on-cancel', ['rollback', 'leave'] as const, 'rollback');
  return { target, green, plan, health, onUnhealthy, onCancel };
}

/** Main and post share one bundle, as actions/checkout does: the saved isPost state tells them apart. */
export async function runShiftTrafficStep(rt: Runtime, deps: Deps = {}): Promise<void> {
  if (rt.getState('isPost') === 'true') return runShiftTrafficPost(rt, deps);
  rt.saveState('isPost', 'true');
  return runShiftTraffic(rt, deps);
}

export async function runShiftTraffic(rt: Runtime, deps: Deps = {}): Promise<void> {
  await runStep(rt, async () => {
    const i = readShiftInputs(new InputReader(rt.input), rt.env);
    const lambda = await clientFor(i.target, deps);
    const cloudwatch = await cloudwatchFor(i.health, i.target, deps);
    const clock = clockOf(deps, rt.env);
    const [{ shiftTraffic }, { healthGate, hasChecks, resolveAlarms }] = await Promise.all([
      import('../shift'),
      import('@deploy-actions/health'),
    ]);
    // Unknown alarm names are bad input: found out before the first write.
    if (cloudwatch) await resolveAlarms(cloudwatch, i.health.alarms);
    const gate = hasChecks(i.health) ? healthGate(i.health, { cloudwatch, lambda }, clock, rt) : undefined;
    rt.saveState('function', i.target.functionName);
    rt.saveState('alias', i.target.alias);
    rt.saveState('region', i.target.aws.region);
    rt.saveState('max-attempts', String(i.target.aws.maxAttempts));
    rt.saveState('green', i.green);
    rt.saveState('on-cancel', i.onCancel);
    let last: { routing: AliasTarget; blue: string } | undefined;
    let result: ShiftResult;
    try {
      result = await shiftTraffic({
        lambda,
        functionName: i.target.functionName,
        alias: i.target.alias,
        green: i.green,
        plan: i.plan,
        gate,
        intervalMs: i.health.intervalMs,
        finalWatchMs: i.health.durationMs,
        onInconclusive: i.health.onInconclusive,
        onUnhealthy: i.onUnhealthy,
        onCancel: i.onCancel,
        log: rt,
        clock,
        signal: rt.cancelSignal,
        onRouting: (routing, blue) => {
          last = { routing, blue };
          rt.saveState('blue', blue);
          rt.saveState('routing', JSON.stringify(routing));
        },
      });
    } catch (err) {
      // Someone else owns the alias now: the post step must not touch it. Any other failure leaves the
      // post step to retry restoring blue.
      if (err instanceof ConcurrentChangeError) rt.saveState('settled', 'true');
      if (last) setOutputs(rt, statusOf(last.routing, i.green), last.routing, last.blue, i.green);
      throw err;
    }
    rt.saveState('settled', 'true');
    setOutputs(rt, result.status, result.percent, result.blue, result.green);
    await rt.summary(shiftSummary(i.target.functionName, i.target.alias, i.plan.name, result));
    if (result.failure) rt.setFailed(result.failure);
    else rt.info(`shift-traffic ${result.status}: ${result.percent}% on v${result.green}.`);
  });
}

function setOutputs(
  rt: Runtime,
  status: ShiftStatus,
  weight: number | AliasTarget,
  blue: string,
  green: string,
) {
  rt.setOutput('status', status);
  rt.setOutput('weight', String(typeof weight === 'number' ? weight : greenPercent(weight, green)));
  rt.setOutput('blue-version', blue);
  rt.setOutput('green-version', green);
}

function statusOf(r: AliasTarget, green: string): ShiftStatus {
  const percent = greenPercent(r, green);
  return percent === 100 ? 'promoted' : percent === 0 ? 'rolled-back' : 'in-progress';
}

/**
 * Runs after the job (post-if: always()). A main step that was killed before it settled may have left
 * a split: put 100% back on blue unless on-cancel is leave or someone else has taken the alias.
 */
export async function runShiftTrafficPost(rt: Runtime, deps: Deps = {}): Promise<void> {
  const fn = rt.getState('function');
  if (!fn || rt.getState('settled') === 'true' || !rt.getState('routing')) {
    rt.info('shift-traffic post: the shift settled in the main step; nothing to clean up.');
    return;
  }
  const alias = rt.getState('alias');
  const blue = rt.getState('blue');
  const green = rt.getState('green');
  const last = JSON.parse(rt.getState('routing')) as AliasTarget;
  const { readAlias, writeAlias } = await import('../alias');
  if (rt.getState('on-cancel') === 'leave') {
    rt.warning(
      `shift-traffic did not finish; on-cancel is leave, so alias "${alias}" stays as last set: ${describeAlias(last)}.`,
    );
    return;
  }
  try {
    const lambda = await clientFor(
      {
        functionName: fn,
        alias,
        aws: { region: rt.getState('region'), maxAttempts: Number(rt.getState('max-attempts')) || 10 },
      },
      deps,
    );
    const now = await readAlias(lambda, fn, alias);
    if (!now) throw new Error(`alias "${alias}" no longer exists`);
    if (!now.green && now.version === blue) {
      rt.info(`shift-traffic post: alias "${alias}" already sends 100% to blue v${blue}.`);
      return;
    }
    if (!now.green && now.version === green && sameRouting(now, last)) {
      rt.info(`shift-traffic post: the shift had completed (100% on v${green}); leaving it.`);
      return;
    }
    const ours = sameRouting(now, last) || (now.version === blue && now.green === green);
    if (!ours) {
      rt.warning(
        `shift-traffic post: alias "${alias}" is now ${describeAlias(now)}, not what this run set; someone else is deploying, so it was left alone.`,
      );
      return;
    }
    await writeAlias(
      lambda,
      fn,
      alias,
      { version: blue, greenWeight: 0 },
      now.revisionId,
      clockOf(deps, rt.env),
    );
    const after = await readAlias(lambda, fn, alias);
    const message = `shift-traffic was interrupted at ${describeAlias(now)}; the post step restored ${after ? describeAlias(after) : '?'} (blue v${blue}).`;
    rt.warning(message);
    await rt.summary(`### shift-traffic: interrupted run cleaned up\n\n${message}\n`);
  } catch (err) {
    rt.setFailed(
      `shift-traffic post: could not restore blue v${blue} on alias "${alias}": ${failureMessage(err)}. Run the rollback action.`,
    );
  }
}

function shiftSummary(fn: string, alias: string, plan: string, r: ShiftResult): string {
  const start = r.timeline[0]?.at ?? 0;
  const rows = r.timeline.map((t) => [
    new Date(t.at).toISOString().slice(11, 19),
    `+${Math.round((t.at - start) / 1000)}s`,
    t.step,
    `${t.percent}%`,
    t.event,
  ]);
  return [
    `### shift-traffic: ${fn}:${alias} v${r.blue} → v${r.green}: ${r.status}`,
    '',
    `Plan: ${plan}. Green now receives ${r.percent}% of traffic.${r.failure ? `\n\n**${r.failure}**` : ''}`,
    '',
    table(['time (UTC)', 'elapsed', 'step', 'green', 'event'], rows),
    '',
  ].join('\n');
}
