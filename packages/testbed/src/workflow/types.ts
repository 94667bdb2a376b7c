// What a workflow run is given and what it leaves: the shapes shared by the harness's modules.
import type { GitHubServer } from '../github';
import type { OidcServer } from '../oidc';

export type JobStatus = 'success' | 'failure' | 'skipped' | 'waiting';
export type StepOutcome = 'success' | 'failure' | 'skipped';

export interface HarnessOptions {
  /** owner/name of the repository the workflows run in. */
  repository: string;
  /** Variables every step gets on top of the runner's own (endpoints, the shared clock). */
  env: Record<string, string>;
  /** The repository's secrets, by name. */
  secrets?: Record<string, string>;
  /**
   * Environments with required reviewers: who approves the job, or false to withhold the approval (the job
   * then waits and never starts, as on GitHub). An environment not listed needs no approval.
   */
  approvals?: Record<string, string | false>;
  oidc: OidcServer;
  /** Where approvals are recorded, as GitHub records the review of a run. */
  github: GitHubServer;
  githubToken: string;
  motoUrl: string;
  /** The repository's files at a ref or commit: a directory to copy into the job's workspace. */
  checkout(ref: string): string;
  /** Node binary actions run on; default this Node. */
  node?: string;
  actor?: string;
  /** Longest a step may run, real ms; default 120 s. */
  stepTimeoutMs?: number;
  onEvent?(event: HarnessEvent): void;
}

export type HarnessEvent =
  | { kind: 'job-started'; job: string; environment?: string }
  | { kind: 'job-waiting'; job: string; environment: string }
  | { kind: 'job-ended'; job: JobResult }
  | { kind: 'step-ended'; job: string; step: StepResult };

export interface RunRequest {
  event: 'push' | 'workflow_dispatch' | 'workflow_call' | 'schedule';
  inputs?: Record<string, string | boolean | number>;
  /** With event schedule: the cron expression that fired (github.event.schedule); default the workflow's first. */
  cron?: string;
  /** The commit of the run; default a new one per run. */
  sha?: string;
  ref?: string;
  secrets?: Record<string, string>;
}

export interface StepResult {
  id: string;
  name: string;
  outcome: StepOutcome;
  conclusion: StepOutcome;
  outputs: Record<string, string>;
  /** The step's log: stdout and stderr. */
  log: string;
  summary: string;
  errors: string[];
  warnings: string[];
  phase: 'main' | 'post';
}

export interface JobResult {
  /** The job's id, prefixed by the calling job's for a reusable workflow's job: "production/deploy". */
  path: string;
  status: JobStatus;
  environment?: string;
  /** The evaluated concurrency group, when the job has one. */
  concurrency?: string;
  outputs: Record<string, string>;
  steps: StepResult[];
}

export interface WorkflowRun {
  runId: number;
  status: 'success' | 'failure' | 'waiting';
  jobs: JobResult[];
  /** The jobs that called a reusable workflow ("rollback"): their outputs are the called workflow's. */
  callers: JobResult[];
  outputs: Record<string, string>;
}
