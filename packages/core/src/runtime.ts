/** Where progress goes: the runtime, or a test's list. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

/** What an action needs from the runner; actions-runtime.ts binds it to the runner protocol, tests to memory. */
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
  /** Masks a secret in every later line of the log (`::add-mask::`); runtimes without a log need none. */
  setSecret?(value: string): void;
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

/**
 * A clock running `scale` times faster than real time from `epochMs` on, so that bakes of minutes take
 * seconds in tests and the demo. Every process given the same `DEPLOY_ACTIONS_CLOCK=epochMs:scale`
 * (the actions, the traffic simulator) agrees on the time without talking to each other.
 */
export function scaledClock(epochMs: number, scale: number): Clock {
  return {
    now: () => Math.round(epochMs + (Date.now() - epochMs) * scale),
    sleep: (ms, signal) => systemClock.sleep(ms / scale, signal),
  };
}

/** The system clock, or the scaled one that DEPLOY_ACTIONS_CLOCK asks for. */
export function clockFromEnv(env: Record<string, string | undefined>): Clock {
  const spec = env.DEPLOY_ACTIONS_CLOCK;
  if (!spec) return systemClock;
  const m = /^(\d+):(\d+(?:\.\d+)?)$/.exec(spec);
  if (!m || Number(m[2]) <= 0)
    throw new Error(`DEPLOY_ACTIONS_CLOCK must be EPOCH_MS:SCALE, got ${JSON.stringify(spec)}`);
  return scaledClock(Number(m[1]), Number(m[2]));
}
