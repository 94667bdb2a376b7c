import { DeployError, InputError, InputReader, table, type Clock, type Runtime } from '@deploy-actions/core';
import {
  checkDeploymentId,
  defaultDeploymentId,
  ROLLBACK_STRATEGY,
  type DeploymentRecord,
  type Target as HistoryTarget,
} from '@deploy-actions/history';
import {
  checkTopicRegion,
  readHistoryConfig,
  runContext,
  type HistoryConfig,
  type RunContext,
} from '@deploy-actions/history/config';
import {
  HistoryReadError,
  type History,
  type HistoryDeps,
  type Outcome,
} from '@deploy-actions/history/history';
import type { Notice } from '@deploy-actions/history/notify';
import { enforceGuard, readGuardConfig } from '../guard';
import type { Router } from '../target';
import { clockOf, readConfig, runStep, selectTarget, type Deps, type Targets } from './common';
import {
  announce,
  asInputError,
  maskSecrets,
  merge,
  openFor,
  outcomesTable,
  reportOutcomes,
  settle,
} from './history';

// How many successes (of the live version, rolled back since, or rollbacks) may be skipped to find a good one.
const MAX_SKIPPED = 20;

export function readRollbackInputs(inputs: InputReader, env: Runtime['env'], targets: Targets) {
  const target = selectTarget(inputs, targets);
  const config = readConfig(target, inputs, env);
  const toText = inputs.text('to') || 'previous';
  const environment = inputs.text('environment');
  // Without an environment there is no history: only the split or an explicit version.
  const history: HistoryConfig | undefined = environment ? readHistoryConfig(inputs) : undefined;
  if (history) checkTopicRegion(history.notify, config.aws.region);
  else {
    // Notifications announce what the history records: without an environment there is nothing to announce.
    for (const name of ['slack-webhook-url', 'sns-topic-arn']) {
      const value = (() => {
        try {
          return inputs.text(name, { multiline: true });
        } catch {
          return '***';
        }
      })();
      if (value !== '') {
        throw new InputError(
          name,
          name === 'slack-webhook-url' ? '***' : value,
          'needs environment: notifications announce what the history records',
        );
      }
    }
  }
  let to: { kind: 'previous' } | { kind: 'version'; version: string } | { kind: 'deployment'; id: string };
  if (toText === 'previous') to = { kind: 'previous' };
  else if (target.isVersion(toText)) to = { kind: 'version', version: target.parseVersion('to', toText) };
  else {
    checkDeploymentId(toText, 'to');
    if (!history) {
      throw new InputError(
        'to',
        toText,
        'must be previous, a version number, or a deployment id; a deployment id also needs environment (and the history backend) to look it up',
      );
    }
    to = { kind: 'deployment', id: toText };
  }
  const idText = inputs.text('deployment-id');
  if (idText && !history) {
    throw new InputError('deployment-id', idText, 'needs environment: the history that holds the deployment');
  }
  const releaseId = idText ? checkDeploymentId(idText) : undefined;
  const reason = inputs.text('reason', { max: 1000 });
  const extra = target.rollback?.readInputs(inputs);
  return { target, config, to, reason, history, releaseId, extra };
}

type Inputs = ReturnType<typeof readRollbackInputs>;

export async function runRollback(
  rt: Runtime,
  targets: Targets,
  deps: Deps & HistoryDeps = {},
): Promise<void> {
  maskSecrets(rt);
  await runStep(rt, async () => {
    const inputs = new InputReader(rt.input);
    const i = readRollbackInputs(inputs, rt.env, targets);
    // The production guard, before any AWS client: require-environment.
    await enforceGuard(rt, readGuardConfig(inputs));
    const clock = clockOf(deps, rt.env);
    const { router } = await i.target.open(i.config, {
      clock,
      ...(deps.clients && { clients: deps.clients }),
    });
    const run = runContext(rt.env);
    const history = i.history && (await openFor(rt, i.history, i.config.aws, run, clock, deps));
    const historyTarget: HistoryTarget | undefined = i.history && {
      environment: i.history.environment,
      ...i.config.history,
    };
    if (i.reason) rt.info(`Rollback reason: ${i.reason}`);

    // The record whose version is restored, when the history names it.
    let restored: DeploymentRecord | undefined;
    let to = i.to.kind === 'version' ? i.to.version : 'previous';
    if (i.to.kind === 'deployment') {
      restored = await restorable(history!, i.to.id);
      to = restored.greenVersion;
      rt.info(`Deployment ${i.to.id} released version ${to}.`);
    }
    const { rollback } = await import('../rollback');
    const r = await rollback({
      router,
      to,
      log: rt,
      ...(history && {
        previousFromHistory: async (live: string) => {
          restored = await lastGoodBefore(history, historyTarget!, live, router).catch((err: unknown) => {
            if (!(err instanceof HistoryReadError)) throw err;
            throw new DeployError(
              `${err.message}. Nothing was changed in AWS; give the version to return to (to: N) to roll back without the history.`,
            );
          });
          rt.info(
            `The last successful deployment before the live version ${live}: ${restored.id}, version ${restored.greenVersion}.`,
          );
          return restored.greenVersion;
        },
      }),
    });
    rt.setOutput('from-version', r.fromVersion);
    rt.setOutput('to-version', r.toVersion);
    if (r.changed && i.target.rollback) {
      const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
      const outputs = await i.target.rollback.after(i.config, i.extra, r, ctx);
      for (const [name, value] of Object.entries(outputs)) rt.setOutput(name, value);
    }
    const parts = [
      `### rollback: ${i.config.name} → ${router.label(r.toVersion)}`,
      '',
      table(['before', 'after', 'reason'], [[r.before, r.after, i.reason || '(none given)']]),
      '',
    ];
    if (history && i.history) {
      const recorded = await recordRollback(rt, history, i, run, historyTarget!, r, restored, clock);
      const verified = `${router.name} is on ${router.label(r.toVersion)}, verified`;
      parts.push('#### Recorded', '', outcomesTable(recorded.rows), '');
      await rt.summary(parts.join('\n'));
      await announce(rt, i.history, i.config.aws, recorded.notices, deps);
      settle(rt, i.history, recorded, `The rollback (${verified}) was`);
      return;
    }
    await rt.summary(parts.join('\n'));
  });
}

/** A deployment that `to` may name: one that succeeded, so its version was good. */
async function restorable(history: History, id: string): Promise<DeploymentRecord> {
  const found = await history.get(id).catch((err: unknown) => {
    throw asInputError(err, 'to');
  });
  const record = found.value;
  if (!record) throw new InputError('to', id, `names no deployment in ${found.backend.where}`);
  if (record.status !== 'succeeded') {
    throw new InputError(
      'to',
      id,
      `names a deployment that ended ${record.status}; only a succeeded deployment's version is restored`,
    );
  }
  return record;
}

/**
 * The newest succeeded release whose version is neither the live one nor one a later rollback moved away
 * from: a second click goes further back instead of restoring what the first click undid.
 */
async function lastGoodBefore(
  history: History,
  target: HistoryTarget,
  live: string,
  router: Router,
): Promise<DeploymentRecord> {
  const rejected = new Set([live]);
  let before: { deploymentId: string } | undefined;
  for (let skipped = 0; skipped <= MAX_SKIPPED; skipped++) {
    const found = await history.lastSuccessful(target, before);
    const record = found.value;
    if (!record) break;
    if (record.strategy === ROLLBACK_STRATEGY) rejected.add(record.blueVersion);
    else if (!rejected.has(record.greenVersion)) return record;
    before = { deploymentId: record.id };
  }
  throw new DeployError(
    `No successful deployment of a version other than the live ${router.label(live)} (or one rolled back since) is recorded for ${target.resource} in ${target.environment} in the ${MAX_SKIPPED + 1} newest successes; give the version to return to (to: N). Nothing was changed in AWS.`,
  );
}

/** The rollback as a record of its own; the release it undoes ends rolled-back; the restored one is live. */
async function recordRollback(
  rt: Runtime,
  history: History,
  i: Inputs,
  run: RunContext,
  target: HistoryTarget,
  r: { fromVersion: string; toVersion: string; changed: boolean },
  restored: DeploymentRecord | undefined,
  clock: Clock,
) {
  const at = () => new Date(clock.now()).toISOString();
  const id = defaultDeploymentId(run.runId, `${run.job}/${run.step}:rollback`, target, i.config.aws.region);
  const own: DeploymentRecord = {
    id,
    ...target,
    blueVersion: r.fromVersion,
    greenVersion: r.toVersion,
    strategy: ROLLBACK_STRATEGY,
    status: 'started',
    startedAt: at(),
    commit: run.commit,
    ref: run.ref,
    actor: run.actor,
    runUrl: run.runUrl,
  };
  const started = await history.start(own, run.attempt);
  // What each recorded status announces: the record a backend gave back, else what this step knows.
  const recordOf = (outcomes: Outcome<{ record: DeploymentRecord }>[], known: Notice): Notice => {
    const found = outcomes.find((o) => o.ok);
    return found?.ok ? found.value.record : known;
  };
  const notices: Notice[] = [recordOf(started.outcomes, { ...own, id: started.id })];
  rt.setOutput('deployment-id', started.id);
  const reports = [];
  // The undone release ends first, so the rollback's own end is the moment it was restored.
  if (i.releaseId) {
    const undone = await history.finish(i.releaseId, 'rolled-back', {
      endedAt: at(),
      restoredVersion: r.toVersion,
      ...(i.reason && { reason: i.reason }),
    });
    notices.push({
      ...recordOf(undone, {
        id: i.releaseId,
        status: 'rolled-back',
        ...target,
        restoredVersion: r.toVersion,
        ...(i.reason && { reason: i.reason }),
      }),
      ...(run.runUrl && { runUrl: run.runUrl }),
    });
    reports.push(
      reportOutcomes(rt, undone, (v) => ({
        status: v.record.status,
        note: v.changed
          ? `recorded deployment ${i.releaseId} as rolled back`
          : `deployment ${i.releaseId} was already ${v.record.status}`,
      })),
    );
  }
  const reason = `rolled back from ${r.fromVersion}${i.reason ? `: ${i.reason}` : ''}`;
  // A backend that missed the start is not asked to end it: its failure is reported once.
  const recordedIn = new Set(started.outcomes.filter((o) => o.ok).map((o) => o.backend));
  const ended = recordedIn.size
    ? await history.finish(started.id, 'succeeded', { endedAt: at(), reason })
    : [];
  if (recordedIn.size) {
    notices.push(recordOf(ended, { ...own, id: started.id, status: 'succeeded', reason }));
  }
  reports.push(
    reportOutcomes(
      rt,
      [...started.outcomes.filter((o) => !o.ok), ...ended.filter((o) => recordedIn.has(o.backend))],
      (v) => ({
        status: v.record.status,
        note: `recorded rollback ${started.id}: ${r.fromVersion} → ${r.toVersion}`,
      }),
    ),
  );
  if (restored) {
    const id = restored.id;
    rt.setOutput('restored-deployment-id', id);
    const live = (await history.markLive(id, run.runUrl)).filter((o) => o.backend === 'github');
    reports.push(
      reportOutcomes(rt, live, (v) => ({
        status: 'live',
        note: v.changed ? `marked deployment ${id} live again` : `deployment ${id} was already live`,
      })),
    );
  }
  return { ...merge(...reports), notices };
}
