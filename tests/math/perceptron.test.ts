import { describe, expect, it } from 'vitest';
import { perceptronPredict, trainPerceptron, truthTable } from '../../src/math/perceptron.js';

describe('perceptron', () => {
  it('truth tables come in the order (0,0), (0,1), (1,0), (1,1)', () => {
    expect(truthTable('and').map((e) => e.y)).toEqual([0, 0, 0, 1]);
    expect(truthTable('or').map((e) => e.y)).toEqual([0, 1, 1, 1]);
    expect(truthTable('xor').map((e) => e.y)).toEqual([0, 1, 1, 0]);
    expect(truthTable('xor').map((e) => e.x)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });

  it('predicts 1 only when w·x + b > 0 (0 is not enough)', () => {
    expect(perceptronPredict([0, 0], 0, [1, 1])).toBe(0);
    expect(perceptronPredict([1, 1], -1.5, [1, 1])).toBe(1);
  });

  // Worked by hand with lr = 1 from w = [0,0], b = 0 (see the perceptron lesson):
  // epoch 1: only (1,1) is wrong → w = [1,1], b = 1; epoch 2: 3 errors → w = [2,1], b = 0; …
  it('learns AND on the hand-worked path', () => {
    const result = trainPerceptron(truthTable('and'), 10, 1);
    expect(result.errors).toEqual([1, 3, 3, 2, 1, 0]);
    expect(result.weights).toEqual([2, 1]);
    expect(result.bias).toBe(-2);
    expect(result.converged).toBe(true);
    expect(result.visits[3]).toMatchObject({ epoch: 1, x: [1, 1], activation: 0, prediction: 0, weights: [1, 1], bias: 1 });
    for (const { x, y } of truthTable('and')) expect(perceptronPredict(result.weights, result.bias, x)).toBe(y);
  });

  it('learns OR', () => {
    const result = trainPerceptron(truthTable('or'), 10, 1);
    expect(result.converged).toBe(true);
    for (const { x, y } of truthTable('or')) expect(perceptronPredict(result.weights, result.bias, x)).toBe(y);
  });

  it('never converges on XOR', () => {
    const result = trainPerceptron(truthTable('xor'), 50, 1);
    expect(result.converged).toBe(false);
    expect(result.errors).toHaveLength(50);
    expect(Math.min(...result.errors)).toBeGreaterThan(0);
  });

  it('the learning rate scales the weights but not the mistakes (w, b start at 0)', () => {
    const one = trainPerceptron(truthTable('and'), 10, 1);
    const half = trainPerceptron(truthTable('and'), 10, 0.5);
    expect(half.errors).toEqual(one.errors);
    expect(half.weights).toEqual(one.weights.map((w) => w / 2));
  });
});
