import { describe, expect, it } from 'vitest';
import { dRelu, dSigmoid, dTanh, relu, sigmoid, tanh } from '../../src/math/activations.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);
// A central difference: the derivative computed a second way.
const numericDerivative = (fn: (x: number) => number, x: number): number => (fn(x + 1e-6) - fn(x - 1e-6)) / 2e-6;

describe('activations', () => {
  it('match independently computed values', () => {
    close(sigmoid(1), 0.7310585786300049);
    close(sigmoid(-2), 0.11920292202211755);
    close(sigmoid(0), 0.5);
    close(tanh(0.5), 0.46211715726000974);
    expect(relu(-3)).toBe(0);
    expect(relu(2.5)).toBe(2.5);
  });

  it('sigmoid does not overflow for large inputs', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });

  it('derivatives agree with finite differences', () => {
    for (const x of [-3, -0.5, 0.2, 2]) {
      close(dSigmoid(x), numericDerivative(sigmoid, x), 1e-8);
      close(dTanh(x), numericDerivative(tanh, x), 1e-8);
      close(dRelu(x), numericDerivative(relu, x), 1e-8);
    }
  });

  it("sigmoid's slope is at most 0.25, tanh's at most 1", () => {
    expect(dSigmoid(0)).toBe(0.25);
    expect(dTanh(0)).toBe(1);
    for (const x of [-5, -1, 0.5, 3]) {
      expect(dSigmoid(x)).toBeLessThan(0.25);
      expect(dTanh(x)).toBeLessThan(1);
    }
    expect(dRelu(0)).toBe(0);
  });
});
