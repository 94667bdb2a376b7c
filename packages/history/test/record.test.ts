import { describe, it, expect } from '@jest/globals';
import { InputError } from '@deploy-actions/core';
import {
  STATUSES,
  checkDeploymentId,
  isFinal,
  isoTime,
  parseStatus,
  targetKey,
  transition,
  type DeploymentStatus,
} from '../src/record';

describe('transition', () => {
  const cases: [DeploymentStatus, DeploymentStatus, string][] = [
    ['started', 'started', 'noop'],
    ['started', 'succeeded', 'apply'],
    ['started', 'failed', 'apply'],
    ['started', 'rolled-back', 'apply'],
    ['succeeded', 'succeeded', 'noop'],
    ['failed', 'failed', 'noop'],
    ['rolled-back', 'rolled-back', 'noop'],
    ['succeeded', 'failed', 'illegal'],
    ['succeeded', 'rolled-back', 'illegal'],
    ['failed', 'succeeded', 'illegal'],
    ['rolled-back', 'succeeded', 'illegal'],
    ['failed', 'started', 'illegal'],
    ['succeeded', 'started', 'illegal'],
  ];
  it.each(cases)('%s → %s is %s', (from, to, expected) => {
    expect(transition(from, to)).toBe(expected);
  });

  it('covers every pair of statuses', () => {
    for (const from of STATUSES) for (const to of STATUSES) expect(transition(from, to)).toBeDefined();
    expect(STATUSES.filter(isFinal)).toEqual(['succeeded', 'failed', 'rolled-back']);
  });
});

describe('inputs', () => {
  it('accepts the four statuses and names the input otherwise', () => {
    expect(parseStatus('rolled-back')).toBe('rolled-back');
    const err = (() => {
      try {
        parseStatus('success');
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err!.message).toBe(
      'Input "status" has value "success": must be one of started, succeeded, failed, rolled-back',
    );
  });

  it.each(['123456789', 'run-42-1', 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', 'x.y_z:1'])(
    'id %s is valid',
    (id) => {
      expect(checkDeploymentId(id)).toBe(id);
    },
  );

  it.each(['', '-1', 'a#b', 'a b', 'é', 'x'.repeat(129)])('id %j is refused naming deployment-id', (id) => {
    expect(() => checkDeploymentId(id)).toThrow(/^Input "deployment-id"/);
  });

  it('canonical times sort as strings', () => {
    expect(isoTime('2025-01-02T03:04:05+01:00')).toBe('2025-01-02T02:04:05.000Z');
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(() => isoTime('yesterday', 'endedAt')).toThrow('endedAt "yesterday" is not a valid date');
  });

  it('keys a target by environment, function and alias', () => {
    expect(targetKey({ environment: 'prod', targetKind: 'lambda', resource: 'orders:live' })).toBe(
      'prod#orders:live',
    );
  });
});
