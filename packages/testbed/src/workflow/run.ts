// Runs a workflow file the way GitHub does for the constructs the shipped workflows use: jobs in needs order
// under their if:, an environment's required approval (withheld: the job waits and never starts), the OIDC
// token a job with id-token: write gets for its environment, reusable workflows called with inputs and
// secrets, and their outputs handed back to the caller.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../runner';
import { evaluate, text, textMap, truthy, valueOf, type Contexts, type Value } from './expressions';
import { callOutputs, inputsOf, secretsOf } from './inputs';
import { runJob } from './job';
import { loadWorkflow, type JobPlan, type WorkflowPlan } from './load';
import type { HarnessOptions, JobResult, JobStatus, RunRequest, WorkflowRun } from './types';

const OWN_WORKFLOW = /^org\/deploy-actions\/(\.github\/workflows\/[\w.-]+\.ya?ml)@v1$/;
let nextRunId = 5000;

interface Run {
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
}

interface Scope {
  plan: WorkflowPlan;
  prefix: string;
  inputs: Record<string, Value>;
  secrets: Record<string, string>;
  /** The calling job's permissions cap the called jobs'; undefined at the top. */
  idTokenAllowed: boolean;
  /** Concurrency groups of the calling jobs: the same group in a called job deadlocks. */
  callerGroups: string[];
}

function githubContext(run: Run, plan: WorkflowPlan, job: string, inputs: Record<string, Value>): Contexts {
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

function runnerEnv(run: Run, plan: WorkflowPlan, job: string): Record<string, string> {
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

function permits(raw: { find(k: string): unknown } | undefined, plan: WorkflowPlan): boolean {
  const token = (raw?.find('permissions') ?? plan.raw.find('permissions')) as
    Parameters<typeof valueOf>[0] | undefined;
  if (!token) return false;
  const p = valueOf(token, {}, { failed: false, cancelled: false });
  return (
    p === 'write-all' ||
    (typeof p === 'object' && p !== null && (p as Record<string, Value>)['id-token'] === 'write')
  );
}

const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];
const LEVELS = ['none', 'read', 'write'];

/** A permissions: value's level of one scope (0 none, 1 read, 2 write); undefined when none is stated. */
function level(p: Value | undefined, scope: string): number | undefined {
  if (p === undefined) return undefined;
  if (p === 'write-all') return 2;
  // id-token has no read level.
  if (p === 'read-all') return scope === 'id-token' ? 0 : 1;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 0;
  return Math.max(0, LEVELS.indexOf(text(p[scope])));
}

function permissionsOf(raw: { find(k: string): unknown }): Value | undefined {
  const token = raw.find('permissions') as Parameters<typeof valueOf>[0] | undefined;
  return token ? valueOf(token, {}, { failed: false, cancelled: false }) : undefined;
}

/**
 * GitHub refuses the whole run before any job when a called workflow's job asks for more than its calling job
 * grants ("The nested job 'deploy' is requesting 'id-token: write', but is only allowed 'id-token: none'").
 * A caller that states no permissions gets the repository's default: id-token none in both of its modes, the
 * other scopes taken as granted (the permissive mode).
 */
async function checkCallPermissions(plan: WorkflowPlan): Promise<void> {
  for (const job of plan.jobs) {
    const m = job.calls ? OWN_WORKFLOW.exec(job.calls) : null;
    if (!m) continue;
    const grant = permissionsOf(job.raw) ?? permissionsOf(plan.raw);
    const called = await loadWorkflow(join(repoRoot, m[1]!));
    for (const nested of called.jobs) {
      const asked = permissionsOf(nested.raw) ?? permissionsOf(called.raw);
      const over = SCOPES.filter(
        (s) => (level(asked, s) ?? 0) > (level(grant, s) ?? (s === 'id-token' ? 0 : 2)),
      );
      if (!over.length) continue;
      const list = (p: Value | undefined) => over.map((s) => `${s}: ${LEVELS[level(p, s) ?? 0]}`).join(', ');
      throw new Error(
        `The workflow is not valid. ${plan.file} (job ${job.id}): Error calling workflow '${job.calls}'. ` +
          `The nested job '${nested.id}' is requesting '${list(asked)}', but is only allowed '${list(grant)}'.`,
      );
    }
  }
}

/** A value that is a name or a mapping holding it (environment: and concurrency: take both forms). */
function nameIn(value: Value | undefined, key: string): string | undefined {
  if (value === undefined) return undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? text(value[key]) : text(value);
}

/** The job's environment name and its concurrency group, evaluated. */
function jobSettings(plan: JobPlan, contexts: Contexts) {
  const status = { failed: false, cancelled: false };
  const evaluated = (key: string) => {
    const token = plan.raw.find(key);
    return token ? valueOf(token, contexts, status) : undefined;
  };
  const environment = nameIn(evaluated('environment'), 'name');
  const concurrency = nameIn(evaluated('concurrency'), 'group');
  const timeout = plan.raw.find('timeout-minutes');
  if (timeout && !(Number(text(valueOf(timeout, contexts, status))) > 0)) {
    throw new Error(`workflow harness: job ${plan.id} timeout-minutes is not a positive number`);
  }
  return { environment: environment || undefined, concurrency };
}

/** A workflow's own concurrency group; the same group as a caller's deadlocks. */
function workflowGroup(
  scope: Omit<Scope, 'callerGroups'> & { callerGroups: string[] },
  contexts: Contexts,
): string[] {
  const token = scope.plan.raw.find('concurrency');
  if (!token) return scope.callerGroups;
  const group = nameIn(valueOf(token, contexts, { failed: false, cancelled: false }), 'group')!;
  if (scope.callerGroups.includes(group)) {
    throw new Error(
      `workflow harness: ${scope.plan.file} uses the concurrency group of its caller (${group}): a deadlock`,
    );
  }
  return [...scope.callerGroups, group];
}

/** Whether the environment lets the job start: withheld approval keeps it waiting; given, it is recorded. */
function approve(run: Run, environment: string): boolean {
  const entry = Object.entries(run.options.approvals ?? {}).find(
    ([n]) => n.toLowerCase() === environment.toLowerCase(),
  );
  if (!entry) return true;
  if (entry[1] === false) return false;
  run.approvals.push({ login: entry[1], environments: [environment] });
  run.options.github.setApprovals(run.runId, run.approvals);
  return true;
}

async function runStepsJob(
  run: Run,
  scope: Scope,
  job: JobPlan,
  contexts: Contexts,
  path: string,
): Promise<JobResult> {
  const { environment, concurrency } = jobSettings(job, contexts);
  if (concurrency && scope.callerGroups.includes(concurrency)) {
    throw new Error(
      `workflow harness: ${path} uses the concurrency group of its caller (${concurrency}): a deadlock`,
    );
  }
  if (environment && !approve(run, environment)) {
    run.options.onEvent?.({ kind: 'job-waiting', job: path, environment });
    return { path, status: 'waiting', environment, outputs: {}, steps: [] };
  }
  run.options.onEvent?.({ kind: 'job-started', job: path, ...(environment && { environment }) });
  const idToken =
    permits(job.raw, scope.plan) && scope.idTokenAllowed
      ? run.options.oidc.forJob({
          ...(environment && { environment }),
          repository: run.options.repository,
          runId: String(run.runId),
        })
      : undefined;
  return runJob({
    path,
    plan: job,
    contexts,
    runnerEnv: runnerEnv(run, scope.plan, job.id),
    ...(environment && { environment }),
    ...(concurrency && { concurrency }),
    ...(idToken && { idToken }),
    artifacts: run.artifacts,
    sha: run.sha,
    options: run.options,
  });
}

async function runCallJob(
  run: Run,
  scope: Scope,
  job: JobPlan,
  contexts: Contexts,
  path: string,
): Promise<JobResult> {
  const m = OWN_WORKFLOW.exec(job.calls!);
  if (!m)
    throw new Error(
      `workflow harness: ${path} calls ${job.calls}, which is not one of the suite's workflows`,
    );
  const plan = await loadWorkflow(join(repoRoot, m[1]!));
  const status = { failed: false, cancelled: false };
  const withs = job.raw.find('with');
  const given = withs ? (valueOf(withs, contexts, status) as Record<string, Value>) : {};
  const secretsToken = job.raw.find('secrets');
  const secrets = secretsToken ? textMap(secretsToken, contexts, status) : {};
  const called: Scope = {
    plan,
    prefix: `${path}/`,
    inputs: inputsOf(plan, 'workflow_call', given),
    secrets: secretsOf(plan, secrets),
    idTokenAllowed: scope.idTokenAllowed && permits(job.raw, scope.plan),
    callerGroups: scope.callerGroups,
  };
  called.callerGroups = workflowGroup(called, { github: contexts.github!, inputs: called.inputs });
  const results = await runJobs(run, called);
  const jobsContext = Object.fromEntries(
    results.map((r) => [r.path.slice(called.prefix.length), { result: r.status, outputs: r.outputs }]),
  );
  const outputs: Record<string, string> = {};
  for (const [name, token] of callOutputs(plan))
    outputs[name] = text(valueOf(token, { jobs: jobsContext }, status));
  const statuses = results.map((r) => r.status);
  const overall: JobStatus = statuses.includes('waiting')
    ? 'waiting'
    : statuses.includes('failure')
      ? 'failure'
      : 'success';
  return { path, status: overall, outputs, steps: [] };
}

async function runJobs(run: Run, scope: Scope): Promise<JobResult[]> {
  const done = new Map<string, JobResult>();
  for (const job of scope.plan.jobs) {
    const path = `${scope.prefix}${job.id}`;
    const needs = job.needs.map((n) => {
      const r = done.get(n);
      if (!r) throw new Error(`workflow harness: ${path} needs ${n}, which has not run before it`);
      return r;
    });
    const contexts: Contexts = {
      github: githubContext(run, scope.plan, job.id, scope.inputs),
      inputs: scope.inputs,
      secrets: scope.secrets,
      vars: {},
      needs: Object.fromEntries(
        needs.map((r) => [r.path.slice(scope.prefix.length), { result: r.status, outputs: r.outputs }]),
      ),
    };
    let result: JobResult;
    if (needs.some((r) => r.status === 'waiting'))
      result = { path, status: 'waiting', outputs: {}, steps: [] };
    else if (
      !truthy(
        evaluate(job.if, contexts, { failed: needs.some((r) => r.status !== 'success'), cancelled: false }),
      )
    ) {
      result = { path, status: 'skipped', outputs: {}, steps: [] };
    } else if (job.calls) result = await runCallJob(run, scope, job, contexts, path);
    else result = await runStepsJob(run, scope, job, contexts, path);
    done.set(job.id, result);
    if (!job.calls) run.jobs.push(result);
    if (result.status !== 'waiting' || job.calls) run.options.onEvent?.({ kind: 'job-ended', job: result });
  }
  return [...done.values()];
}

/**
 * The cron expression a scheduled run fired for: the request's, which must be one of the workflow's, else the
 * first. Scheduled runs take no inputs, and run on the default branch.
 */
function scheduleOf(plan: WorkflowPlan, request: RunRequest): string {
  if (request.inputs && Object.keys(request.inputs).length > 0) {
    throw new Error(`${plan.file}: a scheduled run takes no inputs`);
  }
  const cron = request.cron ?? plan.schedules[0]!;
  if (!plan.schedules.includes(cron)) {
    throw new Error(`${plan.file} has no schedule ${cron}; it has ${plan.schedules.join(', ')}`);
  }
  return cron;
}

/** Runs a workflow file of the repository (examples/workflows/deploy.yml) for an event. */
export async function runWorkflow(
  file: string,
  request: RunRequest,
  options: HarnessOptions,
): Promise<WorkflowRun> {
  const plan = await loadWorkflow(resolve(repoRoot, file));
  if (!plan.triggers.includes(request.event)) throw new Error(`${file} does not run on ${request.event}`);
  await checkCallPermissions(plan);
  const run: Run = {
    runId: nextRunId++,
    sha: request.sha ?? randomBytes(20).toString('hex'),
    ref: request.ref ?? 'refs/heads/main',
    event: request.event,
    payload: request.event === 'schedule' ? { schedule: scheduleOf(plan, request) } : {},
    artifacts: mkdtempSync(join(tmpdir(), 'run-artifacts-')),
    options,
    approvals: [],
    jobs: [],
  };
  try {
    const inputs =
      request.event === 'push' || request.event === 'schedule'
        ? {}
        : inputsOf(plan, request.event, request.inputs ?? {});
    const secrets =
      request.event === 'workflow_call'
        ? secretsOf(plan, request.secrets ?? {})
        : { ...options.secrets, ...request.secrets };
    const scope: Scope = { plan, prefix: '', inputs, secrets, idTokenAllowed: true, callerGroups: [] };
    scope.callerGroups = workflowGroup(scope, { github: githubContext(run, plan, '', inputs), inputs });
    const top = await runJobs(run, scope);
    const statuses = run.jobs.map((j) => j.status);
    const outputs: Record<string, string> = {};
    if (request.event === 'workflow_call') {
      const jobs = Object.fromEntries(top.map((r) => [r.path, { result: r.status, outputs: r.outputs }]));
      for (const [name, token] of callOutputs(plan))
        outputs[name] = text(valueOf(token, { jobs }, { failed: false, cancelled: false }));
    }
    return {
      runId: run.runId,
      status: statuses.includes('waiting') ? 'waiting' : statuses.includes('failure') ? 'failure' : 'success',
      jobs: run.jobs,
      outputs,
    };
  } finally {
    rmSync(run.artifacts, { recursive: true, force: true });
  }
}
