// What rollback reads from and writes to the deployment history: the release to restore, the release it
// undoes, and the rollback's own record.
import { DeployError, InputError, type Clock, type Runtime } from '@deploy-actions/core';
import {
  defaultDeploymentId,
  ROLLBACK_STRATEGY,
  type DeploymentRecord,
  type Target as HistoryTarget,
} from '@deploy-actions/history';
import type { RunContext } from '@deploy-actions/history/config';
import { HistoryReadError, type History, type Outcome } from '@deploy-actions/history/history';
import type { Notice } from '@deploy-actions/history/notify';
import type { RollbackResult } from '../rollback';
import type { Router } from '../target';
import { asInputError, merge, reportOutcomes, type Reported } from './history';

// How many successes (of the live version, rolled back since, or rollbacks) may be skipped to find a good one.
const MAX_SKIPPED = 20;

/** What recording a rollback needs: the open history, this target in its environment, this run. */
export interface Recording {
  rt: Runtime;
  history: History;
  target: HistoryTarget;
  run: RunContext;
  clock: Clock;
  region: string;
  reason: string;
  /** Who approved the job, when require-environment checked it: the rollback's record names them. */
  approvedBy?: string;
}

/** A deployment that `to` may name: one that succeeded, so its version was good. */
export async function restorable(history: History, id: string): Promise<DeploymentRecord> {
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
export async function lastGoodBefore(
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
    `No successful deployment of a version other than the live ${router.label(live)} (or one rolled back since) is recorded for ${target.resource} in ${target.environment} in the ${MAX_SKIPPED + 1} newest successes; give the version to return to${router.example ? ` (for example to: ${router.example(live)})` : ''} in \`to\`. Nothing was changed.`,
  );
}

/**
 * The release this rollback ends rolled-back: the deployment-id given, else, when a split was undone, the
 * newest record of the split's green that has not ended (a canary left half-way by a job that stopped).
 * `note` says what was found, for the job summary.
 */
export async function releaseToEnd(
  c: Recording,
  r: RollbackResult,
  given: string | undefined,
  label: Router['label'],
): Promise<{ id?: string; note?: string }> {
  if (given) return { id: given };
  // Only a split put back on its blue undoes a release; to: <its green> would finish it instead.
  if (!r.split || r.fromVersion === r.toVersion) return {};
  const green = label(r.fromVersion);
  const where = `${c.target.resource} in ${c.target.environment}`;
  let found: DeploymentRecord | undefined;
  try {
    found = (await c.history.openRelease(c.target, r.fromVersion)).value;
  } catch (err) {
    if (!(err instanceof HistoryReadError)) throw err;
    const note = `Could not look for the open release record of ${green} (${err.message}): only the rollback is recorded.`;
    c.rt.warning(note);
    return { note };
  }
  if (!found) {
    const note = `No open release record (status started) of ${where} has the split's green ${green}: only the rollback is recorded.`;
    c.rt.info(note);
    return { note };
  }
  const note = `The split's green ${green} is release ${found.id} of ${where}, still started: it ends rolled-back.`;
  c.rt.info(note);
  return { id: found.id, note };
}

/** The rollback as a record of its own; the release it undoes ends rolled-back; the restored one is live. */
export async function recordRollback(
  c: Recording,
  r: { fromVersion: string; toVersion: string },
  releaseId: string | undefined,
  restored: DeploymentRecord | undefined,
): Promise<Reported & { notices: Notice[] }> {
  const own = ownRecord(c, r);
  const started = await c.history.start(own, c.run.attempt);
  const notices: Notice[] = [recordOf(started.outcomes, { ...own, id: started.id })];
  c.rt.setOutput('deployment-id', started.id);
  const reports: Reported[] = [];
  // The undone release ends first, so the rollback's own end is the moment it was restored.
  if (releaseId) {
    const undone = await endUndone(c, releaseId, r.toVersion);
    notices.push(undone.notice);
    reports.push(undone.reported);
  }
  const reason = `rolled back from ${r.fromVersion}${c.reason ? `: ${c.reason}` : ''}`;
  // A backend that missed the start is not asked to end it: its failure is reported once.
  const recordedIn = new Set(started.outcomes.filter((o) => o.ok).map((o) => o.backend));
  const ended = recordedIn.size
    ? await c.history.finish(started.id, 'succeeded', { endedAt: at(c.clock), reason })
    : [];
  if (recordedIn.size) {
    notices.push(recordOf(ended, { ...own, id: started.id, status: 'succeeded', reason }));
  }
  reports.push(
    reportOutcomes(
      c.rt,
      [...started.outcomes.filter((o) => !o.ok), ...ended.filter((o) => recordedIn.has(o.backend))],
      (v) => ({
        status: v.record.status,
        note: `recorded rollback ${started.id}: ${r.fromVersion} → ${r.toVersion}`,
      }),
    ),
  );
  if (restored) reports.push(await markRestored(c, restored.id));
  return { ...merge(...reports), notices };
}

const at = (clock: Clock) => new Date(clock.now()).toISOString();

// What each recorded status announces: the record a backend gave back, else what this step knows.
function recordOf(outcomes: Outcome<{ record: DeploymentRecord }>[], known: Notice): Notice {
  const found = outcomes.find((o) => o.ok);
  return found?.ok ? found.value.record : known;
}

function ownRecord(c: Recording, r: { fromVersion: string; toVersion: string }): DeploymentRecord {
  const { run, target } = c;
  return {
    id: defaultDeploymentId(run.runId, `${run.job}/${run.step}:rollback`, target, c.region),
    ...target,
    blueVersion: r.fromVersion,
    greenVersion: r.toVersion,
    strategy: ROLLBACK_STRATEGY,
    status: 'started',
    startedAt: at(c.clock),
    commit: run.commit,
    ref: run.ref,
    actor: run.actor,
    runUrl: run.runUrl,
    ...(c.approvedBy && { approvedBy: c.approvedBy }),
  };
}

/** Ends the undone release rolled-back, naming the version restored. */
async function endUndone(c: Recording, id: string, restoredVersion: string) {
  const fields = { restoredVersion, ...(c.reason && { reason: c.reason }) };
  const undone = await c.history.finish(id, 'rolled-back', { endedAt: at(c.clock), ...fields });
  if (undone.some((o) => o.ok)) c.rt.setOutput('rolled-back-deployment-id', id);
  const notice = {
    ...recordOf(undone, { id, status: 'rolled-back', ...c.target, ...fields }),
    ...(c.run.runUrl && { runUrl: c.run.runUrl }),
  };
  const reported = reportOutcomes(c.rt, undone, (v) => ({
    status: v.record.status,
    note: v.changed
      ? `recorded deployment ${id} as rolled back`
      : `deployment ${id} was already ${v.record.status}`,
  }));
  return { notice, reported };
}

/** GitHub shows which deployment is live: the restored one is again. */
async function markRestored(c: Recording, id: string): Promise<Reported> {
  c.rt.setOutput('restored-deployment-id', id);
  const live = (await c.history.markLive(id, c.run.runUrl)).filter((o) => o.backend === 'github');
  return reportOutcomes(c.rt, live, (v) => ({
    status: 'live',
    note: v.changed ? `marked deployment ${id} live again` : `deployment ${id} was already live`,
  }));
}
