/**
 * Seeded randomness, so every demo prints the same numbers on every machine. Only integer
 * arithmetic, division and Math.sqrt (correctly rounded by IEEE 754) are used for uniform draws and
 * Glorot matrices; the Box–Muller normal also uses Math.log/cos/sin.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by the odd constant
 * 0x6D2B79F5, then mixed with two xor-shift-multiply rounds. Period 2^32, plenty for demos.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [low, high). */
export function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

/**
 * Standard normal via Box–Muller: z = √(−2 ln u₁) · cos(2π u₂), with u₁ ∈ (0, 1].
 * (Box & Muller 1958.)
 */
export function normal(rng: Rng, mean = 0, deviation = 1): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return mean + deviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A rows × cols matrix drawn uniformly from [−a, a] with a = √(6 / (fan_in + fan_out)), so the
 * variance of activations stays about the same from layer to layer (Glorot & Bengio 2010, eq. 16).
 * Here fan_in = cols (the matrix multiplies a column vector of that length) and fan_out = rows.
 */
export function glorotMatrix(rng: Rng, rows: number, cols: number): number[][] {
  const limit = Math.sqrt(6 / (rows + cols));
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => uniform(rng, -limit, limit)));
}

/** A vector of n uniform draws from [−limit, limit]. */
export function uniformVector(rng: Rng, n: number, limit: number): number[] {
  return Array.from({ length: n }, () => uniform(rng, -limit, limit));
}

/** Rounds to a number of decimals, so seeded demo parameters read cleanly on the board. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded; // no "-0" in the output
}

/** A shuffled copy (Fisher–Yates), drawing from the caller's seeded rng so a seed reproduces it. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const held = result[i] as T;
    result[i] = result[j] as T;
    result[j] = held;
  }
  return result;
}
