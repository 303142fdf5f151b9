/**
 * Activation functions with their derivatives beside them (as in micrograd's engine).
 * Derivatives are with respect to the input x.
 */

/** σ(x) = 1 / (1 + e^(−x)); range (0, 1). Written to avoid exp overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)(1 − σ(x)); at most 0.25, reached at x = 0. */
export function dSigmoid(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)); range (−1, 1). */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/** tanh'(x) = 1 − tanh²(x); at most 1, reached at x = 0. */
export function dTanh(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

/** ReLU(x) = max(0, x) (Nair & Hinton 2010). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU'(x) = 1 for x > 0, else 0 (the value at x = 0 is a convention; we use 0). */
export function dRelu(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Applies a scalar function to every entry of a vector. */
export function mapVector(values: readonly number[], fn: (x: number) => number): number[] {
  return values.map((value) => fn(value));
}
