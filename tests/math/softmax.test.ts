import { describe, expect, it } from 'vitest';
import { softmax, softmaxSteps } from '../../src/math/softmax.js';

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function expectClose(actual: number[], expected: number[], tolerance = 1e-9): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] ?? NaN))).toBeLessThan(tolerance));
}

describe('softmax', () => {
  // Reference values computed independently (Python, math.exp without the max shift).
  it('matches independently computed values', () => {
    expectClose(softmax([2, 1, 0.1]), [0.6590011388859679, 0.2424329707047139, 0.09856589040931818]);
    expectClose(softmax([1, 2, 3]), [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]);
  });

  it('with temperature t computes softmax(scores / t)', () => {
    expectClose(softmax([2, 1, 0.1], 0.5), [0.8637771182080068, 0.1168995209459857, 0.019323360846007505]);
    expectClose(softmax([2, 1, 0.1], 0.5), softmax([4, 2, 0.2]));
    expectClose(softmax([3, 1], 4), softmax([0.75, 0.25]));
  });

  it('sums to 1 and is shift-invariant', () => {
    for (const scores of [[0], [1, 2], [-5, 0, 5, 10], [0.3, 0.3, 0.3]]) {
      const probabilities = softmax(scores);
      expect(Math.abs(sum(probabilities) - 1)).toBeLessThan(1e-12);
      expectClose(softmax(scores.map((s) => s + 123.456)), probabilities);
    }
  });

  it('is stable for large scores (1000, 1001, 1002 give the same as 0, 1, 2)', () => {
    const big = softmax([1000, 1001, 1002]);
    expect(big.every(Number.isFinite)).toBe(true);
    expectClose(big, softmax([0, 1, 2]));
    expectClose(softmax([-1000, -1000]), [0.5, 0.5]);
  });

  it('low temperature sharpens, high temperature flattens', () => {
    const scores = [2, 1, 0.1];
    expect(softmax(scores, 0.1)[0]).toBeGreaterThan(softmax(scores, 1)[0] ?? 1);
    expect(softmax(scores, 100)[0]).toBeLessThan(0.34);
  });

  it('keeps the intermediate steps', () => {
    const steps = softmaxSteps([2, 1, 0.1]);
    expect(steps.shift).toBe(2);
    expectClose(steps.exponentials, [1, Math.exp(-1), Math.exp(-1.9)]);
    expect(Math.abs(steps.total - (1 + Math.exp(-1) + Math.exp(-1.9)))).toBeLessThan(1e-12);
  });

  it('subtracts the largest score before dividing by T, so z/T never has to fit in a double', () => {
    // 1e308 / 0.5 = 2e308 overflows; (z − max z) / T does not.
    expect(softmax([1e308, 1], 0.5)).toEqual([1, 0]);
    const steps = softmaxSteps([4, 2, 0], 2);
    expectClose(steps.exponents, [0, -1, -2]);
    expect(steps.scaled).toEqual([2, 1, 0]);
    expect(steps.shift).toBe(2);
    // only the shown z/T overflows
    expect(softmaxSteps([1e308, 1], 0.001).scaled[0]).toBe(Infinity);
  });

  it('refuses empty input and bad temperatures', () => {
    expect(() => softmax([])).toThrow(RangeError);
    expect(() => softmax([1], 0)).toThrow(RangeError);
    expect(() => softmax([1], -1)).toThrow(RangeError);
  });
});
