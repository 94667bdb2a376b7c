// One step of a job: the suite's own actions from their committed bundles (as `org/deploy-actions/<name>@v1`
// resolves on GitHub), the third-party stand-ins, and `run:` scripts in bash with the runner's file commands.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { parseFileCommands, parseWorkflowCommands, repoRoot, runAction, type RunResult } from '../runner';
import { runStandIn, type StandInJob } from './stand-ins';

export const OWN = 'org/deploy-actions/';
const OWN_REF = '@v1';

export interface StepRun {
  ok: boolean;
  outputs: Record<string, string>;
  exportEnv: Record<string, string>;
  addPath: string[];
  log: string;
  summary: string;
  errors: string[];
  warnings: string[];
  /** The suite's action with a post step: what the post step needs at the end of the job. */
  post?: { action: string; state: Record<string, string> };
}

export interface StepContext extends StandInJob {
  /** The runner's variables for this job plus the job's exported env and the step's env:. */
  env: Record<string, string>;
  node: string;
  githubToken: string;
  timeoutMs: number;
}

/** The action folder of `org/deploy-actions/<name>@v1`, or undefined for any other uses:. */
export function ownAction(uses: string): string | undefined {
  if (!uses.startsWith(OWN)) return undefined;
  const name = uses.slice(OWN.length);
  if (!name.endsWith(OWN_REF)) throw new Error(`workflow harness: ${uses} is not at ${OWN_REF}`);
  const action = name.slice(0, -OWN_REF.length);
  if (!existsSync(join(repoRoot, action, 'action.yml')))
    throw new Error(`workflow harness: no action ${action}`);
  return action;
}

interface ActionMeta {
  inputs?: Record<string, unknown>;
  runs?: { post?: string };
}

/** The action's metadata; an input it does not declare is refused before it runs (GitHub only warns). */
function actionMeta(action: string, inputs: Record<string, string>): ActionMeta {
  const meta = parseYaml(readFileSync(join(repoRoot, action, 'action.yml'), 'utf8')) as ActionMeta;
  const unknown = Object.keys(inputs).filter((name) => !(name in (meta.inputs ?? {})));
  if (unknown.length) throw new Error(`workflow harness: ${action} does not declare ${unknown.join(', ')}`);
  return meta;
}

function fromRunner(r: RunResult): StepRun {
  return {
    ok: r.code === 0,
    outputs: r.outputs,
    exportEnv: r.exportedEnv,
    addPath: r.addedPath,
    log: `${r.stdout}${r.stderr}`,
    summary: r.summary,
    errors: r.errors,
    warnings: r.warnings,
  };
}

export async function runOwn(
  action: string,
  inputs: Record<string, string>,
  ctx: StepContext,
  post?: { state: Record<string, string> },
): Promise<StepRun> {
  const meta = actionMeta(action, inputs);
  const r = await runAction(action, {
    inputs,
    env: ctx.env,
    workspace: ctx.workspace,
    node: ctx.node,
    githubToken: ctx.githubToken,
    timeoutMs: ctx.timeoutMs,
    ...(ctx.idToken && { idToken: ctx.idToken }),
    ...(post && { phase: 'post' as const, state: post.state }),
  });
  const out = fromRunner(r);
  if (!post && meta.runs?.post) out.post = { action, state: r.state };
  return out;
}

/** `run:` as GitHub runs it on Linux without `shell:`: `bash -e {0}`. */
export async function runScript(script: string, ctx: StepContext): Promise<StepRun> {
  const temp = mkdtempSync(join(tmpdir(), 'run-step-'));
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(join(temp, 'script.sh'), script);
  try {
    const { code, log } = await new Promise<{ code: number | null; log: string }>((done, fail) => {
      const child = spawn('bash', ['-e', join(temp, 'script.sh')], {
        cwd: ctx.workspace,
        env: { ...ctx.env, ...files },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), ctx.timeoutMs);
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      child.once('error', fail);
      child.once('close', (c) => {
        clearTimeout(timer);
        done({ code: c, log });
      });
    });
    const commands = parseWorkflowCommands(log);
    const read = (f: string) => readFileSync(f, 'utf8');
    return {
      ok: code === 0,
      outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
      exportEnv: parseFileCommands(read(files.GITHUB_ENV)),
      addPath: read(files.GITHUB_PATH).split('\n').filter(Boolean),
      log: code === 0 ? log : `${log}Process completed with exit code ${code}.\n`,
      summary: read(files.GITHUB_STEP_SUMMARY),
      errors: commands.filter((c) => c.command === 'error').map((c) => c.message),
      warnings: commands.filter((c) => c.command === 'warning').map((c) => c.message),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export async function runThirdParty(uses: string, inputs: Record<string, string>, ctx: StepContext) {
  try {
    const r = await runStandIn(uses, inputs, ctx);
    return {
      ok: true,
      outputs: r.outputs ?? {},
      exportEnv: r.exportEnv ?? {},
      addPath: r.addPath ?? [],
      log: `${r.log}\n`,
      summary: '',
      errors: [],
      warnings: [],
    } satisfies StepRun;
  } catch (err) {
    if (String(err).includes('workflow harness:')) throw err;
    const message = (err as Error).message;
    return {
      ok: false,
      outputs: {},
      exportEnv: {},
      addPath: [],
      log: `${message}\n`,
      summary: '',
      errors: [message],
      warnings: [],
    };
  }
}
