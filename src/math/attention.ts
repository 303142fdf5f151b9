import { dot, matvec, add, row, shape } from './matrix.js';
import { softmax } from './softmax.js';

export type ScoreFunction = 'dot' | 'scaled-dot' | 'additive';
export type MaskKind = 'none' | 'causal';

/**
 * Parameters of additive (Bahdanau) scoring: score(q, k) = vᵀ tanh(W_q q + W_k k).
 * W_q is d_a × d_q, W_k is d_a × d_k, v has length d_a.
 */
export interface AdditiveParams {
  Wq: number[][];
  Wk: number[][];
  v: number[];
}

export interface AttentionOptions {
  score: ScoreFunction;
  mask: MaskKind;
  /** Required when score is 'additive'. */
  params?: AdditiveParams;
}

export interface AttentionResult {
  /** Scores after scaling and before masking: scores[i][j] compares query i with key j. */
  scores: number[][];
  /** mask[i][j] is true when query i may not look at key j. */
  masked: boolean[][];
  /** Softmax of each row of scores over the keys that are not masked; masked entries are exactly 0. */
  weights: number[][];
  /** output[i] = Σ_j weights[i][j] · V[j]. */
  output: number[][];
}

/** Dot-product score q·k (Luong et al. 2015, "dot"). */
export function dotScore(q: readonly number[], k: readonly number[]): number {
  return dot(q, k);
}

/** Scaled dot-product score q·k / √d_k (Vaswani et al. 2017, eq. 1). */
export function scaledDotScore(q: readonly number[], k: readonly number[]): number {
  return dot(q, k) / Math.sqrt(k.length);
}

/** Additive score vᵀ tanh(W_q q + W_k k) (Bahdanau et al. 2015, appendix A.1.2). */
export function additiveScore(q: readonly number[], k: readonly number[], params: AdditiveParams): number {
  const hidden = add(matvec(params.Wq, q), matvec(params.Wk, k)).map((value) => Math.tanh(value));
  return dot(params.v, hidden);
}

/** The causal mask: query i may look at keys 0..i only (Vaswani et al. 2017, §3.2.3). */
export function causalMask(queries: number, keys: number): boolean[][] {
  return Array.from({ length: queries }, (_, i) => Array.from({ length: keys }, (_, j) => j > i));
}

function scoreMatrix(Q: readonly number[][], K: readonly number[][], options: AttentionOptions): number[][] {
  const scoreOf = (q: number[], k: number[]): number => {
    switch (options.score) {
      case 'dot':
        return dotScore(q, k);
      case 'scaled-dot':
        return scaledDotScore(q, k);
      case 'additive':
        if (!options.params) throw new RangeError('attention: additive scoring needs params {Wq, Wk, v}');
        return additiveScore(q, k, options.params);
    }
  };
  return Q.map((q) => K.map((k) => scoreOf(q, k)));
}

/** Softmax over the unmasked entries of one row; masked entries get exactly 0. */
function maskedSoftmax(scores: readonly number[], masked: readonly boolean[]): number[] {
  const open = scores.filter((_, j) => !masked[j]);
  if (open.length === 0) return scores.map(() => 0);
  const probabilities = softmax(open);
  let next = 0;
  return scores.map((_, j) => (masked[j] ? 0 : (probabilities[next++] ?? 0)));
}

/**
 * Attention(Q, K, V) = softmax(score(Q, K) + mask) V, row by row.
 *
 * With 'scaled-dot' this is Vaswani et al. 2017, eq. 1: softmax(Q Kᵀ / √d_k) V, where d_k is the
 * width of the keys. Masking sets a score to −∞ before the softmax, which we implement by leaving
 * masked keys out of the softmax so their weight is exactly 0 (not merely tiny).
 *
 * @param Q n_q × d_k queries, one per row
 * @param K n_k × d_k keys, one per row
 * @param V n_k × d_v values, one per row (row j belongs to key j)
 */
export function attention(
  Q: readonly number[][],
  K: readonly number[][],
  V: readonly number[][],
  options: AttentionOptions,
): AttentionResult {
  if (V.length !== K.length) {
    throw new RangeError(`attention: V has ${V.length} rows but K has ${K.length}`);
  }
  const scores = scoreMatrix(Q, K, options);
  const masked =
    options.mask === 'causal' ? causalMask(Q.length, K.length) : Q.map(() => K.map(() => false));
  const weights = scores.map((scoreRow, i) => maskedSoftmax(scoreRow, maskRow(masked, i)));
  const [, valueWidth] = shape(V);
  const output = weights.map((weightRow) => {
    const mixed = new Array<number>(valueWidth).fill(0);
    weightRow.forEach((weight, j) => {
      row(V, j).forEach((value, c) => {
        mixed[c] = (mixed[c] ?? 0) + weight * value;
      });
    });
    return mixed;
  });
  return { scores, masked, weights, output };
}

function maskRow(matrix: readonly boolean[][], index: number): boolean[] {
  return matrix[index] ?? [];
}
