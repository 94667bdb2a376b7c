import { InputError, type InputReader } from '@deploy-actions/core';

/** The rules of the logs check, judged invocation by invocation from the function's report records. */
export interface LogsConfig {
  /** Green runs ending in error or timeout, in a row, that make green unhealthy. */
  maxConsecutiveFailures?: number;
  /** Most timed-out runs of green allowed. */
  maxTimeouts?: number;
  /** Most Max Memory Used (MB) any green record may show. */
  maxMemoryMb?: number;
  /** Green's duration (mean or p95) over blue's. */
  maxDurationRatio?: { stat: 'mean' | 'p95'; ratio: number };
  /** Green's mean Init Duration over blue's. */
  maxInitRatio?: number;
  /** The log group; empty: the function's own. */
  logGroup?: string;
  /** How far back to read when the subject gives no `since`. */
  windowMs: number;
}

export const LOGS_INPUTS = [
  'max-consecutive-failures',
  'max-timeouts',
  'max-memory-mb',
  'max-duration-ratio',
  'max-init-ratio',
  'log-group',
] as const;

// Log group names: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
// Lambda memory goes up to 10,240 MB: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
const MAX_MEMORY_MB = 10_240;
const RATIO = /^(?:(p95|mean)\s*=\s*)?(\d+(?:\.\d+)?)$/;

/** The logs check's inputs; undefined when none is given. Any one of them turns the check on. */
export function readLogsConfig(inputs: InputReader, windowMs: number): LogsConfig | undefined {
  if (LOGS_INPUTS.every((name) => inputs.text(name) === '')) return undefined;
  const optional = (name: string, min: number, max: number) =>
    inputs.text(name) === '' ? undefined : inputs.integer(name, 0, min, max);
  const logGroup = inputs.text('log-group');
  if (logGroup && !LOG_GROUP.test(logGroup)) {
    throw new InputError(
      'log-group',
      logGroup,
      'must be a CloudWatch Logs log group name: 1 to 512 letters, digits and . - _ / #, such as /aws/lambda/orders-api',
    );
  }
  const maxInitRatio = ratioInput(inputs, 'max-init-ratio', false);
  const maxDurationRatio = ratioInput(inputs, 'max-duration-ratio', true);
  return {
    maxConsecutiveFailures: optional('max-consecutive-failures', 1, 1000),
    maxTimeouts: optional('max-timeouts', 0, 1_000_000),
    maxMemoryMb: optional('max-memory-mb', 1, MAX_MEMORY_MB),
    ...(maxDurationRatio && { maxDurationRatio }),
    ...(maxInitRatio && { maxInitRatio: maxInitRatio.ratio }),
    ...(logGroup && { logGroup }),
    windowMs,
  };
}

/** "1.5" (p95), "p95=1.5" or "mean=1.5"; a statistic only where `stats` allows one. */
function ratioInput(inputs: InputReader, name: string, stats: boolean) {
  const text = inputs.text(name);
  if (text === '') return undefined;
  const m = RATIO.exec(text);
  const ratio = Number(m?.[2]);
  if (!m || (m[1] && !stats) || ratio < 1 || ratio > 100) {
    const form = stats
      ? 'a ratio from 1 to 100 of green over blue, p95 by default: 1.5, p95=1.5 or mean=1.5'
      : 'a ratio from 1 to 100 of green over blue, for example 2';
    throw new InputError(name, text, `must be ${form}`);
  }
  return { stat: (m[1] ?? 'p95') as 'mean' | 'p95', ratio };
}
