import { describe, it, expect } from '@jest/globals';
import { invocations, parseLine } from '../src/logs/assemble';
import { streamVersion } from '../src/logs/records';
import {
  DOC_REPORT_COLD,
  DOC_REPORT_METRICS,
  DOC_RUNTIME_DONE,
  DOC_STREAM,
  DOC_TEXT_EVENTS,
  OBSERVED_REPORT_ERROR,
  PYTHON_UNHANDLED,
  id,
  inStream,
  jsonReport,
  jsonStart,
  nodeInvokeError,
  pythonLoggerError,
  stream,
  textRun,
  timeoutLines,
} from './logs-fixtures';

const at = Date.UTC(2024, 4, 1, 10);

describe('report records, text format', () => {
  it('reads the documented events into one successful invocation of the stream’s version', () => {
    const events = DOC_TEXT_EVENTS.map((e) => ({ stream: stream('7'), at: e.timestamp, message: e.message }));
    expect(invocations(events, 'my-function')).toEqual([
      {
        requestId: '4ce9340a-b765-490f-ad8a-02ab3415e2bf',
        version: '7',
        at: 1559763003218,
        durationMs: 26.73,
        maxMemoryMb: 75,
        outcome: 'success',
      },
    ]);
  });

  it('takes Duration, not Billed Duration, and the Init Duration of a cold start', () => {
    expect(parseLine(DOC_REPORT_COLD)).toEqual({
      kind: 'report',
      requestId: 'c793869b-ee49-115b-a5b6-4fd21e8dedac',
      durationMs: 128.83,
      maxMemoryMb: 74,
      initDurationMs: 166.62,
    });
  });

  it('reads the Status field: error and timeout', () => {
    expect(parseLine(OBSERVED_REPORT_ERROR)).toMatchObject({
      kind: 'report',
      durationMs: 95.78,
      outcome: 'error',
    });
    const [, , report] = timeoutLines(id(1));
    expect(parseLine(report!)).toMatchObject({ durationMs: 3000, maxMemoryMb: 91, outcome: 'timeout' });
  });

  it('a Node.js handler that throws: the REPORT says nothing, the Invoke Error line of that request does', () => {
    const r = textRun(id(1));
    const events = inStream(stream('2'), at, [r.start, nodeInvokeError(id(1)), r.end, r.report]);
    expect(invocations(events, 'orders').map((i) => i.outcome)).toEqual(['error']);
  });

  it('a Python handler that raises: the [ERROR] line names no request, so it belongs to the one under way', () => {
    const a = textRun(id(1));
    const b = textRun(id(2));
    const events = inStream(stream('2'), at, [
      a.start,
      pythonLoggerError(id(1)),
      a.end,
      a.report,
      b.start,
      PYTHON_UNHANDLED,
      b.end,
      b.report,
    ]);
    expect(invocations(events, 'orders').map((i) => [i.requestId, i.outcome])).toEqual([
      [id(1), 'success'],
      [id(2), 'error'],
    ]);
  });

  it('a timeout: the platform’s line and the REPORT’s Status agree', () => {
    const r = textRun(id(3));
    const events = inStream(stream('2'), at, [r.start, ...timeoutLines(id(3))]);
    expect(invocations(events, 'orders')).toMatchObject([
      { requestId: id(3), outcome: 'timeout', durationMs: 3000 },
    ]);
  });
});

describe('report records, JSON format', () => {
  it('reads platform.report’s metrics (the documented example) and its status', () => {
    expect(parseLine(jsonReport(id(1)))).toEqual({
      kind: 'report',
      requestId: id(1),
      durationMs: DOC_REPORT_METRICS.durationMs,
      maxMemoryMb: 84,
      initDurationMs: 397.68,
    });
    expect(parseLine(jsonReport(id(1), DOC_REPORT_METRICS, 'success'))).toMatchObject({ outcome: 'success' });
    expect(parseLine(jsonReport(id(1), DOC_REPORT_METRICS, 'timeout'))).toMatchObject({ outcome: 'timeout' });
    expect(parseLine(jsonReport(id(1), DOC_REPORT_METRICS, 'error', 'Runtime.Unknown'))).toMatchObject({
      outcome: 'error',
    });
    expect(parseLine(jsonReport(id(1), DOC_REPORT_METRICS, 'failure', 'Sandbox.Failure'))).toMatchObject({
      outcome: 'error',
    });
  });

  it('a handler that throws: platform.report ends with status error', () => {
    const events = inStream(stream('2'), at, [
      jsonStart(id(1), '2'),
      jsonReport(
        id(1),
        { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 70 },
        'error',
        'Runtime.Unknown',
      ),
    ]);
    expect(invocations(events, 'orders')).toMatchObject([
      { outcome: 'error', durationMs: 12.5, maxMemoryMb: 70 },
    ]);
  });

  it('a successful platform.runtimeDone (the documented example) is no failure; a failed one is', () => {
    expect(parseLine(DOC_RUNTIME_DONE)).toBeUndefined();
    const failed = DOC_RUNTIME_DONE.replace('"success"', '"error"');
    expect(parseLine(failed)).toEqual({
      kind: 'failed',
      requestId: '6d68ca91-49c9-448d-89b8-7ca3e6dc66aa',
      outcome: 'error',
    });
  });

  it('ignores the function’s own JSON logs and lines of no interest', () => {
    expect(
      parseLine('{"timestamp":"2024-05-01T10:00:00Z","level":"INFO","requestId":"x","message":"hi"}'),
    ).toBeUndefined();
    expect(parseLine('END RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\n')).toBeUndefined();
    expect(parseLine('{not json')).toBeUndefined();
  });
});

describe('log streams', () => {
  it('carry the version as [N], and the function’s name too in a custom log group', () => {
    expect(streamVersion(DOC_STREAM, 'orders')).toBe('$LATEST');
    expect(streamVersion(stream('12'), 'orders')).toBe('12');
    expect(streamVersion(stream('3', 'abc', 'orders'), 'orders')).toBe('3');
    expect(streamVersion(stream('3', 'abc', 'payments'), 'orders')).toBeUndefined();
    expect(streamVersion('orders-manual-stream', 'orders')).toBeUndefined();
  });

  it('keeps each stream’s lines to itself', () => {
    const a = textRun(id(1));
    const b = textRun(id(2));
    // Two environments at once: the Invoke Error of request 1 must not fail request 2.
    const events = [
      ...inStream(stream('2', 'env-a'), at, [a.start, nodeInvokeError(id(1)), a.end, a.report]),
      ...inStream(stream('2', 'env-b'), at + 10, [b.start, b.end, b.report]),
    ];
    expect(invocations(events, 'orders').map((i) => [i.requestId, i.outcome])).toEqual([
      [id(1), 'error'],
      [id(2), 'success'],
    ]);
  });
});
