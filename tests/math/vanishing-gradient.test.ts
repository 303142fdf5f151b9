import { describe, expect, it } from 'vitest';
import { gradientChain } from '../../src/math/vanishing-gradient.js';

const relativelyClose = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('vanishing gradient', () => {
  it('with a linear activation gradients[k] = w^k, index 0 = 1', () => {
    for (const w of [0.5, 0.8, 1, 1.3, -0.9]) {
      const { gradients } = gradientChain(w, 40, 'linear', 0.5);
      expect(gradients).toHaveLength(41);
      expect(gradients[0]).toBe(1);
      gradients.forEach((g, k) => relativelyClose(g, w ** k));
    }
  });

  it('with tanh each factor is w·(1 − h_t²), multiplied from the last step backwards', () => {
    const w = 1.5;
    const x = 0.5;
    const { hidden, factors, gradients } = gradientChain(w, 3, 'tanh', x);
    // Worked step by step: h₁ = tanh(0.5), h₂ = tanh(1.5 h₁ + 0.5), h₃ = tanh(1.5 h₂ + 0.5)
    const h1 = Math.tanh(0.5);
    const h2 = Math.tanh(w * h1 + x);
    const h3 = Math.tanh(w * h2 + x);
    relativelyClose(hidden[3] ?? NaN, h3);
    relativelyClose(factors[0] ?? NaN, w * (1 - h1 * h1));
    relativelyClose(gradients[1] ?? NaN, w * (1 - h3 * h3));
    relativelyClose(gradients[2] ?? NaN, w * (1 - h3 * h3) * w * (1 - h2 * h2));
    relativelyClose(gradients[3] ?? NaN, w * (1 - h3 * h3) * w * (1 - h2 * h2) * w * (1 - h1 * h1));
  });

  it('decays for |w| < 1 and explodes for |w| > 1', () => {
    expect(gradientChain(0.5, 30, 'linear', 0).gradients[30]).toBeLessThan(1e-8);
    expect(gradientChain(1.5, 30, 'linear', 0).gradients[30]).toBeGreaterThan(1e5);
  });
});
