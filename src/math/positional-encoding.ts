/**
 * Sinusoidal positional encoding (Vaswani et al. 2017, §3.5):
 *   PE(pos, 2i)     = sin(pos / 10000^(2i / d_model))
 *   PE(pos, 2i + 1) = cos(pos / 10000^(2i / d_model))
 * Each pair of dimensions is a clock turning at its own speed: fast in the first dimensions,
 * slow in the last, so every position gets a distinct pattern and PE(pos + k) is a rotation of PE(pos).
 */

/** The angular speed of dimension pair i: 1 / 10000^(2i / d_model). */
export function pairFrequency(pairIndex: number, modelWidth: number): number {
  return 1 / 10000 ** ((2 * pairIndex) / modelWidth);
}

/** The encoding of one position, length d_model. */
export function positionalEncodingRow(position: number, modelWidth: number): number[] {
  return Array.from({ length: modelWidth }, (_, dimension) => {
    const angle = position * pairFrequency(Math.floor(dimension / 2), modelWidth);
    return dimension % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  });
}

/** The encodings of positions 0 … positions − 1, one row each. */
export function positionalEncoding(positions: number, modelWidth: number): number[][] {
  return Array.from({ length: positions }, (_, position) => positionalEncodingRow(position, modelWidth));
}
