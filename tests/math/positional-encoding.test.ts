import { describe, expect, it } from 'vitest';
import { pairFrequency, positionalEncoding } from '../../src/math/positional-encoding.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

describe('positional encoding (Vaswani et al. 2017, §3.5)', () => {
  it('matches the formula worked by hand for d_model = 8', () => {
    // Frequencies 1, 0.1, 0.01, 0.001 for the pairs (0,1), (2,3), (4,5), (6,7).
    [1, 0.1, 0.01, 0.001].forEach((frequency, i) => close(pairFrequency(i, 8), frequency, 1e-15));
    const pe = positionalEncoding(3, 8);
    expect(pe[0]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    close(pe[1]?.[0] ?? NaN, 0.8414709848078965); // sin 1
    close(pe[1]?.[1] ?? NaN, 0.5403023058681398); // cos 1
    close(pe[2]?.[2] ?? NaN, 0.19866933079506122); // sin 0.2
    close(pe[2]?.[3] ?? NaN, 0.9800665778412416); // cos 0.2
  });

  it('PE(p)·PE(q) depends only on p − q', () => {
    const pe = positionalEncoding(12, 16);
    const dotOf = (a: number, b: number): number => (pe[a] ?? []).reduce((sum, value, i) => sum + value * (pe[b]?.[i] ?? NaN), 0);
    close(dotOf(0, 3), dotOf(5, 8));
    close(dotOf(2, 9), dotOf(4, 11));
    close(dotOf(7, 7), 8); // Σ sin² + cos² = d_model / 2
  });
});
