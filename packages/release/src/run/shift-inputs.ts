// shift-traffic's inputs, every one checked before any call: the target, green, the plan, the mode and its bakes.
import {
  formatDuration,
  InputError,
  parsePercent,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import { hasChecks, readHealthConfig, type HealthConfig } from '@deploy-actions/health/config';
import { LOGS_INPUTS } from '@deploy-actions/health/logs-config';
import { buildPlan, checkPrecision, type Plan } from '../plan';
import { readConfig, selectTarget, type Targets } from './common';
import { readShiftHistory } from './shift-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// GitHub-hosted jobs stop after 6 hours: https://docs.github.com/en/actions/reference/limits
const JOB_BAKE = { ms: 6 * HOUR, label: '6h (the longest a GitHub-hosted job runs)' };
// Start and advance bake between scheduled runs, not within a job.
const LONG_BAKE = { ms: 90 * DAY, label: '90d' };
const LONG_MAX_BAKE = { ms: 180 * DAY, label: '180d' };

export const MODES = ['run', 'start', 'advance', 'status'] as const;
export type Mode = (typeof MODES)[number];

export function readShiftInputs(inputs: InputReader, env: Runtime['env'], targets: Targets) {
  const target = selectTarget(inputs, targets);
  const config = readConfig(target, inputs, env);
  const mode = inputs.oneOf('mode', MODES, 'run');
  const greenText = inputs.text('green-version');
  // mode status finds green in the routing: a scheduled driver does not know it; '' when not given.
  const green = mode === 'status' && greenText === '' ? '' : target.parseVersion('green-version', greenText);
  const bakeLimit = mode === 'run' ? JOB_BAKE : LONG_BAKE;
  const bakeText = inputs.text('bake-time');
  const plan = buildPlan({
    strategy: inputs.text('strategy'),
    steps: inputs.text('steps'),
    bakeMs: inputs.duration('bake-time', '5m', bakeLimit),
    bakeGiven: bakeText !== '',
    bakeText,
    canaryPercent: inputs.percent('canary-percent', 10),
    linearPercent: inputs.percent('linear-percent', 10),
    maxBake: bakeLimit,
  });
  const given = {
    steps: inputs.text('steps'),
    canaryPercent: inputs.text('canary-percent'),
    linearPercent: inputs.text('linear-percent'),
  };
  checkPrecision(plan, target.percentDecimals, given, target.kind);
  const health = readHealthConfig(inputs, { wait: true });
  const onUnhealthy = inputs.oneOf('on-unhealthy', ['rollback', 'fail'] as const, 'rollback');
  const onCancel = inputs.oneOf('on-cancel', ['rollback', 'leave'] as const, 'rollback');
  const maxBakeMs = readMaxBake(inputs, plan, mode, health.onInconclusive);
  if (mode !== 'run') checkCheckpointed(inputs, plan, mode, health.durationMs);
  if (mode === 'status') refuseChecks(inputs, health);
  const hold = readHold(inputs, plan, mode);
  const watchMs = readWatchAfter(inputs, mode);
  const history = readShiftHistory(inputs, mode, config.aws.region);
  return {
    target,
    config,
    green,
    mode,
    plan,
    health,
    onUnhealthy,
    onCancel,
    maxBakeMs,
    hold,
    watchMs,
    history,
  };
}

export type ShiftInputs = ReturnType<typeof readShiftInputs>;

/** max-bake: only with on-inconclusive wait, and no shorter than a bake of the plan; undefined: twice each bake. */
function readMaxBake(
  inputs: InputReader,
  plan: Plan,
  mode: Mode,
  onInconclusive: string,
): number | undefined {
  const text = inputs.text('max-bake');
  if (text === '') return undefined;
  const ms = inputs.duration('max-bake', '0', mode === 'run' ? JOB_BAKE : LONG_MAX_BAKE);
  if (onInconclusive !== 'wait') {
    throw new InputError(
      'max-bake',
      text,
      `needs on-inconclusive: wait (it bounds how long an inconclusive step waits for its sample)`,
    );
  }
  const longest = Math.max(...plan.steps.map((s) => s.bakeMs));
  if (ms < longest) {
    throw new InputError(
      'max-bake',
      text,
      `is shorter than the longest bake of the plan (${formatDuration(longest)}): a step lasts at least its bake`,
    );
  }
  return ms;
}

/** A checkpointed rollout ends promoted or rolled back, and nothing stays after a scheduled run to watch. */
function checkCheckpointed(inputs: InputReader, plan: Plan, mode: Mode, durationMs: number): void {
  const last = plan.steps[plan.steps.length - 1]!;
  if (last.percent < 100) {
    throw new InputError(
      'steps',
      inputs.text('steps'),
      `must end at 100 with mode ${mode}: a checkpointed rollout ends promoted or rolled back`,
    );
  }
  if (durationMs > 0) {
    throw new InputError(
      'duration',
      inputs.text('duration'),
      `watches after the last step within one job; with mode ${mode} no run stays after promotion: leave it 0`,
    );
  }
}

const CHECK_INPUTS = [
  'alarms',
  'max-error-rate',
  'max-latency-ratio',
  'max-latency-ms',
  'http-url',
  'invoke-payload',
  ...LOGS_INPUTS,
];

/** mode status reads where the rollout stands and judges nothing: a check given to it would be silently unused. */
function refuseChecks(inputs: InputReader, health: HealthConfig): void {
  if (!hasChecks(health)) return;
  const name = CHECK_INPUTS.find((n) => inputs.text(n, { multiline: true }) !== '') ?? 'alarms';
  throw new InputError(
    name,
    inputs.text(name, { multiline: true }),
    'is a health check; mode status only reads where the rollout stands and judges nothing: give the checks to mode advance',
  );
}

/**
 * hold-steps (mode advance only): percentages of the plan this run must not move into, each a step that an
 * advance writes (not the first: mode start writes it). Empty: none held.
 */
function readHold(inputs: InputReader, plan: Plan, mode: Mode): number[] {
  const text = inputs.text('hold-steps');
  if (text === '') return [];
  if (mode !== 'advance') {
    throw new InputError(
      'hold-steps',
      text,
      `is for mode advance (a scheduled run that must not move into these steps), not mode ${mode}`,
    );
  }
  const percents = plan.steps.map((s) => s.percent);
  return text.split(',').map((item) => {
    const p = parsePercent('hold-steps', text, item.trim().replace(/%$/, ''));
    const at = percents.indexOf(p);
    if (at < 1) {
      throw new InputError(
        'hold-steps',
        text,
        at === 0
          ? `holds ${p}%, the plan's first step, which mode start writes: an advance never moves into it`
          : `holds ${p}%, which is no step of plan ${plan.name} (${percents.join(', ')})`,
      );
    }
    return p;
  });
}

/**
 * watch-after (mode start and advance): how long scheduled runs keep judging green alone after promotion, ready
 * to go back to blue. Empty: promotion ends the rollout.
 */
function readWatchAfter(inputs: InputReader, mode: Mode): number | undefined {
  const text = inputs.text('watch-after');
  if (text === '') return undefined;
  if (mode !== 'start' && mode !== 'advance') {
    throw new InputError(
      'watch-after',
      text,
      `is for mode start and advance (scheduled runs that watch green after promotion), not mode ${mode}`,
    );
  }
  const ms = inputs.duration('watch-after', '0', LONG_BAKE);
  if (ms < 60_000) {
    throw new InputError(
      'watch-after',
      text,
      'must be at least 1m (scheduled runs judge the watch); leave it empty for no watch',
    );
  }
  return ms;
}
