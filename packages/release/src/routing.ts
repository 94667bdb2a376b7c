import type { Checkpoint } from './checkpoint';

/** Where a router sends traffic: `version` (blue) takes the rest of what `green` does not get. */
export interface Routing {
  version: string;
  green?: string;
  /** Fraction of traffic on green, 0..1. */
  greenWeight: number;
}

/** A routing as read, with the router's lock token (Lambda's RevisionId) when it has one. */
export interface RoutingState extends Routing {
  revision?: string;
  /** Where a checkpointed rollout (shift-traffic mode start/advance) stands, read with the routing. */
  checkpoint?: Checkpoint;
  /** Text of ours where the checkpoint is kept that does not parse: why. Written over like a checkpoint. */
  checkpointError?: string;
}

/** Whether the router holds a checkpoint (or a malformed one of ours): a write without one clears it. */
export function holdsCheckpoint(r: RoutingState): boolean {
  return r.checkpoint !== undefined || r.checkpointError !== undefined;
}

export function percentOf(weight: number): number {
  return Math.round(weight * 10_000) / 100;
}

/** "100% on v1" or "v1 90% / v2 10%", with versions as the target labels them. */
export function describeRouting(r: Routing, label: (version: string) => string): string {
  if (!r.green) return `100% on ${label(r.version)}`;
  return `${label(r.version)} ${percentOf(1 - r.greenWeight)}% / ${label(r.green)} ${percentOf(r.greenWeight)}%`;
}

export function sameRouting(a: Routing, b: Routing): boolean {
  return (
    a.version === b.version &&
    (a.green ?? '') === (b.green ?? '') &&
    Math.abs(a.greenWeight - b.greenWeight) < 1e-9
  );
}

/** Green's share of traffic in percent, for a routing that may already be fully on green or back on blue. */
export function greenPercent(r: Routing, green: string): number {
  if (r.green === green) return percentOf(r.greenWeight);
  return r.version === green ? 100 : 0;
}

/** The routing of a step: a split below 100%, all on green at 100%. */
export function routingAt(blue: string, green: string, percent: number): Routing {
  return percent >= 100
    ? { version: green, greenWeight: 0 }
    : { version: blue, green, greenWeight: percent / 100 };
}

export function allOn(version: string): Routing {
  return { version, greenWeight: 0 };
}

/** A router's name (`alias "live"`) at the start of a sentence. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
