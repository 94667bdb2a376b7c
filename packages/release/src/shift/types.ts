import type { Clock, Log } from '@deploy-actions/core';
import type { Gate } from '@deploy-actions/health';
import type { Plan } from '../plan';
import type { Routing } from '../routing';
import type { Router } from '../target';

export type ShiftStatus = 'promoted' | 'rolled-back' | 'in-progress';

export interface TimelineEntry {
  at: number;
  step: string;
  percent: number;
  event: string;
}

export interface ShiftResult {
  status: ShiftStatus;
  /** Percentage of traffic on green at the end. */
  percent: number;
  blue: string;
  green: string;
  timeline: TimelineEntry[];
  /** Set when the step must fail: what happened and where traffic is now. */
  failure?: string;
}

export interface ShiftOptions {
  router: Router;
  green: string;
  plan: Plan;
  /** Health checks watched over each bake; none means the bake only waits. */
  gate?: Gate;
  intervalMs: number;
  /** How long to watch after the last step (health-gate's `duration`; 0 = one evaluation). */
  finalWatchMs: number;
  /** wait: an inconclusive step bakes on (judging the evidence since it began) until conclusive or max-bake. */
  onInconclusive: 'fail' | 'pass' | 'wait';
  /** max-bake; undefined: twice the step's bake (or `finalWatchMs` after the last step). */
  maxBakeMs?: number;
  onUnhealthy: 'rollback' | 'fail';
  onCancel: 'rollback' | 'leave';
  log: Log;
  clock: Clock;
  signal: AbortSignal;
  /** Told after every write what the router now routes, so that a post step can undo an unfinished shift. */
  onRouting?(routing: Routing, blue: string): void;
}

/** What one shift has done so far: the routing it last wrote and its timeline. */
export interface ShiftRun {
  o: ShiftOptions;
  blue: string;
  start: Routing;
  expected: Routing;
  timeline: TimelineEntry[];
  note(step: string, percent: number, event: string): void;
  result(status: ShiftStatus, percent: number, failure?: string): ShiftResult;
  describe(r: Routing): string;
}
