import { dot } from './matrix.js';

/** Number of valid positions: ⌊(n − k) / s⌋ + 1, or 0 when the kernel is longer than the signal. */
export function conv1dOutputLength(signalLength: number, kernelLength: number, stride: number): number {
  if (kernelLength > signalLength) return 0;
  return Math.floor((signalLength - kernelLength) / stride) + 1;
}

/** The window of the signal that output i looks at: signal[i·s … i·s + k − 1]. */
export function conv1dWindow(signal: readonly number[], kernelLength: number, stride: number, index: number): number[] {
  const start = index * stride;
  return signal.slice(start, start + kernelLength);
}

/**
 * "Valid" 1-D convolution as deep-learning libraries compute it (strictly, cross-correlation: the
 * kernel is not flipped): output[i] = Σ_j signal[i·s + j] · kernel[j]  (Goodfellow et al. 2016, eq. 9.6).
 */
export function conv1d(signal: readonly number[], kernel: readonly number[], stride = 1): number[] {
  if (!Number.isInteger(stride) || stride < 1) throw new RangeError(`conv1d: stride must be a positive integer, got ${stride}`);
  const length = conv1dOutputLength(signal.length, kernel.length, stride);
  return Array.from({ length }, (_, i) => dot(conv1dWindow(signal, kernel.length, stride, i), kernel));
}
