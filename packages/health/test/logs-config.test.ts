import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { inputError } from '@deploy-actions/testbed/input-error';
import { hasChecks, readHealthConfig, requireChecks } from '../src/config';

const read = (inputs: Record<string, string>) => readHealthConfig(new InputReader((n) => inputs[n] ?? ''));

describe('the logs check’s inputs', () => {
  it('are off when none is given, and any one of them turns the check on', () => {
    expect(read({}).logs).toBeUndefined();
    expect(read({ 'log-group': '/aws/lambda/orders-api' }).logs).toEqual({
      logGroup: '/aws/lambda/orders-api',
      windowMs: 300_000,
    });
    const c = read({ 'max-consecutive-failures': '3' });
    expect(hasChecks(c)).toBe(true);
    expect(() => requireChecks(c)).not.toThrow();
  });

  it('read the six-week plan’s limits', () => {
    const c = read({
      'max-consecutive-failures': '3',
      'max-timeouts': '2',
      'max-memory-mb': '750',
      'max-duration-ratio': '1.5',
      'max-init-ratio': '2',
      window: '10m',
    });
    expect(c.logs).toEqual({
      maxConsecutiveFailures: 3,
      maxTimeouts: 2,
      maxMemoryMb: 750,
      maxDurationRatio: { stat: 'p95', ratio: 1.5 },
      maxInitRatio: 2,
      windowMs: 600_000,
    });
    expect(read({ 'max-duration-ratio': 'mean=1.2' }).logs?.maxDurationRatio).toEqual({
      stat: 'mean',
      ratio: 1.2,
    });
    expect(read({ 'max-duration-ratio': 'p95 = 3' }).logs?.maxDurationRatio).toEqual({
      stat: 'p95',
      ratio: 3,
    });
    expect(read({ 'max-timeouts': '0' }).logs?.maxTimeouts).toBe(0);
  });

  it.each([
    ['max-consecutive-failures', '0'],
    ['max-consecutive-failures', '2.5'],
    ['max-timeouts', '-1'],
    ['max-memory-mb', '10241'],
    ['max-memory-mb', '750MB'],
    ['max-duration-ratio', '0.9'],
    ['max-duration-ratio', 'p99=1.5'],
    ['max-duration-ratio', 'avg=1.5'],
    ['max-init-ratio', 'mean=2'],
    ['max-init-ratio', '101'],
    ['log-group', 'orders logs'],
    ['log-group', 'arn:aws:logs:us-east-1:123456789012:log-group:orders'],
  ])('refuse %s %j, naming it', (name, value) => {
    const err = inputError(() => read({ [name]: value }));
    expect(err.input).toBe(name);
    expect(err.message).toContain(`"${value}"`);
  });
});
