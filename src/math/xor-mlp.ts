import { dot, matvec, add } from './matrix.js';
import { sigmoid } from './activations.js';
import { glorotMatrix, type Rng } from './random.js';

/**
 * A 2-H-1 network: h = σ(W1 x + b1), ŷ = σ(w2 · h + b2).
 * W1 is H × 2, b1 and w2 have length H, b2 is a number.
 */
export interface MlpParams {
  W1: number[][];
  b1: number[];
  w2: number[];
  b2: number;
}

/** The four XOR examples in the order (0,0), (0,1), (1,0), (1,1). */
export const XOR_INPUTS: readonly number[][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_TARGETS: readonly number[] = [0, 1, 1, 0];

/** Glorot-uniform weights, zero biases. */
export function initMlp(rng: Rng, hiddenSize: number): MlpParams {
  const W1 = glorotMatrix(rng, hiddenSize, 2);
  const w2 = glorotMatrix(rng, 1, hiddenSize)[0] ?? [];
  return { W1, b1: new Array<number>(hiddenSize).fill(0), w2, b2: 0 };
}

export interface MlpForward {
  /** hidden activations h = σ(W1 x + b1) */
  hidden: number[];
  /** output ŷ = σ(w2 · h + b2) */
  output: number;
}

/** The forward pass for one input. */
export function mlpForward(p: MlpParams, x: readonly number[]): MlpForward {
  const hidden = add(matvec(p.W1, x), p.b1).map(sigmoid);
  return { hidden, output: sigmoid(dot(p.w2, hidden) + p.b2) };
}

/** Mean squared error over the batch: L = (1/N) Σ_n (ŷ_n − y_n)². */
export function meanSquaredError(predictions: readonly number[], targets: readonly number[]): number {
  let total = 0;
  predictions.forEach((prediction, n) => {
    const diff = prediction - (targets[n] ?? 0);
    total += diff * diff;
  });
  return total / predictions.length;
}

/** ∂L/∂θ for every parameter, same shapes as MlpParams. */
export type MlpGradients = MlpParams;

/**
 * Backpropagation for the whole batch (Rumelhart, Hinton & Williams 1986), one chain-rule line each:
 *   ∂L/∂ŷ_n  = (2/N)(ŷ_n − y_n)
 *   δ2_n     = ∂L/∂ŷ_n · ŷ_n(1 − ŷ_n)                (σ' = σ(1 − σ))
 *   ∂L/∂w2  += δ2_n h_n,        ∂L/∂b2 += δ2_n
 *   δ1_n     = δ2_n w2 ⊙ h_n ⊙ (1 − h_n)
 *   ∂L/∂W1  += δ1_n x_nᵀ,       ∂L/∂b1 += δ1_n
 */
export function mlpGradients(p: MlpParams, inputs: readonly number[][], targets: readonly number[]): MlpGradients {
  const hiddenSize = p.b1.length;
  const grads: MlpGradients = {
    W1: p.W1.map((weights) => weights.map(() => 0)),
    b1: new Array<number>(hiddenSize).fill(0),
    w2: new Array<number>(hiddenSize).fill(0),
    b2: 0,
  };
  inputs.forEach((x, n) => {
    const { hidden, output } = mlpForward(p, x);
    const dOutput = (2 / inputs.length) * (output - (targets[n] ?? 0));
    const delta2 = dOutput * output * (1 - output);
    grads.b2 += delta2;
    hidden.forEach((h, k) => {
      grads.w2[k] = (grads.w2[k] ?? 0) + delta2 * h;
      const delta1 = delta2 * (p.w2[k] ?? 0) * h * (1 - h);
      grads.b1[k] = (grads.b1[k] ?? 0) + delta1;
      const gradRow = grads.W1[k] ?? [];
      x.forEach((xi, j) => {
        gradRow[j] = (gradRow[j] ?? 0) + delta1 * xi;
      });
    });
  });
  return grads;
}

/** θ ← θ − η ∂L/∂θ for every parameter. */
export function mlpUpdate(p: MlpParams, g: MlpGradients, learningRate: number): MlpParams {
  const step = (value: number, grad: number): number => value - learningRate * grad;
  return {
    W1: p.W1.map((weights, k) => weights.map((w, j) => step(w, g.W1[k]?.[j] ?? 0))),
    b1: p.b1.map((b, k) => step(b, g.b1[k] ?? 0)),
    w2: p.w2.map((w, k) => step(w, g.w2[k] ?? 0)),
    b2: step(p.b2, g.b2),
  };
}

export interface MlpTraining {
  initial: MlpParams;
  final: MlpParams;
  /** loss[e] is the loss measured at the start of epoch e + 1, before its update */
  loss: number[];
  /** the loss of the final parameters */
  finalLoss: number;
  /** the final network's outputs for (0,0), (0,1), (1,0), (1,1) */
  predictions: number[];
}

/** Full-batch gradient descent on XOR for a number of epochs. */
export function trainXor(initial: MlpParams, epochs: number, learningRate: number): MlpTraining {
  const inputs = XOR_INPUTS;
  const targets = XOR_TARGETS;
  const predict = (p: MlpParams): number[] => inputs.map((x) => mlpForward(p, x).output);
  const loss: number[] = [];
  let params = initial;
  for (let epoch = 0; epoch < epochs; epoch++) {
    loss.push(meanSquaredError(predict(params), targets));
    params = mlpUpdate(params, mlpGradients(params, inputs, targets), learningRate);
  }
  const predictions = predict(params);
  return { initial, final: params, loss, finalLoss: meanSquaredError(predictions, targets), predictions };
}
