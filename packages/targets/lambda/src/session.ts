import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { Clock } from '@deploy-actions/core';
import type { CloudWatch, TargetSignals } from '@deploy-actions/health';
import type { OpenOptions, Router, Session } from '@deploy-actions/release/target';
import { readAlias, writeAlias } from './alias';
import { lambdaClient } from './clients';
import type { LambdaConfig } from './inputs';
import { checkInvoke } from './invoke';
import { logsProbe, openLogsClient, type LogsProbe } from './logs/probe';
import { readVersionMetrics } from './metrics';
import { label } from './routing';
import { checkPair, getConfig } from './versions';

/** The alias as the engine's router: every write carries the RevisionId read before it. */
export function aliasRouter(lambda: LambdaClient, cfg: LambdaConfig, clock: Clock): Router {
  const { functionName: fn, alias } = cfg;
  return {
    name: `alias "${alias}"`,
    noun: 'alias',
    missing: `Alias "${alias}" of function ${fn} does not exist (or the function does not exist): deploy-green creates the alias on the first deploy`,
    label,
    example: (live) => String(Math.max(1, Number(live) - 1)),
    read: () => readAlias(lambda, fn, alias),
    write: (to, from, checkpoint) => writeAlias(lambda, fn, alias, to, from, checkpoint, clock),
    checkPair: (blue, green) => checkPair(lambda, fn, blue, green),
    checkVersion: async (version, input) => {
      await getConfig(lambda, fn, version, input);
    },
  };
}

/** Per-version metrics by ExecutedVersion, the direct invoke of a version, and its report records. */
export function lambdaSignals(
  lambda: LambdaClient,
  cfg: LambdaConfig,
  cloudwatch?: CloudWatch,
  logs?: LogsProbe,
): TargetSignals {
  return {
    ...(cloudwatch && {
      metrics: (s, windowMs, percentiles, now) =>
        readVersionMetrics(cloudwatch, cfg, s, windowMs, percentiles, now),
    }),
    probes: (health, s) => [
      ...(health.invoke ? [checkInvoke(lambda, health.invoke, cfg.functionName, s)] : []),
      ...(logs && health.logs ? [logs(health.logs, s)] : []),
    ],
  };
}

export async function openClient(
  cfg: LambdaConfig,
  opts: Pick<OpenOptions, 'clients'>,
): Promise<LambdaClient> {
  const make = (opts.clients?.lambda as typeof lambdaClient | undefined) ?? lambdaClient;
  return make(cfg.aws);
}

export async function openLambda(cfg: LambdaConfig, opts: OpenOptions): Promise<Session> {
  const lambda = await openClient(cfg, opts);
  // The CloudWatch Logs SDK loads only when the logs check is configured.
  const logs = opts.health?.logs
    ? logsProbe(lambda, await openLogsClient(cfg.aws, opts.clients), cfg.functionName, opts.clock)
    : undefined;
  return {
    router: aliasRouter(lambda, cfg, opts.clock),
    signals: lambdaSignals(lambda, cfg, opts.cloudwatch, logs),
  };
}
