// A traffic simulator for an Application Load Balancer: sends requests through the weighted forward action
// of a listener (or of a rule) as it is at each tick, read from moto's ELBv2 as traffic.ts reads a Lambda
// alias, to the target groups it names, and writes the per-target-group metrics the load balancer would
// publish to CloudWatch (namespace AWS/ApplicationELB), so a health gate can judge the green target group
// against moto. Metrics are written per tick and held back until readable, as in traffic.ts (readableAt: a
// minute is readable READABLE_AFTER_MS after it ends), and TargetResponseTime's raw values are logged for
// the fault proxy's percentiles (percentiles.ts).
//
// What it writes, per tick (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html):
// - per LoadBalancer and TargetGroup (listed in that order: moto finds a dimension set only in the order it
//   was put, see traffic.ts), for each target group that got requests: RequestCount, HTTPCode_Target_5XX_Count
//   and TargetConnectionErrorCount (Count, zeros included), and TargetResponseTime (Seconds, one value per
//   request a target answered: connection errors have none);
// - per LoadBalancer and TargetGroup, for every target group of the forward action (weight 0 too, as its
//   health checks run all the same): UnHealthyHostCount (Count);
// - per LoadBalancer alone, the same four request metrics summed over its target groups, and, when the
//   options give elb5xxRate, HTTPCode_ELB_5XX_Count: the requests the load balancer failed itself before
//   choosing a target, plus the 502 it answers for each connection error.
// RequestCount counts every request a target was chosen for, connection errors included (as AWS counts it).
// The dimension values are the final portions of the ARNs: LoadBalancer app/NAME/ID, TargetGroup
// targetgroup/NAME/ID.
//
// What it leaves out: stickiness (each request is routed by the weights on its own, as if every request
// came from a new client, so a new split takes effect at once where AWS keeps sticky clients where they
// were), and the target health checks themselves (unhealthy hosts change no routing).
import type { Dimension, MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Clock } from '@deploy-actions/core';
import { clientConfig } from './moto';
import { mulberry32 } from './proxy';
import {
  drawLatencyMs,
  durationDatums,
  holdMetrics,
  pickWeighted,
  READABLE_AFTER_MS,
  readableAt,
  startTicking,
} from './traffic-ticks';

export interface TargetGroupBehaviour {
  /** Share of the requests a target answers that it answers with a 5xx (HTTPCode_Target_5XX_Count), 0..1. */
  errorRate: number;
  /** Response time percentiles in ms; times are drawn from the log-normal distribution they define. */
  latencyMs: { p50: number; p95: number };
  /** Share of requests whose connection to a target fails (TargetConnectionErrorCount), 0..1; default 0. */
  connectionErrorRate?: number;
  /** Targets failing their health checks (UnHealthyHostCount); default 0. */
  unhealthyHosts?: number;
}

export interface AlbTrafficOptions {
  /** moto's URL; the listener or rule is read straight from it, never through a fault proxy. */
  endpoint: string;
  /** The production listener, whose default action routes the requests; or ruleArn. */
  listenerArn?: string;
  /** A rule of the production listener, whose forward action routes the requests. */
  ruleArn?: string;
  clock: Clock;
  /** Requests per simulated minute, routed by the forward action's weights. */
  ratePerMinute: number;
  /** Behaviour per target group, by ARN or name; target groups not listed are healthy (no errors, 20ms). */
  targetGroups: Record<string, TargetGroupBehaviour>;
  /**
   * Share of all requests the load balancer fails itself, before choosing a target, 0..1. When given (0
   * included), HTTPCode_ELB_5XX_Count is written per load balancer; when not, it is not written at all.
   */
  elb5xxRate?: number;
  seed?: number;
  /** Simulated ms per tick; default 10_000. */
  tickMs?: number;
  /**
   * Simulated ms after a minute ends before its datapoints are written, and so readable; default
   * READABLE_AFTER_MS. 0 writes each tick's datapoints at once.
   */
  readableAfterMs?: number;
}

export type AlbOutcome = 'ok' | 'target-5xx' | 'connection-error' | 'elb-5xx';

export interface AlbRequest {
  /** Simulated time of the tick that sent it, in whole seconds (the metric's timestamp too). */
  at: number;
  /** ARN of the target group it was routed to; absent when the load balancer failed it itself. */
  targetGroup?: string;
  outcome: AlbOutcome;
  /** Every outcome but ok: the client saw a 5xx either way. */
  failed: boolean;
  /** The target's response time; absent when no target answered. */
  latencyMs?: number;
}

export interface TargetGroupCounts {
  targetGroup: string;
  /** RequestCount: every request routed to it, connection errors included. */
  requests: number;
  target5xx: number;
  connectionErrors: number;
}

export interface TargetGroupMinute extends Omit<TargetGroupCounts, 'targetGroup'> {
  /** Start of the simulated minute, epoch ms. */
  minute: number;
}

export interface TargetGroupLedger extends Omit<TargetGroupCounts, 'targetGroup'> {
  /** Oldest first. */
  minutes: TargetGroupMinute[];
}

export interface AlbTrafficLedger {
  /** Simulated start, whole seconds. */
  startedAt: number;
  /** Simulated time of the last tick that sent traffic (startedAt before any). */
  lastTickAt: number;
  ticks: number;
  /** The LoadBalancer dimension (app/NAME/ID); empty until the first tick has read it. */
  loadBalancer: string;
  /** Oldest first. */
  requests: AlbRequest[];
  /** By target group ARN, for those that got requests. */
  targetGroups: Record<string, TargetGroupLedger>;
  /** Requests the load balancer failed itself (elb5xxRate, or a forward action with every weight 0). */
  elb5xx: number;
  /** The forward weights by target group ARN, each time a tick found them changed; oldest first. */
  routing: { at: number; weights: Record<string, number> }[];
  /** The readability delay of this run. */
  readableAfterMs: number;
}

export interface AlbTraffic {
  /** A copy of everything sent so far. */
  ledger(): AlbTrafficLedger;
  /** Simulated time of the first request routed to the target group (ARN or name). */
  firstServedAt(targetGroup: string): number | undefined;
  /** Failed requests (target 5xx and connection errors) routed to the target group, before untilMs when given. */
  failuresBy(targetGroup: string, untilMs?: number): number;
  /** Counts per target group of requests with fromMs <= at < toMs, the window GetMetricData uses. */
  countsBetween(fromMs: number, toMs: number): TargetGroupCounts[];
  setBehaviour(targetGroup: string, behaviour: TargetGroupBehaviour): void;
  /** The dimensions of the target group's metrics: LoadBalancer, then TargetGroup. After the first tick. */
  dimensions(targetGroupArn: string): Dimension[];
  /**
   * Stops ticking, waits for the tick in flight and, on the clock, until the last datapoint is readable, writes
   * what is left, then rethrows any tick's error.
   */
  stop(): Promise<void>;
}

export const ALB_NAMESPACE = 'AWS/ApplicationELB';
const HEALTHY: TargetGroupBehaviour = { errorRate: 0, latencyMs: { p50: 20, p95: 20 } };
const MINUTE_MS = 60_000;

/** The final portion of an ARN, after its fifth colon: targetgroup/NAME/ID, loadbalancer/app/NAME/ID. */
const resourceOf = (arn: string) => arn.split(':').slice(5).join(':');
/** The TargetGroup dimension of a target group ARN. */
export const targetGroupValue = (arn: string) => resourceOf(arn);
const nameOf = (targetGroupArn: string) => resourceOf(targetGroupArn).split('/')[1] ?? '';

interface TickStats {
  requests: number;
  target5xx: number;
  connectionErrors: number;
  /** Response times in ms → count. */
  times: Map<number, number>;
}

function emptyStats(): TickStats {
  return { requests: 0, target5xx: 0, connectionErrors: 0, times: new Map() };
}

function checkRate(name: string, v: number | undefined): void {
  if (v !== undefined && !(v >= 0 && v <= 1)) throw new Error(`${name} must be from 0 to 1, got ${v}`);
}

export function startAlbTraffic(opts: AlbTrafficOptions): AlbTraffic {
  const { clock } = opts;
  if (!opts.listenerArn === !opts.ruleArn) throw new Error('give exactly one of listenerArn and ruleArn');
  const tickMs = opts.tickMs ?? 10_000;
  if (!(tickMs > 0)) throw new Error(`tickMs must be positive, got ${tickMs}`);
  if (!(opts.ratePerMinute >= 0)) throw new Error(`ratePerMinute must be >= 0, got ${opts.ratePerMinute}`);
  checkRate('elb5xxRate', opts.elb5xxRate);
  const readableAfterMs = opts.readableAfterMs ?? READABLE_AFTER_MS;
  if (!(readableAfterMs >= 0 && Number.isFinite(readableAfterMs))) {
    throw new Error(`readableAfterMs must be a finite number >= 0, got ${readableAfterMs}`);
  }
  const random = mulberry32(opts.seed ?? 1);
  const behaviours = new Map(Object.entries(opts.targetGroups));
  const elb = new ElasticLoadBalancingV2Client(clientConfig(opts.endpoint));
  const held = holdMetrics(opts.endpoint, ALB_NAMESPACE);
  // A rule's ARN is its listener's with listener-rule for listener and the rule's id after it.
  const listenerArn =
    opts.listenerArn ?? opts.ruleArn!.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '');

  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const realStart = Date.now();
  const simStart = clock.now();
  const startedAt = second(simStart);
  const requests: AlbRequest[] = [];
  const groups = new Map<string, TargetGroupLedger & { byMinute: Map<number, TargetGroupMinute> }>();
  const routing: AlbTrafficLedger['routing'] = [];
  let loadBalancer = '';
  let elb5xx = 0;
  let lastAt = startedAt;
  let carry = 0;
  let ticks = 0;

  const matches = (key: string, arn: string) => key === arn || key === nameOf(arn);
  function behaviourOf(arn: string): TargetGroupBehaviour {
    return behaviours.get(arn) ?? behaviours.get(nameOf(arn)) ?? HEALTHY;
  }

  async function liveWeights(): Promise<[string, number][]> {
    let actions: Action[];
    if (opts.ruleArn) {
      const out = await elb.send(new DescribeRulesCommand({ RuleArns: [opts.ruleArn] }));
      actions = out.Rules?.[0]?.Actions ?? [];
    } else {
      const out = await elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }));
      actions = out.Listeners?.[0]?.DefaultActions ?? [];
    }
    const forward = actions.find((a) => a.Type === 'forward');
    if (!forward) throw new Error(`${opts.ruleArn ?? listenerArn} has no forward action`);
    const targets = forward.ForwardConfig?.TargetGroups?.length
      ? forward.ForwardConfig.TargetGroups
      : [{ TargetGroupArn: forward.TargetGroupArn, Weight: 1 }];
    return targets
      .filter((t) => t.TargetGroupArn)
      .map((t): [string, number] => [t.TargetGroupArn!, Math.max(0, t.Weight ?? 1)]);
  }

  function record(req: AlbRequest): void {
    requests.push(req);
    if (!req.targetGroup) {
      elb5xx++;
      return;
    }
    let g = groups.get(req.targetGroup);
    if (!g) {
      g = { requests: 0, target5xx: 0, connectionErrors: 0, minutes: [], byMinute: new Map() };
      groups.set(req.targetGroup, g);
    }
    const minute = Math.floor(req.at / MINUTE_MS) * MINUTE_MS;
    let m = g.byMinute.get(minute);
    if (!m) {
      m = { minute, requests: 0, target5xx: 0, connectionErrors: 0 };
      g.byMinute.set(minute, m);
      g.minutes.push(m);
    }
    for (const c of [g, m]) {
      c.requests++;
      if (req.outcome === 'target-5xx') c.target5xx++;
      if (req.outcome === 'connection-error') c.connectionErrors++;
    }
  }

  const dimensions = (targetGroupArn?: string): Dimension[] => [
    { Name: 'LoadBalancer', Value: loadBalancer },
    ...(targetGroupArn ? [{ Name: 'TargetGroup', Value: targetGroupValue(targetGroupArn) }] : []),
  ];

  function datumsOf(
    at: number,
    perGroup: Map<string, TickStats>,
    unhealthy: [string, number][],
    rejected: number,
  ): MetricDatum[] {
    const timestamp = new Date(at);
    const datums: MetricDatum[] = [];
    const count = (name: string, dims: Dimension[], value: number) =>
      datums.push({ MetricName: name, Dimensions: dims, Timestamp: timestamp, Unit: 'Count', Value: value });
    const total = emptyStats();
    const add = (dims: Dimension[], s: TickStats) => {
      count('RequestCount', dims, s.requests);
      count('HTTPCode_Target_5XX_Count', dims, s.target5xx);
      count('TargetConnectionErrorCount', dims, s.connectionErrors);
      if (s.times.size > 0) {
        // In seconds, as the load balancer reports it; logged as written, for the proxy's percentiles.
        const seconds = new Map([...s.times].map(([ms, n]) => [ms / 1000, n]));
        datums.push(...durationDatums('TargetResponseTime', dims, timestamp, seconds, 'Seconds'));
      }
    };
    for (const [arn, s] of perGroup) {
      add(dimensions(arn), s);
      total.requests += s.requests;
      total.target5xx += s.target5xx;
      total.connectionErrors += s.connectionErrors;
      for (const [ms, n] of s.times) total.times.set(ms, (total.times.get(ms) ?? 0) + n);
    }
    if (perGroup.size > 0) add(dimensions(), total);
    for (const [arn, n] of unhealthy) count('UnHealthyHostCount', dimensions(arn), n);
    if (opts.elb5xxRate !== undefined && (perGroup.size > 0 || rejected > 0)) {
      count('HTTPCode_ELB_5XX_Count', dimensions(), rejected + total.connectionErrors);
    }
    return datums;
  }

  async function tick(): Promise<void> {
    if (!loadBalancer) {
      const out = await elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }));
      const lbArn = out.Listeners?.[0]?.LoadBalancerArn;
      if (!lbArn) throw new Error(`no load balancer found for ${listenerArn}`);
      loadBalancer = resourceOf(lbArn).replace(/^loadbalancer\//, '');
    }
    const weights = await liveWeights();
    const now = second(clock.now());
    const current = Object.fromEntries(weights);
    const previous = routing[routing.length - 1];
    if (!previous || JSON.stringify(previous.weights) !== JSON.stringify(current)) {
      routing.push({ at: now, weights: current });
    }
    // Whatever elapsed since the last tick that sent traffic, so slow ticks or a failed one lose nothing.
    const due = carry + (opts.ratePerMinute * Math.max(0, now - lastAt)) / 60_000;
    const n = Math.floor(due);
    carry = due - n;
    lastAt = Math.max(lastAt, now);
    ticks++;
    const routable = weights.some(([, w]) => w > 0);
    const perGroup = new Map<string, TickStats>();
    let rejected = 0;
    for (let i = 0; i < n; i++) {
      if (!routable || random() < (opts.elb5xxRate ?? 0)) {
        rejected++;
        record({ at: now, outcome: 'elb-5xx', failed: true });
        continue;
      }
      const targetGroup = pickWeighted(random, weights);
      const b = behaviourOf(targetGroup);
      let s = perGroup.get(targetGroup);
      if (!s) perGroup.set(targetGroup, (s = emptyStats()));
      s.requests++;
      if (random() < (b.connectionErrorRate ?? 0)) {
        s.connectionErrors++;
        record({ at: now, targetGroup, outcome: 'connection-error', failed: true });
        continue;
      }
      const failed = random() < b.errorRate;
      const latencyMs = drawLatencyMs(random, b.latencyMs);
      if (failed) s.target5xx++;
      s.times.set(latencyMs, (s.times.get(latencyMs) ?? 0) + 1);
      record({ at: now, targetGroup, outcome: failed ? 'target-5xx' : 'ok', failed, latencyMs });
    }
    const unhealthy = weights.map(([arn]): [string, number] => [arn, behaviourOf(arn).unhealthyHosts ?? 0]);
    held.hold(readableAt(now, readableAfterMs), () => datumsOf(now, perGroup, unhealthy, rejected));
    await held.writeReadable(clock.now());
  }

  const ticking = startTicking({
    clock,
    tickMs,
    simStart,
    realStart,
    tick,
    held,
    close: () => {
      elb.destroy();
      held.cloudwatch.destroy();
    },
  });

  const served = (key: string) => (r: AlbRequest) =>
    r.targetGroup !== undefined && matches(key, r.targetGroup);

  return {
    ledger() {
      const out: Record<string, TargetGroupLedger> = {};
      for (const [arn, g] of groups) {
        out[arn] = {
          requests: g.requests,
          target5xx: g.target5xx,
          connectionErrors: g.connectionErrors,
          minutes: g.minutes.map((m) => ({ ...m })),
        };
      }
      return {
        startedAt,
        lastTickAt: lastAt,
        ticks,
        loadBalancer,
        requests: requests.map((r) => ({ ...r })),
        targetGroups: out,
        elb5xx,
        routing: routing.map((r) => ({ at: r.at, weights: { ...r.weights } })),
        readableAfterMs,
      };
    },
    firstServedAt(targetGroup) {
      return requests.find(served(targetGroup))?.at;
    },
    failuresBy(targetGroup, untilMs) {
      const isServed = served(targetGroup);
      let n = 0;
      for (const r of requests) {
        if (untilMs !== undefined && r.at >= untilMs) break;
        if (r.failed && isServed(r)) n++;
      }
      return n;
    },
    countsBetween(fromMs, toMs) {
      const out = new Map<string, TargetGroupCounts>();
      // Requests are in time order: walk back from the newest until the window's start.
      for (let i = requests.length - 1; i >= 0 && requests[i]!.at >= fromMs; i--) {
        const r = requests[i]!;
        if (r.at >= toMs || !r.targetGroup) continue;
        let c = out.get(r.targetGroup);
        if (!c) {
          c = { targetGroup: r.targetGroup, requests: 0, target5xx: 0, connectionErrors: 0 };
          out.set(r.targetGroup, c);
        }
        c.requests++;
        if (r.outcome === 'target-5xx') c.target5xx++;
        if (r.outcome === 'connection-error') c.connectionErrors++;
      }
      return [...out.values()];
    },
    setBehaviour(targetGroup, behaviour) {
      // One behaviour per target group, whether it was given by ARN or by name.
      for (const key of [...behaviours.keys()]) {
        if (targetGroup.startsWith('arn:') ? key === nameOf(targetGroup) : nameOf(key) === targetGroup)
          behaviours.delete(key);
      }
      behaviours.set(targetGroup, behaviour);
    },
    dimensions(targetGroupArn) {
      if (!loadBalancer) throw new Error('no tick has read the load balancer yet');
      return dimensions(targetGroupArn);
    },
    stop() {
      return ticking.stop();
    },
  };
}
