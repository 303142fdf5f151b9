import { describe, expect, it } from 'vitest';
import { cosine, norm } from '../../src/math/similarity.js';

describe('norm and cosine', () => {
  it('norm is the Euclidean length', () => {
    expect(norm([3, 4])).toBe(5);
    expect(Math.abs(norm([4, 3, 5]) - Math.sqrt(50))).toBeLessThan(1e-12);
  });

  it('cosine = a·b / (‖a‖‖b‖)', () => {
    // 24 / (5 √50), computed in Python
    expect(Math.abs(cosine([3, 4, 0], [4, 3, 5]) - 0.6788225099390855)).toBeLessThan(1e-9);
    expect(Math.abs(cosine([1, 2], [2, 4]) - 1)).toBeLessThan(1e-12);
    expect(cosine([1, 0], [-3, 0])).toBe(-1);
    expect(cosine([1, 0], [0, 5])).toBe(0);
  });

  it('ignores length and is undefined for the zero vector', () => {
    expect(Math.abs(cosine([1, 2, 3], [7, -1, 2]) - cosine([10, 20, 30], [0.7, -0.1, 0.2]))).toBeLessThan(1e-12);
    expect(cosine([0, 0], [1, 1])).toBeNaN();
  });
});
