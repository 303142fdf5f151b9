import { dot } from './matrix.js';

/** Euclidean norm ‖a‖ = √(Σ_i a_i²). */
export function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Cosine similarity cos θ = (a·b) / (‖a‖ ‖b‖), in [−1, 1]: the angle between two vectors,
 * ignoring their lengths. Undefined (NaN) when either vector is zero; callers reject zero vectors.
 */
export function cosine(a: readonly number[], b: readonly number[]): number {
  const denominator = norm(a) * norm(b);
  if (denominator === 0) return Number.NaN;
  // Rounding can push |cos| a hair past 1 for parallel vectors; clamp to the true range.
  return Math.min(1, Math.max(-1, dot(a, b) / denominator));
}
