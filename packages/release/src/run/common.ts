import {
  awsErrorName,
  CancelledError,
  clockFromEnv,
  ConcurrentChangeError,
  DeployError,
  errorMessage,
  InputError,
  type AwsOptions,
  type Clock,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import type { CloudWatch } from '@deploy-actions/health/client';
import { hasAlarms, type HealthConfig } from '@deploy-actions/health/config';
import type { OpenOptions, Target, TargetConfig } from '../target';

/** The targets an action can release, by the name `target` gives; the first is the default. */
export type Targets = Record<string, Target<TargetConfig, unknown>>;

/** What tests may swap: the clock (bakes of minutes in milliseconds) and how clients are made. */
export interface Deps {
  clock?: Clock;
  cloudwatch?: (opts: AwsOptions) => Promise<CloudWatch>;
  /** The target's own clients, by the target's names for them (Lambda: `lambda`). */
  clients?: OpenOptions['clients'];
}

/**
 * The target the inputs select: `target`, else the first of `targets`. An input only another target reads
 * is an error naming it, so a step never silently ignores what the user wrote.
 */
export function selectTarget(inputs: InputReader, targets: Targets): Target<TargetConfig, unknown> {
  const kinds = Object.keys(targets);
  const kind = inputs.oneOf('target', kinds, kinds[0]);
  const chosen = targets[kind];
  for (const other of Object.values(targets)) {
    if (other === chosen) continue;
    for (const name of other.inputs) {
      const value = inputs.text(name, { multiline: true });
      if (value !== '' && !chosen.inputs.includes(name)) {
        throw new InputError(
          name,
          value,
          `is an input of target ${other.kind}; this step's target is ${kind}`,
        );
      }
    }
  }
  return chosen;
}

/** The selected target's config; required unless `optional`. */
export function readConfig(
  target: Target<TargetConfig, unknown>,
  inputs: InputReader,
  env: Runtime['env'],
): TargetConfig {
  return target.readConfig(inputs, env)!;
}

/** A CloudWatch client only when alarms or metrics are checked, and the target's metrics are CloudWatch's. */
export async function cloudwatchFor(
  health: HealthConfig,
  config: Pick<TargetConfig, 'aws' | 'cloudwatch'>,
  deps: Deps,
): Promise<CloudWatch | undefined> {
  if (config.cloudwatch === false || (!health.metrics && !hasAlarms(health))) return undefined;
  const make = deps.cloudwatch ?? (await import('@deploy-actions/health/client')).cloudwatchClient;
  return make(config.aws);
}

export function clockOf(deps: Deps, env: Runtime['env']): Clock {
  return deps.clock ?? clockFromEnv(env);
}

/**
 * How an input error ends: nothing was changed where the `target` input sends the release (AWS for Lambda and
 * ECS, and for a `target` that is itself the bad input).
 */
export function nothingChanged(rt: Runtime, targets: Targets): string {
  const kind = rt.input('target').trim();
  const named = Object.hasOwn(targets, kind) ? targets[kind] : Object.values(targets)[0];
  return `Nothing was changed in ${named?.platform ?? 'AWS'}.`;
}

/** The inputs that are secrets, masked in the log before anything (an input error included) can print them. */
const SECRET_INPUTS = ['slack-webhook-url', 'access-token'];

export const isSecretInput = (name: string) => SECRET_INPUTS.includes(name);

function maskSecrets(rt: Runtime): void {
  for (const name of SECRET_INPUTS) {
    const value = rt.input(name);
    if (!value) continue;
    rt.setSecret?.(value);
    try {
      // The path is the secret part; URL may print it normalised.
      const url = new URL(value);
      if (url.href !== value) rt.setSecret?.(url.href);
      if (url.pathname.length > 1) rt.setSecret?.(url.pathname);
    } catch {
      // not a URL: the input check refuses it, showing ***
    }
  }
}

/** Runs one action body, its secrets masked first; every failure becomes one clear failed-step message. */
export async function runStep(rt: Runtime, nothingDone: string, body: () => Promise<void>): Promise<void> {
  maskSecrets(rt);
  try {
    await body();
  } catch (err) {
    rt.setFailed(failureMessage(err, nothingDone));
  }
}

export function failureMessage(err: unknown, nothingDone = 'Nothing was changed in AWS.'): string {
  if (err instanceof InputError) return `${err.message}. ${nothingDone}`;
  if (err instanceof ConcurrentChangeError || err instanceof DeployError || err instanceof CancelledError)
    return err.message;
  const name = awsErrorName(err);
  if (name) return `AWS ${name}: ${errorMessage(err)}`;
  return errorMessage(err);
}
