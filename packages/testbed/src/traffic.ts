// A traffic simulator: sends invocations through a Lambda alias's live weights on a (scaled) clock and writes
// the per-version metrics Lambda would publish to CloudWatch, so a health gate can judge green against moto.
// It also drives CloudWatch alarms from rules, since moto never evaluates alarms itself.
// Like CloudWatch, it lets a minute's datapoints be read only some time after the minute ends: it holds them
// back and writes them then (readableAfterMs), and its alarms judge only what has been written.
//
// moto 5.2.1's CloudWatch, as observed (cloudwatch/models.py and traffic.test.ts):
// - With Dimensions, a datum matches only when its dimension list is the same set; a subset such as
//   FunctionName alone finds nothing (as in AWS). The namespace is then NOT checked, only the metric name.
//   The comparison sorts with a broken Dimension.__lt__, so the same dimensions listed in reverse order find
//   nothing: query in the order they were put (FunctionName, Resource, ExecutedVersion).
// - Without Dimensions it sums every datum of that name in the namespace, whatever its dimensions (AWS
//   would return only the dimensionless metric).
// - StartTime and EndTime lose their milliseconds; data counts when StartTime <= Timestamp < EndTime.
//   Periods are laid from StartTime, not aligned to the period as AWS does, any Period is accepted
//   (7 works), and empty periods are left out. Results come newest first (ScanBy TimestampDescending).
//   Timestamps in the future (a scaled clock runs ahead) are stored and returned.
// - A Unit in the query filters strictly. Values/Counts are stored one datum per count, so Sum, Average,
//   SampleCount, Minimum and Maximum of Duration are exact.
// - Percentiles (Stat p95) are unsupported: with data in range the whole request fails with an HTML 500
//   (the SDK reports a SyntaxError after its retries); with no data the query is just empty. What the test
//   bed adds because moto lacks it: the fault proxy answers percentile queries itself (percentiles.ts), from
//   the values this simulator logs as it writes them, checked against moto's SampleCount and Sum of each
//   period; so through the proxy p95/p99 work, and only for minutes already written (readable).
// - A PutMetricData body the SDK gzips (10 KB and over) fails with an HTML 500 ("Not a gzipped file"): the
//   simulator's client sends uncompressed, as a minute written at once easily passes 10 KB.
// - PutMetricAlarm leaves a new alarm in OK (AWS starts at INSUFFICIENT_DATA), and it never changes state
//   until SetAlarmState.
import {
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type Dimension,
  type MetricDatum,
} from '@aws-sdk/client-cloudwatch';
import { GetAliasCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Clock } from '@deploy-actions/core';
import { lambdaLogWriter, type LogsOptions } from './lambda-logs';
import { clientConfig } from './moto';
import { mulberry32 } from './proxy';
import {
  durationDatums,
  holdMetrics,
  pickWeighted,
  drawLatencyMs,
  READABLE_AFTER_MS,
  readableAt,
  startTicking,
} from './traffic-ticks';

export * from './traffic-ticks';

export interface VersionBehaviour {
  /** Share of executed invocations that fail with a function error, 0..1. */
  errorRate: number;
  /** Duration percentiles; durations are drawn from the log-normal distribution they define. */
  latencyMs: { p50: number; p95: number };
  /** Share of requests throttled before they run, 0..1; default 0. */
  throttleRate?: number;
  /** With `logs`: share of executed runs that time out (an error in the metrics too), memory used, Init Duration. */
  timeoutRate?: number;
  memoryMb?: number;
  initMs?: number;
}

export type AlarmState = 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';

export interface VersionCounts {
  version: string;
  /** Executed invocations (throttled requests are not invocations, as in Lambda). */
  invocations: number;
  errors: number;
  throttles: number;
}

export interface AlarmRule {
  name: string;
  /** The verdict over the ledger's last windowMs: one entry per version that got requests, plus live ones. */
  when: (window: VersionCounts[]) => AlarmState;
  windowMs: number;
}

export interface TrafficOptions {
  /** moto's URL; the alias is read straight from it, never through a fault proxy. */
  endpoint: string;
  functionName: string;
  alias: string;
  clock: Clock;
  /** Requests per simulated minute, routed by the alias's weights. */
  ratePerMinute: number;
  /** Behaviour per version; versions not listed are healthy (no errors, 20ms). */
  versions: Record<string, VersionBehaviour>;
  seed?: number;
  /** Simulated ms per tick; default 10_000. */
  tickMs?: number;
  alarms?: AlarmRule[];
  /**
   * Simulated ms after a minute ends before its datapoints are written, and so readable; default
   * READABLE_AFTER_MS. 0 writes each tick's datapoints at once.
   */
  readableAfterMs?: number;
  /** Also write each invocation's log records to CloudWatch Logs, in this format (./lambda-logs). */
  logs?: LogsOptions;
}

export interface ServedRequest {
  /** Simulated time of the tick that sent it, in whole seconds (the metric's timestamp too). */
  at: number;
  version: string;
  outcome: 'ok' | 'error' | 'throttled';
  /** True for errors and throttles: the caller saw a failure either way. */
  failed: boolean;
  /** Absent for throttled requests, which never ran. */
  latencyMs?: number;
}

export interface MinuteCounts {
  /** Start of the simulated minute, epoch ms. */
  minute: number;
  invocations: number;
  errors: number;
  throttles: number;
}

export interface VersionLedger {
  invocations: number;
  errors: number;
  throttles: number;
  /** Oldest first. */
  minutes: MinuteCounts[];
}

export interface TrafficLedger {
  /** Simulated start, whole seconds. */
  startedAt: number;
  /** Simulated time of the last tick that sent traffic (startedAt before any). */
  lastTickAt: number;
  ticks: number;
  /** Oldest first. */
  requests: ServedRequest[];
  versions: Record<string, VersionLedger>;
  /** Last state set on each rule's alarm. */
  alarms: Record<string, AlarmState>;
  /** The readability delay of this run. */
  readableAfterMs: number;
}

export interface Traffic {
  /** A copy of everything sent so far. */
  ledger(): TrafficLedger;
  /** Simulated time of the first request routed to the version (throttled or not). */
  firstServedAt(version: string): number | undefined;
  /** Failed requests (errors and throttles) routed to the version, before untilMs when given. */
  failuresBy(version: string, untilMs?: number): number;
  /** Counts per version of requests with fromMs <= at < toMs, the window GetMetricData uses. */
  countsBetween(fromMs: number, toMs: number): VersionCounts[];
  setBehaviour(version: string, behaviour: VersionBehaviour): void;
  /**
   * Stops ticking, waits for the tick in flight and, on the clock, until the last datapoint is readable, writes
   * what is left, then rethrows any tick's error.
   */
  stop(): Promise<void>;
}

const MINUTE_MS = 60_000;
const HEALTHY: VersionBehaviour = { errorRate: 0, latencyMs: { p50: 20, p95: 20 } };
const NAMESPACE = 'AWS/Lambda';

interface TickStats {
  invocations: number;
  errors: number;
  throttles: number;
  durations: Map<number, number>;
}

function emptyStats(): TickStats {
  return { invocations: 0, errors: 0, throttles: 0, durations: new Map() };
}

// ---------------------------------------------------------------------------------------------------------
// Lambda

export function startTraffic(opts: TrafficOptions): Traffic {
  return simulate(opts, true);
}

/** Traffic the test ticks itself, e.g. on a clock it sets: each tick() sends what the time since the last asks for. */
export interface SteppedTraffic extends Traffic {
  tick(): Promise<void>;
}

/** The same simulator without its loop; stop() writes every datapoint still held. */
export function steppedTraffic(opts: TrafficOptions): SteppedTraffic {
  return simulate(opts, false);
}

function simulate(opts: TrafficOptions, onClock: boolean): SteppedTraffic {
  const { clock, functionName, alias } = opts;
  const tickMs = opts.tickMs ?? 10_000;
  if (!(tickMs > 0)) throw new Error(`tickMs must be positive, got ${tickMs}`);
  if (!(opts.ratePerMinute >= 0)) throw new Error(`ratePerMinute must be >= 0, got ${opts.ratePerMinute}`);
  const readableAfterMs = opts.readableAfterMs ?? READABLE_AFTER_MS;
  if (!(readableAfterMs >= 0 && Number.isFinite(readableAfterMs))) {
    throw new Error(`readableAfterMs must be a finite number >= 0, got ${readableAfterMs}`);
  }
  const random = mulberry32(opts.seed ?? 1);
  const behaviours = new Map(Object.entries(opts.versions));
  const rules = opts.alarms ?? [];
  const lambda = new LambdaClient(clientConfig(opts.endpoint));
  // Each tick's datapoints until they are readable.
  const held = holdMetrics(opts.endpoint, NAMESPACE);
  const { cloudwatch } = held;
  const resource = `${functionName}:${alias}`;
  const logWriter = opts.logs && lambdaLogWriter(opts.endpoint, functionName, opts.logs);

  // CloudWatch keeps timestamps to the second at best; whole seconds keep the ledger and its windows exact.
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const realStart = Date.now();
  const simStart = clock.now();
  const startedAt = second(simStart);
  const requests: ServedRequest[] = [];
  const versions = new Map<string, VersionLedger & { byMinute: Map<number, MinuteCounts> }>();
  const alarmStates = new Map<string, AlarmState>();
  const alarmsCreated = new Set<string>();
  let lastAt = startedAt;
  let carry = 0;
  let ticks = 0;

  async function liveWeights(): Promise<[string, number][]> {
    const out = await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
    const extra = Object.entries(out.RoutingConfig?.AdditionalVersionWeights ?? {});
    const primary = 1 - extra.reduce((n, [, w]) => n + w, 0);
    return [[out.FunctionVersion!, Math.max(0, primary)], ...extra.map(([v, w]): [string, number] => [v, w])];
  }

  function record(req: ServedRequest): void {
    requests.push(req);
    let v = versions.get(req.version);
    if (!v) {
      v = { invocations: 0, errors: 0, throttles: 0, minutes: [], byMinute: new Map() };
      versions.set(req.version, v);
    }
    const minute = Math.floor(req.at / MINUTE_MS) * MINUTE_MS;
    let m = v.byMinute.get(minute);
    if (!m) {
      m = { minute, invocations: 0, errors: 0, throttles: 0 };
      v.byMinute.set(minute, m);
      v.minutes.push(m);
    }
    for (const target of [v, m]) {
      if (req.outcome === 'throttled') target.throttles++;
      else target.invocations++;
      if (req.outcome === 'error') target.errors++;
    }
  }

  function countsBetween(fromMs: number, toMs: number, live: string[] = []): VersionCounts[] {
    const out = new Map<string, VersionCounts>();
    for (const v of live) out.set(v, { version: v, invocations: 0, errors: 0, throttles: 0 });
    // Requests are in time order: walk back from the newest until the window's start.
    for (let i = requests.length - 1; i >= 0 && requests[i]!.at >= fromMs; i--) {
      const r = requests[i]!;
      if (r.at >= toMs) continue;
      let c = out.get(r.version);
      if (!c) out.set(r.version, (c = { version: r.version, invocations: 0, errors: 0, throttles: 0 }));
      if (r.outcome === 'throttled') c.throttles++;
      else c.invocations++;
      if (r.outcome === 'error') c.errors++;
    }
    return [...out.values()];
  }

  function datumsOf(at: number, perVersion: Map<string, TickStats>): MetricDatum[] {
    const timestamp = new Date(at);
    const base: Dimension[] = [
      { Name: 'FunctionName', Value: functionName },
      { Name: 'Resource', Value: resource },
    ];
    const total = emptyStats();
    const datums: MetricDatum[] = [];
    const add = (dims: Dimension[], s: TickStats) => {
      for (const [name, value] of [
        ['Invocations', s.invocations],
        ['Errors', s.errors],
        ['Throttles', s.throttles],
      ] as const) {
        datums.push({
          MetricName: name,
          Dimensions: dims,
          Timestamp: timestamp,
          Unit: 'Count',
          Value: value,
        });
      }
      if (s.durations.size > 0) datums.push(...durationDatums('Duration', dims, timestamp, s.durations));
    };
    for (const [version, s] of perVersion) {
      add([...base, { Name: 'ExecutedVersion', Value: version }], s);
      total.invocations += s.invocations;
      total.errors += s.errors;
      total.throttles += s.throttles;
      for (const [ms, n] of s.durations) total.durations.set(ms, (total.durations.get(ms) ?? 0) + n);
    }
    if (perVersion.size > 0) add(base, total);
    return datums;
  }

  /** End of what is readable at now: the whole minutes that have waited out the delay, or all sent for 0. */
  function readableUntil(now: number): number {
    return readableAfterMs > 0 ? Math.floor((now - readableAfterMs) / MINUTE_MS) * MINUTE_MS : now + 1;
  }

  async function driveAlarms(now: number, live: string[]): Promise<void> {
    for (const rule of rules) {
      if (!alarmsCreated.has(rule.name)) {
        // Keep an alarm the test made itself; only its state is ours to drive.
        const found = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [rule.name] }));
        if (!found.MetricAlarms?.length) {
          await cloudwatch.send(
            new PutMetricAlarmCommand({
              AlarmName: rule.name,
              AlarmDescription: `Errors of ${resource}, judged by the traffic simulator`,
              Namespace: NAMESPACE,
              MetricName: 'Errors',
              Dimensions: [
                { Name: 'FunctionName', Value: functionName },
                { Name: 'Resource', Value: resource },
              ],
              Statistic: 'Sum',
              Period: 60,
              EvaluationPeriods: Math.max(1, Math.ceil(rule.windowMs / MINUTE_MS)),
              Threshold: 0,
              ComparisonOperator: 'GreaterThanThreshold',
              TreatMissingData: 'missing',
            }),
          );
        }
        alarmsCreated.add(rule.name);
      }
      // A CloudWatch alarm sees only readable data: the window ends where that does.
      const end = readableUntil(now);
      const window = countsBetween(end - rule.windowMs, end, live);
      const verdict = rule.when(window);
      if (alarmStates.get(rule.name) === verdict) continue;
      await cloudwatch.send(
        new SetAlarmStateCommand({
          AlarmName: rule.name,
          StateValue: verdict,
          StateReason: `Traffic simulator: ${verdict} over the last ${rule.windowMs} ms of readable data`,
          StateReasonData: JSON.stringify({ window }),
        }),
      );
      alarmStates.set(rule.name, verdict);
    }
  }

  async function tick(): Promise<void> {
    const weights = await liveWeights();
    const now = second(clock.now());
    // Whatever elapsed since the last tick that sent traffic, so slow ticks or a failed one lose nothing.
    const due = carry + (opts.ratePerMinute * Math.max(0, now - lastAt)) / 60_000;
    const n = Math.floor(due);
    carry = due - n;
    lastAt = Math.max(lastAt, now);
    ticks++;
    const perVersion = new Map<string, TickStats>();
    for (let i = 0; i < n; i++) {
      const version = pickWeighted(random, weights);
      const b = behaviours.get(version) ?? HEALTHY;
      let s = perVersion.get(version);
      if (!s) perVersion.set(version, (s = emptyStats()));
      if (random() < (b.throttleRate ?? 0)) {
        s.throttles++;
        record({ at: now, version, outcome: 'throttled', failed: true });
        continue;
      }
      const errored = random() < b.errorRate;
      const latencyMs = drawLatencyMs(random, b.latencyMs);
      // Drawn only when set, so runs without timeouts keep their seeded sequence.
      const timedOut = !errored && b.timeoutRate !== undefined && random() < b.timeoutRate;
      const failed = errored || timedOut;
      s.invocations++;
      if (failed) s.errors++;
      s.durations.set(latencyMs, (s.durations.get(latencyMs) ?? 0) + 1);
      record({ at: now, version, outcome: failed ? 'error' : 'ok', failed, latencyMs });
      const outcome = timedOut ? 'timeout' : errored ? 'error' : 'success';
      // One after another within the tick, so each run's lines keep to themselves in its stream.
      const at = now + i * 5;
      logWriter?.record(
        { at, version, outcome, durationMs: latencyMs, memoryMb: b.memoryMb, initMs: b.initMs },
        random,
      );
    }
    await logWriter?.flush();
    if (perVersion.size > 0) held.hold(readableAt(now, readableAfterMs), () => datumsOf(now, perVersion));
    await held.writeReadable(clock.now());
    if (rules.length > 0)
      await driveAlarms(
        now,
        weights.map(([v]) => v),
      );
  }

  const close = () => {
    lambda.destroy();
    cloudwatch.destroy();
    logWriter?.close();
  };
  const ticking = onClock
    ? startTicking({ clock, tickMs, simStart, realStart, tick, held, close })
    : {
        async stop() {
          await held.writeReadable(Infinity);
          close();
        },
      };

  const hasVersion = (version: string) => (r: ServedRequest) => r.version === version;

  return {
    tick,
    ledger() {
      const out: Record<string, VersionLedger> = {};
      for (const [v, l] of versions) {
        out[v] = {
          invocations: l.invocations,
          errors: l.errors,
          throttles: l.throttles,
          minutes: l.minutes.map((m) => ({ ...m })),
        };
      }
      return {
        startedAt,
        lastTickAt: lastAt,
        ticks,
        requests: requests.map((r) => ({ ...r })),
        versions: out,
        alarms: Object.fromEntries(alarmStates),
        readableAfterMs,
      };
    },
    firstServedAt(version) {
      return requests.find(hasVersion(version))?.at;
    },
    failuresBy(version, untilMs) {
      let n = 0;
      for (const r of requests) {
        if (untilMs !== undefined && r.at >= untilMs) break;
        if (r.version === version && r.failed) n++;
      }
      return n;
    },
    countsBetween(fromMs, toMs) {
      return countsBetween(fromMs, toMs);
    },
    setBehaviour(version, behaviour) {
      behaviours.set(version, behaviour);
    },
    stop() {
      return ticking.stop();
    },
  };
}
