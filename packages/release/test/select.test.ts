import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { inputError } from '@deploy-actions/testbed/input-error';
import { selectTarget, type Targets } from '../src/run/common';
import type { Target } from '../src/target';

/** Two targets that read nothing but their own inputs; only selection is under test. */
function target(kind: string, inputs: string[]): Target {
  return {
    kind,
    inputs,
    percentDecimals: 2,
    readConfig: () => undefined,
    parseVersion: (_input, value) => value,
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
}
const targets: Targets = {
  lambda: target('lambda', ['function-name', 'alias']),
  boxes: target('boxes', ['cluster', 'services']),
};
const select = (inputs: Record<string, string>) =>
  selectTarget(new InputReader((n) => inputs[n] ?? ''), targets);

describe('target selection', () => {
  it('is the first target without a target input, and the named one with it (any case)', () => {
    expect(select({ 'function-name': 'orders' }).kind).toBe('lambda');
    expect(select({ target: 'Boxes', cluster: 'c' }).kind).toBe('boxes');
  });

  it('names an input of another target than the one selected', () => {
    const err = inputError(() => select({ target: 'boxes', 'function-name': 'orders' }));
    expect(err.input).toBe('function-name');
    expect(err.message).toBe(
      'Input "function-name" has value "orders": is an input of target lambda; this step\'s target is boxes',
    );
    expect(inputError(() => select({ 'function-name': 'orders', services: 'a,b' })).input).toBe('services');
  });

  it('names target when it is no known target', () => {
    expect(inputError(() => select({ target: 'ecs' })).message).toBe(
      'Input "target" has value "ecs": must be one of lambda, boxes',
    );
  });
});
