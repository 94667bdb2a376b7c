// The runner's protocol, written out: inputs from INPUT_*, outputs and state through the GITHUB_OUTPUT and
// GITHUB_STATE files, messages as workflow commands, the job summary file. Doing it here instead of
// loading @actions/core (with its HTTP client) saves about a fifth of every action's start.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { CancelledError } from './errors';
import type { Runtime } from './runtime';

/** `INPUT_<NAME>`, spaces as underscores, upper case: https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * One `name<<delimiter` entry of a file command, with a delimiter that occurs in neither:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#multiline-strings
 */
export function fileCommand(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error('unexpected delimiter in a file command');
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** A workflow command's message, escaped so that it stays one command: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts */
export function commandMessage(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Binds Runtime to the runner's file protocol and turns SIGINT/SIGTERM into an abort. */
export function actionsRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  const controller = new AbortController();
  const print = (line: string) => process.stdout.write(line + EOL);
  const fileOrFail = (variable: string, name: string, value: string) => {
    const file = env[variable];
    if (!file) throw new Error(`${variable} is not set: this runs as a step of a GitHub Actions job`);
    appendFileSync(file, fileCommand(name, value), 'utf8');
  };
  const warning = (message: string) => print(`::warning::${commandMessage(message)}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!controller.signal.aborted) {
        warning(`Received ${signal}: the run is being cancelled.`);
        controller.abort(new CancelledError(signal));
      }
    });
  }
  return {
    input: (name) => (env[inputVariable(name)] ?? '').trim(),
    setOutput: (name, value) => fileOrFail('GITHUB_OUTPUT', name, value),
    saveState: (name, value) => fileOrFail('GITHUB_STATE', name, value),
    getState: (name) => env[`STATE_${name}`] ?? '',
    info: (message) => print(message),
    warning,
    error: (message) => print(`::error::${commandMessage(message)}`),
    summary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown + EOL, 'utf8');
    },
    setFailed: (message) => {
      process.exitCode = 1;
      print(`::error::${commandMessage(message)}`);
    },
    // https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#masking-a-value-in-a-log
    setSecret: (value) => {
      if (value) print(`::add-mask::${commandMessage(value)}`);
    },
    env,
    cancelSignal: controller.signal,
  };
}
