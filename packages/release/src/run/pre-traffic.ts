// deploy-green's pre-traffic tests: test-command run with bash once green exists and is healthy, before any
// traffic reaches it. Loaded only when test-command is given.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import {
  CancelledError,
  DeployError,
  errorMessage,
  formatDuration,
  type Runtime,
} from '@deploy-actions/core';
import type { GreenReady } from '../target';

export interface TestCommand {
  command: string;
  /** From test-url; else the target's URL for green. */
  url?: string;
  timeoutMs: number;
}

/** Lines of output the failure message repeats. */
const TAIL = 20;
/** How long the command's processes get after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 5_000;

export type Ended =
  | { how: 'exit'; code: number; signal?: undefined }
  | { how: 'signal'; signal: string; code?: undefined }
  | { how: 'timeout' | 'cancelled'; signal?: string; code?: number | null };

/** The variables the command gets besides the job's. */
export function testEnv(ready: GreenReady, url: string | undefined): Record<string, string> {
  return {
    ...ready.env,
    GREEN_VERSION: ready.green,
    BLUE_VERSION: ready.blue,
    ...(url && { GREEN_TEST_URL: url }),
  };
}

/**
 * Runs the command, its output streamed to the log line by line; resolves when it passed, else throws a
 * DeployError (or CancelledError) saying how it ended, with its last lines.
 */
export async function runTestCommand(
  rt: Runtime,
  test: TestCommand,
  ready: GreenReady,
  what: string,
): Promise<void> {
  const url = test.url || ready.testUrl;
  const env = testEnv(ready, url);
  rt.info(
    `Running test-command against ${what} (GREEN_VERSION=${ready.green}${url ? `, GREEN_TEST_URL=${url}` : ''}), timeout ${formatDuration(test.timeoutMs)}.`,
  );
  const started = Date.now();
  const tail: string[] = [];
  const ended = await run(rt, test, { ...rt.env, ...env }, (line) => {
    rt.info(line);
    tail.push(line);
    if (tail.length > TAIL) tail.shift();
  });
  const took = formatDuration(Date.now() - started);
  if (ended.how === 'exit' && ended.code === 0) {
    rt.info(`test-command passed in ${took}.`);
    return;
  }
  if (ended.how === 'cancelled') throw rt.cancelSignal.reason ?? new CancelledError('cancel');
  const how =
    ended.how === 'timeout'
      ? `timed out after ${formatDuration(test.timeoutMs)} and was killed`
      : ended.how === 'signal'
        ? `was killed by signal ${ended.signal}`
        : `failed with exit code ${ended.code}`;
  throw new DeployError(
    [
      `test-command ${how} (after ${took}): ${what} exists with no traffic, and nothing was shifted.`,
      tail.length ? `Last ${tail.length} lines of its output:` : 'It printed nothing.',
      ...tail,
    ].join('\n'),
  );
}

function run(
  rt: Runtime,
  test: TestCommand,
  env: Record<string, string | undefined>,
  onLine: (line: string) => void,
): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', test.command], {
      cwd: rt.env.GITHUB_WORKSPACE || process.cwd(),
      env,
      // Its own process group, so that a timeout or cancel kills what it started too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stopped: 'timeout' | 'cancelled' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const stop = (why: 'timeout' | 'cancelled') => {
      if (stopped) return;
      stopped = why;
      if (why === 'timeout')
        rt.warning(
          `test-command did not finish within ${formatDuration(test.timeoutMs)}: killing its process group.`,
        );
      else rt.warning('The run is cancelled: killing test-command and its process group.');
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const timer = setTimeout(() => stop('timeout'), test.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (rt.cancelSignal.aborted) onAbort();
    else rt.cancelSignal.addEventListener('abort', onAbort, { once: true });

    let open = 2;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const finish = () => {
      if (open > 0 || !exit) return;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      rt.cancelSignal.removeEventListener('abort', onAbort);
      if (stopped) resolve({ how: stopped, code: exit.code, signal: exit.signal ?? undefined });
      else if (exit.signal) resolve({ how: 'signal', signal: exit.signal });
      else resolve({ how: 'exit', code: exit.code ?? 1 });
    };
    for (const stream of [child.stdout, child.stderr]) {
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', onLine);
      lines.on('close', () => {
        open--;
        finish();
      });
    }
    child.on('error', (err) => {
      clearTimeout(timer);
      rt.cancelSignal.removeEventListener('abort', onAbort);
      reject(new DeployError(`test-command could not be started: ${errorMessage(err)}`));
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Whatever it left running in its group goes with it (and lets its output streams end).
      killGroup('SIGKILL');
      finish();
    });
  });
}
