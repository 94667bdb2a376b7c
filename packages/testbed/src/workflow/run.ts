// Runs a workflow file the way GitHub does for the constructs the shipped workflows use: jobs in needs order
// under their if:, an environment's required approval (withheld: the job waits and never starts), the OIDC
// token a job with id-token: write gets for its environment, reusable workflows called with inputs and
// secrets, and their outputs handed back to the caller.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../runner';
import { githubContext, runnerEnv, scheduleOf, type Run } from './context';
import { evaluate, text, textMap, truthy, valueOf, type Contexts, type Value } from './expressions';
import { callOutputs, inputsOf, secretsOf } from './inputs';
import { runJob } from './job';
import { loadWorkflow, type JobPlan, type WorkflowPlan } from './load';
import { checkCallPermissions, OWN_WORKFLOW, permits } from './permissions';
import type { HarnessOptions, JobResult, JobStatus, RunRequest, WorkflowRun } from './types';

let nextRunId = 5000;

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
    (job.calls ? run.callers : run.jobs).push(result);
    if (result.status !== 'waiting' || job.calls) run.options.onEvent?.({ kind: 'job-ended', job: result });
  }
  return [...done.values()];
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
    callers: [],
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
      callers: run.callers,
      outputs,
    };
  } finally {
    rmSync(run.artifacts, { recursive: true, force: true });
  }
}
