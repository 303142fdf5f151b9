import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatDemo, runDemo } from '../../src/demos/index.js';

/** The board as a learner sees it: coloured output with the ANSI codes stripped, and plain output. */
function board(argv: string[], lang: 'en' | 'zh' = 'en'): string {
  const run = runDemo(argv);
  const coloured = stripVTControlCharacters(formatDemo(run, { lang, color: true, width: 80 }));
  const plain = formatDemo(run, { lang, color: false, width: 80 });
  expect(plain).toBe(coloured);
  return plain;
}

describe('golden output (width 80)', () => {
  it('cosine (default)', () => {
    expect(board(['cosine'])).toBe(
      [
        'Cosine similarity   cos θ = (a·b) / (‖a‖ ‖b‖)',
        '  a = [3, 4, 0]',
        '  b = [4, 3, 5]',
        '',
        '1. a·b = 3×4 + 4×3 + 0×5 = 24',
        '2. ‖a‖ = √(3² + 4² + 0²) = 5',
        '3. ‖b‖ = √(4² + 3² + 5²) = 7.0711',
        '4. cos θ = 24 / (5 × 7.0711) = 0.6788',
        '',
        '  θ ≈ 47.2°: similar direction',
        '  1 = same direction, 0 = perpendicular, −1 = opposite; the lengths do not',
        '  matter.',
      ].join('\n'),
    );
  });

  it('conv1d with stride 2', () => {
    expect(board(['conv1d', '--signal', '1,2,3,4', '--kernel', '1,-1', '--stride', '2'])).toBe(
      [
        '1-D convolution   out[i] = Σⱼ signal[i·s + j] · kernel[j],   s = 2',
        '  signal = [1, 2, 3, 4]',
        '  kernel = [1, −1]',
        '  output length = ⌊(4 − 2) / 2⌋ + 1 = 2',
        '',
        'signal  [ 1   2]  3   4',
        'kernel    1  −1',
        '  out₀ = 1×1 + 2×(−1) = −1',
        '',
        'signal    1   2 [ 3   4]',
        'kernel            1  −1',
        '  out₁ = 3×1 + 4×(−1) = −1',
        '',
        '  output = [−1, −1]',
        '  The same small kernel is reused at every position (weight sharing): it detects',
        '  its pattern wherever it appears.',
      ].join('\n'),
    );
  });

  it('softmax of 1, 2, 3', () => {
    expect(board(['softmax', '--scores', '1,2,3'])).toBe(
      [
        'Softmax   pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T),   T = 1',
        '  z = [1, 2, 3]',
        '',
        '1. Subtract the largest, 3, so no exp overflows (the answer does not change):',
        '   [−2, −1, 0]',
        '',
        '2. Exponentiate:',
        '   exp(−2) = 0.1353',
        '   exp(−1) = 0.3679',
        '   exp(0) = 1',
        '',
        '3. Add them up:',
        '   0.1353 + 0.3679 + 1 = 1.5032',
        '',
        '4. Divide each by the sum:',
        '   p₁ = 0.1353 / 1.5032 = 0.09',
        '   p₂ = 0.3679 / 1.5032 = 0.2447',
        '   p₃ = 1 / 1.5032 = 0.6652',
        '',
        '  z₁ = 1 ███▋                                     0.0900',
        '  z₂ = 2 █████████▊                               0.2447',
        '  z₃ = 3 ██████████████████████████▋              0.6652',
        '  sum of probabilities = 1',
        '',
        'Temperature:',
        '  T = 0.5  [0.016, 0.117, 0.867]',
        '  T = 1    [0.090, 0.245, 0.665] ◀',
        '  T = 2    [0.186, 0.307, 0.506]',
        '  Lower T sharpens toward the largest score; higher T flattens toward uniform',
        '  (1/3 each).',
      ].join('\n'),
    );
  });

  it('attention with a causal mask (plain characters, no colour)', () => {
    const text = formatDemo(runDemo(['attention', '--mask', 'causal']), { lang: 'en', color: false, width: 80 });
    expect(text).toContain(
      [
        '        k₁      k₂      k₃',
        'q₁ █ 1.000       ·       ·',
        'q₂ ░ 0.330 ▓ 0.670       ·',
        'q₃ ░ 0.248 ░ 0.248 ▒ 0.503',
      ].join('\n'),
    );
    expect(text).toContain('  q₁·k₂ = 1×0 + 0×1 = 0   → 0 / √2 = 0   masked → −∞');
  });
});
