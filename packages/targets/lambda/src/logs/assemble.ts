// Log events into invocations. Each execution environment writes its own stream and runs one request at a time,
// so the lines between a request's START and its REPORT are that request's
// (https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html): a failure line without a request
// id belongs to the request under way in its stream.
import { parseJsonLine, JSON_TERMS } from './parse-json';
import { parseTextLine, TEXT_TERMS } from './parse-text';
import { streamVersion, worse, type Invocation, type Line, type LogEvent, type Outcome } from './records';

/** Text and JSON records alike: a platform record in JSON, else the text shapes. */
export function parseLine(message: string): Line | undefined {
  const text = message.trimEnd();
  return (text.startsWith('{') && parseJsonLine(text)) || parseTextLine(text);
}

/**
 * One FilterLogEvents pattern for both formats: any of the terms, each an exact phrase
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 */
export const FILTER_PATTERN = [...TEXT_TERMS, ...JSON_TERMS].map((t) => `?"${t}"`).join(' ');

/** Every invocation of the function's versions that the events report, oldest first. */
export function invocations(events: LogEvent[], functionName: string): Invocation[] {
  const streams = new Map<string, LogEvent[]>();
  for (const e of events) {
    if (streamVersion(e.stream, functionName) === undefined) continue;
    const list = streams.get(e.stream) ?? [];
    list.push(e);
    streams.set(e.stream, list);
  }
  const out: Invocation[] = [];
  for (const [stream, list] of streams) {
    // Stable: events of one millisecond keep the order they were written in.
    list.sort((a, b) => a.at - b.at);
    out.push(...inStream(list, streamVersion(stream, functionName)!));
  }
  return out.sort((a, b) => a.at - b.at);
}

function inStream(events: LogEvent[], version: string): Invocation[] {
  const out: Invocation[] = [];
  // Failures seen for requests whose report has not come yet; a retry in the same stream starts afresh.
  const failed = new Map<string, Outcome>();
  let open: string | undefined;
  for (const e of events) {
    const line = parseLine(e.message);
    if (!line) continue;
    if (line.kind === 'start') {
      open = line.requestId;
      failed.delete(line.requestId);
    } else if (line.kind === 'failed') {
      const id = line.requestId ?? open;
      if (id) failed.set(id, worse(failed.get(id), line.outcome)!);
    } else {
      const outcome = worse(line.outcome, failed.get(line.requestId)) ?? 'success';
      failed.delete(line.requestId);
      if (open === line.requestId) open = undefined;
      out.push({
        requestId: line.requestId,
        version,
        at: e.at,
        durationMs: line.durationMs,
        ...(line.maxMemoryMb !== undefined && { maxMemoryMb: line.maxMemoryMb }),
        ...(line.initDurationMs !== undefined && { initDurationMs: line.initDurationMs }),
        outcome,
      });
    }
  }
  return out;
}
