import type { Runtime } from '@deploy-actions/core';

/** A runner in memory: inputs in, outputs/state/summary/log captured. */
export function memoryRuntime(inputs: Record<string, string>, state: Record<string, string> = {}) {
  const controller = new AbortController();
  const rt = {
    outputs: {} as Record<string, string>,
    state: { ...state },
    log: [] as string[],
    failed: undefined as string | undefined,
    summaryText: '',
    controller,
    input: (name: string) => (inputs[name] ?? '').trim(),
    setOutput: (name: string, value: string) => void (rt.outputs[name] = value),
    saveState: (name: string, value: string) => void (rt.state[name] = value),
    getState: (name: string) => rt.state[name] ?? '',
    info: (m: string) => void rt.log.push(m),
    warning: (m: string) => void rt.log.push(`warning: ${m}`),
    error: (m: string) => void rt.log.push(`error: ${m}`),
    summary: async (md: string) => void (rt.summaryText += md),
    setFailed: (m: string) => void (rt.failed = m),
    env: { AWS_REGION: 'us-east-1' } as Record<string, string | undefined>,
    cancelSignal: controller.signal,
  };
  return rt satisfies Runtime;
}

export { fakeClock } from './clock';
