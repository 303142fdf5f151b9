import { dot } from './matrix.js';

/** A labelled example with a 0/1 target. */
export interface Example {
  x: number[];
  y: number;
}

/** The four rows of a two-input truth table, always in the order (0,0), (0,1), (1,0), (1,1). */
export const TRUTH_TABLE_INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

export type BooleanFunction = 'and' | 'or' | 'xor';

/** The truth table of AND, OR or XOR as examples in the fixed order above. */
export function truthTable(fn: BooleanFunction): Example[] {
  const label = (a: number, b: number): number => {
    switch (fn) {
      case 'and':
        return a & b;
      case 'or':
        return a | b;
      case 'xor':
        return a ^ b;
    }
  };
  return TRUTH_TABLE_INPUTS.map(([a, b]) => ({ x: [a, b], y: label(a, b) }));
}

/** The perceptron's threshold: 1 if the sum a = w·x + b is above 0, else 0 (a = 0 gives 0). */
export function threshold(activation: number): number {
  return activation > 0 ? 1 : 0;
}

/** ŷ = 1 if w·x + b > 0, else 0 (Rosenblatt 1958). */
export function perceptronPredict(weights: readonly number[], bias: number, x: readonly number[]): number {
  return threshold(dot(weights, x) + bias);
}

/**
 * One step of the perceptron rule on one example: ŷ = step(w·x + b), then w ← w + η (y − ŷ) x and
 * b ← b + η (y − ŷ) (Rosenblatt 1958). A right prediction (y = ŷ) leaves w and b as they were.
 */
export function perceptronUpdate(
  weights: readonly number[],
  bias: number,
  x: readonly number[],
  y: number,
  learningRate: number,
): { weights: number[]; bias: number } {
  const error = y - perceptronPredict(weights, bias, x);
  return { weights: weights.map((w, k) => w + learningRate * error * (x[k] ?? 0)), bias: bias + learningRate * error };
}

/** One visit of one example during training. */
export interface PerceptronVisit {
  epoch: number;
  x: number[];
  y: number;
  /** w·x + b before the update */
  activation: number;
  prediction: number;
  /** weights and bias after the update (unchanged when the prediction was right) */
  weights: number[];
  bias: number;
}

export interface PerceptronTraining {
  weights: number[];
  bias: number;
  /** Misclassified examples in each epoch that ran. */
  errors: number[];
  /** True when some epoch had no errors (training stops after it). */
  converged: boolean;
  visits: PerceptronVisit[];
}

/**
 * The perceptron learning rule: start from w = 0, b = 0; visit the examples in order; on each,
 * w ← w + η (y − ŷ) x and b ← b + η (y − ŷ). Stops after the first epoch with no errors.
 * The convergence theorem (Novikoff 1962) promises that epoch exists only if the data are linearly
 * separable, which AND and OR are and XOR is not (Minsky & Papert 1969).
 */
export function trainPerceptron(examples: readonly Example[], epochs: number, learningRate: number): PerceptronTraining {
  const inputSize = examples[0]?.x.length ?? 0;
  let weights = new Array<number>(inputSize).fill(0);
  let bias = 0;
  const errors: number[] = [];
  const visits: PerceptronVisit[] = [];
  let converged = false;
  for (let epoch = 1; epoch <= epochs && !converged; epoch++) {
    let mistakes = 0;
    for (const { x, y } of examples) {
      const activation = dot(weights, x) + bias;
      const prediction = threshold(activation);
      if (y !== prediction) {
        mistakes++;
        ({ weights, bias } = perceptronUpdate(weights, bias, x, y, learningRate));
      }
      visits.push({ epoch, x: [...x], y, activation, prediction, weights: [...weights], bias });
    }
    errors.push(mistakes);
    converged = mistakes === 0;
  }
  return { weights, bias, errors, converged, visits };
}
