import { describe, expect, it } from 'vitest';
import { attention } from '../../src/math/attention.js';
import { concatColumns, matmul } from '../../src/math/matrix.js';
import { initMultiHead, multiHeadAttention } from '../../src/math/multihead.js';
import { createRng } from '../../src/math/random.js';

const X = [
  [1, 0, 1, 0],
  [0, 1, 0, 1],
  [1, 1, 0, 0],
];

describe('multi-head attention', () => {
  it('has the shapes of Vaswani et al. §3.2.2', () => {
    const params = initMultiHead(createRng(42), 4, 4, 2);
    expect(params.heads).toHaveLength(2);
    expect(params.heads[0]?.Wq).toHaveLength(4);
    expect(params.heads[0]?.Wq[0]).toHaveLength(2);
    expect(params.Wo).toHaveLength(4);
    const result = multiHeadAttention(X, params, 'none');
    expect(result.concat[0]).toHaveLength(4);
    expect(result.output).toHaveLength(3);
    expect(result.output[0]).toHaveLength(4);
  });

  it('equals attention per head, concatenated, times W_O (computed a second way)', () => {
    const params = initMultiHead(createRng(7), 4, 4, 2);
    const heads = params.heads.map((head) =>
      attention(matmul(X, head.Wq), matmul(X, head.Wk), matmul(X, head.Wv), { score: 'scaled-dot', mask: 'causal' }).output,
    );
    const expected = matmul(concatColumns(heads), params.Wo);
    const result = multiHeadAttention(X, params, 'causal');
    result.output.forEach((row, i) => row.forEach((value, j) => expect(Math.abs(value - (expected[i]?.[j] ?? NaN))).toBeLessThan(1e-12)));
    // Masked weights are exactly 0 in every head.
    for (const head of result.heads) expect(head.weights[0]?.slice(1)).toEqual([0, 0]);
  });

  it('a single head with identity projections is plain scaled-dot attention', () => {
    const identity = [
      [1, 0],
      [0, 1],
    ];
    const inputs = [
      [1, 2],
      [3, -1],
    ];
    const result = multiHeadAttention(inputs, { heads: [{ Wq: identity, Wk: identity, Wv: identity }], Wo: identity }, 'none');
    expect(result.output).toEqual(attention(inputs, inputs, inputs, { score: 'scaled-dot', mask: 'none' }).output);
  });
});
