// What the logs check reads: Lambda's own records of each invocation, one log stream per execution environment.

export type Outcome = 'success' | 'error' | 'timeout';

/** One log event as FilterLogEvents returns it. */
export interface LogEvent {
  stream: string;
  /** The event's timestamp, epoch ms. */
  at: number;
  message: string;
}

/** One invocation (one attempt: an async retry is another attempt with the same request id). */
export interface Invocation {
  requestId: string;
  /** The version that ran it, from its log stream's name. */
  version: string;
  /** When its report was written, epoch ms. */
  at: number;
  durationMs: number;
  /** Max Memory Used: the peak of the execution environment so far, not of this invocation alone. */
  maxMemoryMb?: number;
  /** Only on the first invocation of an on-demand environment (a cold start). */
  initDurationMs?: number;
  outcome: Outcome;
}

/** What one log message says about an invocation, if anything. */
export type Line =
  | { kind: 'start'; requestId: string }
  | {
      kind: 'report';
      requestId: string;
      durationMs: number;
      maxMemoryMb?: number;
      initDurationMs?: number;
      /** Only when the record itself says how the run ended. */
      outcome?: Outcome;
    }
  /** A sign that a run failed; without a request id it belongs to the run under way in its stream. */
  | { kind: 'failed'; requestId?: string; outcome: Exclude<Outcome, 'success'> };

// Streams are YYYY/MM/DD/[VERSION]GUID, or YYYY/MM/DD/FUNCTION[VERSION]GUID in a custom log group:
// https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html
// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
const STREAM = /^\d{4}\/\d{2}\/\d{2}\/([^[\]]*)\[(\$LATEST|\d+)\]/;

/** The version a stream of `functionName` carries; undefined for another function's stream or another shape. */
export function streamVersion(stream: string, functionName: string): string | undefined {
  const m = STREAM.exec(stream);
  if (!m || (m[1] !== '' && m[1] !== functionName)) return undefined;
  return m[2];
}

const RANK: Record<Outcome, number> = { success: 0, error: 1, timeout: 2 };

/** The worse of two outcomes; a timeout is worse than an error. */
export function worse(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[b] > RANK[a] ? b : a;
}
