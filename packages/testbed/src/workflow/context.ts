// What a job of a run sees of it: the github context its expressions read and the variables the runner sets,
// both from the run's event, commit and repository.
import { tmpdir } from 'node:os';
import type { Contexts, Value } from './expressions';
import type { WorkflowPlan } from './load';
import type { HarnessOptions, JobResult, RunRequest } from './types';

export interface Run {
  runId: number;
  sha: string;
  ref: string;
  event: string;
  /** The event's payload as github.event gives it (the schedule that fired; a dispatch's inputs are added). */
  payload: Record<string, Value>;
  artifacts: string;
  options: HarnessOptions;
  approvals: { login: string; environments: string[] }[];
  jobs: JobResult[];
  callers: JobResult[];
}

export function githubContext(
  run: Run,
  plan: WorkflowPlan,
  job: string,
  inputs: Record<string, Value>,
): Contexts {
  const [owner] = run.options.repository.split('/');
  return {
    repository: run.options.repository,
    repository_owner: owner!,
    run_id: String(run.runId),
    run_number: '1',
    run_attempt: '1',
    sha: run.sha,
    ref: run.ref,
    ref_name: run.ref.replace(/^refs\/(heads|tags)\//, ''),
    actor: run.options.actor ?? 'octocat',
    triggering_actor: run.options.actor ?? 'octocat',
    event_name: run.event,
    event: run.event === 'workflow_dispatch' ? { ...run.payload, inputs } : run.payload,
    token: run.options.githubToken,
    workflow: plan.name,
    job,
    server_url: 'https://github.com',
    api_url: run.options.env.GITHUB_API_URL ?? 'https://api.github.com',
  };
}

export function runnerEnv(run: Run, plan: WorkflowPlan, job: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    ...run.options.env,
    GITHUB_REPOSITORY: run.options.repository,
    GITHUB_REPOSITORY_OWNER: run.options.repository.split('/')[0]!,
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: run.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_EVENT_NAME: run.event,
    GITHUB_WORKFLOW: plan.name,
    GITHUB_JOB: job,
    GITHUB_ACTOR: run.options.actor ?? 'octocat',
    GITHUB_TRIGGERING_ACTOR: run.options.actor ?? 'octocat',
  };
}

/**
 * The cron expression a scheduled run fired for: the request's, which must be one of the workflow's, else the
 * first. Scheduled runs take no inputs, and run on the default branch.
 */
export function scheduleOf(plan: WorkflowPlan, request: RunRequest): string {
  if (request.inputs && Object.keys(request.inputs).length > 0) {
    throw new Error(`${plan.file}: a scheduled run takes no inputs`);
  }
  const cron = request.cron ?? plan.schedules[0]!;
  if (!plan.schedules.includes(cron)) {
    throw new Error(`${plan.file} has no schedule ${cron}; it has ${plan.schedules.join(', ')}`);
  }
  return cron;
}
