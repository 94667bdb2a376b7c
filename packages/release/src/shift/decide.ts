// What one scheduled run (mode advance) does with the step it finds: a decision from data, no calls.
import { formatDuration } from '@deploy-actions/core';
import type { Verdict } from '@deploy-actions/health';

export type OnInconclusive = 'fail' | 'pass' | 'wait';

export interface StepFacts {
  now: number;
  /** When the step began (epoch ms, from the checkpoint). */
  since: number;
  bakeMs: number;
  /** The longest the step may last while an inconclusive verdict waits for its sample. */
  maxBakeMs: number;
  /** The verdict on the evidence since the step began; undefined when nothing is checked. */
  verdict?: Verdict;
  onInconclusive: OnInconclusive;
}

export type Decision =
  /** Nothing yet: the bake runs until `due` (or, waiting for a sample, it is due again at once). */
  | { kind: 'wait'; due: number; why: string }
  /** The step passed: the next step, or promotion after the last. */
  | { kind: 'next'; why: string }
  /** The step failed: on-unhealthy decides between rollback and leaving traffic. */
  | { kind: 'fail'; why: string };

/**
 * Unhealthy fails at once, bake over or not. Otherwise the bake runs out first; then healthy (or inconclusive
 * with on-inconclusive pass) moves on, inconclusive fails, or with wait keeps the step until the verdict is
 * conclusive or max-bake passes.
 */
export function decide(f: StepFacts): Decision {
  const elapsed = f.now - f.since;
  const baked = `${formatDuration(Math.max(0, elapsed))} of ${formatDuration(f.bakeMs)}`;
  if (f.verdict === 'unhealthy') return { kind: 'fail', why: 'health unhealthy' };
  if (elapsed < f.bakeMs) return { kind: 'wait', due: f.since + f.bakeMs, why: `baked ${baked}` };
  if (f.verdict === undefined || f.verdict === 'healthy') return { kind: 'next', why: `baked ${baked}` };
  if (f.onInconclusive === 'pass') return { kind: 'next', why: `baked ${baked}, inconclusive passes` };
  if (f.onInconclusive === 'wait' && elapsed < f.maxBakeMs) {
    return {
      kind: 'wait',
      due: f.now,
      why: `inconclusive after ${formatDuration(elapsed)}: waiting for the sample until max-bake ${formatDuration(f.maxBakeMs)} (${new Date(f.since + f.maxBakeMs).toISOString()})`,
    };
  }
  if (f.onInconclusive === 'wait') {
    return { kind: 'fail', why: `health inconclusive after max-bake ${formatDuration(f.maxBakeMs)}` };
  }
  return { kind: 'fail', why: 'health inconclusive' };
}

/** The max-bake of a step: the input, else twice the step's bake. */
export function maxBakeOf(maxBakeMs: number | undefined, bakeMs: number): number {
  return maxBakeMs ?? 2 * bakeMs;
}
