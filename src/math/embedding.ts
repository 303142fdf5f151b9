import { matmul, row } from './matrix.js';
import { roundTo, uniform, type Rng } from './random.js';

/**
 * One-hot vectors and embedding lookups. A vocabulary V of |V| words; word w has index i(w).
 * An embedding matrix E is |V| × d, one row per word.
 */

/** one_hot(i)_j = 1 if j = i, else 0: a vector of length |V| with a single 1. */
export function oneHot(index: number, size: number): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`oneHot: index ${index} out of range (${size})`);
  }
  return Array.from({ length: size }, (_, j) => (j === index ? 1 : 0));
}

/**
 * e = one_hot(i)ᵀ · E, i.e. e_j = Σ_k one_hot(i)_k E_kj = E_ij: multiplying a one-hot vector by E
 * picks out row i. Computed here as a real matrix product, to compare with `lookup`.
 */
export function embedByProduct(oneHotVector: readonly number[], E: readonly (readonly number[])[]): number[] {
  return matmul([oneHotVector], E)[0] ?? [];
}

/** e = E[i]: the same vector as one_hot(i)ᵀ · E without the |V| × d multiplications (what nn.Embedding does). */
export function lookup(E: readonly (readonly number[])[], index: number): number[] {
  return row(E, index);
}

/**
 * A |V| × d matrix of uniform draws from [−1, 1], rounded to one decimal so the board stays readable:
 * an untrained embedding. A row that rounds to all zeros is drawn again (it would have no direction,
 * so no cosine).
 */
export function randomEmbedding(rng: Rng, vocabularySize: number, dimension: number): number[][] {
  return Array.from({ length: vocabularySize }, () => {
    for (;;) {
      const values = Array.from({ length: dimension }, () => roundTo(uniform(rng, -1, 1), 1));
      if (values.some((value) => value !== 0)) return values;
    }
  });
}
