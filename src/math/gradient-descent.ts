/** One point on the descent path. */
export interface DescentPoint {
  x: number;
  /** f(x) = (x − 3)² */
  loss: number;
  /** f'(x) = 2(x − 3) */
  grad: number;
}

/** The minimum of the demo's parabola. */
export const PARABOLA_MINIMUM = 3;

/** f(x) = (x − 3)². */
export function parabola(x: number): number {
  const d = x - PARABOLA_MINIMUM;
  return d * d;
}

/** f'(x) = 2(x − 3). */
export function parabolaGradient(x: number): number {
  return 2 * (x - PARABOLA_MINIMUM);
}

/**
 * Gradient descent on f(x) = (x − 3)²: x_(n+1) = x_n − η f'(x_n) = x_n − η · 2(x_n − 3)
 * (Cauchy 1847). Since x_(n+1) − 3 = (1 − 2η)(x_n − 3), the distance to the minimum shrinks
 * monotonically for 0 < η < 0.5, oscillates while shrinking for 0.5 < η < 1, bounces forever at
 * η = 1 and diverges for η > 1.
 *
 * @returns steps + 1 points; path[0] is the start
 */
export function gradientDescent(start: number, learningRate: number, steps: number): DescentPoint[] {
  const path: DescentPoint[] = [];
  let x = start;
  for (let n = 0; n <= steps; n++) {
    const grad = parabolaGradient(x);
    path.push({ x, loss: parabola(x), grad });
    x -= learningRate * grad;
  }
  return path;
}
