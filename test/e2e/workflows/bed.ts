// What the workflow files share: one release bed per file (moto, GitHub, OIDC, Slack, SNS→SQS, production
// traffic on a scaled clock) and the harness options that run the repository's workflows against it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { node24Path } from '@deploy-actions/testbed/node24';
import { harnessOptions, startReleaseBed, type ReleaseBed } from '@deploy-actions/testbed/release-bed';
import { runWorkflow } from '@deploy-actions/testbed/workflow';
import type {
  HarnessOptions,
  JobResult,
  RunRequest,
  WorkflowRun,
} from '@deploy-actions/testbed/workflow-types';

export const REVIEWER = 'release-manager';

export interface WorkflowBed {
  bed: ReleaseBed;
  /** Runs a workflow file of the repository; production is approved by REVIEWER unless `extra` says otherwise. */
  run(file: string, request: RunRequest, extra?: Partial<HarnessOptions>): Promise<WorkflowRun>;
}

export function useWorkflowBed(): WorkflowBed {
  const w = {} as WorkflowBed;
  beforeAll(async () => {
    w.bed = await startReleaseBed();
  });
  afterAll(async () => {
    await w.bed?.stop();
  });
  w.run = (file, request, extra = {}) =>
    runWorkflow(file, request, { ...harnessOptions(w.bed, node24Path(), REVIEWER), ...extra });
  return w;
}

/** A job that called a reusable workflow ("rollback"): its outputs are the called workflow's outputs. */
export function caller(run: WorkflowRun, path: string): JobResult {
  const found = run.callers.find((j) => j.path === path);
  if (!found) throw new Error(`no calling job ${path} in run ${run.runId}`);
  return found;
}

/** A job of the run by its path ("production/deploy"); throws naming the jobs there are. */
export function job(run: WorkflowRun, path: string): JobResult {
  const found = run.jobs.find((j) => j.path === path);
  if (!found) throw new Error(`no job ${path}; the run has ${run.jobs.map((j) => j.path).join(', ')}`);
  return found;
}

/** A step of a job by its id ("shift"). */
export function step(j: JobResult, id: string) {
  const found = j.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in ${j.path}; it has ${j.steps.map((s) => s.id).join(', ')}`);
  return found;
}

/** A new commit to push: each builds a different package (bed.checkout). */
export function newCommit(): string {
  return randomBytes(20).toString('hex');
}

/**
 * What the history holds for a commit: its DynamoDB records, newest first, and its GitHub deployments, oldest
 * first, each with the states of its statuses in order and the newest status's description.
 */
export async function historyOf(bed: ReleaseBed, sha: string) {
  const records = (await bed.records()).filter((r) => r.commit === sha);
  const deployments = bed.github
    .deployments()
    .filter((d) => d.sha === sha)
    .map((d) => {
      const statuses = bed.github.statuses(d.id);
      return {
        environment: d.environment,
        states: statuses.map((s) => s.state),
        description: statuses.at(-1)?.description ?? '',
      };
    });
  return { records, deployments };
}

/** The DynamoDB record of an id. */
export async function recordOf(bed: ReleaseBed, id: string) {
  const found = (await bed.records()).find((r) => r.id === id);
  if (!found) throw new Error(`no DynamoDB record ${id}`);
  return found;
}

/** The GitHub deployment of a record id: its payload, its statuses oldest first, and the newest one. */
export function deploymentOf(bed: ReleaseBed, id: string) {
  const d = bed.github.deployments().find((x) => (x.payload as { recordId?: string }).recordId === id);
  if (!d) throw new Error(`no GitHub deployment of ${id}`);
  const statuses = bed.github.statuses(d.id).map((s) => [s.state, s.description] as const);
  const [state, description] = statuses.at(-1)!;
  return { payload: d.payload as Record<string, string>, statuses, state, description };
}
