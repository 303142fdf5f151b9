import { describe, expect, it } from 'vitest';
import { createRng, glorotMatrix, normal, roundTo } from '../../src/math/random.js';

describe('seeded randomness', () => {
  // mulberry32 reimplemented in Python with explicit 32-bit masks gives these.
  it('mulberry32 matches an independent implementation', () => {
    const rng = createRng(42);
    const expected = [0.6011037519201636, 0.44829055899754167, 0.8524657934904099];
    expected.forEach((value) => expect(rng()).toBe(value));
    const zero = createRng(0);
    expect(zero()).toBe(0.26642920868471265);
    expect(zero()).toBe(0.0003297457005828619);
  });

  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const value = a();
      expect(value).toBe(b());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('normal draws have mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 20000 }, () => normal(rng));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('glorotMatrix stays within ±√(6/(fan_in + fan_out))', () => {
    const matrix = glorotMatrix(createRng(3), 4, 8);
    expect(matrix).toHaveLength(4);
    const limit = Math.sqrt(6 / 12);
    for (const row of matrix) {
      expect(row).toHaveLength(8);
      for (const value of row) expect(Math.abs(value)).toBeLessThanOrEqual(limit);
    }
  });

  it('roundTo never returns −0', () => {
    expect(roundTo(0.123456, 2)).toBe(0.12);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});
