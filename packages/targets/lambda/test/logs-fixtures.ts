// Lambda's records as it writes them to CloudWatch Logs. Where a page documents an example, it is copied verbatim
// and the page is named; the other shapes follow the runtime source or the schema that is cited beside them.
import type { LogEvent } from '../src/logs/records';

/**
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html, "retrieve the last five log events": the
 * events as GetLogEvents returns them (the ENVIRONMENT VARIABLES event left out).
 */
export const DOC_TEXT_EVENTS = [
  {
    timestamp: 1559763003171,
    message: 'START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\n',
    ingestionTime: 1559763003309,
  },
  {
    timestamp: 1559763003173,
    message:
      '2019-06-05T19:30:03.173Z\t4ce9340a-b765-490f-ad8a-02ab3415e2bf\tINFO\tEVENT\r{\r  "key": "value"\r}\n',
    ingestionTime: 1559763018353,
  },
  {
    timestamp: 1559763003218,
    message: 'END RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\n',
    ingestionTime: 1559763018353,
  },
  {
    timestamp: 1559763003218,
    message:
      'REPORT RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n',
    ingestionTime: 1559763018353,
  },
];

/** The same page, "Example log format": a cold start, traced by X-Ray. */
export const DOC_REPORT_COLD =
  'REPORT RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\tDuration: 128.83 ms\tBilled Duration: 200 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\tXRAY TraceId: 1-5d9d007f-0a8c7fd02xmpl480aed55ef0\tSegmentId: 3d752xmpl1bbe37e\tSampled: true';

/** A stream name from the same page (AWS_LAMBDA_LOG_STREAM_NAME), and one of a published version. */
export const DOC_STREAM = '2019/06/07/[$LATEST]e6f4a0c4241adcd70c262d34c0bbc85c';
export const stream = (version: string, env = 'e6f4a0c4241adcd70c262d34c0bbc85c', fn = '') =>
  `2019/06/07/${fn}[${version}]${env}`;

/**
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html: the ReportMetrics example, verbatim,
 * in a platform.report event as JSON-format logs write it (one line). The page's own platform.report example
 * has no status and a trailing comma, so it is not parseable JSON.
 */
export const DOC_REPORT_METRICS = {
  billedDurationMs: 694,
  durationMs: 693.92,
  initDurationMs: 397.68,
  maxMemoryUsedMB: 84,
  memorySizeMB: 128,
};
export const jsonReport = (
  requestId: string,
  metrics: object = DOC_REPORT_METRICS,
  status?: string,
  errorType?: string,
) =>
  JSON.stringify({
    time: '2022-10-12T00:01:15.000Z',
    type: 'platform.report',
    record: { requestId, metrics, ...(status && { status }), ...(errorType && { errorType }) },
  });

/** The page's platform.runtimeDone example, verbatim (pretty-printed there; one line in a log group). */
export const DOC_RUNTIME_DONE = `{
    "time": "2022-10-12T00:01:15.000Z",
    "type": "platform.runtimeDone",
    "record": {
        "requestId": "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa",
        "status": "success",
        "tracing": {
            "spanId": "54565fb41ac79632",
            "type": "X-Amzn-Trace-Id",
            "value": "Root=1-62e900b2-710d76f009d6e7785905449a;Parent=0efbd19962d95b05;Sampled=1"
        },
        "spans": [
            {
                "name": "someTimeSpan",
                "start": "2022-08-02T12:01:23:521Z",
                "durationMs": 80.0
            }
        ],
        "metrics": {
            "durationMs": 140.0,
            "producedBytes": 16
        }
    }
}`;

export const jsonStart = (requestId: string, version: string) =>
  JSON.stringify({
    time: '2022-10-12T00:00:15.064Z',
    type: 'platform.start',
    record: { requestId, version },
  });

/**
 * A Node.js handler that throws, text format: `TIME\tREQUEST_ID\tERROR\t` + util.format('Invoke Error',
 * Errors.toFormatted(err)), line breaks turned into \r (aws-lambda-nodejs-runtime-interface-client,
 * src/CallbackContext.js, src/LogPatch.js, src/Errors.js).
 */
export const nodeInvokeError = (requestId: string) =>
  `2024-05-01T10:00:01.123Z\t${requestId}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom","    at Runtime.handler (file:///var/task/index.mjs:2:9)"]}\n`;

/**
 * A Python handler that raises, text format: `[ERROR] TYPE: MESSAGE` and the traceback, no request id
 * (aws-lambda-python-runtime-interface-client, awslambdaric/bootstrap.py log_error).
 */
export const PYTHON_UNHANDLED =
  '[ERROR] IndexError: list index out of range\rTraceback (most recent call last):\r  File "/var/task/lambda_function.py", line 61, in lambda_handler\r    process_log_events(log_events, database_name, account_id, db_users)\n';
/** The logging module's own line, which says nothing of how the run ended (format from the same file). */
export const pythonLoggerError = (requestId: string) =>
  `[ERROR]\t2024-05-01T10:00:01.123Z\t${requestId}\tpayment declined\n`;

/** A timeout in text format: the platform's line, then the REPORT with its Status field. */
export const timeoutLines = (requestId: string) => [
  `2024-05-01T10:00:04.005Z ${requestId} Task timed out after 3.00 seconds\n`,
  `END RequestId: ${requestId}\n`,
  `REPORT RequestId: ${requestId}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 91 MB\tStatus: timeout\n`,
];

/** A REPORT of a run the runtime itself failed, as a function wrote it (published in a public repository's notes). */
export const OBSERVED_REPORT_ERROR =
  'REPORT RequestId: 57325a9d-ff5f-42e4-83df-80f3dcaaef25\tDuration: 95.78 ms\tBilled Duration: 96 ms\tMemory Size: 512 MB\tMax Memory Used: 39 MB\tStatus: error\tError Type: Runtime.ImportModuleError';

/** A text invocation: START, the given middle lines, END and REPORT. */
export function textRun(
  requestId: string,
  o: { durationMs?: number; memoryMb?: number; initMs?: number } = {},
) {
  const init = o.initMs === undefined ? '' : `\tInit Duration: ${o.initMs.toFixed(2)} ms`;
  const d = (o.durationMs ?? 20).toFixed(2);
  return {
    start: `START RequestId: ${requestId} Version: 2\n`,
    end: `END RequestId: ${requestId}\n`,
    report: `REPORT RequestId: ${requestId}\tDuration: ${d} ms\tBilled Duration: ${Math.ceil(Number(d))} ms\tMemory Size: 1024 MB\tMax Memory Used: ${o.memoryMb ?? 80} MB${init}\t\n`,
  };
}

/** Events of one stream, one millisecond apart from `at`. */
export function inStream(name: string, at: number, messages: string[]): LogEvent[] {
  return messages.map((message, i) => ({ stream: name, at: at + i, message }));
}

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
