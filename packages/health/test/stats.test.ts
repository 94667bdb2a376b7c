import { describe, it, expect } from '@jest/globals';
import { compareFailureRates, normalCdf, studentTail, welchGreater } from '../src/stats';

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

describe("Student's t and Welch's test", () => {
  it('gives the tail probabilities of published t tables', () => {
    // Critical values of the t distribution, one-sided: 0.05 at 1.812 (10 df), 0.025 at 2.228 (10 df), 0.05 at
    // 6.314 (1 df), and the normal's 1.645 as the degrees of freedom grow.
    expect(studentTail(1.812461, 10)).toBeCloseTo(0.05, 6);
    expect(studentTail(2.228139, 10)).toBeCloseTo(0.025, 6);
    expect(studentTail(6.313752, 1)).toBeCloseTo(0.05, 6);
    expect(studentTail(1.644854, 1e6)).toBeCloseTo(0.05, 5);
    expect(studentTail(0, 3)).toBeCloseTo(0.5, 12);
    expect(studentTail(-1, 5)).toBeCloseTo(1 - studentTail(1, 5), 12);
  });

  it('finds a shift beyond the margin only when the samples show it', () => {
    expect(welchGreater([5, 6, 7, 8], [1, 2, 3, 4])).toBeLessThan(0.01);
    expect(welchGreater([5, 6, 7, 8], [1, 2, 3, 4], 3.9)).toBeGreaterThan(0.4);
    expect(welchGreater([1, 2, 3, 4], [1, 2, 3, 4])).toBeCloseTo(0.5, 12);
    expect(welchGreater([3], [1, 2])).toBeUndefined();
    // No spread at all: the difference is exact.
    expect(welchGreater([3, 3], [1, 1], 1)).toBe(0);
    expect(welchGreater([3, 3], [1, 1], 2)).toBe(1);
  });
});
