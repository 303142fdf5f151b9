import { describe, expect, it } from 'vitest';
import { embedByProduct, lookup, oneHot, randomEmbedding } from '../../src/math/embedding.js';
import { createRng } from '../../src/math/random.js';
import { cosine } from '../../src/math/similarity.js';

const E = [
  [0.9, 0.3, 0.1],
  [0.9, -0.3, 0.1],
  [-0.7, 0, 2.5],
  [0, 0, 1],
];

describe('one-hot vectors and embedding lookups', () => {
  it('one_hot(i) has a single 1 at position i', () => {
    expect(oneHot(0, 4)).toEqual([1, 0, 0, 0]);
    expect(oneHot(2, 5)).toEqual([0, 0, 1, 0, 0]);
    expect(() => oneHot(4, 4)).toThrow(RangeError);
    expect(() => oneHot(-1, 4)).toThrow(RangeError);
  });

  it('one_hot(i)ᵀ · E equals row i of E exactly: a lookup', () => {
    E.forEach((row, i) => {
      expect(embedByProduct(oneHot(i, E.length), E)).toEqual(row);
      expect(lookup(E, i)).toEqual(row);
    });
    const random = randomEmbedding(createRng(9), 12, 8);
    random.forEach((row, i) => expect(embedByProduct(oneHot(i, 12), random)).toEqual(row));
  });

  it('two different one-hot vectors have cosine exactly 0; a one-hot with itself 1', () => {
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) expect(cosine(oneHot(i, 6), oneHot(j, 6))).toBe(i === j ? 1 : 0);
    }
  });

  it('embedding rows can be alike: cos(E₀, E₁) = 0.73 / 0.91', () => {
    // (0.81 − 0.09 + 0.01) / (0.81 + 0.09 + 0.01), by hand
    expect(Math.abs(cosine(lookup(E, 0), lookup(E, 1)) - 0.73 / 0.91)).toBeLessThan(1e-12);
  });

  it('randomEmbedding: |V| × d numbers in [−1, 1] with one decimal, no zero rows, fixed by the seed', () => {
    const matrix = randomEmbedding(createRng(1), 16, 1);
    expect(matrix).toHaveLength(16);
    for (const row of matrix) {
      expect(row).toHaveLength(1);
      expect(row.some((value) => value !== 0)).toBe(true);
      for (const value of row) {
        expect(Math.abs(value)).toBeLessThanOrEqual(1);
        expect(Math.round(value * 10) / 10).toBe(value);
      }
    }
    expect(randomEmbedding(createRng(4), 5, 3)).toEqual(randomEmbedding(createRng(4), 5, 3));
    expect(randomEmbedding(createRng(4), 5, 3)).not.toEqual(randomEmbedding(createRng(5), 5, 3));
  });
});
