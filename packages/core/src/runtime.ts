/** What an action needs from the runner; actions-runtime.ts binds it to @actions/core, tests to memory. */
export interface Runtime {
  /** The raw input, trimmed; '' when not given. */
  input(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  env: Record<string, string | undefined>;
  /** Aborted when the runner cancels the job (SIGINT, then SIGTERM). */
  cancelSignal: AbortSignal;
}

export interface Clock {
  now(): number;
  /** Resolves after ms, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
