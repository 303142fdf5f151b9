import { add, matvec } from './matrix.js';

/** One step of an Elman RNN and the pieces that make it up. */
export interface RnnStepDetail {
  /** W_x · x_t */
  inputPart: number[];
  /** W_h · h_(t−1) */
  recurrentPart: number[];
  /** a_t = W_x x_t + W_h h_(t−1) + b, the pre-activation */
  preActivation: number[];
  /** h_t = tanh(a_t) */
  hidden: number[];
}

/**
 * h_t = tanh(W_x x_t + W_h h_(t−1) + b)  (Elman 1990).
 * W_x is d_h × d_in, W_h is d_h × d_h, b and h have length d_h.
 */
export function rnnStep(
  x: readonly number[],
  hPrev: readonly number[],
  Wx: readonly number[][],
  Wh: readonly number[][],
  b: readonly number[],
): number[] {
  return rnnStepDetail(x, hPrev, Wx, Wh, b).hidden;
}

/** rnnStep, keeping the intermediate vectors for the step-by-step display. */
export function rnnStepDetail(
  x: readonly number[],
  hPrev: readonly number[],
  Wx: readonly number[][],
  Wh: readonly number[][],
  b: readonly number[],
): RnnStepDetail {
  const inputPart = matvec(Wx, x);
  const recurrentPart = matvec(Wh, hPrev);
  const preActivation = add(add(inputPart, recurrentPart), b);
  return { inputPart, recurrentPart, preActivation, hidden: preActivation.map((a) => Math.tanh(a)) };
}

/**
 * Runs rnnStep over inputs (one row per time step) from h0, returning h_1 … h_T, one row per step.
 */
export function rnnForward(
  inputs: readonly number[][],
  Wx: readonly number[][],
  Wh: readonly number[][],
  b: readonly number[],
  h0: readonly number[],
): number[][] {
  return rnnForwardDetail(inputs, Wx, Wh, b, h0).map((step) => step.hidden);
}

/** rnnForward with every step's intermediate vectors. */
export function rnnForwardDetail(
  inputs: readonly number[][],
  Wx: readonly number[][],
  Wh: readonly number[][],
  b: readonly number[],
  h0: readonly number[],
): RnnStepDetail[] {
  const steps: RnnStepDetail[] = [];
  let hidden: readonly number[] = h0;
  for (const x of inputs) {
    const step = rnnStepDetail(x, hidden, Wx, Wh, b);
    steps.push(step);
    hidden = step.hidden;
  }
  return steps;
}
