// Runs a committed bundle the way the GitHub runner does: INPUT_* variables, file commands, then the post step.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter as PATH_DELIMITER, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const DEFAULT_REPOSITORY = 'octo-org/orders-service';

export interface RunOptions {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Node binary; default the one running the tests. */
  node?: string;
  phase?: 'main' | 'post';
  /** Saved state, passed to the post step as STATE_<name>. */
  state?: Record<string, string>;
  /**
   * Sends `signal` once stdout matches `when`, as the runner does on cancel (SIGINT, then SIGTERM after
   * 7.5 s: give `then` to escalate).
   */
  signal?: { when: RegExp; signal: NodeJS.Signals; then?: { signal: NodeJS.Signals; afterMs: number } };
  timeoutMs?: number;
  /** GITHUB_WORKSPACE and working directory; default the repo root. */
  workspace?: string;
  /** Fill inputs the step leaves out from action.yml defaults, as the runner does; default true. */
  applyDefaults?: boolean;
  /** Script to run instead of the action's bundle (repo-relative or absolute), for testing the runner. */
  entry?: string;
  /** The job token `${{ github.token }}` stands for. */
  githubToken?: string;
  /**
   * The job has `permissions: id-token: write`: ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN as the runner sets
   * them, from startOidc().forJob({ environment }) (./oidc) for the job's environment. Without it they are unset.
   */
  idToken?: { url: string; token: string };
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface RunResult {
  phase: 'main' | 'post';
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  exportedEnv: Record<string, string>;
  addedPath: string[];
  commands: WorkflowCommand[];
  errors: string[];
  warnings: string[];
  /** Inputs not declared in action.yml (the runner warns "Unexpected input(s)"). */
  unexpectedInputs: string[];
  durationMs: number;
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown } | null>;
  runs?: { using?: string; main?: string; post?: string; 'post-if'?: string };
}

const children = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}

function readActionYaml(action: string): ActionYaml | undefined {
  const file = join(repoRoot, action, 'action.yml');
  if (!existsSync(file)) return undefined;
  return parseYaml(readFileSync(file, 'utf8')) as ActionYaml;
}

function entryFile(action: string, meta: ActionYaml | undefined, phase: 'main' | 'post'): string {
  if (!meta) return join(repoRoot, 'dist', action, 'index.js');
  const rel = meta.runs?.[phase];
  if (!rel) throw new Error(`${action}/action.yml has no runs.${phase}`);
  return resolve(repoRoot, action, rel);
}

/** `INPUT_<NAME>`: spaces to underscores, upper case, dashes kept (as @actions/core getInput reads it). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV: `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`invalid file command line: ${JSON.stringify(line)}`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const value: string[] = [];
    for (i++; ; i++) {
      if (i >= lines.length) throw new Error(`file command ${name}: delimiter ${delimiter} never closed`);
      if (lines[i] === delimiter) break;
      value.push(lines[i]!);
    }
    out[name] = value.join('\n');
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Workflow commands (`::error file=a,line=1::text`) from stdout, honouring ::stop-commands::. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    const command = { command: m[1]!, properties, message: unescapeData(m[3]!) };
    if (command.command === 'stop-commands') {
      stopToken = command.message;
      continue;
    }
    out.push(command);
  }
  return out;
}

export async function runAction(action: string, opts: RunOptions): Promise<RunResult> {
  const phase = opts.phase ?? 'main';
  const meta = readActionYaml(action);
  const entry = opts.entry ? resolve(repoRoot, opts.entry) : entryFile(action, meta, phase);
  if (!existsSync(entry)) throw new Error(`bundle missing: ${entry} (run npm run build)`);

  const temp = mkdtempSync(join(tmpdir(), `runner-${action}-`));
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(files.GITHUB_EVENT_PATH, '{}');
  const runnerTemp = join(temp, 'runner-temp');
  mkdirSync(runnerTemp);
  const workspace = opts.workspace ?? repoRoot;

  const inputs: Record<string, string> = {};
  const declared = meta?.inputs ?? {};
  if (opts.applyDefaults !== false) {
    for (const [name, spec] of Object.entries(declared)) {
      const def = spec?.default;
      if (def === undefined || def === null) continue;
      // The two expression defaults the actions use, from the job's context as the runner fills them.
      inputs[name] = String(def)
        .replaceAll('${{ github.token }}', opts.githubToken ?? 'ghs_job_token')
        .replaceAll('${{ github.repository }}', opts.env?.GITHUB_REPOSITORY ?? DEFAULT_REPOSITORY);
      if (inputs[name].includes('${{')) throw new Error(`runner emulation cannot evaluate default ${def}`);
    }
  }
  Object.assign(inputs, opts.inputs);
  const unexpectedInputs = meta ? Object.keys(opts.inputs).filter((k) => !(k in declared)) : [];

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: DEFAULT_REPOSITORY,
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: action,
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_SERVER_URL: 'https://github.com',
    // A closed local port, so nothing reaches the real GitHub unless a test points it at its own server.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'test-runner',
    RUNNER_TEMP: runnerTemp,
    ...files,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value;
  if (opts.idToken) {
    env.ACTIONS_ID_TOKEN_REQUEST_URL = opts.idToken.url;
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = opts.idToken.token;
  }
  Object.assign(env, opts.env);

  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 120_000;
  installExitHook();
  try {
    const { code, signal, stdout, stderr } = await new Promise<{
      code: number | null;
      signal: NodeJS.Signals | null;
      stdout: string;
      stderr: string;
    }>((resolvePromise, reject) => {
      const child = spawn(opts.node ?? process.execPath, [entry], {
        cwd: workspace,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let stdout = '';
      let stderr = '';
      let signalled = false;
      const timers: NodeJS.Timeout[] = [];
      child.stdout!.setEncoding('utf8');
      child.stderr!.setEncoding('utf8');
      child.stdout!.on('data', (d: string) => {
        stdout += d;
        const s = opts.signal;
        if (s && !signalled) {
          s.when.lastIndex = 0;
          if (s.when.test(stdout)) {
            signalled = true;
            child.kill(s.signal);
            if (s.then) {
              const then = s.then;
              timers.push(setTimeout(() => child.exitCode === null && child.kill(then.signal), then.afterMs));
            }
          }
        }
      });
      child.stderr!.on('data', (d: string) => {
        stderr += d;
      });
      timers.push(
        setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(
              `${action} ${phase} still running after ${timeoutMs}ms; killed.\n` +
                `stdout:\n${stdout.slice(-4000)}\nstderr:\n${stderr.slice(-4000)}`,
            ),
          );
        }, timeoutMs),
      );
      child.once('error', (err) => {
        children.delete(child);
        timers.forEach(clearTimeout);
        reject(err);
      });
      child.once('close', (code, sig) => {
        children.delete(child);
        timers.forEach(clearTimeout);
        resolvePromise({ code, signal: sig, stdout, stderr });
      });
    });

    const commands = parseWorkflowCommands(stdout);
    const addedPath = readFileSync(files.GITHUB_PATH, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    return {
      phase,
      code,
      signal,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      exportedEnv: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
      addedPath,
      commands,
      errors: commands.filter((c) => c.command === 'error').map((c) => c.message),
      warnings: commands.filter((c) => c.command === 'warning').map((c) => c.message),
      unexpectedInputs,
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export interface MainThenPost {
  main: RunResult;
  /** null when action.yml declares no post step, or its post-if is false for this outcome. */
  post: RunResult | null;
}

function postCondition(expr: string | undefined, main: RunResult): boolean {
  const cancelled = main.signal !== null || main.code === 130 || main.code === 143;
  const success = main.code === 0;
  switch ((expr ?? 'always()').replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim()) {
    case 'success()':
      return success;
    case 'failure()':
      return !success && !cancelled;
    case 'cancelled()':
      return cancelled;
    default:
      return true;
  }
}

/** Main, then the post step with the state main saved and the env and PATH it exported. */
export async function runMainThenPost(
  action: string,
  opts: Omit<RunOptions, 'phase' | 'state'> & { post?: Partial<Omit<RunOptions, 'phase' | 'state'>> },
): Promise<MainThenPost> {
  const { post: postOpts, ...mainOpts } = opts;
  const main = await runAction(action, { ...mainOpts, phase: 'main' });
  const meta = readActionYaml(action);
  if (meta && !meta.runs?.post) return { main, post: null };
  if (meta && !postCondition(meta.runs?.['post-if'], main)) return { main, post: null };
  const env = { ...opts.env, ...main.exportedEnv, ...postOpts?.env };
  if (main.addedPath.length > 0) {
    const base = env.PATH ?? process.env.PATH ?? '';
    env.PATH = [...[...main.addedPath].reverse(), base].join(PATH_DELIMITER);
  }
  const post = await runAction(action, {
    ...mainOpts,
    signal: undefined,
    ...postOpts,
    env,
    phase: 'post',
    state: main.state,
  });
  return { main, post };
}
