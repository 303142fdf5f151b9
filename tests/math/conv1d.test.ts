import { describe, expect, it } from 'vitest';
import { conv1d, conv1dOutputLength } from '../../src/math/conv1d.js';

describe('conv1d (valid, no flip)', () => {
  it('slides the kernel: output[i] = Σ_j signal[i·s + j]·kernel[j]', () => {
    expect(conv1d([0, 0, 1, 1, 1, 0, 0, 0], [1, 0, -1])).toEqual([-1, -1, 0, 1, 1, 0]);
    expect(conv1d([1, 2, 3, 4, 5, 6], [0.5, 0.5], 2)).toEqual([1.5, 3.5, 5.5]);
    // Not flipped: an asymmetric kernel shows it. [1,2,3]·[1,10] = 1 + 20, 2 + 30
    expect(conv1d([1, 2, 3], [1, 10])).toEqual([21, 32]);
  });

  it('output length is ⌊(n − k)/s⌋ + 1', () => {
    expect(conv1dOutputLength(8, 3, 1)).toBe(6);
    expect(conv1dOutputLength(7, 3, 2)).toBe(3);
    expect(conv1dOutputLength(6, 3, 2)).toBe(2);
    expect(conv1dOutputLength(2, 3, 1)).toBe(0);
    expect(conv1d([1, 2, 3, 4, 5, 6, 7], [1, 1, 1], 2)).toEqual([6, 12, 18]);
  });

  it('refuses a stride below 1', () => {
    expect(() => conv1d([1, 2], [1], 0)).toThrow(RangeError);
  });
});
