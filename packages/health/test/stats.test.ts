import { describe, it, expect } from '@jest/globals';
import { compareFailureRates, normalCdf } from '../src/stats';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.6448536, 0.95],
    [-1.959964, 0.025],
    [3, 0.9986501],
  ])('Φ(%f) = %f (standard normal table)', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
  });
});

describe('compareFailureRates', () => {
  it('finds green worse when it fails 20% against blue 1%', () => {
    const c = compareFailureRates({ failures: 40, total: 200 }, { failures: 18, total: 1800 })!;
    expect(c.pValue).toBeLessThan(0.001);
  });

  it('does not blame green when blue fails as often', () => {
    const c = compareFailureRates({ failures: 10, total: 100 }, { failures: 95, total: 900 })!;
    expect(c.pValue).toBeGreaterThan(0.5);
  });

  it('gives a textbook value: 30/200 against 20/200 has z ≈ 1.51, p ≈ 0.066', () => {
    const c = compareFailureRates({ failures: 30, total: 200 }, { failures: 20, total: 200 })!;
    expect(c.z).toBeCloseTo(1.512, 2);
    expect(c.pValue).toBeCloseTo(0.0653, 3);
  });

  it('declines when counts are too small for the approximation', () => {
    expect(compareFailureRates({ failures: 1, total: 10 }, { failures: 0, total: 90 })).toBeUndefined();
    expect(compareFailureRates({ failures: 0, total: 0 }, { failures: 5, total: 100 })).toBeUndefined();
  });
});
