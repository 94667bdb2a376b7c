// shift-traffic's inputs for mode status and hold-steps, checked before any call.
import { describe, it, expect } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import { inputError } from '@deploy-actions/testbed/input-error';
import { readShiftInputs } from '../src/run/shift-inputs';
import type { Targets } from '../src/run/common';
import type { Target } from '../src/target';

const lambda: Target = {
  kind: 'lambda',
  inputs: ['function-name'],
  percentDecimals: 2,
  readConfig: () => ({
    name: 'orders:live',
    aws: { region: 'us-east-1', maxAttempts: 3 },
    history: { targetKind: 'lambda', resource: 'orders' },
  }),
  parseVersion: (input, value) => {
    if (!/^[1-9]\d*$/.test(value)) throw new InputError(input, value, 'must be a published version number');
    return value;
  },
  isVersion: () => true,
  open: async () => {
    throw new Error('not opened in this test');
  },
  deploy: {
    readInputs: () => undefined,
    run: async () => {
      throw new Error('not deployed in this test');
    },
  },
};
const targets: Targets = { lambda };
const WEEKS = '10:7d,30:7d,50:7d,100';
const read = (inputs: Record<string, string>) =>
  readShiftInputs(
    new InputReader((n) => ({ 'function-name': 'orders', steps: WEEKS, ...inputs })[n] ?? ''),
    {},
    targets,
  );

describe('mode status inputs', () => {
  it('needs no green-version, and checks one when given', () => {
    expect(read({ mode: 'status' })).toMatchObject({ mode: 'status', green: '', hold: [] });
    expect(read({ mode: 'Status', 'green-version': '7' }).green).toBe('7');
    expect(inputError(() => read({ mode: 'status', 'green-version': 'v7' })).input).toBe('green-version');
    expect(inputError(() => read({ mode: 'advance' })).input).toBe('green-version');
  });

  it('takes the plan as advance does: it must end at 100', () => {
    expect(inputError(() => read({ mode: 'status', steps: '10:7d,50' })).message).toBe(
      'Input "steps" has value "10:7d,50": must end at 100 with mode status: a checkpointed rollout ends promoted or rolled back',
    );
  });

  it('refuses a health check, naming it: status judges nothing', () => {
    for (const [name, value] of [
      ['max-error-rate', '2'],
      ['alarms', 'orders-*'],
      ['invoke-payload', '{}'],
      ['max-consecutive-failures', '3'],
    ]) {
      const err = inputError(() => read({ mode: 'status', [name!]: value! }));
      expect(err.message).toBe(
        `Input "${name}" has value "${value}": is a health check; mode status only reads where the rollout stands and judges nothing: give the checks to mode advance`,
      );
    }
  });
});

describe('hold-steps', () => {
  it('is a list of the plan’s percentages after the first, for mode advance', () => {
    expect(read({ mode: 'advance', 'green-version': '2', 'hold-steps': '100' }).hold).toEqual([100]);
    expect(read({ mode: 'advance', 'green-version': '2', 'hold-steps': ' 30, 100% ' }).hold).toEqual([
      30, 100,
    ]);
    expect(read({ mode: 'advance', 'green-version': '2', 'hold-steps': '' }).hold).toEqual([]);
  });

  it.each([
    [
      'start',
      '100',
      'is for mode advance (a scheduled run that must not move into these steps), not mode start',
    ],
    [
      'status',
      '100',
      'is for mode advance (a scheduled run that must not move into these steps), not mode status',
    ],
    ['', '100', 'is for mode advance (a scheduled run that must not move into these steps), not mode run'],
    ['advance', '60', 'holds 60%, which is no step of plan custom 10:7d,30:7d,50:7d,100 (10, 30, 50, 100)'],
    [
      'advance',
      '10',
      "holds 10%, the plan's first step, which mode start writes: an advance never moves into it",
    ],
    [
      'advance',
      '50,,100',
      'each percentage must be a number above 0 and at most 100, with at most two decimals (got "")',
    ],
    [
      'advance',
      'all',
      'each percentage must be a number above 0 and at most 100, with at most two decimals (got "all")',
    ],
  ])('mode %s, hold-steps %s: refused', (mode, value, why) => {
    // Mode run bakes within one job: a plan of weeks is refused there first.
    const steps: Record<string, string> = mode === '' ? { steps: '10,100' } : {};
    const err = inputError(() => read({ mode, 'green-version': '2', 'hold-steps': value, ...steps }));
    expect(err.message).toBe(`Input "hold-steps" has value "${value}": ${why}`);
  });
});
