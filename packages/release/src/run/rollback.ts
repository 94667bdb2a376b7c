import { DeployError, InputError, InputReader, table, type Clock, type Runtime } from '@deploy-actions/core';
import { checkDeploymentId, type DeploymentRecord } from '@deploy-actions/history';
import {
  checkTopicRegion,
  readHistoryConfig,
  runContext,
  type HistoryConfig,
} from '@deploy-actions/history/config';
import { HistoryReadError, type HistoryDeps } from '@deploy-actions/history/history';
import { approvedBy, enforceGuard, readGuardConfig } from '../guard';
import { checkOnlyIfSplit, rollback, type RollbackResult } from '../rollback';
import { capital } from '../routing';
import type { Router } from '../target';
import {
  clockOf,
  readConfig,
  nothingChanged,
  runStep,
  selectTarget,
  type Deps,
  type Targets,
} from './common';
import { announce, openFor, outcomesTable, refuseGiven, settle } from './history';
import { lastGoodBefore, recordRollback, releaseToEnd, restorable, type Recording } from './rollback-history';
import { rollbackWithoutTraffic } from './rollback-first';

type To = { kind: 'previous' } | { kind: 'version'; version: string } | { kind: 'deployment'; id: string };

export function readRollbackInputs(inputs: InputReader, env: Runtime['env'], targets: Targets) {
  const target = selectTarget(inputs, targets);
  const config = readConfig(target, inputs, env);
  const environment = inputs.text('environment');
  // Without an environment there is no history: only the split or an explicit version.
  const history: HistoryConfig | undefined = environment ? readHistoryConfig(inputs) : undefined;
  if (history) checkTopicRegion(history.notify, config.aws.region);
  else refuseNotifyWithoutHistory(inputs);
  const toText = inputs.text('to') || 'previous';
  const to = readTo(toText, target, history);
  const onlyIfSplit = inputs.oneOf('only-if-split', ['true', 'false'] as const, 'false') === 'true';
  if (onlyIfSplit) checkOnlyIfSplit(toText);
  const idText = inputs.text('deployment-id');
  if (idText && !history) {
    throw new InputError('deployment-id', idText, 'needs environment: the history that holds the deployment');
  }
  const releaseId = idText ? checkDeploymentId(idText) : undefined;
  const reason = inputs.text('reason', { max: 1000 });
  const extra = target.rollback?.readInputs(inputs);
  return { target, config, to, onlyIfSplit, reason, history, releaseId, extra };
}

// Notifications announce what the history records: without an environment there is nothing to announce.
function refuseNotifyWithoutHistory(inputs: InputReader): void {
  refuseGiven(
    inputs,
    ['slack-webhook-url', 'sns-topic-arn'],
    'needs environment: notifications announce what the history records',
  );
}

function readTo(text: string, target: Targets[string], history: HistoryConfig | undefined): To {
  if (text === 'previous') return { kind: 'previous' };
  if (target.isVersion(text)) return { kind: 'version', version: target.parseVersion('to', text) };
  checkDeploymentId(text, 'to');
  if (!history) {
    throw new InputError(
      'to',
      text,
      'must be previous, a version number, or a deployment id; a deployment id also needs environment (and the history backend) to look it up',
    );
  }
  return { kind: 'deployment', id: text };
}

type Inputs = ReturnType<typeof readRollbackInputs>;

interface Step {
  rt: Runtime;
  i: Inputs;
  router: Router;
  clock: Clock;
  deps: Deps & HistoryDeps;
  /** With environment: the history and what recording in it needs. */
  recording?: Recording;
}

export async function runRollback(
  rt: Runtime,
  targets: Targets,
  deps: Deps & HistoryDeps = {},
): Promise<void> {
  await runStep(rt, nothingChanged(rt, targets), async () => {
    const inputs = new InputReader(rt.input);
    const i = readRollbackInputs(inputs, rt.env, targets);
    // The production guard, before any AWS client: require-environment.
    const guard = await enforceGuard(rt, readGuardConfig(inputs));
    const clock = clockOf(deps, rt.env);
    // A target's own rollback first (a stack's); without traffic to move, the step ends with it.
    const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
    const first = await i.target.rollback?.before?.(i.config, i.extra, ctx);
    for (const [name, value] of Object.entries(first?.outputs ?? {})) rt.setOutput(name, value);
    if (first && !first.traffic) return rollbackWithoutTraffic(rt, i, first, { clock, deps, guard });
    const { router } = await i.target.open(i.config, {
      clock,
      ...(deps.clients && { clients: deps.clients }),
    });
    const s: Step = { rt, i, router, clock, deps };
    if (i.history) {
      const run = runContext(rt.env);
      const history = await openFor(rt, i.history, i.config.aws, run, clock, deps);
      const target = { environment: i.history.environment, ...i.config.history };
      const approvers = guard && approvedBy(guard.approvals);
      s.recording = { rt, history, target, run, clock, region: i.config.aws.region, reason: i.reason };
      if (approvers) s.recording.approvedBy = approvers;
    }
    if (i.reason) rt.info(`Rollback reason: ${i.reason}`);
    const { r, restored } = await moveTraffic(s);
    rt.setOutput('from-version', r.fromVersion);
    rt.setOutput('to-version', r.toVersion);
    rt.setOutput('changed', String(r.changed));
    if (i.onlyIfSplit && !r.split) return noSplit(s, r);
    if (r.changed && i.target.rollback) {
      const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
      const outputs = await i.target.rollback.after(i.config, i.extra, r, ctx);
      for (const [name, value] of Object.entries(outputs)) rt.setOutput(name, value);
    }
    await report(s, r, restored, first?.summary);
  });
}

/** The engine's rollback, with `to` resolved from the history when it names a deployment or the last good one. */
async function moveTraffic(s: Step) {
  const { rt, i, router, recording: c } = s;
  // The record whose version is restored, when the history names it.
  let restored: DeploymentRecord | undefined;
  let to = i.to.kind === 'version' ? i.to.version : 'previous';
  if (i.to.kind === 'deployment') {
    restored = await restorable(c!.history, i.to.id);
    to = restored.greenVersion;
    rt.info(`Deployment ${i.to.id} released version ${to}.`);
  }
  const r = await rollback({
    router,
    to,
    log: rt,
    onlyIfSplit: i.onlyIfSplit,
    ...(c && {
      previousFromHistory: async (live: string) => {
        restored = await lastGoodBefore(c.history, c.target, live, router).catch((err: unknown) => {
          if (!(err instanceof HistoryReadError)) throw err;
          throw new DeployError(
            `${err.message}. Nothing was changed in ${i.target.platform ?? 'AWS'}; give the version to return to in \`to\` to roll back without the history.`,
          );
        });
        rt.info(
          `The last successful deployment before the live version ${live}: ${restored.id}, version ${restored.greenVersion}.`,
        );
        return restored.greenVersion;
      },
    }),
  });
  return { r, restored };
}

/** only-if-split without a split: the step succeeds having written, recorded and announced nothing. */
async function noSplit(s: Step, r: RollbackResult): Promise<void> {
  const { rt, i, router } = s;
  const done = s.recording
    ? `Nothing was changed in ${i.target.platform ?? 'AWS'} and nothing was recorded.`
    : `Nothing was changed in ${i.target.platform ?? 'AWS'}.`;
  rt.info(`only-if-split: there was no split to roll back. ${done}`);
  await rt.summary(
    [
      `### rollback: ${i.config.name}: no split to undo`,
      '',
      `${capital(router.name)} sends 100% to ${router.label(r.toVersion)}, so only-if-split left it as it is. ${done}`,
      '',
    ].join('\n'),
  );
}

/** The job summary, and with environment the records and notices of the rollback. */
async function report(
  s: Step,
  r: RollbackResult,
  restored: DeploymentRecord | undefined,
  first: string[] = [],
): Promise<void> {
  const { rt, i, router, recording: c } = s;
  const parts = [
    `### rollback: ${i.config.name} → ${router.label(r.toVersion)}`,
    '',
    table(['before', 'after', 'reason'], [[r.before, r.after, i.reason || '(none given)']]),
    '',
    ...first,
  ];
  if (!c || !i.history) {
    await rt.summary(parts.join('\n'));
    return;
  }
  const release = await releaseToEnd(c, r, i.releaseId, router.label);
  const recorded = await recordRollback(c, r, release.id, restored);
  const verified = `${router.name} is on ${router.label(r.toVersion)}, verified`;
  parts.push('#### Recorded', '');
  if (release.note) parts.push(release.note, '');
  parts.push(outcomesTable(recorded.rows), '');
  await rt.summary(parts.join('\n'));
  await announce(rt, i.history, i.config.aws, recorded.notices, s.deps);
  settle(rt, i.history, recorded, `The rollback (${verified}) was`);
}
