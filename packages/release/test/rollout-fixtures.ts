// What the checkpointed-rollout tests share: the six-week plan, a gate whose verdict a test scripts, and options.
import type { Verdict, Gate, GateContext } from '@deploy-actions/health';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { buildPlan, type Plan } from '../src/plan';
import type { RolloutOptions } from '../src/shift/rollout';
import type { Router } from '../src/target';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export function plan(steps: string, bakeMs = WEEK): Plan {
  return buildPlan({ strategy: '', steps, bakeMs, bakeGiven: true, canaryPercent: 10, linearPercent: 10 });
}

/** The user's plan: 10 → 30 → 50 → 70 → 90 → 100, a week per step. */
export const SIX_WEEKS = plan('10,30,50,70,90,100');

/** A gate answering what `verdict` says at the gate's call; it records what each call was asked. */
export function scriptedGate(verdict: (ctx: GateContext) => Verdict) {
  const calls: GateContext[] = [];
  const gate: Gate = {
    watch: async (ctx) => {
      calls.push(ctx);
      const v = verdict(ctx);
      return { verdict: v, reason: `scripted ${v}`, evaluations: [] };
    },
  };
  return { gate, calls };
}

export function rolloutOptions(router: Router, over: Partial<RolloutOptions> = {}) {
  const clock = fakeClock(T0);
  const log: string[] = [];
  const o: RolloutOptions = {
    router,
    green: '2',
    plan: SIX_WEEKS,
    onInconclusive: 'fail',
    onUnhealthy: 'rollback',
    run: '100.1',
    log: { info: (m) => log.push(m), warning: (m) => log.push(`warning: ${m}`) },
    clock,
    signal: new AbortController().signal,
    ...over,
  };
  return { o, clock: (over.clock as ReturnType<typeof fakeClock> | undefined) ?? clock, log };
}

/** Moves a fake clock to `at`. */
export function setTime(clock: ReturnType<typeof fakeClock>, at: number): void {
  void clock.sleep(at - clock.now());
}
