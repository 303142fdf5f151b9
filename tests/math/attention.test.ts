import { describe, expect, it } from 'vitest';
import { additiveScore, attention, causalMask } from '../../src/math/attention.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

describe('attention', () => {
  // q = [1,0,1], K = [[1,0,1],[0,1,0]], V = [[1,2],[3,4]], d_k = 3:
  // scores = [2/√3, 0]; weights = softmax; output = w₁·[1,2] + w₂·[3,4]  (checked in Python)
  it('scaled dot-product matches a hand-worked example', () => {
    const result = attention([[1, 0, 1]], [[1, 0, 1], [0, 1, 0]], [[1, 2], [3, 4]], { score: 'scaled-dot', mask: 'none' });
    close(result.scores[0]?.[0] ?? NaN, 2 / Math.sqrt(3));
    close(result.scores[0]?.[1] ?? NaN, 0);
    close(result.weights[0]?.[0] ?? NaN, 0.7603684418580207);
    close(result.weights[0]?.[1] ?? NaN, 0.2396315581419793);
    close(result.output[0]?.[0] ?? NaN, 1.4792631162839585);
    close(result.output[0]?.[1] ?? NaN, 2.4792631162839585);
  });

  it('dot scoring does not scale; scaled-dot divides by √d_k, d_k = width of the keys', () => {
    const Q = [[1, 2, 3, 4]];
    const K = [[1, 1, 1, 1]];
    const V = [[1]];
    expect(attention(Q, K, V, { score: 'dot', mask: 'none' }).scores).toEqual([[10]]);
    close(attention(Q, K, V, { score: 'scaled-dot', mask: 'none' }).scores[0]?.[0] ?? NaN, 5); // 10 / √4
  });

  it('rows of weights sum to 1', () => {
    const Q = [[0.3, -1.2], [2, 0.5], [-1, -1]];
    const K = [[1, 0], [0.5, 0.5], [-2, 1], [0, 3]];
    const V = K.map((k) => [k[0] ?? 0]);
    for (const score of ['dot', 'scaled-dot'] as const) {
      for (const row of attention(Q, K, V, { score, mask: 'none' }).weights) {
        close(row.reduce((a, b) => a + b, 0), 1, 1e-12);
      }
    }
  });

  it('the causal mask gives exactly 0 to future keys, and the rest still sum to 1', () => {
    const X = [[1, 0], [0, 1], [1, 1]];
    const result = attention(X, X, X, { score: 'scaled-dot', mask: 'causal' });
    expect(result.masked).toEqual(causalMask(3, 3));
    expect(result.weights[0]).toEqual([1, 0, 0]);
    expect(result.weights[1]?.[2]).toBe(0);
    result.weights.forEach((row) => close(row.reduce((a, b) => a + b, 0), 1, 1e-12));
    // Scores are reported before masking.
    close(result.scores[0]?.[2] ?? NaN, 1 / Math.sqrt(2));
    // Row 2 only sees keys 1 and 2: softmax over [0, 1/√2].
    const e = Math.exp(1 / Math.sqrt(2));
    close(result.weights[1]?.[0] ?? NaN, 1 / (1 + e));
    close(result.weights[1]?.[1] ?? NaN, e / (1 + e));
  });

  it('additive scoring is vᵀ tanh(W_q q + W_k k)', () => {
    const params = { Wq: [[1, 0], [0, 1]], Wk: [[0.5, 0], [0, -1]], v: [2, 1] };
    // W_q q + W_k k = [1 + 0.5, 2 − 3] = [1.5, −1]; score = 2 tanh(1.5) + tanh(−1)
    close(additiveScore([1, 2], [1, 3], params), 2 * Math.tanh(1.5) + Math.tanh(-1));
    const result = attention([[1, 2]], [[1, 3], [0, 0]], [[1], [0]], { score: 'additive', mask: 'none', params });
    close(result.scores[0]?.[0] ?? NaN, 2 * Math.tanh(1.5) + Math.tanh(-1));
    close(result.scores[0]?.[1] ?? NaN, 2 * Math.tanh(1) + Math.tanh(2));
  });

  it('refuses V with a different number of rows than K, and additive without params', () => {
    expect(() => attention([[1]], [[1], [2]], [[1]], { score: 'dot', mask: 'none' })).toThrow(RangeError);
    expect(() => attention([[1]], [[1]], [[1]], { score: 'additive', mask: 'none' })).toThrow(RangeError);
  });
});
