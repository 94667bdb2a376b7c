// The log records Lambda writes for each invocation, written by the traffic simulator to moto's CloudWatch Logs:
// one stream per execution environment named YYYY/MM/DD/[VERSION]GUID, START / END / REPORT lines in text format or
// platform.* records in JSON format, an Init Duration on an environment's first invocation, Max Memory Used as the
// environment's peak so far, and the lines a failing run leaves (a Node.js runtime's `Invoke Error`, the
// platform's `Task timed out`). Shapes as the logs check cites them (packages/targets/lambda/src/logs).
//
// moto 5.2.1's CloudWatch Logs, as read in its source (logs/models.py, logs/utils.py): FilterLogEvents filters by
// startTime and endTime, pages with nextToken and names each event's stream, as AWS does; of filter patterns it
// knows a single term or one quoted phrase, and answers any other pattern (the logs check's `?"a" ?"b"` among
// them) with every event, so the check's parser meets the function's other lines too. PutLogEvents drops events
// older than 14 days or more than 2 hours ahead of the real clock: a scaled clock has to stay within that, and
// the writer fails loudly when moto drops any.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type InputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig } from './moto';

export type LogFormat = 'text' | 'json';

export interface LogsOptions {
  format: LogFormat;
  /** Default /aws/lambda/FUNCTION. */
  logGroup?: string;
  /** The function's memory size, for the records; default 1024. */
  memorySizeMb?: number;
  /** The function's timeout, the duration of a timed-out run; default 3000. */
  timeoutMs?: number;
}

/** One invocation as the simulator ran it. */
export interface LoggedRun {
  at: number;
  version: string;
  outcome: 'success' | 'error' | 'timeout';
  durationMs: number;
  /** Memory this run used; the record shows the environment's peak. Default 80. */
  memoryMb?: number;
  /** Init Duration of a cold start; default 250. */
  initMs?: number;
}

interface Environment {
  stream: string;
  peakMb: number;
  cold: boolean;
}

export interface LambdaLogWriter {
  /** Queues one invocation's records; `random` draws its request id. */
  record(run: LoggedRun, random: () => number): void;
  /** Writes what was queued. */
  flush(): Promise<void>;
  close(): void;
}

export function lambdaLogWriter(endpoint: string, functionName: string, o: LogsOptions): LambdaLogWriter {
  const client = new CloudWatchLogsClient(clientConfig(endpoint));
  const group = o.logGroup ?? `/aws/lambda/${functionName}`;
  const envs = new Map<string, Environment>();
  const created = new Set<string>();
  let queue: { stream: string; events: InputLogEvent[] }[] = [];

  function environment(version: string, at: number, random: () => number): Environment {
    let env = envs.get(version);
    if (!env) {
      const day = new Date(at).toISOString().slice(0, 10).replace(/-/g, '/');
      env = { stream: `${day}/[${version}]${hex(random, 32)}`, peakMb: 0, cold: true };
      envs.set(version, env);
    }
    return env;
  }

  return {
    record(run, random) {
      const env = environment(run.version, run.at, random);
      env.peakMb = Math.max(env.peakMb, run.memoryMb ?? 80);
      const timeoutMs = o.timeoutMs ?? 3000;
      const r = {
        ...run,
        id: uuid(random),
        durationMs: run.outcome === 'timeout' ? timeoutMs : run.durationMs,
        peakMb: env.peakMb,
        memorySizeMb: o.memorySizeMb ?? 1024,
      };
      const init = env.cold ? (run.initMs ?? 250) : undefined;
      env.cold = false;
      const lines = o.format === 'json' ? jsonLines(r, init) : textLines(r, init, timeoutMs);
      queue.push({
        stream: env.stream,
        events: lines.map((message, i) => ({ timestamp: run.at + i, message })),
      });
    },
    async flush() {
      const pending = queue;
      queue = [];
      for (const { stream, events } of pending) await put(client, group, created, stream, events);
    },
    close: () => client.destroy(),
  };
}

/** Writes one run's events, making its group and stream first as Lambda does. */
async function put(
  client: CloudWatchLogsClient,
  group: string,
  created: Set<string>,
  stream: string,
  events: InputLogEvent[],
): Promise<void> {
  if (!created.has(group)) {
    await client.send(new CreateLogGroupCommand({ logGroupName: group })).catch(alreadyThere);
    created.add(group);
  }
  if (!created.has(stream)) {
    await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    created.add(stream);
  }
  const out = await client.send(
    new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: events }),
  );
  if (out.rejectedLogEventsInfo) {
    const why = JSON.stringify(out.rejectedLogEventsInfo);
    throw new Error(
      `CloudWatch Logs dropped events of ${stream} (${why}): over 14 days old or 2 hours ahead`,
    );
  }
}

function alreadyThere(err: unknown): void {
  if ((err as { name?: string }).name !== 'ResourceAlreadyExistsException') throw err;
}

type Run = LoggedRun & { id: string; peakMb: number; memorySizeMb: number };

function textLines(r: Run, initMs: number | undefined, timeoutMs: number): string[] {
  const iso = new Date(r.at).toISOString();
  const duration = r.durationMs;
  const failed =
    r.outcome === 'error'
      ? [`${iso}\t${r.id}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"simulated failure"}\n`]
      : r.outcome === 'timeout'
        ? [`${iso} ${r.id} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds\n`]
        : [];
  const fields = [
    `Duration: ${duration.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(duration + (initMs ?? 0))} ms`,
    `Memory Size: ${r.memorySizeMb} MB`,
    `Max Memory Used: ${r.peakMb} MB`,
    ...(initMs === undefined ? [] : [`Init Duration: ${initMs.toFixed(2)} ms`]),
    ...(r.outcome === 'timeout' ? ['Status: timeout'] : []),
  ];
  return [
    `START RequestId: ${r.id} Version: ${r.version}\n`,
    ...failed,
    `END RequestId: ${r.id}\n`,
    `REPORT RequestId: ${r.id}\t${fields.join('\t')}\t\n`,
  ];
}

function jsonLines(r: Run, initMs: number | undefined): string[] {
  const time = new Date(r.at).toISOString();
  const status = r.outcome;
  const errorType = status === 'success' ? undefined : status === 'timeout' ? 'Sandbox.Timedout' : 'Error';
  const metrics = {
    durationMs: r.durationMs,
    billedDurationMs: Math.ceil(r.durationMs + (initMs ?? 0)),
    memorySizeMB: r.memorySizeMb,
    maxMemoryUsedMB: r.peakMb,
    ...(initMs !== undefined && { initDurationMs: initMs }),
  };
  const event = (type: string, record: object) => JSON.stringify({ time, type, record });
  return [
    event('platform.start', { requestId: r.id, version: r.version }),
    ...(status === 'error'
      ? [
          JSON.stringify({
            timestamp: time,
            level: 'ERROR',
            requestId: r.id,
            message: { errorType: 'Error', errorMessage: 'simulated failure' },
          }),
        ]
      : []),
    event('platform.runtimeDone', {
      requestId: r.id,
      status,
      ...(errorType && { errorType }),
      metrics: { durationMs: r.durationMs, producedBytes: 0 },
    }),
    event('platform.report', { requestId: r.id, metrics, status, ...(errorType && { errorType }) }),
  ];
}

function hex(random: () => number, n: number): string {
  return Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
}

/** A version 4 UUID, as Lambda's request ids are. */
function uuid(random: () => number): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}
