// Stack inputs belong to the Lambda target: with target ecs each is an error naming it.
import { describe, expect, it } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { selectTarget, type Targets } from '@deploy-actions/release/run/common';
import { ecsTarget } from '@deploy-actions/target-ecs';
import { lambdaTarget } from '@deploy-actions/target-lambda';
import { STACK_INPUTS, withStacks } from '../src/index';

const targets: Targets = {
  lambda: withStacks(lambdaTarget) as Targets[string],
  ecs: ecsTarget as Targets[string],
};

describe('stack inputs and target ecs', () => {
  it.each([...STACK_INPUTS])('%s with target ecs is refused naming it', (name) => {
    const inputs = new InputReader((n) => ({ target: 'ecs', [name]: 'x' })[n] ?? '');
    expect(() => selectTarget(inputs, targets)).toThrow(
      `Input "${name}" has value "x": is an input of target lambda; this step's target is ecs`,
    );
  });

  it('stack-name selects the Lambda target, with or without function-name', () => {
    const inputs = new InputReader((n) => ({ 'stack-name': 'orders' })[n] ?? '');
    const target = selectTarget(inputs, targets);
    expect(target.kind).toBe('lambda');
    expect(target.readConfig(inputs, { AWS_REGION: 'eu-west-1' })).toMatchObject({
      name: 'stack orders',
      aws: { region: 'eu-west-1' },
      history: { targetKind: 'cloudformation', resource: 'orders' },
    });
  });
});
