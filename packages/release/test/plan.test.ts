import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { buildPlan, checkPrecision, parseSteps, STRATEGIES, type Plan, type PlanInputs } from '../src/plan';
import { inputError } from '@deploy-actions/testbed/input-error';

const MINUTE = 60_000;

// What shift-traffic passes when only the required inputs are set: bake-time 5m, canary/linear 10%.
const DEFAULTS: PlanInputs = {
  strategy: '',
  steps: '',
  bakeMs: 5 * MINUTE,
  bakeGiven: false,
  canaryPercent: 10,
  linearPercent: 10,
};

function plan(overrides: Partial<PlanInputs>): Plan {
  return buildPlan({ ...DEFAULTS, ...overrides });
}

const totalBake = (p: Plan) => p.steps.reduce((sum, s) => sum + s.bakeMs, 0);

// Written out from the AWS CodeDeploy user guide, "Predefined deployment configurations for an
// AWS Lambda compute platform", not from plan.ts.
const CANARY_CONFIGS: [string, number][] = [
  ['LambdaCanary10Percent5Minutes', 5],
  ['LambdaCanary10Percent10Minutes', 10],
  ['LambdaCanary10Percent15Minutes', 15],
  ['LambdaCanary10Percent30Minutes', 30],
];
const LINEAR_CONFIGS: [string, number][] = [
  ['LambdaLinear10PercentEvery1Minute', 1],
  ['LambdaLinear10PercentEvery2Minutes', 2],
  ['LambdaLinear10PercentEvery3Minutes', 3],
  ['LambdaLinear10PercentEvery10Minutes', 10],
];
const CODEDEPLOY_NAMES = [...CANARY_CONFIGS, ...LINEAR_CONFIGS].map(([n]) => n).concat('LambdaAllAtOnce');

describe('CodeDeploy predefined Lambda configurations', () => {
  it('accepts exactly the nine documented names besides all-at-once, canary and linear', () => {
    expect([...STRATEGIES].sort()).toEqual(['all-at-once', 'canary', 'linear', ...CODEDEPLOY_NAMES].sort());
  });

  it.each(CANARY_CONFIGS)('%s shifts 10%%, then the other 90%% %i minutes later', (name, minutes) => {
    const p = plan({ strategy: name });
    expect(p.name).toBe(name);
    expect(p.steps).toEqual([
      { percent: 10, bakeMs: minutes * MINUTE },
      { percent: 100, bakeMs: 0 },
    ]);
    expect(totalBake(p)).toBe(minutes * MINUTE);
  });

  it.each(LINEAR_CONFIGS)(
    '%s shifts 10%% every %i minute(s) until all traffic is shifted',
    (name, minutes) => {
      const p = plan({ strategy: name });
      expect(p.name).toBe(name);
      expect(p.steps.map((s) => s.percent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
      expect(p.steps.map((s) => s.bakeMs)).toEqual([...Array(9).fill(minutes * MINUTE), 0]);
      // Ten increments, nine waits between them.
      expect(totalBake(p)).toBe(9 * minutes * MINUTE);
    },
  );

  it('LambdaAllAtOnce shifts all traffic at once', () => {
    const p = plan({ strategy: 'LambdaAllAtOnce' });
    expect(p.steps).toEqual([{ percent: 100, bakeMs: 0 }]);
    expect(totalBake(p)).toBe(0);
  });

  it('ignores the default bake-time and canary/linear percent: the schedule is fixed', () => {
    const p = plan({ strategy: 'LambdaCanary10Percent5Minutes', bakeMs: 60 * MINUTE, canaryPercent: 50 });
    expect(p.steps).toEqual([
      { percent: 10, bakeMs: 5 * MINUTE },
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('matches the name case-insensitively and reports the documented spelling', () => {
    expect(plan({ strategy: 'lambdalinear10percentevery2minutes' }).name).toBe(
      'LambdaLinear10PercentEvery2Minutes',
    );
  });

  it.each(CODEDEPLOY_NAMES)('rejects an explicit bake-time with %s, naming bake-time', (name) => {
    const err = inputError(() => plan({ strategy: name, bakeMs: 30_000, bakeGiven: true }));
    expect(err.input).toBe('bake-time');
    expect(err.message).toContain('Input "bake-time" has value "30s"');
    expect(err.message).toContain(name);
  });
});

describe('built-in strategies', () => {
  it('defaults to a 10% canary, then 100% after the bake', () => {
    const p = plan({});
    expect(p.steps).toEqual([
      { percent: 10, bakeMs: 5 * MINUTE },
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('all-at-once moves everything in one step, whatever the bake', () => {
    expect(plan({ strategy: 'all-at-once', bakeMs: MINUTE, bakeGiven: true }).steps).toEqual([
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('canary uses canary-percent and bake-time', () => {
    expect(plan({ strategy: 'canary', canaryPercent: 25, bakeMs: 30_000, bakeGiven: true }).steps).toEqual([
      { percent: 25, bakeMs: 30_000 },
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('rejects a canary of 100%, naming canary-percent', () => {
    const err = inputError(() => plan({ strategy: 'canary', canaryPercent: 100 }));
    expect(err.input).toBe('canary-percent');
    expect(err.message).toContain('Input "canary-percent" has value "100"');
  });

  it('linear with linear-percent 30 goes 30, 60, 90, 100', () => {
    expect(plan({ strategy: 'linear', linearPercent: 30, bakeMs: MINUTE }).steps).toEqual([
      { percent: 30, bakeMs: MINUTE },
      { percent: 60, bakeMs: MINUTE },
      { percent: 90, bakeMs: MINUTE },
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('linear with a fractional increment keeps two-decimal weights', () => {
    expect(plan({ strategy: 'linear', linearPercent: 33.33 }).steps.map((s) => s.percent)).toEqual([
      33.33, 66.66, 99.99, 100,
    ]);
  });

  it('linear 100% is a single step', () => {
    expect(plan({ strategy: 'linear', linearPercent: 100 }).steps).toEqual([{ percent: 100, bakeMs: 0 }]);
  });

  it('matches strategy names case-insensitively, ignoring surrounding blanks', () => {
    expect(plan({ strategy: ' LINEAR ', linearPercent: 50 }).steps.map((s) => s.percent)).toEqual([50, 100]);
  });

  it('rejects an unknown strategy, naming it and listing the accepted ones', () => {
    const err = inputError(() => plan({ strategy: 'blue-green' }));
    expect(err.input).toBe('strategy');
    expect(err.message).toContain(
      'Input "strategy" has value "blue-green": must be one of all-at-once, canary, linear',
    );
    expect(err.message).toContain('LambdaLinear10PercentEvery1Minute');
  });
});

describe('custom steps', () => {
  it('applies bake-time after every step but the last', () => {
    const p = plan({ steps: '5,25,50,100', bakeMs: 30_000, bakeGiven: true });
    expect(p.steps).toEqual([
      { percent: 5, bakeMs: 30_000 },
      { percent: 25, bakeMs: 30_000 },
      { percent: 50, bakeMs: 30_000 },
      { percent: 100, bakeMs: 0 },
    ]);
  });

  it('may stop below 100%, leaving the split in place', () => {
    expect(plan({ steps: '10,50' }).steps).toEqual([
      { percent: 10, bakeMs: 5 * MINUTE },
      { percent: 50, bakeMs: 0 },
    ]);
  });

  it('accepts blanks, a % sign and two decimals', () => {
    expect(parseSteps(' 0.5 , 12.25%, 100 ')).toEqual([0.5, 12.25, 100]);
  });

  it('rejects steps together with a strategy, naming steps and the strategy', () => {
    const err = inputError(() => plan({ steps: '10,100', strategy: 'linear' }));
    expect(err.input).toBe('steps');
    expect(err.message).toContain('Input "steps" has value "10,100"');
    expect(err.message).toContain('"linear"');
  });

  it.each([
    ['50,10,100', 'strictly increase'],
    ['10,10,100', 'strictly increase'],
    ['0,50,100', '(got "0")'],
    ['10,101', '(got "101")'],
    ['10,12.345,100', '(got "12.345")'],
    ['ten,100', '(got "ten")'],
    ['10,,50', '(got "")'],
    ['10,50,', '(got "")'],
    ['-10,100', '(got "-10")'],
    ['', '(got "")'],
  ])('rejects %j naming steps', (text, detail) => {
    const err = inputError(() => parseSteps(text));
    expect(err.input).toBe('steps');
    expect(err.message).toContain(`Input "steps" ${text === '' ? 'is empty' : `has value "${text}"`}`);
    expect(err.message).toContain(detail);
  });

  it('rejects more than 100 steps', () => {
    const text = Array.from({ length: 101 }, (_, i) => String((i + 1) / 2)).join(',');
    expect(inputError(() => parseSteps(text)).message).toContain('at most 100 steps');
    expect(parseSteps(Array.from({ length: 100 }, (_, i) => String(i + 1)).join(','))).toHaveLength(100);
  });
});

// Percentages in hundredths, as Lambda weights allow: 0.01 to 100.
const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);

describe('properties', () => {
  it('parseSteps returns any strictly increasing list of valid percentages as written', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 100 }),
        (raw) => {
          const percents = [...raw].sort((a, b) => a - b).map((n) => n / 100);
          expect(parseSteps(percents.join(','))).toEqual(percents);
        },
      ),
    );
  });

  it('every plan strictly increases, ends at 100 for strategies, and does not bake after the last step', () => {
    const strategy = fc.oneof(
      fc.constantFrom('', ...STRATEGIES),
      fc.constantFrom(...STRATEGIES).map((s) => s.toUpperCase()),
    );
    fc.assert(
      fc.property(
        strategy,
        hundredths(1, 9_999),
        hundredths(100, 10_000),
        fc.integer({ min: 0, max: 6 * 60 * MINUTE }),
        (s, canaryPercent, linearPercent, bakeMs) => {
          const p = buildPlan({
            strategy: s,
            steps: '',
            bakeMs,
            bakeGiven: false,
            canaryPercent,
            linearPercent,
          });
          const percents = p.steps.map((x) => x.percent);
          expect(percents.every((x, i) => x > (i === 0 ? 0 : percents[i - 1]))).toBe(true);
          // Two decimals at most: the weight Lambda is given is percent / 100.
          expect(percents.every((x) => Math.round(x * 100) / 100 === x)).toBe(true);
          expect(percents.at(-1)).toBe(100);
          expect(p.steps.at(-1)!.bakeMs).toBe(0);
          if (s.toLowerCase() === 'linear') {
            // Every step but the last is one more increment; the last only tops up to 100.
            const n = Math.round(linearPercent * 100);
            expect(percents.slice(0, -1).every((x, i) => x === ((i + 1) * n) / 100)).toBe(true);
            expect(10_000 - Math.round((percents.at(-2) ?? 0) * 100)).toBeLessThanOrEqual(n);
          }
          if (s === '' || s.toLowerCase() === 'canary') expect(percents).toEqual([canaryPercent, 100]);
        },
      ),
    );
  });

  it('linear-percent below 1 is refused: a plan has at most 100 steps', () => {
    const err = inputError(() => buildPlan({ ...DEFAULTS, strategy: 'linear', linearPercent: 0.5 }));
    expect(err.message).toBe(
      'Input "linear-percent" has value "0.5": must be at least 1: a plan has at most 100 steps',
    );
  });

  it('a bake-time refused with a CodeDeploy schedule is quoted as typed', () => {
    const err = inputError(() =>
      buildPlan({
        ...DEFAULTS,
        strategy: 'LambdaCanary10Percent5Minutes',
        bakeMs: 90_000,
        bakeGiven: true,
        bakeText: '90s',
      }),
    );
    expect(err.message).toContain('Input "bake-time" has value "90s"');
  });

  it('custom plans bake after every step but the last', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 6 * 60 * MINUTE }),
        (raw, bakeMs) => {
          const percents = [...raw].sort((a, b) => a - b).map((n) => n / 100);
          const p = buildPlan({ ...DEFAULTS, steps: percents.join(','), bakeMs, bakeGiven: true });
          expect(p.steps).toEqual(
            percents.map((percent, i) => ({ percent, bakeMs: i === percents.length - 1 ? 0 : bakeMs })),
          );
        },
      ),
    );
  });
});

describe('per-step bakes', () => {
  const plan = (steps: string, bakeMs = 300_000) =>
    buildPlan({
      strategy: '',
      steps,
      bakeMs,
      bakeGiven: true,
      canaryPercent: 10,
      linearPercent: 10,
      maxBake: { ms: 6 * 3_600_000, label: '6h' },
    });

  it('gives each step its own bake and bake-time to the others; the last step has none', () => {
    expect(plan('10:5m,50:1h30m,90,100').steps).toEqual([
      { percent: 10, bakeMs: 300_000 },
      { percent: 50, bakeMs: 5_400_000 },
      { percent: 90, bakeMs: 300_000 },
      { percent: 100, bakeMs: 0 },
    ]);
    expect(parseSteps('10:5m,50%:1m,100')).toEqual([10, 50, 100]);
  });

  it.each([
    ['10:5x,100', 'is not a duration'],
    ['10:,100', 'is not a duration'],
    ['10:5m:1m,100', 'is not a duration'],
    ['10:5m,100:1m', 'the last step'],
    ['10:7h,100', 'a bake over 6h'],
    ['50:1m,10:1m,100', 'strictly increase'],
  ])('refuses %s naming steps', (steps, why) => {
    const err = inputError(() => plan(steps));
    expect(err.input).toBe('steps');
    expect(err.message).toContain(why);
  });
});

describe('precision of a router', () => {
  const plan = (steps: string, strategy = '') =>
    buildPlan({ strategy, steps, bakeMs: 0, bakeGiven: true, canaryPercent: 2.5, linearPercent: 10 });
  const given = { steps: '', canaryPercent: '', linearPercent: '' };

  it('refuses a step finer than the router splits, naming where it came from', () => {
    expect(() => checkPrecision(plan('10,100'), 0, { ...given, steps: '10,100' }, 'ecs')).not.toThrow();
    const steps = inputError(() => checkPrecision(plan('0.5,100'), 0, { ...given, steps: '0.5,100' }, 'ecs'));
    expect(steps.message).toBe(
      'Input "steps" has value "0.5,100": gives a step of 0.5%; target ecs splits traffic in whole percentages',
    );
    const canary = inputError(() =>
      checkPrecision(plan('', 'canary'), 0, { ...given, canaryPercent: '2.5' }, 'ecs'),
    );
    expect(canary.input).toBe('canary-percent');
    expect(() =>
      checkPrecision(plan('0.25,100'), 2, { ...given, steps: '0.25,100' }, 'lambda'),
    ).not.toThrow();
  });
});
