import { max, sum } from './matrix.js';

/**
 * Softmax with temperature: p_i = exp(z_i / T) / Σ_j exp(z_j / T).
 *
 * Subtracting m = max_j z_j / T before exponentiating leaves the result unchanged (the factor
 * exp(−m) cancels between numerator and denominator) and keeps every exponent ≤ 0, so scores such as
 * 1000, 1001, 1002 do not overflow. T > 0: T < 1 sharpens the distribution, T > 1 flattens it.
 * (Bridle 1990; temperature as in Hinton et al. 2015, "Distilling the Knowledge in a Neural Network", eq. 1.)
 *
 * @param scores the logits z (at least one)
 * @param temperature T, a positive finite number (default 1)
 * @returns probabilities that are ≥ 0 and sum to 1
 */
export function softmax(scores: readonly number[], temperature = 1): number[] {
  if (scores.length === 0) throw new RangeError('softmax: no scores');
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`softmax: temperature must be a positive number, got ${temperature}`);
  }
  return softmaxSteps(scores, temperature).probabilities;
}

/** The intermediate quantities of a stable softmax, for showing the working. */
export interface SoftmaxSteps {
  /** z_i / T */
  scaled: number[];
  /** max_j z_j / T, subtracted for stability */
  shift: number;
  /** (z_i − max_j z_j) / T = z_i / T − shift, all ≤ 0 */
  exponents: number[];
  /** exp(z_i / T − shift) */
  exponentials: number[];
  /** Σ_j exp(z_j / T − shift) */
  total: number;
  probabilities: number[];
}

/**
 * Softmax, keeping each step (scale by 1/T, subtract the max, exponentiate, sum, divide).
 *
 * The exponents are computed as (z_i − max_j z_j) / T, which equals z_i/T − max_j z_j/T for T > 0
 * but never forms z/T itself: scores such as 1e308 at T = 0.5 would overflow to ∞ there, while the
 * differences stay finite (or −∞, whose exp is exactly 0). So the probabilities are finite for any
 * finite scores; only `scaled` and `shift` can overflow, and callers that show them check.
 */
export function softmaxSteps(scores: readonly number[], temperature = 1): SoftmaxSteps {
  const scaled = scores.map((score) => score / temperature);
  const largest = max(scores);
  const shift = largest / temperature;
  const exponents = scores.map((score) => (score - largest) / temperature);
  const exponentials = exponents.map((value) => Math.exp(value));
  const total = sum(exponentials);
  return { scaled, shift, exponents, exponentials, total, probabilities: exponentials.map((value) => value / total) };
}
