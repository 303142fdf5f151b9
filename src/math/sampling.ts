import { softmax } from './softmax.js';
import type { Rng } from './random.js';

/**
 * Sampling the next token from a softmax distribution: the decoding step of a language model.
 * All randomness comes from the rng argument, so a seed fixes every draw.
 */

/** Cumulative probabilities c_k = p_1 + … + p_k, the discrete CDF; c_n ≈ 1 up to rounding. */
export function cumulative(probabilities: readonly number[]): number[] {
  let total = 0;
  return probabilities.map((p) => (total += p));
}

/**
 * Inverse-CDF (inverse transform) sampling: for u uniform in [0, 1), the index
 * k = min { k : u < c_k } comes up with probability c_k − c_{k−1} = p_k, because token k owns the
 * slice [c_{k−1}, c_k) of [0, 1). A token with p_k = 0 owns an empty slice and never comes up.
 * Rounding can leave c_n a hair below 1; a u past it goes to the last token with p_k > 0.
 * (Devroye 1986, "Non-Uniform Random Variate Generation", ch. III.2.)
 *
 * @param cdf cumulative probabilities, non-decreasing, from `cumulative`
 * @param u a number in [0, 1)
 * @returns the 0-based index k
 */
export function inverseCdf(cdf: readonly number[], u: number): number {
  if (cdf.length === 0) throw new RangeError('inverseCdf: no probabilities');
  for (let k = 0; k < cdf.length; k++) if (u < (cdf[k] ?? 0)) return k;
  for (let k = cdf.length - 1; k > 0; k--) if ((cdf[k] ?? 0) > (cdf[k - 1] ?? 0)) return k;
  return 0;
}

/** One draw: the uniform number u and the index it picked. */
export interface Draw {
  u: number;
  index: number;
}

/** n independent draws from a categorical distribution, each by inverseCdf on one rng() value. */
export function sampleCategorical(probabilities: readonly number[], n: number, rng: Rng): Draw[] {
  const cdf = cumulative(probabilities);
  return Array.from({ length: n }, () => {
    const u = rng();
    return { u, index: inverseCdf(cdf, u) };
  });
}

/** counts_k = how many draws picked index k, for k = 0 … size − 1. */
export function countDraws(draws: readonly Draw[], size: number): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const { index } of draws) counts[index] = (counts[index] ?? 0) + 1;
  return counts;
}

/** Everything about sampling n tokens at temperature T. */
export interface TemperatureSample {
  /** p = softmax(z / T) */
  probabilities: number[];
  /** c_k = p_1 + … + p_k */
  cumulative: number[];
  draws: Draw[];
  counts: number[];
  /** counts_k / n, which approach p_k as n grows (law of large numbers) */
  frequencies: number[];
}

/**
 * Temperature sampling: p = softmax(z / T), then n draws by inverse CDF. As T → 0 all probability
 * goes to the largest score (greedy, argmax decoding); as T → ∞, p → 1/n each (uniform).
 * (Temperature: Ackley, Hinton & Sejnowski 1985; in decoding: Holtzman et al. 2020,
 * "The Curious Case of Neural Text Degeneration".)
 *
 * @param scores the logits z (at least one)
 * @param temperature T > 0
 * @param n how many tokens to draw (≥ 1)
 * @param rng uniform numbers in [0, 1)
 */
export function temperatureSample(scores: readonly number[], temperature: number, n: number, rng: Rng): TemperatureSample {
  const probabilities = softmax(scores, temperature);
  const draws = sampleCategorical(probabilities, n, rng);
  const counts = countDraws(draws, probabilities.length);
  return {
    probabilities,
    cumulative: cumulative(probabilities),
    draws,
    counts,
    frequencies: counts.map((count) => count / n),
  };
}
