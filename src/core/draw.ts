/**
 * Drawing small numbers for generated questions and worked exercises, and writing them out for a
 * prompt or a worked solution. Numbers are kept small (integers, or one decimal) so the working
 * fits on paper. Shared by src/core/generators.ts and the steps generators.
 */
import { at } from '../math/matrix.js';
import type { Rng } from '../math/random.js';

// The seeded source and the checked index the demos' math already has.
export type { Rng };
export { at };

/** A whole number drawn uniformly from [low, high]. */
export function drawInt(rng: Rng, low: number, high: number): number {
  return low + Math.min(high - low, Math.floor(rng() * (high - low + 1)));
}

/** A number with one decimal drawn uniformly from [low, high] (in steps of 0.1). */
export function drawTenths(rng: Rng, low: number, high: number): number {
  const value = drawInt(rng, Math.round(low * 10), Math.round(high * 10)) / 10;
  return value === 0 ? 0 : value;
}

export function drawVector(rng: Rng, length: number, low: number, high: number): number[] {
  return Array.from({ length }, () => drawInt(rng, low, high));
}

/** Draws until the vector is not all zeros (cosine is undefined for a zero vector). */
export function drawNonZeroVector(rng: Rng, length: number, low: number, high: number): number[] {
  for (let attempt = 0; attempt < 100; attempt++) {
    const vector = drawVector(rng, length, low, high);
    if (vector.some((value) => value !== 0)) return vector;
  }
  // Reached only with a degenerate rng (always 0.5 on a symmetric range, say): stay well-defined.
  return Array.from({ length }, (_, i) => (i === 0 ? 1 : 0));
}

/** For explanations: at most 4 decimals, no trailing zeros, no "-0". */
export function num(value: number): string {
  const rounded = Number(value.toFixed(4));
  return String(rounded === 0 ? 0 : rounded);
}

/** A factor in a written-out product: negatives in parentheses, "2·(−1)". */
export function factor(value: number): string {
  return value < 0 ? `(${num(value)})` : num(value);
}

/** A dot product written out, term by term: "0.5·2 + (−1)·0.3". */
export function products(a: readonly number[], b: readonly number[]): string {
  return a.map((value, index) => `${factor(value)}·${factor(at(b, index))}`).join(' + ');
}

export function vec(values: readonly number[]): string {
  return `[${values.map(num).join(', ')}]`;
}

/** Signed term for a sum written out: "+ 0.3" or "− 0.3". */
export function signed(value: number): string {
  return value < 0 ? `− ${num(-value)}` : `+ ${num(value)}`;
}

