import { formatDuration, InputError, parseDuration, parsePercent } from '@deploy-actions/core';

export interface PlanStep {
  /** Percentage of traffic on green after this step. */
  percent: number;
  /** How long to watch after this step before the next one; 0 after the last. */
  bakeMs: number;
}

export interface Plan {
  name: string;
  steps: PlanStep[];
}

const MINUTE = 60_000;

// Schedules of the predefined Lambda deployment configurations:
// https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
export const CODEDEPLOY_CONFIGS: Record<string, { kind: 'canary' | 'linear' | 'all'; minutes: number }> = {
  LambdaAllAtOnce: { kind: 'all', minutes: 0 },
  LambdaCanary10Percent5Minutes: { kind: 'canary', minutes: 5 },
  LambdaCanary10Percent10Minutes: { kind: 'canary', minutes: 10 },
  LambdaCanary10Percent15Minutes: { kind: 'canary', minutes: 15 },
  LambdaCanary10Percent30Minutes: { kind: 'canary', minutes: 30 },
  LambdaLinear10PercentEvery1Minute: { kind: 'linear', minutes: 1 },
  LambdaLinear10PercentEvery2Minutes: { kind: 'linear', minutes: 2 },
  LambdaLinear10PercentEvery3Minutes: { kind: 'linear', minutes: 3 },
  LambdaLinear10PercentEvery10Minutes: { kind: 'linear', minutes: 10 },
};

export const STRATEGIES = ['all-at-once', 'canary', 'linear', ...Object.keys(CODEDEPLOY_CONFIGS)] as const;

export interface PlanInputs {
  strategy: string;
  steps: string;
  bakeMs: number;
  /** Whether bake-time was given explicitly (it cannot be combined with a CodeDeploy schedule). */
  bakeGiven: boolean;
  /** bake-time as typed, for the error message. */
  bakeText?: string;
  canaryPercent: number;
  linearPercent: number;
  /** The longest bake a step may have (bake-time's own limit). */
  maxBake?: { ms: number; label: string };
}

/** Turns strategy/steps/bake-time into the list of weights to apply; throws InputError naming the input. */
export function buildPlan(p: PlanInputs): Plan {
  const strategy = p.strategy.trim();
  if (strategy !== '' && p.steps !== '') {
    throw new InputError(
      'steps',
      p.steps,
      `cannot be combined with strategy "${strategy}": give one or the other`,
    );
  }
  if (strategy === '' && p.steps !== '') {
    const steps = parsePlanSteps(p.steps, p.maxBake);
    return {
      name: `custom ${p.steps}`,
      steps: steps.map((s, i) => ({
        percent: s.percent,
        bakeMs: i === steps.length - 1 ? 0 : (s.bakeMs ?? p.bakeMs),
      })),
    };
  }

  const name =
    strategy === '' ? 'canary' : (STRATEGIES.find((s) => s.toLowerCase() === strategy.toLowerCase()) ?? '');
  if (name === '') throw new InputError('strategy', strategy, `must be one of ${STRATEGIES.join(', ')}`);

  const codedeploy = CODEDEPLOY_CONFIGS[name];
  if (codedeploy) {
    if (p.bakeGiven) {
      throw new InputError(
        'bake-time',
        p.bakeText ?? formatDuration(p.bakeMs),
        `cannot be combined with strategy ${name}, whose schedule is fixed`,
      );
    }
    const ms = codedeploy.minutes * MINUTE;
    if (codedeploy.kind === 'all') return { name, steps: [{ percent: 100, bakeMs: 0 }] };
    if (codedeploy.kind === 'canary') return withBake(name, [10, 100], ms);
    return withBake(name, linear(10), ms);
  }
  if (name === 'all-at-once') return { name, steps: [{ percent: 100, bakeMs: 0 }] };
  if (name === 'canary') {
    if (p.canaryPercent >= 100)
      throw new InputError('canary-percent', String(p.canaryPercent), 'must be below 100');
    return withBake(`canary ${p.canaryPercent}%`, [p.canaryPercent, 100], p.bakeMs);
  }
  if (p.linearPercent < 1) {
    throw new InputError(
      'linear-percent',
      String(p.linearPercent),
      'must be at least 1: a plan has at most 100 steps',
    );
  }
  return withBake(`linear +${p.linearPercent}%`, linear(p.linearPercent), p.bakeMs);
}

function linear(increment: number): number[] {
  const out: number[] = [];
  for (let w = increment; w < 100 - 1e-9; w = Math.round((w + increment) * 100) / 100) out.push(w);
  return [...out, 100];
}

function withBake(name: string, percents: number[], bakeMs: number): Plan {
  return {
    name,
    steps: percents.map((percent, i) => ({ percent, bakeMs: i === percents.length - 1 ? 0 : bakeMs })),
  };
}

/**
 * "5,25,50,100" or "10:5m,50:10m,100": strictly increasing percentages, each with its own bake or
 * bake-time's; a plan may stop below 100 and leave the split in place.
 */
export function parsePlanSteps(
  text: string,
  maxBake?: { ms: number; label: string },
): { percent: number; bakeMs?: number }[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.length > 100) throw new InputError('steps', text, 'must list at most 100 steps');
  const steps = items.map((item, i) => {
    const [percentText, bakeText, ...rest] = item.split(':').map((s) => s.trim());
    const percent = parsePercent('steps', text, percentText.replace(/%$/, ''));
    if (bakeText === undefined) return { percent };
    const bakeMs = rest.length ? null : parseDuration(bakeText);
    if (bakeMs === null) {
      throw new InputError(
        'steps',
        text,
        `gives step "${item}" a bake that is not a duration: write PERCENT:BAKE such as 10:5m or 50:1h30m`,
      );
    }
    if (i === items.length - 1) {
      throw new InputError(
        'steps',
        text,
        `gives the last step "${item}" a bake; nothing follows it: use duration to watch after the last step`,
      );
    }
    if (maxBake && bakeMs > maxBake.ms) {
      throw new InputError('steps', text, `gives step "${item}" a bake over ${maxBake.label}`);
    }
    return { percent, bakeMs };
  });
  steps.forEach((s, i) => {
    if (i > 0 && s.percent <= steps[i - 1].percent) {
      throw new InputError('steps', text, 'percentages must strictly increase, for example 5,25,50,100');
    }
  });
  return steps;
}

/** The percentages of a steps input, bakes left out. */
export function parseSteps(text: string): number[] {
  return parsePlanSteps(text).map((s) => s.percent);
}

/**
 * A router that splits in whole percents (ALB weights, Cloud Run) cannot take 0.5%: refuse the plan
 * rather than round it, naming the input the percentage came from.
 */
export function checkPrecision(
  plan: Plan,
  decimals: number,
  given: { steps: string; canaryPercent: string; linearPercent: string },
  target: string,
): void {
  const scale = 10 ** decimals;
  const off = plan.steps.find((s) => Math.abs(Math.round(s.percent * scale) - s.percent * scale) > 1e-9);
  if (!off) return;
  const [input, value] = given.steps
    ? ['steps', given.steps]
    : plan.name.startsWith('linear')
      ? ['linear-percent', given.linearPercent]
      : ['canary-percent', given.canaryPercent];
  const form = decimals === 0 ? 'whole percentages' : `percentages with at most ${decimals} decimals`;
  throw new InputError(
    input,
    value,
    `gives a step of ${off.percent}%; target ${target} splits traffic in ${form}`,
  );
}
