// shift-traffic mode start and advance: one run of a checkpointed rollout, its outputs and job summary.
import { formatDuration, table, type Runtime } from '@deploy-actions/core';
import { runOf } from '../checkpoint';
import type { RolloutResult } from '../shift/rollout';
import { failureMessage } from './common';
import { recordRollout } from './shift-history';
import type { ShiftInputs } from './shift-inputs';
import type { HistoryDeps } from '@deploy-actions/history/history';
import type { OpenedShift } from './shift-traffic';

export async function runRollout(
  rt: Runtime,
  i: ShiftInputs,
  opened: OpenedShift,
  deps: HistoryDeps = {},
): Promise<void> {
  if (i.mode === 'status') return (await import('./shift-status')).runStatus(rt, i, opened);
  const { router, gate, clock } = opened;
  const options = {
    router,
    green: i.green,
    plan: i.plan,
    ...(gate && { gate }),
    onInconclusive: i.health.onInconclusive,
    onUnhealthy: i.onUnhealthy,
    ...(i.maxBakeMs !== undefined && { maxBakeMs: i.maxBakeMs }),
    ...(i.hold.length > 0 && { hold: i.hold }),
    ...(i.watchMs !== undefined && { watchMs: i.watchMs }),
    run: runOf(rt.env),
    log: rt,
    clock,
    signal: rt.cancelSignal,
  };
  let r: RolloutResult;
  try {
    r =
      i.mode === 'start'
        ? await (await import('../shift/start')).startRollout(options)
        : await (await import('../shift/advance')).advanceRollout(options);
  } catch (err) {
    rt.setOutput('reason', failureMessage(err));
    throw err;
  }
  rt.setOutput('status', r.status);
  rt.setOutput('weight', String(r.percent));
  rt.setOutput('step', r.step !== undefined ? String(r.step + 1) : '');
  rt.setOutput('held', String(r.held === true));
  rt.setOutput('next-due', r.nextDue !== undefined ? new Date(r.nextDue).toISOString() : '');
  rt.setOutput('blue-version', r.blue);
  rt.setOutput('green-version', r.green);
  const recorded = i.history
    ? await recordRollout(
        rt,
        {
          history: i.history,
          target: { environment: i.history.config.environment, ...i.config.history },
          aws: { ...i.config.aws, maxAttempts: i.history.config.maxAttempts },
          of: i.plan.steps.length,
          label: router.label,
          clock,
          deps,
        },
        r,
      )
    : [];
  await rt.summary([rolloutSummary(i, r, router.label, clock.now()), ...recorded].join('\n'));
  if (r.failure) {
    rt.setOutput('reason', r.failure);
    rt.setFailed(r.failure);
  } else rt.info(`shift-traffic ${i.mode} ${r.status}: ${r.percent}% on ${router.label(r.green)}.`);
}

function rolloutSummary(i: ShiftInputs, r: RolloutResult, label: (v: string) => string, now: number): string {
  const steps = i.plan.steps.map((s, n) => {
    const where = n === r.step ? '**now**' : r.step !== undefined && n < r.step ? 'done' : '';
    return [
      `${n + 1}/${i.plan.steps.length}`,
      `${s.percent}%`,
      n < i.plan.steps.length - 1 ? formatDuration(s.bakeMs) : '–',
      where,
    ];
  });
  return [
    `### shift-traffic ${i.mode}: ${i.config.name} ${r.blue ? `${label(r.blue)} → ` : ''}${label(r.green)}: ${r.status}`,
    '',
    `${new Date(now).toISOString()}: ${r.message}${r.writes ? '' : ' (no write)'}`,
    ...(r.nextDue !== undefined ? ['', `Next due: ${new Date(r.nextDue).toISOString()}.`] : []),
    '',
    table(['step', 'green', 'bake', ''], steps),
    '',
    ...watchSummary(r),
  ].join('\n');
}

/** In the watch after promotion: its span and the judgment of the latest mark passed, with its figures. */
function watchSummary(r: RolloutResult): string[] {
  if (!r.watch) return [];
  const span = `Watch after promotion: ${new Date(r.watch.began).toISOString()} to ${new Date(r.watch.ends).toISOString()}.`;
  if (!r.mark) return [span, ''];
  const rows = Object.entries(r.mark.figures).flatMap(([check, figures]) =>
    Object.entries(figures).map(([name, value]) => [check, name, value === null ? '–' : String(value)]),
  );
  return [
    span,
    '',
    `#### Watch judgment at ${r.mark.label}: ${r.mark.verdict}`,
    '',
    r.mark.reason,
    '',
    ...(rows.length ? [table(['check', 'figure', 'value'], rows), ''] : []),
  ];
}
