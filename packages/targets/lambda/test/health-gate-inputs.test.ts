import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { readGateInputs } from '@deploy-actions/release/run/health-gate';
import { TARGETS } from './target';
import { inputError } from '@deploy-actions/testbed/input-error';

const read = (inputs: Record<string, string>) =>
  readGateInputs(
    new InputReader((n) => ({ 'function-name': 'orders', ...inputs })[n] ?? ''),
    { AWS_REGION: 'us-east-1' },
    TARGETS,
  );

describe('health-gate inputs', () => {
  it('refuses a baseline equal to the judged version', () => {
    const err = inputError(() => read({ version: '2', 'baseline-version': '2', 'max-error-rate': '2' }));
    expect(err.message).toBe(
      'Input "baseline-version" has value "2": must differ from version: a version compared with itself never fails',
    );
  });

  it('refuses a gate with no check at all', () => {
    expect(inputError(() => read({})).message).toMatch(/needs at least one check/);
  });

  it('reads fail-on-unhealthy false as a dry run', () => {
    expect(read({ 'max-error-rate': '2', 'fail-on-unhealthy': 'false' }).failOnUnhealthy).toBe(false);
  });
});
