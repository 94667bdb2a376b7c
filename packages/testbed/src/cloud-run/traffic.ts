// A traffic simulator for the Cloud Run stand-in: on a (scaled) clock it sends requests through the split the
// service serves now (trafficStatuses, LATEST resolved) and writes each revision's request_count (by response
// code) and request_latencies into the stand-in's Monitoring, readable after the stand-in's delay. Behaviours
// are the stand-in's own (behave()), so probes through a tag URL see the same revision.
import type { Clock } from '@deploy-actions/core';
import { mulberry32 } from '../proxy';
import { drawLatencyMs, pickWeighted, readableAt, startTicking } from '../traffic-ticks';
import type { CloudRunStandIn, RevisionBehaviour } from './types';

export interface CloudRunTrafficOptions {
  standIn: CloudRunStandIn;
  service: string;
  /** Default the stand-in's clock. */
  clock?: Clock;
  /** Requests per simulated minute, routed by the served split. */
  ratePerMinute: number;
  /** Behaviour per revision (short name), set on the stand-in; others keep theirs (healthy by default). */
  revisions?: Record<string, RevisionBehaviour>;
  seed?: number;
  /** Simulated ms per tick; default 10_000. */
  tickMs?: number;
}

export interface RevisionCounts {
  requests: number;
  /** Requests answered 5xx. */
  errors: number;
  /** Per simulated minute (start, epoch ms), oldest first. */
  minutes: { minute: number; requests: number; errors: number }[];
}

export interface CloudRunTrafficLedger {
  startedAt: number;
  lastTickAt: number;
  ticks: number;
  revisions: Record<string, RevisionCounts>;
}

export interface CloudRunTraffic {
  ledger(): CloudRunTrafficLedger;
  /** Latencies served by the revision (ms), in order, from fromMs (inclusive) to toMs (exclusive). */
  latencies(revision: string, fromMs?: number, toMs?: number): number[];
  /** Requests and 5xx of a revision with fromMs <= at < toMs. */
  countsBetween(revision: string, fromMs: number, toMs: number): { requests: number; errors: number };
  firstServedAt(revision: string): number | undefined;
  /** Clock time of the revision's first 5xx. */
  firstFailedAt(revision: string): number | undefined;
  /** Clock time at which everything served so far is readable in Monitoring. */
  allReadableAt(): number | undefined;
  setBehaviour(revision: string, behaviour: RevisionBehaviour): void;
  /** Stops ticking and waits for the tick in flight; rethrows a tick's error. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;

export function startCloudRunTraffic(o: CloudRunTrafficOptions): CloudRunTraffic {
  const { standIn, service } = o;
  const clock = o.clock ?? standIn.clock;
  const tickMs = o.tickMs ?? 10_000;
  if (!(tickMs > 0)) throw new Error(`tickMs must be positive, got ${tickMs}`);
  if (!(o.ratePerMinute >= 0)) throw new Error(`ratePerMinute must be >= 0, got ${o.ratePerMinute}`);
  for (const [r, b] of Object.entries(o.revisions ?? {})) standIn.behave(r, b);
  const random = mulberry32(o.seed ?? 1);
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const simStart = clock.now();
  const startedAt = second(simStart);
  const served: { at: number; revision: string; status: number; latencyMs: number }[] = [];
  const counts = new Map<string, RevisionCounts>();
  let lastAt = startedAt;
  let carry = 0;
  let ticks = 0;

  function count(revision: string, at: number, failed: boolean): void {
    let c = counts.get(revision);
    if (!c) counts.set(revision, (c = { requests: 0, errors: 0, minutes: [] }));
    const minute = Math.floor(at / MINUTE) * MINUTE;
    let m = c.minutes[c.minutes.length - 1];
    if (!m || m.minute !== minute) c.minutes.push((m = { minute, requests: 0, errors: 0 }));
    c.requests++;
    m.requests++;
    if (failed) {
      c.errors++;
      m.errors++;
    }
  }

  async function tick(): Promise<void> {
    const now = second(clock.now());
    const due = carry + (o.ratePerMinute * Math.max(0, now - lastAt)) / MINUTE;
    const n = Math.floor(due);
    carry = due - n;
    lastAt = Math.max(lastAt, now);
    ticks++;
    const split = standIn.servingSplit(service);
    if (split.length === 0) return;
    // One sample per (revision, status, latency): what Monitoring would add up anyway.
    const batch = new Map<string, { revision: string; status: number; latencyMs: number; count: number }>();
    for (let i = 0; i < n; i++) {
      const revision = pickWeighted(random, split);
      const b = standIn.behaviour(revision);
      const failed = random() < b.errorRate;
      const latencyMs = drawLatencyMs(random, b.latencyMs);
      const status = failed ? 503 : 200;
      served.push({ at: now, revision, status, latencyMs });
      count(revision, now, failed);
      const k = `${revision} ${status} ${latencyMs}`;
      const s = batch.get(k) ?? { revision, status, latencyMs, count: 0 };
      s.count++;
      batch.set(k, s);
    }
    for (const s of batch.values()) standIn.recordServed({ service, at: now, ...s });
  }

  const ticking = startTicking({
    clock,
    tickMs,
    simStart,
    realStart: Date.now(),
    tick,
    held: { nextReadyAt: () => undefined, lastReadyAt: () => undefined, writeReadable: async () => {} },
    close: () => {},
  });

  const between = (revision: string, from = -Infinity, to = Infinity) =>
    served.filter((r) => r.revision === revision && r.at >= from && r.at < to);

  return {
    ledger: () => ({
      startedAt,
      lastTickAt: lastAt,
      ticks,
      revisions: Object.fromEntries(
        [...counts].map(([r, c]) => [r, { ...c, minutes: c.minutes.map((m) => ({ ...m })) }]),
      ),
    }),
    latencies: (revision, from, to) => between(revision, from, to).map((r) => r.latencyMs),
    countsBetween(revision, from, to) {
      const rs = between(revision, from, to);
      return { requests: rs.length, errors: rs.filter((r) => r.status >= 500).length };
    },
    firstServedAt: (revision) => served.find((r) => r.revision === revision)?.at,
    firstFailedAt: (revision) => served.find((r) => r.revision === revision && r.status >= 500)?.at,
    allReadableAt: () => {
      const last = served[served.length - 1];
      return last && readableAt(last.at, standIn.readableAfterMs);
    },
    setBehaviour: (revision, b) => standIn.behave(revision, b),
    stop: () => ticking.stop(),
  };
}
