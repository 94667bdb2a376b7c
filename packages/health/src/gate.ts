import { formatDuration, type Clock } from '@deploy-actions/core';
import type { Subject } from './result';
import type { HealthConfig } from './config';
import { evaluateOnce, watch, type Clients, type Evaluation, type WatchResult } from './evaluate';

export interface GateContext {
  /** The version compared with; none (the watch after promotion): green alone, by absolute limits. */
  blue?: string;
  green: string;
  /** Percentage of traffic on green while judged. */
  percent: number;
  /** "1/3": the step, for the log. */
  label: string;
  /** How long to watch: the step's bake, or `duration` after the last step. */
  durationMs: number;
  signal: AbortSignal;
  /** Judge the evidence since this epoch ms (when the step began) instead of the last `window`. */
  since?: number;
}

/** What shift-traffic runs after each step: the health-gate evaluation, watched over the step's bake. */
export interface Gate {
  watch(ctx: GateContext): Promise<WatchResult>;
}

export function healthGate(
  cfg: HealthConfig,
  clients: Clients,
  clock: Clock,
  log: { info(message: string): void },
  label: (version: string) => string,
): Gate {
  return {
    watch: (ctx) => {
      const target: Subject = {
        version: ctx.green,
        ...(ctx.blue && { baseline: ctx.blue }),
        label,
        ...(ctx.since !== undefined && { since: ctx.since }),
      };
      const judged = ctx.blue ? cfg : alone(cfg);
      return watch(() => evaluateOnce(judged, target, clients, clock, ctx.signal).then(notJudged(cfg, ctx)), {
        durationMs: ctx.durationMs,
        intervalMs: cfg.intervalMs,
        consecutiveFailures: cfg.consecutiveFailures,
        clock,
        signal: ctx.signal,
        onEvaluation: (e, i, total, nextIn) =>
          log.info(
            `step ${ctx.label}: ${ctx.percent}% on ${label(ctx.green)}, check ${i}/${total} ${e.verdict}: ${e.reason}` +
              (nextIn !== undefined ? `; next check in ${formatDuration(Math.max(0, nextIn))}` : ''),
          ),
      });
    },
  };
}

/** Green alone: max-latency-ratio needs a baseline and is not judged (the logs ratios say so themselves). */
function alone(cfg: HealthConfig): HealthConfig {
  if (cfg.metrics?.maxLatencyRatio === undefined) return cfg;
  const metrics = { ...cfg.metrics };
  delete metrics.maxLatencyRatio;
  return { ...cfg, metrics };
}

function notJudged(cfg: HealthConfig, ctx: GateContext): (e: Evaluation) => Evaluation {
  return (e) =>
    ctx.blue || cfg.metrics?.maxLatencyRatio === undefined
      ? e
      : { ...e, reason: `${e.reason}; max-latency-ratio not judged: no baseline version serves traffic` };
}
