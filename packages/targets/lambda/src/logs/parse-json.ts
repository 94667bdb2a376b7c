// Lambda's JSON-format system records: the Telemetry API's events, one per log event, when the function's
// LogFormat is JSON (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html).
// Shapes: https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html — platform.report carries
// `metrics` (durationMs, billedDurationMs, memorySizeMB, maxMemoryUsedMB, initDurationMs?) and a `status` of
// success, failure, error or timeout (with `errorType` unless success). A handler that throws ends its run with
// status error; the Node.js runtime's own error record in JSON format has no marker that would tell it from
// the function's console.error, so the status is what counts here.
import type { Line, Outcome } from './records';

/** Terms for FilterLogEvents. */
export const JSON_TERMS = ['platform.start', 'platform.report', 'platform.runtimeDone'];

interface PlatformEvent {
  type?: unknown;
  record?: {
    requestId?: unknown;
    status?: unknown;
    metrics?: { durationMs?: unknown; maxMemoryUsedMB?: unknown; initDurationMs?: unknown };
  };
}

/** A platform record, or undefined for anything else (the function's own JSON logs among them). */
export function parseJsonLine(message: string): Line | undefined {
  let event: PlatformEvent;
  try {
    event = JSON.parse(message) as PlatformEvent;
  } catch {
    return undefined;
  }
  const r = event?.record;
  if (!r || typeof r !== 'object' || typeof r.requestId !== 'string') return undefined;
  const outcome = outcomeOf(r.status);
  switch (event.type) {
    case 'platform.start':
      return { kind: 'start', requestId: r.requestId };
    case 'platform.runtimeDone':
      return outcome && outcome !== 'success'
        ? { kind: 'failed', requestId: r.requestId, outcome }
        : undefined;
    case 'platform.report': {
      const m = r.metrics ?? {};
      if (typeof m.durationMs !== 'number') return undefined;
      return {
        kind: 'report',
        requestId: r.requestId,
        durationMs: m.durationMs,
        ...(typeof m.maxMemoryUsedMB === 'number' && { maxMemoryMb: m.maxMemoryUsedMB }),
        ...(typeof m.initDurationMs === 'number' && { initDurationMs: m.initDurationMs }),
        ...(outcome && { outcome }),
      };
    }
    default:
      return undefined;
  }
}

function outcomeOf(status: unknown): Outcome | undefined {
  if (status === 'success') return 'success';
  if (status === 'timeout') return 'timeout';
  if (status === 'error' || status === 'failure') return 'error';
  return undefined;
}
