import {
  clockFromEnv,
  DeployError,
  InputError,
  InputReader,
  resolveRegion,
  type AwsOptions,
  type Clock,
  type Runtime,
} from '@deploy-actions/core';
import {
  checkDeploymentId,
  checkNewDeploymentId,
  defaultDeploymentId,
  parseStatus,
  RELEASE_KINDS,
  type DeploymentRecord,
  type DeploymentStatus,
  type Target,
} from '@deploy-actions/history';
import { checkTopicRegion, readHistoryConfig, runContext } from '@deploy-actions/history/config';
import type { Before } from '@deploy-actions/history/dynamodb';
import type { History, HistoryDeps } from '@deploy-actions/history/history';
import type { Notice } from '@deploy-actions/history/notify';
import { parseApprovedBy } from '../guard';
import { runStep, selectTarget, type Targets } from './common';
import { announce, historyInputs, openFor, outcomesTable, reportOutcomes, settle } from './history';

export interface RecordDeps extends HistoryDeps {
  clock?: Clock;
}

const MAX_REPORT_DAYS = 366;

export function readRecordInputs(inputs: InputReader, env: Runtime['env'], targets: Targets) {
  const history = readHistoryConfig(inputs);
  const statusText = inputs.text('status');
  const reportText = inputs.text('report-days');
  const reportDays = reportText === '' ? undefined : inputs.integer('report-days', 0, 1, MAX_REPORT_DAYS);
  if (statusText === '' && reportDays === undefined) {
    throw new InputError(
      'status',
      '',
      'is required: started, succeeded, failed or rolled-back (or give only report-days for a report)',
    );
  }
  const status: DeploymentStatus | undefined = statusText ? parseStatus(statusText) : undefined;

  const kind = selectTarget(inputs, targets);
  const regionText = inputs.text('aws-region');
  const dynamodb = history.backends.includes('dynamodb');
  const sns = history.notify?.snsTopicArn !== undefined;
  // Checked without DynamoDB too, where it is unused: a typo there should not pass silently.
  const needsRegion = dynamodb || sns || regionText !== '';
  const config = kind.readConfig(inputs, env, { optional: true, region: needsRegion });
  const greenText = inputs.text('green-version');
  const blueText = inputs.text('blue-version');
  const green = greenText ? kind.parseVersion('green-version', greenText) : undefined;
  const blue = blueText ? kind.parseVersion('blue-version', blueText) : undefined;
  const strategy = inputs.text('strategy', { max: 64 });
  const reason = inputs.text('reason', { max: 1000 });
  const idText = inputs.text('deployment-id');
  const approvedBy = parseApprovedBy(inputs.text('approved-by'));
  const releaseKind = inputs.oneOf('release-kind', RELEASE_KINDS, 'release');
  // Fields of the release itself: written once, by the step that records its start.
  const startOnly: [string, string][] = [
    ['approved-by', approvedBy ?? ''],
    ['release-kind', releaseKind === 'release' ? '' : releaseKind],
  ];
  for (const [name, value] of startOnly) {
    if (value && status !== 'started') {
      throw new InputError(
        name,
        value,
        'is recorded with status started only: give it to the step that records the start',
      );
    }
  }

  let id: string | undefined;
  if (status === 'started') {
    if (!config) kind.readConfig(inputs, env);
    if (!green)
      throw new InputError('green-version', '', 'is required for status started: the version being released');
    if (blue === green) throw new InputError('blue-version', blueText, 'must differ from green-version');
    if (idText) id = checkNewDeploymentId(idText);
  } else {
    if (status && idText === '') {
      throw new InputError(
        'deployment-id',
        '',
        `is required for status ${status}: the deployment-id output of the step that recorded "started"`,
      );
    }
    // Checked on a report too, which does not use it: a malformed id is still a mistake worth naming.
    if (idText) id = checkDeploymentId(idText);
  }
  if (reportDays !== undefined && !config) kind.readConfig(inputs, env);

  let aws: AwsOptions | undefined;
  let notifyAws: AwsOptions | undefined;
  if (needsRegion) {
    const region = config ? config.aws.region : resolveRegion(regionText, env);
    if (dynamodb) aws = { region, maxAttempts: history.maxAttempts };
    checkTopicRegion(history.notify, region);
    if (sns) notifyAws = { region, maxAttempts: history.maxAttempts };
  }
  const target: Target | undefined = config && { environment: history.environment, ...config.history };
  const region = config?.aws.region ?? '';
  return {
    history,
    status,
    id,
    target,
    green,
    blue,
    strategy,
    reason,
    reportDays,
    aws,
    approvedBy,
    releaseKind,
    notifyAws,
    region,
  };
}

type Inputs = ReturnType<typeof readRecordInputs>;

/** Records one step of a release in every backend, and reports the history when asked. */
export async function runRecordHistory(rt: Runtime, targets: Targets, deps: RecordDeps = {}): Promise<void> {
  await runStep(
    rt,
    'Nothing was recorded.',
    historyInputs(async () => {
      const i = readRecordInputs(new InputReader(rt.input), rt.env, targets);
      const run = runContext(rt.env);
      if (i.status === 'started' && i.history.github && !run.commit) {
        throw new DeployError(
          'GITHUB_SHA is not set: a GitHub deployment needs the commit. record-history runs in a GitHub Actions job.',
        );
      }
      const clock = deps.clock ?? clockFromEnv(rt.env);
      const history = await openFor(rt, i.history, i.aws, run, clock, deps);
      const now = () => new Date(clock.now()).toISOString();
      const heading = `### record-history: ${i.target ? `${i.target.resource} ` : ''}in ${i.history.environment}`;
      const parts: string[] = [];

      let id = i.id;
      let target = i.target;
      if (i.status === 'started') {
        const r = await recordStart(rt, history, i, run, now());
        id = r.id;
        parts.push(`${heading}: started ${id}`, '', outcomesTable(r.rows), '');
        await finishStep(rt, i, history, { at: r.startedAt }, target, parts, clock);
        settle(rt, i.history, r, `The start of deployment ${id} was`);
        await announce(rt, i.history, i.notifyAws, [r.notice], deps);
        return;
      }
      if (i.status) {
        const r = await recordEnd(rt, history, i, i.status, now());
        target ??= r.target;
        parts.push(`${heading}: ${i.status} ${id}`, '', outcomesTable(r.rows), '');
        await finishStep(rt, i, history, { deploymentId: id! }, target, parts, clock);
        settle(rt, i.history, r, `The outcome "${i.status}" of deployment ${id} was`);
        await announce(rt, i.history, i.notifyAws, [r.notice], deps);
        return;
      }
      parts.push(`${heading}: report`, '');
      await finishStep(rt, i, history, undefined, target, parts, clock);
    }),
  );
}

async function recordStart(
  rt: Runtime,
  history: History,
  i: Inputs,
  run: ReturnType<typeof runContext>,
  at: string,
) {
  const t = i.target!;
  const record: DeploymentRecord = {
    id: i.id ?? defaultDeploymentId(run.runId, `${run.job}/${run.step}`, t, i.region),
    ...t,
    blueVersion: i.blue ?? '',
    greenVersion: i.green!,
    strategy: i.strategy || 'unspecified',
    status: 'started',
    startedAt: at,
    commit: run.commit,
    ref: run.ref,
    actor: run.actor,
    runUrl: run.runUrl,
    ...(i.approvedBy && { approvedBy: i.approvedBy }),
    ...(i.releaseKind === 'hotfix' && { releaseKind: 'hotfix' as const }),
  };
  const started = await history.start(record, run.attempt);
  if (started.newAttempt) {
    rt.info(
      `Deployment ${record.id} of this run had already ended; job attempt ${run.attempt} is recorded as ${started.id}.`,
    );
  }
  const reported = reportOutcomes(rt, started.outcomes, (v) => ({
    status: v.record.status,
    note: v.created
      ? `recorded deployment ${started.id}${v.record.githubDeploymentId ? ` (GitHub deployment ${v.record.githubDeploymentId})` : ''} as started`
      : `deployment ${started.id} was already recorded (${v.record.status}); nothing added`,
  }));
  rt.setOutput('deployment-id', started.id);
  const recorded = started.outcomes.find((o) => o.ok);
  const notice: Notice = recorded?.ok ? recorded.value.record : { ...record, id: started.id };
  return { id: started.id, startedAt: at, notice, ...reported };
}

async function recordEnd(
  rt: Runtime,
  history: History,
  i: Inputs,
  status: Exclude<DeploymentStatus, 'started'>,
  at: string,
) {
  const id = i.id!;
  let restoredVersion = status === 'rolled-back' ? i.blue : undefined;
  if (status === 'rolled-back' && !restoredVersion) {
    // The version traffic went back to is the blue of the release, unless the step says otherwise.
    restoredVersion = (await history.get(id).catch(() => undefined))?.value?.blueVersion || undefined;
  }
  const outcomes = await history.finish(id, status, {
    endedAt: at,
    ...(i.reason && { reason: i.reason }),
    ...(restoredVersion && { restoredVersion }),
  });
  const reported = reportOutcomes(rt, outcomes, (v) => ({
    status: v.record.status,
    note: v.changed
      ? `recorded deployment ${id} as ${status}`
      : `deployment ${id} was already ${v.record.status}; nothing added`,
  }));
  const known = outcomes.find((o) => o.ok);
  const record = known?.ok ? known.value.record : undefined;
  rt.setOutput('deployment-id', id);
  const target: Target | undefined = record && {
    environment: record.environment,
    targetKind: record.targetKind,
    resource: record.resource,
  };
  // What the step knows when no backend could give the record: the notice still goes out.
  const run = runContext(rt.env);
  const notice: Notice = record
    ? { ...record, ...(run.runUrl && { runUrl: run.runUrl }) }
    : {
        id,
        status,
        environment: i.history.environment,
        ...i.target,
        ...(i.reason && { reason: i.reason }),
        ...(restoredVersion && { restoredVersion }),
        ...(run.commit && { commit: run.commit }),
        ...(run.actor && { actor: run.actor }),
        ...(run.runUrl && { runUrl: run.runUrl }),
      };
  return { target, notice, ...reported };
}

/** previous-version, and the report when asked; a history that cannot be read only warns here. */
async function finishStep(
  rt: Runtime,
  i: Inputs,
  history: History,
  before: Before | undefined,
  target: Target | undefined,
  parts: string[],
  clock: Clock,
): Promise<void> {
  if (target) {
    const what =
      before && 'deploymentId' in before
        ? ` before ${before.deploymentId}`
        : before
          ? ' before this one'
          : '';
    try {
      const last = await history.lastSuccessful(target, before);
      const version = last.value?.greenVersion ?? '';
      rt.setOutput('previous-version', version);
      rt.info(
        last.value
          ? `The last successful deployment${what}: ${last.value.id}, version ${version}.`
          : `No successful deployment${what} is recorded.`,
      );
    } catch (err) {
      if (err instanceof InputError) rt.setOutput('previous-version', '');
      else rt.warning(`previous-version is unknown: ${(err as Error).message}`);
    }
  }
  if (i.reportDays !== undefined && target) {
    const [{ computeStats, reportPeriod }, { statsMarkdown, recentMarkdown }] = await Promise.all([
      import('@deploy-actions/history/stats'),
      import('@deploy-actions/history/report'),
    ]);
    const period = reportPeriod(clock.now(), i.reportDays);
    const read = await history.between(target, period.from, period.to);
    const stats = computeStats(read.value, period);
    rt.setOutput('stats', JSON.stringify({ ...stats, source: read.backend.name }));
    parts.push(statsMarkdown(stats, read.backend.where), recentMarkdown(read.value));
    rt.info(
      `${stats.count} deployments in ${i.reportDays} days: success rate ${stats.successRate === null ? '–' : `${(stats.successRate * 100).toFixed(1)}%`}.`,
    );
  }
  await rt.summary(parts.join('\n'));
}
