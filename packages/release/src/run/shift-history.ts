// shift-traffic's history (mode start and advance): each write of a checkpointed rollout updates the release's
// record — its progress, or how it ended — and never undoes or hides the traffic change when the history fails.
import {
  errorMessage,
  type AwsOptions,
  type Clock,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import { checkDeploymentId, type Progress, type Target } from '@deploy-actions/history';
import {
  checkTopicRegion,
  readHistoryConfig,
  runContext,
  type HistoryConfig,
} from '@deploy-actions/history/config';
import type { History, HistoryDeps, Outcome } from '@deploy-actions/history/history';
import type { DeploymentRecord } from '@deploy-actions/history';
import type { Notice } from '@deploy-actions/history/notify';
import { runOf } from '../checkpoint';
import type { RolloutResult } from '../shift/rollout';
import { announce, openFor, outcomesTable, refuseGiven, reportOutcomes } from './history';

/** The history inputs shift-traffic shares with rollback; `environment` turns the history on. */
export const SHIFT_HISTORY_INPUTS = [
  'environment',
  'backend',
  'dynamodb-table',
  'deployment-id',
  'slack-webhook-url',
  'sns-topic-arn',
  'notify-on',
] as const;

export interface ShiftHistory {
  config: HistoryConfig;
  /** The release's record given by deployment-id; else the open record of the target whose green is this green. */
  releaseId?: string;
}

/** The history of mode start and advance; any history input of another mode is an input error naming it. */
export function readShiftHistory(
  inputs: InputReader,
  mode: string,
  region: string,
): ShiftHistory | undefined {
  if (mode !== 'start' && mode !== 'advance') {
    refuseGiven(
      inputs,
      SHIFT_HISTORY_INPUTS,
      `is a history input of mode start and advance (the record of a checkpointed rollout), not of mode ${mode}`,
    );
    return undefined;
  }
  if (inputs.text('environment') === '') {
    refuseGiven(
      inputs,
      SHIFT_HISTORY_INPUTS.slice(1),
      'needs environment: the history whose record of the rollout it updates',
    );
    return undefined;
  }
  const config = readHistoryConfig(inputs);
  checkTopicRegion(config.notify, region);
  const idText = inputs.text('deployment-id');
  return { config, ...(idText && { releaseId: checkDeploymentId(idText) }) };
}

/** What recording a rollout's write needs. */
export interface RolloutRecording {
  history: ShiftHistory;
  target: Target;
  aws: AwsOptions;
  /** Steps of the plan. */
  of: number;
  label: (version: string) => string;
  clock: Clock;
  deps: HistoryDeps;
}

/**
 * After a run that wrote (a step, promotion, rollback): the release's record gets the progress or ends. Returns
 * the job summary's lines; a history that fails only warns, naming what is missing: the traffic change stands.
 */
export async function recordRollout(rt: Runtime, c: RolloutRecording, r: RolloutResult): Promise<string[]> {
  // A run in the watch that writes nothing still records the judgment of a mark it is the first to pass.
  if (r.writes === 0 && !r.mark) return [];
  let history: History;
  try {
    history = await openFor(rt, c.history.config, c.aws, runContext(rt.env), c.clock, c.deps);
  } catch (err) {
    return [
      '#### History',
      '',
      ...notUpdated(rt, r, `the history could not be opened: ${errorMessage(err)}`),
    ];
  }
  return recordIn(rt, c, history, r);
}

/** recordRollout over an open history: find the record, write, report, announce an end. */
export async function recordIn(
  rt: Runtime,
  c: RolloutRecording,
  history: History,
  r: RolloutResult,
): Promise<string[]> {
  const lines = ['#### History', ''];
  const run = runContext(rt.env);
  try {
    const open = c.history.releaseId ? undefined : (await history.openRelease(c.target, r.green)).value;
    const id = c.history.releaseId ?? open?.id;
    if (r.writes === 0 && (!r.mark || !id || markRecorded(open, r))) return [];
    if (!id) {
      const note = `No open release record (status started) of ${c.target.resource} in ${c.target.environment} has green ${c.label(r.green)}: the history is not updated (deployment-id names the record).`;
      rt.warning(note);
      return [...lines, note, ''];
    }
    const written = await writeRecord(c, history, id, r, run.runUrl || runOf(rt.env));
    const reported = reportOutcomes(rt, written.outcomes, written.describe);
    lines.push(outcomesTable(reported.rows), '');
    if (reported.missing.length > 0) {
      lines.push(...notUpdated(rt, r, `deployment ${id} was NOT updated in ${reported.missing.join('; ')}`));
    }
    if (written.notice) {
      const notice = { ...written.notice, ...(run.runUrl && { runUrl: run.runUrl }) };
      await announce(rt, c.history.config, c.aws, [notice], c.deps);
    }
    return lines;
  } catch (err) {
    return [...lines, ...notUpdated(rt, r, `the history was NOT updated: ${errorMessage(err)}`)];
  }
}

/** A warning, and the summary's bold line: the traffic change stands, the history misses it. */
function notUpdated(rt: Runtime, r: RolloutResult, what: string): string[] {
  const missed = `The traffic change stands (${r.message.replace(/\.$/, '')}), but ${what}.`;
  rt.warning(missed);
  return [`**${missed}**`, ''];
}

type Written = { record: DeploymentRecord; changed: boolean };

/** The one history write of this run: progress, or the end of the record; the notice of an end. */
async function writeRecord(
  c: RolloutRecording,
  history: History,
  id: string,
  r: RolloutResult,
  run: string,
): Promise<{
  outcomes: Outcome<Written>[];
  describe: (v: Written) => { status: string; note: string };
  notice?: Notice;
}> {
  const at = new Date(c.clock.now()).toISOString();
  const ended = (v: Written, what: string) => ({
    status: v.record.status,
    note: v.changed
      ? `recorded deployment ${id} as ${what}`
      : `deployment ${id} was already ${v.record.status}`,
  });
  const watch = r.mark && { mark: r.mark.label, verdict: r.mark.verdict };
  const progress: Progress = {
    step: r.step === undefined ? c.of : r.step + 1,
    of: c.of,
    percent: r.status === 'rolled-back' ? 100 : r.percent,
    at,
    run,
    ...(watch && { watch }),
  };
  if (r.status === 'in-progress' || r.status === 'watching') {
    const outcomes = await history.progress(id, progress, c.label(r.green));
    const what = watch
      ? `the watch judgment at ${watch.mark} (${watch.verdict})`
      : `step ${progress.step}/${progress.of}`;
    const describe = (v: Written) => ({
      status: v.record.status,
      note: v.changed
        ? `recorded ${what} (${progress.percent}% on ${c.label(r.green)}) of deployment ${id}`
        : `deployment ${id} is ${v.record.status}; progress not added`,
    });
    return { outcomes, describe };
  }
  // The watch's last judgment goes in before the record ends (a record that has ended takes no progress).
  if (watch) await history.progress(id, progress, c.label(r.green));
  const fields =
    r.status === 'rolled-back'
      ? { endedAt: at, restoredVersion: r.blue, ...(r.reason && { reason: r.reason }) }
      : { endedAt: at };
  const status = r.status === 'rolled-back' ? 'rolled-back' : 'succeeded';
  const outcomes = await history.finish(id, status, fields);
  const found = outcomes.find((o) => o.ok);
  // Announced once: a record already ended (a re-run step) was announced when it ended.
  if (found && !outcomes.some((o) => o.ok && o.value.changed))
    return { outcomes, describe: (v) => ended(v, status) };
  const notice: Notice = found?.ok
    ? found.value.record
    : { id, status, ...c.target, blueVersion: r.blue, greenVersion: r.green, ...fields };
  return { outcomes, describe: (v) => ended(v, status), notice };
}

/** Whether the open record's progress already holds this mark's judgment: a later run past it records nothing. */
function markRecorded(record: DeploymentRecord | undefined, r: RolloutResult): boolean {
  const w = record?.progress?.watch;
  return w !== undefined && w.mark === r.mark?.label && w.verdict === r.mark.verdict;
}
