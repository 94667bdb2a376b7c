// Lambda's plain-text records. The REPORT line's fields are documented at
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html ("Report Log"): RequestId, Duration, Billed
// Duration, Memory Size, Max Memory Used, Init Duration (first request of an environment only), then X-Ray fields.
// The platform adds `Status: timeout` or `Status: error` and `Error Type: Runtime.*` when the runtime itself failed
// the run; a handler that throws is not always marked there, so the failure lines below count too.
import type { Line } from './records';

const START = /^START RequestId: (\S+)/;
const REPORT = /^REPORT RequestId: (\S+)/;
// "Billed Duration", "Init Duration" and "Restore Duration" end in the same words.
const DURATION = /(?<!Billed |Init |Restore )Duration: ([\d.]+) ms/;
const MAX_MEMORY = /Max Memory Used: (\d+) MB/;
const INIT = /Init Duration: ([\d.]+) ms/;
const STATUS = /Status: (\w+)/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * Lines that say a run failed, as Lambda's runtimes and platform write them in text format:
 * - Node.js: `TIME\tREQUEST_ID\tERROR\tInvoke Error \t{...}` for a handler that throws or rejects
 *   (aws-lambda-nodejs-runtime-interface-client: src/CallbackContext.js, src/LogPatch.js);
 * - Python: `[ERROR] TYPE: MESSAGE\rTraceback ...`, a space after `[ERROR]` where the logging module puts a tab,
 *   and no request id (aws-lambda-python-runtime-interface-client: awslambdaric/bootstrap.py, log_error);
 *   managed runtimes write `LAMBDA_WARNING: Unhandled exception. ...` before it;
 * - the platform: `TIME REQUEST_ID Task timed out after 3.00 seconds`, and
 *   `RequestId: REQUEST_ID Error: Runtime exited with error: ...` when the process dies.
 */
interface Failed {
  term: string;
  outcome: 'error' | 'timeout';
  /** Default: the line holds the term. */
  test?(line: string): boolean;
  /** The line names no request id (any id in it is the function's own text). */
  anonymous?: boolean;
}
const FAILED: Failed[] = [
  { term: 'Task timed out after', outcome: 'timeout' },
  { term: 'Invoke Error', outcome: 'error' },
  { term: 'Runtime exited', outcome: 'error' },
  { term: 'LAMBDA_WARNING: Unhandled exception', outcome: 'error' },
  { term: '[ERROR]', outcome: 'error', test: (line) => line.startsWith('[ERROR] '), anonymous: true },
];
const says = (f: Failed, line: string) => (f.test ? f.test(line) : line.includes(f.term));

/** Terms for FilterLogEvents: only the lines above and the report records are read. */
export const TEXT_TERMS = ['START RequestId', 'REPORT RequestId', ...FAILED.map((f) => f.term)];

export function parseTextLine(message: string): Line | undefined {
  const start = START.exec(message);
  if (start) return { kind: 'start', requestId: start[1] };
  const report = REPORT.exec(message);
  if (report) return parseReport(report[1], message);
  const failed = FAILED.find((f) => says(f, message));
  if (!failed) return undefined;
  // The request id is the first one on the line in every other shape above, when there is one.
  const id = failed.anonymous ? undefined : UUID.exec(message)?.[0];
  return { kind: 'failed', ...(id && { requestId: id }), outcome: failed.outcome };
}

function parseReport(requestId: string, line: string): Line | undefined {
  const duration = DURATION.exec(line);
  if (!duration) return undefined;
  const memory = MAX_MEMORY.exec(line);
  const init = INIT.exec(line);
  const status = STATUS.exec(line)?.[1];
  const outcome = status === 'timeout' ? 'timeout' : status && status !== 'success' ? 'error' : undefined;
  return {
    kind: 'report',
    requestId,
    durationMs: Number(duration[1]),
    ...(memory && { maxMemoryMb: Number(memory[1]) }),
    ...(init && { initDurationMs: Number(init[1]) }),
    ...(outcome && { outcome }),
  };
}
