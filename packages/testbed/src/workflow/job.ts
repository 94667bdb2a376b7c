// One job of steps, as a fresh runner runs it: a new workspace, steps in order under their if:, file commands
// carried to later steps, continue-on-error, the post steps of the suite's actions at the end (last first),
// then the job's outputs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evaluate,
  text,
  textMap,
  truthy,
  valueOf,
  type Contexts,
  type Status,
  type Value,
} from './expressions';
import type { JobPlan, StepPlan } from './load';
import { ownAction, runOwn, runScript, runThirdParty, type StepContext, type StepRun } from './steps';
import type { HarnessOptions, JobResult, StepResult } from './types';

export interface JobSetup {
  path: string;
  plan: JobPlan;
  contexts: Contexts;
  /** The runner's variables for this run and job (GITHUB_*), before the job's env:. */
  runnerEnv: Record<string, string>;
  environment?: string;
  concurrency?: string;
  idToken?: { url: string; token: string };
  artifacts: string;
  sha: string;
  options: HarnessOptions;
}

interface JobState {
  env: Record<string, string>;
  path: string[];
  steps: Record<string, Value>;
  failed: boolean;
  posts: { action: string; state: Record<string, string>; step: string }[];
  results: StepResult[];
  /** Values the runner hides in logs: the secrets, and what steps ask it to mask. */
  masks: Set<string>;
}

/** The log as the runner shows it: add-mask commands taken in, masked values as ***. */
function masked(log: string, masks: Set<string>): string {
  for (const m of log.matchAll(/^::add-mask::(.+)$/gm)) masks.add(m[1]!);
  let out = log.replace(/^::add-mask::.*\n?/gm, '');
  for (const value of masks) if (value.length > 2) out = out.split(value).join('***');
  return out;
}

function contextsOf(setup: JobSetup, state: JobState, stepEnv: Record<string, string> = {}): Contexts {
  return {
    ...setup.contexts,
    env: { ...state.env, ...stepEnv },
    steps: state.steps,
    job: { status: state.failed ? 'failure' : 'success' },
  };
}

function stepContext(
  setup: JobSetup,
  state: JobState,
  workspace: string,
  stepEnv: Record<string, string>,
): StepContext {
  const o = setup.options;
  const PATH = [...state.path, setup.runnerEnv.PATH ?? process.env.PATH ?? ''].join(':');
  return {
    env: {
      ...setup.runnerEnv,
      ...(setup.idToken && {
        ACTIONS_ID_TOKEN_REQUEST_URL: setup.idToken.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: setup.idToken.token,
      }),
      ...state.env,
      ...stepEnv,
      PATH,
      GITHUB_WORKSPACE: workspace,
    },
    workspace,
    artifacts: setup.artifacts,
    sha: setup.sha,
    ...(setup.idToken && { idToken: setup.idToken }),
    motoUrl: o.motoUrl,
    checkout: o.checkout,
    node: o.node ?? process.execPath,
    githubToken: o.githubToken,
    timeoutMs: o.stepTimeoutMs ?? 120_000,
  };
}

async function execute(
  step: StepPlan,
  setup: JobSetup,
  state: JobState,
  workspace: string,
): Promise<StepRun> {
  const status: Status = { failed: state.failed, cancelled: false };
  const stepEnv = textMap(step.raw.find('env'), contextsOf(setup, state), status);
  const contexts = contextsOf(setup, state, stepEnv);
  const ctx = stepContext(setup, state, workspace, stepEnv);
  if (step.run) return runScript(text(valueOf(step.run, contexts, status)), ctx);
  const inputs = textMap(step.raw.find('with'), contexts, status);
  const own = ownAction(step.uses!);
  return own ? runOwn(own, inputs, ctx) : runThirdParty(step.uses!, inputs, ctx);
}

function continueOnError(step: StepPlan, setup: JobSetup, state: JobState): boolean {
  const token = step.raw.find('continue-on-error');
  return token
    ? truthy(valueOf(token, contextsOf(setup, state), { failed: state.failed, cancelled: false }))
    : false;
}

function record(
  state: JobState,
  step: StepPlan,
  r: StepRun | undefined,
  outcome: StepResult['outcome'],
  conclusion: StepResult['conclusion'],
): StepResult {
  const name = step.raw.find('name');
  const result: StepResult = {
    id: step.id,
    name: name ? text(valueOf(name, {}, { failed: false, cancelled: false })) : (step.uses ?? 'run'),
    outcome,
    conclusion,
    outputs: r?.outputs ?? {},
    log: masked(r?.log ?? '', state.masks),
    summary: r?.summary ?? '',
    errors: r?.errors ?? [],
    warnings: r?.warnings ?? [],
    phase: 'main',
  };
  state.steps[step.id] = { outputs: result.outputs, outcome, conclusion };
  state.results.push(result);
  return result;
}

async function runStep(
  step: StepPlan,
  setup: JobSetup,
  state: JobState,
  workspace: string,
): Promise<StepResult> {
  const go = truthy(evaluate(step.if, contextsOf(setup, state), { failed: state.failed, cancelled: false }));
  if (!go) return record(state, step, undefined, 'skipped', 'skipped');
  const r = await execute(step, setup, state, workspace);
  Object.assign(state.env, r.exportEnv);
  state.path.unshift(...[...r.addPath].reverse());
  if (r.post) state.posts.push({ ...r.post, step: step.id });
  const outcome = r.ok ? 'success' : 'failure';
  const conclusion = r.ok || continueOnError(step, setup, state) ? 'success' : 'failure';
  if (conclusion === 'failure') state.failed = true;
  return record(state, step, r, outcome, conclusion);
}

async function runPosts(setup: JobSetup, state: JobState, workspace: string): Promise<void> {
  for (const post of [...state.posts].reverse()) {
    // The suite's only post step declares post-if: always().
    const r = await runOwn(post.action, {}, stepContext(setup, state, workspace, {}), { state: post.state });
    if (!r.ok) state.failed = true;
    const result: StepResult = {
      id: `post ${post.step}`,
      name: `Post ${post.action}`,
      outcome: r.ok ? 'success' : 'failure',
      conclusion: r.ok ? 'success' : 'failure',
      outputs: {},
      log: masked(r.log, state.masks),
      summary: r.summary,
      errors: r.errors,
      warnings: r.warnings,
      phase: 'post',
    };
    state.results.push(result);
    setup.options.onEvent?.({ kind: 'step-ended', job: setup.path, step: result });
  }
}

export async function runJob(setup: JobSetup): Promise<JobResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'job-workspace-'));
  const secrets = Object.values((setup.contexts.secrets ?? {}) as Record<string, string>);
  const state: JobState = {
    env: {},
    path: [],
    steps: {},
    failed: false,
    posts: [],
    results: [],
    masks: new Set([...secrets, setup.options.githubToken].filter(Boolean)),
  };
  try {
    state.env = textMap(setup.plan.raw.find('env'), contextsOf(setup, state), {
      failed: false,
      cancelled: false,
    });
    for (const step of setup.plan.steps) {
      const result = await runStep(step, setup, state, workspace);
      setup.options.onEvent?.({ kind: 'step-ended', job: setup.path, step: result });
    }
    await runPosts(setup, state, workspace);
    const status: Status = { failed: state.failed, cancelled: false };
    const outputs = textMap(setup.plan.raw.find('outputs'), contextsOf(setup, state), status);
    return {
      path: setup.path,
      status: state.failed ? 'failure' : 'success',
      ...(setup.environment !== undefined && { environment: setup.environment }),
      ...(setup.concurrency !== undefined && { concurrency: setup.concurrency }),
      outputs,
      steps: state.results,
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
