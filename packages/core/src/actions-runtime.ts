import * as core from '@actions/core';
import { CancelledError } from './errors';
import type { Runtime } from './runtime';

/** Binds Runtime to the runner's file protocol and turns SIGINT/SIGTERM into an abort. */
export function actionsRuntime(): Runtime {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!controller.signal.aborted) {
        core.warning(`Received ${signal}: the run is being cancelled.`);
        controller.abort(new CancelledError(signal));
      }
    });
  }
  return {
    input: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (message) => core.setFailed(message),
    env: process.env,
    cancelSignal: controller.signal,
  };
}
