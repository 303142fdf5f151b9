import { describe, expect, it } from 'vitest';
import { gradientDescent } from '../../src/math/gradient-descent.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

describe('gradient descent on (x − 3)²', () => {
  it('path[0] is the start and each step is x − lr·2(x − 3)', () => {
    const path = gradientDescent(0, 0.1, 3);
    expect(path).toHaveLength(4);
    expect(path[0]).toEqual({ x: 0, loss: 9, grad: -6 });
    close(path[1]?.x ?? NaN, 0.6);
    close(path[2]?.x ?? NaN, 1.08);
    close(path[3]?.x ?? NaN, 1.464);
    close(path[3]?.loss ?? NaN, (1.464 - 3) ** 2);
    close(path[3]?.grad ?? NaN, 2 * (1.464 - 3));
  });

  it('x_n − 3 = (1 − 2lr)^n (x₀ − 3): the closed form, a second way', () => {
    for (const lr of [0.1, 0.4, 0.7, 1.2]) {
      const path = gradientDescent(-2, lr, 10);
      path.forEach((point, n) => close(point.x, 3 + (1 - 2 * lr) ** n * (-2 - 3), 1e-6));
    }
  });

  it('converges for small lr, oscillates for 0.5 < lr < 1, diverges for lr > 1', () => {
    const last = (lr: number): number => gradientDescent(0, lr, 30).at(-1)?.x ?? NaN;
    expect(Math.abs(last(0.1) - 3)).toBeLessThan(0.01);
    const zigzag = gradientDescent(0, 0.9, 4).map((p) => Math.sign(p.x - 3));
    expect(zigzag).toEqual([-1, 1, -1, 1, -1]);
    expect(Math.abs(last(1.1) - 3)).toBeGreaterThan(100);
    expect(gradientDescent(0, 1, 4).map((p) => p.x)).toEqual([0, 6, 0, 6, 0]);
  });
});
