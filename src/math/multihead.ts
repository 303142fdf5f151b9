import { concatColumns, matmul } from './matrix.js';
import { attention, type MaskKind } from './attention.js';
import { glorotMatrix, roundTo, type Rng } from './random.js';

/** One head's projections; each is d_in × d_head and multiplies the inputs on the right (X W). */
export interface HeadParams {
  Wq: number[][];
  Wk: number[][];
  Wv: number[][];
}

export interface MultiHeadParams {
  heads: HeadParams[];
  /** d_model × d_model output projection, applied to the concatenated heads. */
  Wo: number[][];
}

export interface HeadResult extends HeadParams {
  Q: number[][];
  K: number[][];
  V: number[][];
  scores: number[][];
  masked: boolean[][];
  weights: number[][];
  output: number[][];
}

export interface MultiHeadResult {
  heads: HeadResult[];
  /** Concat(head_1, …, head_h): n × d_model */
  concat: number[][];
  /** Concat(…) W_O: n × d_model */
  output: number[][];
}

/**
 * Seeded Glorot weights, rounded to two decimals so the board stays readable.
 * d_head = d_model / heads (the caller checks that it divides).
 */
export function initMultiHead(rng: Rng, inputWidth: number, modelWidth: number, headCount: number): MultiHeadParams {
  const headWidth = modelWidth / headCount;
  const draw = (rows: number, cols: number): number[][] =>
    glorotMatrix(rng, rows, cols).map((values) => values.map((value) => roundTo(value, 2)));
  const heads = Array.from({ length: headCount }, () => ({
    Wq: draw(inputWidth, headWidth),
    Wk: draw(inputWidth, headWidth),
    Wv: draw(inputWidth, headWidth),
  }));
  return { heads, Wo: draw(modelWidth, modelWidth) };
}

/**
 * MultiHead(X) = Concat(head_1, …, head_h) W_O, head_i = Attention(X W_i^Q, X W_i^K, X W_i^V),
 * with scaled dot-product attention inside each head (Vaswani et al. 2017, §3.2.2).
 */
export function multiHeadAttention(X: readonly number[][], params: MultiHeadParams, mask: MaskKind): MultiHeadResult {
  const heads = params.heads.map((head): HeadResult => {
    const Q = matmul(X, head.Wq);
    const K = matmul(X, head.Wk);
    const V = matmul(X, head.Wv);
    const { scores, masked, weights, output } = attention(Q, K, V, { score: 'scaled-dot', mask });
    return { ...head, Q, K, V, scores, masked, weights, output };
  });
  const concat = concatColumns(heads.map((head) => head.output));
  return { heads, concat, output: matmul(concat, params.Wo) };
}
