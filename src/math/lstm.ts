import { add, hadamard, matvec } from './matrix.js';
import { sigmoid } from './activations.js';

/**
 * LSTM weights for one layer. Each gate g ∈ {f, i, o, g} has W_g (d_h × d_in, applied to x_t),
 * U_g (d_h × d_h, applied to h_(t−1)) and a bias b_g (length d_h).
 */
export interface LstmParams {
  Wf: number[][]; Uf: number[][]; bf: number[];
  Wi: number[][]; Ui: number[][]; bi: number[];
  Wo: number[][]; Uo: number[][]; bo: number[];
  Wg: number[][]; Ug: number[][]; bg: number[];
}

/** One LSTM step: the gates, the candidate and the new cell and hidden states. */
export interface LstmStep {
  /** forget gate f_t = σ(W_f x_t + U_f h_(t−1) + b_f): how much of c_(t−1) to keep */
  f: number[];
  /** input gate i_t = σ(W_i x_t + U_i h_(t−1) + b_i): how much of the candidate to write */
  i: number[];
  /** output gate o_t = σ(W_o x_t + U_o h_(t−1) + b_o): how much of the cell to show */
  o: number[];
  /** candidate g_t = tanh(W_g x_t + U_g h_(t−1) + b_g) */
  g: number[];
  /** c_t = f_t ⊙ c_(t−1) + i_t ⊙ g_t */
  c: number[];
  /** h_t = o_t ⊙ tanh(c_t) */
  h: number[];
}

function affine(W: readonly number[][], x: readonly number[], U: readonly number[][], h: readonly number[], b: readonly number[]): number[] {
  return add(add(matvec(W, x), matvec(U, h)), b);
}

/**
 * One LSTM step (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000;
 * notation as in Olah 2015, "Understanding LSTM Networks").
 */
export function lstmStep(x: readonly number[], hPrev: readonly number[], cPrev: readonly number[], p: LstmParams): LstmStep {
  const f = affine(p.Wf, x, p.Uf, hPrev, p.bf).map(sigmoid);
  const i = affine(p.Wi, x, p.Ui, hPrev, p.bi).map(sigmoid);
  const o = affine(p.Wo, x, p.Uo, hPrev, p.bo).map(sigmoid);
  const g = affine(p.Wg, x, p.Ug, hPrev, p.bg).map((a) => Math.tanh(a));
  const c = add(hadamard(f, cPrev), hadamard(i, g));
  const h = hadamard(o, c.map((value) => Math.tanh(value)));
  return { f, i, o, g, c, h };
}

/** Runs lstmStep over inputs (one row per time step) from zero h and c. */
export function lstmForward(inputs: readonly number[][], p: LstmParams): LstmStep[] {
  const hiddenSize = p.bf.length;
  let h: number[] = new Array<number>(hiddenSize).fill(0);
  let c: number[] = new Array<number>(hiddenSize).fill(0);
  return inputs.map((x) => {
    const step = lstmStep(x, h, c, p);
    h = step.h;
    c = step.c;
    return step;
  });
}
