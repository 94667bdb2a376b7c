// Pieces every traffic simulator shares (the Lambda one in traffic.ts, the load balancer's in alb-traffic.ts):
// when a datapoint becomes readable, histograms as datums, latency draws, weighted picks, datapoints held back
// until readable, and the loop that ticks on a (scaled) clock.
import {
  CloudWatchClient,
  PutMetricDataCommand,
  type Dimension,
  type MetricDatum,
  type StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import type { Clock } from '@deploy-actions/core';
import { clientConfig } from './moto';
import { openValueLog } from './percentiles';

// Assumed, as AWS publishes no figure: Lambda sends metrics in 1-minute intervals (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html), readable 60 s after the minute ends.
export const READABLE_AFTER_MS = 60_000;
const MINUTE_MS = 60_000;

/** When a datapoint timestamped atMs may be read: the end of its minute plus the delay, or at once for 0. */
export function readableAt(atMs: number, readableAfterMs = READABLE_AFTER_MS): number {
  return readableAfterMs > 0 ? Math.floor(atMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS + readableAfterMs : atMs;
}

// AWS limits: 1000 datums per PutMetricData, 150 distinct Values per datum.
const MAX_DATUMS = 1000;
export const MAX_VALUES = 150;
const Z95 = 1.6448536269514722;
// Before the clock's speed is known, and as a ceiling in case it changes, wake up at least this often.
const POLL_MS = 10;
const MAX_WAIT_MS = 1000;

/** A histogram (value → count) as datums of at most MAX_VALUES distinct values each, in value order. */
export function durationDatums(
  name: string,
  dims: Dimension[],
  at: Date,
  hist: Map<number, number>,
  unit: StandardUnit = 'Milliseconds',
): MetricDatum[] {
  const entries = [...hist].sort((a, b) => a[0] - b[0]);
  const out: MetricDatum[] = [];
  for (let i = 0; i < entries.length; i += MAX_VALUES) {
    const part = entries.slice(i, i + MAX_VALUES);
    out.push({
      MetricName: name,
      Dimensions: dims,
      Timestamp: at,
      Unit: unit,
      Values: part.map(([v]) => v),
      Counts: part.map(([, c]) => c),
    });
  }
  return out;
}

/** One draw from the log-normal distribution the p50 and p95 define, in whole ms, at least 1. */
export function drawLatencyMs(random: () => number, latencyMs: { p50: number; p95: number }): number {
  const p50 = Math.max(latencyMs.p50, 0.001);
  const sigma = Math.max(0, Math.log(Math.max(latencyMs.p95, p50) / p50) / Z95);
  const u1 = 1 - random(); // (0, 1], so log() stays finite
  const u2 = random();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(1, Math.round(p50 * Math.exp(sigma * normal)));
}

/** One of the weighted keys, drawn in proportion to its weight; the first when every weight is 0. */
export function pickWeighted(random: () => number, weights: [string, number][]): string {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  let u = random() * total;
  for (const [v, w] of weights) {
    if (u < w) return v;
    u -= w;
  }
  return weights[0]![0];
}

/**
 * Datapoints held back until readable, then written to CloudWatch in one namespace and logged for the
 * proxy's percentiles (openValueLog).
 */
export interface HeldMetrics {
  /** The client that writes them, for other CloudWatch calls of the simulator. */
  readonly cloudwatch: CloudWatchClient;
  /** Holds one tick's datums until readyAt; ticks come in time order, so readyAt only grows. */
  hold(readyAt: number, datums: () => MetricDatum[]): void;
  /** When the oldest held datums become readable. */
  nextReadyAt(): number | undefined;
  /** When the newest held datums become readable. */
  lastReadyAt(): number | undefined;
  /** Writes the datums readable by now; taken off the queue first, so a failed write is not retried. */
  writeReadable(now: number): Promise<void>;
}

export function holdMetrics(endpoint: string, namespace: string): HeldMetrics {
  const cloudwatch = new CloudWatchClient({
    ...clientConfig(endpoint),
    disableRequestCompression: true,
  });
  // The raw values written, for the proxy's percentiles (moto keeps them but cannot compute any).
  const valueLog = openValueLog(endpoint);
  const unwritten: { readyAt: number; datums: () => MetricDatum[] }[] = [];
  return {
    cloudwatch,
    hold(readyAt, datums) {
      unwritten.push({ readyAt, datums });
    },
    nextReadyAt: () => unwritten[0]?.readyAt,
    lastReadyAt: () => unwritten[unwritten.length - 1]?.readyAt,
    async writeReadable(now) {
      let n = 0;
      while (n < unwritten.length && unwritten[n]!.readyAt <= now) n++;
      if (n === 0) return;
      const datums = unwritten.splice(0, n).flatMap((u) => u.datums());
      for (let i = 0; i < datums.length; i += MAX_DATUMS) {
        const batch = datums.slice(i, i + MAX_DATUMS);
        const undo = valueLog.write(namespace, batch);
        try {
          await cloudwatch.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: batch }));
        } catch (err) {
          undo();
          throw err;
        }
      }
    },
  };
}

export interface TickingOptions {
  clock: Clock;
  /** Simulated ms per tick. */
  tickMs: number;
  /** Simulated and real start; the first tick runs at once. */
  simStart: number;
  realStart: number;
  tick(): Promise<void>;
  /** A store that keeps data back itself (the Cloud Run stand-in's Monitoring) passes one that holds nothing. */
  held: Pick<HeldMetrics, 'nextReadyAt' | 'lastReadyAt' | 'writeReadable'>;
  /** Destroys the simulator's clients, once stopped. */
  close(): void;
}

/**
 * Runs tick() every tickMs of simulated time, and writes held datums as they become readable between ticks.
 * stop() stops ticking, waits for the tick in flight and, on the clock, until the last datapoint is readable,
 * writes what is left, closes, then rethrows any tick's error.
 */
export function startTicking(o: TickingOptions): { stop(): Promise<void> } {
  const { clock, tickMs, held } = o;
  const errors: unknown[] = [];
  let nextDue = o.simStart; // the first tick runs at once, so alarms exist before traffic flows
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  // The Clock says nothing of its speed: measure it, to sleep tickMs of simulated time in real time.
  function realDelay(simMs: number): number {
    const realElapsed = Date.now() - o.realStart;
    const simElapsed = clock.now() - o.simStart;
    if (realElapsed < 20 || simElapsed <= 0) return POLL_MS;
    return Math.min(MAX_WAIT_MS, Math.max(1, simMs / (simElapsed / realElapsed)));
  }

  function schedule(): void {
    if (stopping) return;
    const now = clock.now();
    // Wake for the next tick, or sooner when datapoints become readable between ticks, to write them on time.
    const wait = Math.min(nextDue, held.nextReadyAt() ?? Infinity) - now;
    if (wait > 0) {
      timer = setTimeout(schedule, realDelay(wait));
      // A test that forgets stop() must not hang on this timer.
      timer.unref();
      return;
    }
    timer = undefined;
    const ticking = nextDue <= now;
    inflight = (ticking ? o.tick() : held.writeReadable(now))
      .catch((err: unknown) => {
        errors.push(err);
      })
      .finally(() => {
        inflight = undefined;
        if (ticking) {
          const now = clock.now();
          nextDue += tickMs;
          // Fallen behind by more than a tick: skip the missed ones rather than firing them back to back.
          if (nextDue + tickMs < now) nextDue = now + tickMs;
        }
        schedule();
      });
  }

  schedule();

  return {
    stop() {
      stopping ??= (async () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        while (inflight) await inflight;
        // What was served still becomes readable in its time, so the whole run can be read afterwards.
        const last = held.lastReadyAt();
        if (last !== undefined) {
          try {
            while (clock.now() < last) await clock.sleep(last - clock.now());
            await held.writeReadable(clock.now());
          } catch (err) {
            errors.push(err);
          }
        }
        o.close();
        if (errors.length === 1) throw errors[0];
        if (errors.length > 1) {
          throw new AggregateError(errors, `${errors.length} traffic ticks failed: ${String(errors[0])}`);
        }
      })();
      return stopping;
    },
  };
}
