import { describe, it, expect } from '@jest/globals';
import { DeployError } from '@deploy-actions/core';
import { checkWeights, fingerprint, forwardGroups, MAX_WEIGHT } from '../src/forward';
import { isImageReference } from '../src/taskdef';
import { actions, TG_A, TG_B } from './fixtures';

describe('forward actions', () => {
  it('reads weights, and a lone target group as weight 1', () => {
    expect(forwardGroups(actions(90, 10), 'listener')).toEqual([
      { arn: TG_A, weight: 90 },
      { arn: TG_B, weight: 10 },
    ]);
    expect(forwardGroups([{ Type: 'forward', TargetGroupArn: TG_A }], 'listener')).toEqual([
      { arn: TG_A, weight: 1 },
    ]);
    expect(() => forwardGroups([{ Type: 'fixed-response' }], 'Listener x')).toThrow(
      /Listener x has 0 forward actions/,
    );
  });

  it('checks what AWS refuses and the emulator accepts: weights 0-999, at most 5 groups, some traffic', () => {
    const ok = new Map([
      [TG_A, 0],
      [TG_B, MAX_WEIGHT],
    ]);
    expect(() => checkWeights(ok)).not.toThrow();
    expect(() => checkWeights(new Map([[TG_A, 1000]]))).toThrow(DeployError);
    expect(() => checkWeights(new Map([[TG_A, -1]]))).toThrow(/from 0 to 999/);
    expect(() => checkWeights(new Map([[TG_A, 1.5]]))).toThrow(/whole numbers/);
    expect(() => checkWeights(new Map([0, 1, 2, 3, 4, 5].map((i) => [`${TG_A}${i}`, 1])))).toThrow(
      /at most 5/,
    );
    expect(() => checkWeights(new Map([[TG_A, 0]]))).toThrow(/weight 0/);
  });

  it('fingerprints an action list whatever its key order, and tells weights apart', () => {
    const a = actions(100, 0);
    const reordered = a.map((x) => Object.fromEntries(Object.entries(x).reverse()) as typeof x);
    expect(fingerprint(reordered)).toBe(fingerprint(a));
    expect(fingerprint(actions(99, 1))).not.toBe(fingerprint(a));
  });
});

describe('image references', () => {
  it.each([
    'orders:1.4.2',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2',
    `public.ecr.aws/team/orders@sha256:${'a'.repeat(64)}`,
    `registry.local:5000/team/orders:v2@sha256:${'B'.repeat(64)}`,
    'library/nginx',
    'my__repo/web-app',
  ])('takes %s', (image) => expect(isImageReference(image)).toBe(true));
  it.each([
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/Orders:1',
    `orders:${'t'.repeat(129)}`,
    'orders:',
    'orders@sha256:abc',
    'orders//web',
    ' orders',
    `${'a'.repeat(250)}:12345678`,
  ])('refuses %s', (image) => expect(isImageReference(image)).toBe(false));
});
