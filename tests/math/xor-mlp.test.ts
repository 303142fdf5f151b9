import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/math/random.js';
import { initMlp, meanSquaredError, mlpForward, mlpGradients, trainXor, XOR_INPUTS, XOR_TARGETS, type MlpParams } from '../../src/math/xor-mlp.js';
import { runXorMlp, XOR_DEFAULTS } from '../../src/demos/xor-mlp.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const params: MlpParams = {
  W1: [
    [0.5, -0.4],
    [0.3, 0.9],
  ],
  b1: [0.1, -0.2],
  w2: [1.5, -0.7],
  b2: 0.05,
};

function lossOf(p: MlpParams): number {
  return meanSquaredError(XOR_INPUTS.map((x) => mlpForward(p, x).output), XOR_TARGETS);
}

describe('xor mlp', () => {
  it('forward pass by hand', () => {
    // x = (1, 0): h = σ([0.5 + 0.1, 0.3 − 0.2]) = σ([0.6, 0.1]); ŷ = σ(1.5 h₁ − 0.7 h₂ + 0.05)
    const h1 = sigmoid(0.6);
    const h2 = sigmoid(0.1);
    const forward = mlpForward(params, [1, 0]);
    close(forward.hidden[0] ?? NaN, h1);
    close(forward.hidden[1] ?? NaN, h2);
    close(forward.output, sigmoid(1.5 * h1 - 0.7 * h2 + 0.05));
  });

  it('backprop agrees with central finite differences (the gradient computed a second way)', () => {
    const grads = mlpGradients(params, XOR_INPUTS, XOR_TARGETS);
    const epsilon = 1e-6;
    const numeric = (nudge: (p: MlpParams, delta: number) => MlpParams): number =>
      (lossOf(nudge(params, epsilon)) - lossOf(nudge(params, -epsilon))) / (2 * epsilon);
    const copy = (p: MlpParams): MlpParams => ({ W1: p.W1.map((r) => [...r]), b1: [...p.b1], w2: [...p.w2], b2: p.b2 });
    for (let k = 0; k < 2; k++) {
      for (let j = 0; j < 2; j++) {
        const estimate = numeric((p, d) => {
          const next = copy(p);
          const row = next.W1[k];
          if (row) row[j] = (row[j] ?? 0) + d;
          return next;
        });
        close(grads.W1[k]?.[j] ?? NaN, estimate, 1e-8);
      }
      close(grads.b1[k] ?? NaN, numeric((p, d) => ({ ...copy(p), b1: p.b1.map((b, i) => (i === k ? b + d : b)) })), 1e-8);
      close(grads.w2[k] ?? NaN, numeric((p, d) => ({ ...copy(p), w2: p.w2.map((w, i) => (i === k ? w + d : w)) })), 1e-8);
    }
    close(grads.b2, numeric((p, d) => ({ ...copy(p), b2: p.b2 + d })), 1e-8);
  });

  it('mean squared error by hand', () => {
    expect(meanSquaredError([0.5, 0.5, 0.5, 0.5], [0, 1, 1, 0])).toBe(0.25);
  });

  it('training lowers the loss', () => {
    const training = trainXor(initMlp(createRng(1), 3), 300, 2);
    expect(training.loss[0]).toBeGreaterThan(training.loss[training.loss.length - 1] ?? Infinity);
    expect(training.finalLoss).toBeLessThan(training.loss[0] ?? 0);
  });

  it('the default run reaches final_loss < 0.01 and classifies XOR', () => {
    const result = runXorMlp(XOR_DEFAULTS.hidden, XOR_DEFAULTS.epochs, XOR_DEFAULTS.lr, 42);
    expect(result.final_loss).toBeLessThan(0.01);
    expect(result.loss).toHaveLength(XOR_DEFAULTS.epochs);
    expect(result.predictions.map((p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });
});
