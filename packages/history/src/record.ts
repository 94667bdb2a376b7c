import { createHash } from 'node:crypto';
import { InputError } from '@deploy-actions/core';

export const STATUSES = ['started', 'succeeded', 'failed', 'rolled-back'] as const;
export const RELEASE_KINDS = ['release', 'hotfix'] as const;
export type ReleaseKind = Exclude<(typeof RELEASE_KINDS)[number], 'release'>;
export type DeploymentStatus = (typeof STATUSES)[number];
export type FinalStatus = Exclude<DeploymentStatus, 'started'>;

/** The kind of target whose records were written before targets had kinds. */
export const FIRST_TARGET_KIND = 'lambda';

/** One released thing in one environment: what a history is kept for. */
export interface Target {
  environment: string;
  /** lambda, ecs, ...: which target released it. */
  targetKind: string;
  /**
   * The released thing as its target names it, the same however the user wrote it: a Lambda alias is
   * `function:alias` with the plain function name.
   */
  resource: string;
}

/**
 * The partition key of a target's history: `${environment}#${resource}` for Lambda, as before targets
 * had kinds, and `${environment}#${targetKind}:${resource}` for the others.
 */
export function targetKey(t: Target): string {
  const kind = t.targetKind === FIRST_TARGET_KIND ? '' : `${t.targetKind}:`;
  return `${t.environment}#${kind}${t.resource}`;
}

/** The same target, environment aside. */
export function sameTarget(a: Omit<Target, 'environment'>, b: Omit<Target, 'environment'>): boolean {
  return a.targetKind === b.targetKind && a.resource === b.resource;
}

export interface DeploymentRecord extends Target {
  id: string;
  blueVersion: string;
  greenVersion: string;
  strategy: string;
  status: DeploymentStatus;
  /** ISO 8601 UTC with milliseconds (Date#toISOString), so strings sort as times. */
  startedAt: string;
  endedAt?: string;
  reason?: string;
  commit: string;
  ref: string;
  actor: string;
  runUrl: string;
  /** For a rollback: the version the alias was put back on. */
  restoredVersion?: string;
  /** The GitHub deployment of this record, when GitHub holds it too. */
  githubDeploymentId?: string;
  /** Who approved the job (require-environment's approved-by): logins, comma separated; absent in older records. */
  approvedBy?: string;
  /** `hotfix` for a release shipped by the hotfix path; absent for an ordinary release. */
  releaseKind?: ReleaseKind;
  /** Where a checkpointed rollout stands (shift-traffic mode start and advance); absent in other records. */
  progress?: Progress;
}

/** The step a checkpointed rollout has written, as its record carries it. */
export interface Progress {
  /** The step written, from 1. */
  step: number;
  /** The steps of the plan. */
  of: number;
  /** Percentage of traffic on green. */
  percent: number;
  /** When the step was written: ISO 8601 UTC. */
  at: string;
  /** The run that wrote it (its URL, or its id outside GitHub). */
  run: string;
  /** In the watch after promotion: the judgment at a mark (1h, 6h, 24h, the watch's end). */
  watch?: { mark: string; verdict: string };
}

/** What a finish may add to a record besides its status. */
export interface FinishFields {
  endedAt: string;
  reason?: string;
  restoredVersion?: string;
}

export function isFinal(status: DeploymentStatus): status is FinalStatus {
  return status !== 'started';
}

/** The strategy rollback records carry. */
export const ROLLBACK_STRATEGY = 'rollback';

/** How many of a target's newest records are searched for the open release of a split. */
export const OPEN_RELEASE_SCAN = 20;

/** A release that has not ended and whose green is `green`; a rollback's own record is no release. */
export function isOpenRelease(
  r: Pick<DeploymentRecord, 'status' | 'greenVersion' | 'strategy'>,
  green: string,
): boolean {
  return r.status === 'started' && r.greenVersion === green && r.strategy !== ROLLBACK_STRATEGY;
}

export type Transition = 'apply' | 'noop' | 'illegal';

/**
 * started → succeeded | failed | rolled-back; a final status never changes; the same status again is a
 * no-op, so a re-run step records nothing twice.
 */
export function transition(from: DeploymentStatus, to: DeploymentStatus): Transition {
  if (from === to) return 'noop';
  return from === 'started' ? 'apply' : 'illegal';
}

export function parseStatus(value: string, input = 'status'): DeploymentStatus {
  if ((STATUSES as readonly string[]).includes(value)) return value as DeploymentStatus;
  throw new InputError(input, value, `must be one of ${STATUSES.join(', ')}`);
}

// Room for a GitHub deployment id, a UUID or `run-attempt` forms; no `#`, which separates key parts.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function checkDeploymentId(value: string, input = 'deployment-id'): string {
  if (!ID.test(value)) {
    throw new InputError(
      input,
      value,
      'must be 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
    );
  }
  return value;
}

/** Canonical timestamp: the one form whose string order is time order. */
export function isoTime(value: string | number | Date, what = 'time'): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`${what} ${JSON.stringify(String(value))} is not a valid date`);
  return new Date(ms).toISOString();
}

/** True for a GitHub deployment id (digits), which a backend-neutral record id never is. */
export function isGitHubDeploymentId(value: string): boolean {
  return /^[1-9]\d{0,15}$/.test(value);
}

/** A new record id given by the user: like any id, but never all digits, which name GitHub deployments. */
export function checkNewDeploymentId(value: string, input = 'deployment-id'): string {
  checkDeploymentId(value, input);
  if (/^\d+$/.test(value)) {
    throw new InputError(
      input,
      value,
      'must not be all digits for a new deployment: digits name GitHub deployments',
    );
  }
  return value;
}

/**
 * The id of a release when the user gives none: one per workflow run, job, target and region, so a step run
 * again, or a job re-run after its runner died, continues the same record instead of adding one.
 */
export function defaultDeploymentId(runId: string, job: string, t: Target, region = ''): string {
  // The region too: one matrix job may release the same function in two regions.
  const hash = createHash('sha256')
    .update(`${job}|${targetKey(t)}${region ? `|${region}` : ''}`)
    .digest('hex')
    .slice(0, 8);
  return `run-${runId || 'local'}-${hash}`;
}
