import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/math/random.js';
import { countDraws, cumulative, inverseCdf, sampleCategorical, temperatureSample } from '../../src/math/sampling.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

/** An rng that replays fixed numbers, so each draw can be worked by hand. */
function replay(values: number[]): Rng {
  let next = 0;
  return () => values[next++ % values.length] ?? 0;
}

describe('inverse-CDF sampling', () => {
  it('cumulative adds up the probabilities', () => {
    expect(cumulative([0.5, 0.25, 0.25])).toEqual([0.5, 0.75, 1]);
    expect(cumulative([1])).toEqual([1]);
  });

  // Token k owns [c_{k−1}, c_k): the boundaries belong to the slice on their right.
  it.each([
    [[0.5, 0.75, 1], 0, 0],
    [[0.5, 0.75, 1], 0.4999, 0],
    [[0.5, 0.75, 1], 0.5, 1],
    [[0.5, 0.75, 1], 0.75, 2],
    [[0.5, 0.75, 1], 0.9999, 2],
    [[0.5, 0.5, 1], 0.5, 2], // a token with p = 0 never comes up
    [[0.3, 0.6, 0.9999999], 0.99999995, 2], // rounding left c_n below 1
    [[0.6, 0.9999999, 0.9999999], 0.99999995, 1], // … and the last token has p = 0
  ])('cdf %j, u = %s → index %s', (cdf, u, index) => {
    expect(inverseCdf(cdf, u)).toBe(index);
  });

  it('draws one index per rng() value and counts them', () => {
    const draws = sampleCategorical([0.5, 0.25, 0.25], 5, replay([0.1, 0.6, 0.9, 0.5, 0.74]));
    expect(draws).toEqual([
      { u: 0.1, index: 0 },
      { u: 0.6, index: 1 },
      { u: 0.9, index: 2 },
      { u: 0.5, index: 1 },
      { u: 0.74, index: 1 },
    ]);
    expect(countDraws(draws, 3)).toEqual([1, 3, 1]);
    expect(() => inverseCdf([], 0.5)).toThrow(RangeError);
  });
});

describe('temperature sampling', () => {
  // p computed directly, without the max shift: exp(z_i) / Σ exp(z_j).
  const scores = [2, 1, 0.5, -1];
  const exps = scores.map((z) => Math.exp(z));
  const expected = exps.map((e) => e / exps.reduce((a, b) => a + b, 0));

  it('p = softmax(z / T) and its cumulative sums', () => {
    const sample = temperatureSample(scores, 1, 10, createRng(42));
    sample.probabilities.forEach((p, i) => close(p, expected[i] ?? NaN));
    close(sample.probabilities[0] ?? NaN, 0.6094600375988771); // Python: math.exp(2) / sum(...)
    close(sample.cumulative[3] ?? NaN, 1, 1e-12);
    const hot = temperatureSample(scores, 2, 1, createRng(1)).probabilities;
    const halved = scores.map((z) => Math.exp(z / 2));
    hot.forEach((p, i) => close(p, (halved[i] ?? NaN) / halved.reduce((a, b) => a + b, 0)));
  });

  it('the first draw with seed 42 is u = 0.6011… → index 0 (c₁ = 0.6095)', () => {
    const sample = temperatureSample(scores, 1, 3, createRng(42));
    expect(sample.draws[0]).toEqual({ u: 0.6011037519201636, index: 0 });
    expect(sample.draws[1]?.index).toBe(0); // 0.4483 < 0.6095
    expect(sample.draws[2]?.index).toBe(2); // 0.8337 ≤ 0.8525 < 0.9697
  });

  it('counts sum to N and frequencies approach p for N = 100000', () => {
    const n = 100000;
    const sample = temperatureSample(scores, 1, n, createRng(7));
    expect(sample.counts.reduce((a, b) => a + b, 0)).toBe(n);
    sample.frequencies.forEach((f, i) => {
      expect(f).toBe((sample.counts[i] ?? NaN) / n);
      // the standard error is √(p(1 − p)/N) ≤ 0.0016; 0.01 is over 6 of them
      expect(Math.abs(f - (expected[i] ?? NaN))).toBeLessThan(0.01);
    });
  });

  it('is the same for the same seed', () => {
    expect(temperatureSample(scores, 1, 50, createRng(3))).toEqual(temperatureSample(scores, 1, 50, createRng(3)));
  });

  it('T → 0 is greedy (always the argmax); large T is nearly uniform', () => {
    const cold = temperatureSample(scores, 0.001, 1000, createRng(5));
    expect(cold.counts).toEqual([1000, 0, 0, 0]);
    const hot = temperatureSample(scores, 1000, 1, createRng(5)).probabilities;
    hot.forEach((p) => expect(Math.abs(p - 0.25)).toBeLessThan(0.001));
  });
});
