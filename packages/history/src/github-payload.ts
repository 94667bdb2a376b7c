// How a release is written into a GitHub deployment and read back: its task, payload and status texts.
import type { RestEndpointMethodTypes } from '@octokit/rest';
import { RecordError } from './errors';
import { readTarget, storedTarget } from './format';
import {
  FIRST_TARGET_KIND,
  isoTime,
  sameTarget,
  type DeploymentRecord,
  type FinalStatus,
  type FinishFields,
  type Progress,
  type Target,
} from './record';

/** The task of Lambda's deployments, as before targets had kinds; others are `deploy:<kind>`. */
export const DEPLOYMENT_TASK = 'deploy:lambda';
export const TASK_PREFIX = 'deploy:';

export function taskOf(targetKind: string): string {
  return `${TASK_PREFIX}${targetKind}`;
}
// https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status (description: max 140)
export const DESCRIPTION_MAX = 140;

export type Deployment = RestEndpointMethodTypes['repos']['getDeployment']['response']['data'];
export type Status = RestEndpointMethodTypes['repos']['listDeploymentStatuses']['response']['data'][number];
export type State = Status['state'];

/**
 * What the deployment payload holds: the record minus what GitHub keeps itself (id, environment, status).
 * Lambda's name the function and alias (`function`, `alias`) as before targets had kinds; others carry
 * `targetKind` and `resource`.
 */
export interface DeploymentPayload {
  recordId: string;
  function?: string;
  alias?: string;
  targetKind?: string;
  resource?: string;
  blueVersion: string;
  greenVersion: string;
  strategy: string;
  commit: string;
  ref: string;
  actor: string;
  runUrl: string;
  startedAt: string;
  /** Who approved the job (require-environment); absent in older payloads. */
  approvedBy?: string;
  releaseKind?: string;
}

export interface StatusOptions {
  environmentUrl?: string;
}

/** `text` cut to GitHub's 140 characters, never inside a surrogate pair. */
export function clipDescription(text: string): string {
  if (text.length <= DESCRIPTION_MAX) return text;
  let cut = DESCRIPTION_MAX - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** The status description of a final record status. */
export function finalDescription(status: FinalStatus, fields: Omit<FinishFields, 'endedAt'>): string {
  const reason = fields.reason ? `: ${fields.reason}` : '';
  if (status === 'succeeded') return clipDescription(`succeeded${reason}`);
  if (status === 'failed') return clipDescription(`failed${reason}`);
  const to = fields.restoredVersion ? ` to ${fields.restoredVersion}` : '';
  return clipDescription(`rolled back${to}${reason}`);
}

/** Reads back what finalDescription wrote; a failure written by anything else counts as failed. */
export function parseFinal(
  state: State,
  description: string | null | undefined,
): { status: FinalStatus; reason?: string; restoredVersion?: string } {
  const text = description ?? '';
  if (state === 'success') return { status: 'succeeded', ...reasonOf(/^succeeded(?:: ([^]*))?$/.exec(text)) };
  const rolled = /^rolled back(?: to (\S+?))?(?:: ([^]*))?$/.exec(text);
  if (rolled) {
    return {
      status: 'rolled-back',
      ...(rolled[2] ? { reason: rolled[2] } : {}),
      ...(rolled[1] ? { restoredVersion: rolled[1] } : {}),
    };
  }
  const failed = /^failed(?:: ([^]*))?$/.exec(text);
  if (failed) return { status: 'failed', ...reasonOf(failed) };
  return { status: 'failed', ...(text ? { reason: text } : {}) };
}

function reasonOf(m: RegExpExecArray | null): { reason?: string } {
  return m?.[1] ? { reason: m[1] } : {};
}

/** The in_progress description of a rollout's step: `step 3/6: 50% on v2`. */
export function progressDescription(
  p: Pick<Progress, 'step' | 'of' | 'percent' | 'watch'>,
  green: string,
): string {
  const watch = p.watch ? `; watch ${p.watch.mark}: ${p.watch.verdict}` : '';
  return clipDescription(`step ${p.step}/${p.of}: ${p.percent}% on ${green}${watch}`);
}

const WATCH = /; watch (\S+): (healthy|unhealthy|inconclusive)$/;

const PROGRESS = /^step (\d+)\/(\d+): (\d+(?:\.\d+)?)% on /;

/** Where the newest progress status (newest first, as GitHub lists them) says the rollout stands; older records have none. */
export function progressOf(statuses: readonly Status[]): Progress | undefined {
  for (const s of statuses) {
    const m = s.state === 'in_progress' ? PROGRESS.exec(s.description ?? '') : null;
    if (!m) continue;
    const w = WATCH.exec(s.description ?? '');
    return {
      ...(w && { watch: { mark: w[1]!, verdict: w[2]! } }),
      step: Number(m[1]),
      of: Number(m[2]),
      percent: Number(m[3]),
      at: isoTime(s.created_at),
      run: s.log_url ?? '',
    };
  }
  return undefined;
}

const FINAL_STATES: readonly State[] = ['success', 'failure', 'error'];

/** The record a deployment and its statuses (newest first, as GitHub lists them) describe. */
export function toRecord(deployment: Deployment, statuses: readonly Status[]): DeploymentRecord {
  const p = payloadOf(deployment);
  if (!p) throw foreign(deployment.id);
  // The oldest final status decides: an inactive or a later success (markLive) does not change the outcome.
  // GitHub adds inactive only after a success (auto_inactive,
  // https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status).
  const final = [...statuses].reverse().find((s) => FINAL_STATES.includes(s.state));
  const record: DeploymentRecord = {
    id: p.recordId,
    githubDeploymentId: String(deployment.id),
    environment: deployment.environment,
    ...targetOf(p),
    blueVersion: p.blueVersion,
    greenVersion: p.greenVersion,
    strategy: p.strategy,
    status: 'started',
    startedAt: p.startedAt,
    commit: p.commit,
    ref: p.ref,
    actor: p.actor,
    runUrl: p.runUrl,
    ...(typeof p.approvedBy === 'string' && p.approvedBy !== '' && { approvedBy: p.approvedBy }),
    ...(p.releaseKind === 'hotfix' && { releaseKind: 'hotfix' as const }),
  };
  const progress = progressOf(statuses);
  if (progress) record.progress = progress;
  if (!final) return record;
  return { ...record, ...parseFinal(final.state, final.description), endedAt: isoTime(final.created_at) };
}

/** The payload if this deployment was written by this backend, else undefined. */
export function payloadOf(deployment: Pick<Deployment, 'task' | 'payload'>): DeploymentPayload | undefined {
  if (!deployment.task.startsWith(TASK_PREFIX)) return undefined;
  let p: unknown = deployment.payload;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      return undefined;
    }
  }
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const keys: (keyof DeploymentPayload)[] = [
    'recordId',
    'blueVersion',
    'greenVersion',
    'strategy',
    'commit',
    'ref',
    'actor',
    'runUrl',
    'startedAt',
  ];
  if (!keys.every((k) => typeof o[k] === 'string')) return undefined;
  const target = readTarget({ ...o, functionName: o.function as string | undefined });
  // The task names the kind too: a payload must agree with it.
  if (!target || taskOf(target.targetKind) !== deployment.task) return undefined;
  return o as unknown as DeploymentPayload;
}

// The payload names Lambda's function `function`, where DynamoDB items say `functionName`.
export function targetOf(p: Pick<DeploymentPayload, 'function' | 'alias' | 'targetKind' | 'resource'>) {
  return readTarget({ ...p, functionName: p.function })!;
}

export function payloadTarget(t: Omit<Target, 'environment'>) {
  const { functionName, ...rest } = storedTarget(t);
  return { ...(functionName !== undefined && { function: functionName }), ...rest };
}

/** How a deployment names its target in descriptions: `orders:live`, or `ecs:...` for other kinds. */
export function targetName(t: Omit<Target, 'environment'>): string {
  return t.targetKind === FIRST_TARGET_KIND ? t.resource : `${t.targetKind}:${t.resource}`;
}

export function payloadFor(r: DeploymentRecord): DeploymentPayload {
  return {
    recordId: r.id,
    ...payloadTarget(r),
    blueVersion: r.blueVersion,
    greenVersion: r.greenVersion,
    strategy: r.strategy,
    commit: r.commit,
    ref: r.ref,
    actor: r.actor,
    runUrl: r.runUrl,
    startedAt: r.startedAt,
    ...(r.approvedBy && { approvedBy: r.approvedBy }),
    ...(r.releaseKind && { releaseKind: r.releaseKind }),
  };
}

export function isTarget(p: DeploymentPayload, t: Target): boolean {
  return sameTarget(targetOf(p), t);
}

export function foreign(id: number): RecordError {
  return new RecordError(
    String(id),
    `names a GitHub deployment not recorded by record-history (its task is not "${TASK_PREFIX}<target>", as "${DEPLOYMENT_TASK}")`,
  );
}
