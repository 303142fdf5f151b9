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
  it('perceptron in Chinese: full-width punctuation, no English in the working (issue 13 item 3)', () => {
    expect(board(['perceptron', '--epochs', '1'], 'zh')).toBe(
      [
        '感知机学习 AND',
        '  w·x + b > 0 时 ŷ = 1，否则 ŷ = 0；w ← w + η(y − ŷ)x，b ← b + η(y − ŷ)，η = 1',
        '  初始：w = [0, 0]，b = 0',
        '',
        '  第 1 轮：错误 1 个，w = [1, 1]，b = 1',
        '    x=(0,0) y=0  w·x+b = 0 → ŷ=0  ✓',
        '    x=(0,1) y=0  w·x+b = 0 → ŷ=0  ✓',
        '    x=(1,0) y=0  w·x+b = 0 → ŷ=0  ✓',
        '    x=(1,1) y=1  w·x+b = 0 → ŷ=0  ✗ w += 1×1×(1,1) → [1, 1], b += 1×1 → 1',
        '',
        '尚未收敛：试试更多 --epochs。',
      ].join('\n'),
    );
  });

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
        '   p₁ = 0.1353 / 1.5032 = 0.0900',
        '   p₂ = 0.3679 / 1.5032 = 0.2447',
        '   p₃ = 1 / 1.5032 = 0.6653',
        '',
        '  z₁ = 1 ███▋                                     0.0900',
        '  z₂ = 2 █████████▊                               0.2447',
        '  z₃ = 3 ██████████████████████████▋              0.6653',
        '  sum of probabilities = 1',
        '',
        'Temperature:',
        '  T = 0.5  [0.016, 0.117, 0.867]',
        '  T = 1    [0.090, 0.245, 0.665] ◀',
        '  T = 2    [0.186, 0.307, 0.507]',
        '  Lower T sharpens toward the largest score; higher T flattens toward uniform',
        '  (1/3 each).',
      ].join('\n'),
    );
  });

  it('embedding (default), in English and Chinese', () => {
    expect(board(['embedding'])).toBe(
      [
        'One-hot versus dense embedding   e = one_hot(w)ᵀ · E',
        '  vocabulary V = king, queen, man, woman, apple   (|V| = 5)',
        '',
        '1. One-hot: |V| = 5 numbers, a 1 at the word’s position (1) and 0 elsewhere:',
        '   one_hot(king) = [1, 0, 0, 0, 0]',
        '',
        '2. The embedding matrix E, |V| × d = 5 × 3, one row per word, chosen by hand so',
        '   related words point alike (training ends up like this):',
        '   king  [  0.9   0.3   0.1 ]  ◀',
        '   queen [  0.9  −0.3   0.1 ]',
        '   man   [  0.1   0.6   0.1 ]',
        '   woman [  0.1  −0.6   0.1 ]',
        '   apple [    0     0     1 ]',
        '',
        '3. one_hot(king)ᵀ · E, column by column (each column j: Σₖ one_hotₖ × Eₖⱼ):',
        '   column 1: 1×0.9 + 0×0.9 + 0×0.1 + 0×0.1 + 0×0 = 0.9',
        '   column 2: 1×0.3 + 0×(−0.3) + 0×0.6 + 0×(−0.6) + 0×0 = 0.3',
        '   column 3: 1×0.1 + 0×0.1 + 0×0.1 + 0×0.1 + 0×1 = 0.1',
        '   e = [0.9, 0.3, 0.1] = row 1 of E (king)',
        '   Multiplying by a one-hot vector just picks a row: a lookup. So libraries',
        '   store E and index it (nn.Embedding) instead of multiplying.',
        '',
        '4. How alike are "king" and "queen"?',
        '   one-hot: one_hot(queen) = [0, 1, 0, 0, 0]',
        '     cos = (1×0 + 0×1 + 0×0 + 0×0 + 0×0) / (1 × 1) = 0',
        '   embedding: row 2 of E = [0.9, −0.3, 0.1]',
        '     cos = (0.9×0.9 + 0.3×(−0.3) + 0.1×0.1) / (0.9539 × 0.9539) = 0.8022',
        '',
        'Why embeddings:',
        '  Two different one-hot vectors never share a 1, so their cosine is always 0:',
        '  one-hot cannot say which words are alike. Dense rows can point alike (cos near',
        '  1) or apart, and training learns them.',
        '  One-hot needs |V| numbers per word (tens of thousands in practice); an',
        '  embedding needs d (a few hundred).',
      ].join('\n'),
    );
    expect(board(['embedding'], 'zh')).toBe(
      [
        '独热向量与稠密嵌入   e = one_hot(w)ᵀ · E',
        '  词表 V = king, queen, man, woman, apple   (|V| = 5)',
        '',
        '1. 独热向量：|V| = 5 个数，在该词的位置（1）为 1，其余为 0：',
        '   one_hot(king) = [1, 0, 0, 0, 0]',
        '',
        '2. 嵌入矩阵 E，|V| × d = 5 × 3，每个词一行；这里手工选取，让相关的词方向相近（训',
        '   练的结果也是如此）：',
        '   king  [  0.9   0.3   0.1 ]  ◀',
        '   queen [  0.9  −0.3   0.1 ]',
        '   man   [  0.1   0.6   0.1 ]',
        '   woman [  0.1  −0.6   0.1 ]',
        '   apple [    0     0     1 ]',
        '',
        '3. one_hot(king)ᵀ · E，逐列计算（第 j 列：Σₖ one_hotₖ × Eₖⱼ）：',
        '   第 1 列：1×0.9 + 0×0.9 + 0×0.1 + 0×0.1 + 0×0 = 0.9',
        '   第 2 列：1×0.3 + 0×(−0.3) + 0×0.6 + 0×(−0.6) + 0×0 = 0.3',
        '   第 3 列：1×0.1 + 0×0.1 + 0×0.1 + 0×0.1 + 0×1 = 0.1',
        '   e = [0.9, 0.3, 0.1] = E 的第 1 行（king）',
        '   乘以独热向量只是取出一行：就是查表。所以深度学习库保存 E 并直接按下标取行',
        '   （nn.Embedding），而不做乘法。',
        '',
        '4. “king”与“queen”有多像？',
        '   独热：one_hot(queen) = [0, 1, 0, 0, 0]',
        '     cos = (1×0 + 0×1 + 0×0 + 0×0 + 0×0) / (1 × 1) = 0',
        '   嵌入：E 的第 2 行 = [0.9, −0.3, 0.1]',
        '     cos = (0.9×0.9 + 0.3×(−0.3) + 0.1×0.1) / (0.9539 × 0.9539) = 0.8022',
        '',
        '为什么用嵌入：',
        '  两个不同的独热向量没有共同的 1，余弦总是 0：独热向量无法表达哪些词相似。稠密的',
        '  行可以方向相近（cos 接近 1）或相反，并由训练学到。',
        '  独热向量每个词要 |V| 个数（实际中有几万个）；嵌入只要 d 个（几百个）。',
      ].join('\n'),
    );
  });

  it('attention with a causal mask (plain characters, no colour)', () => {
    const text = formatDemo(runDemo(['attention', '--mask', 'causal']), { lang: 'en', color: false, width: 80 });
    expect(text).toContain(
      [
        '          k₁      k₂      k₃',
        '  q₁ █ 1.000       ·       ·',
        '  q₂ ░ 0.330 ▓ 0.670       ·',
        '  q₃ ░ 0.248 ░ 0.248 ▒ 0.504',
        '  0 [ ░▒▓█] 1   · masked (weight 0)',
      ].join('\n'),
    );
    expect(text).toContain('  q₁·k₂ = 1×0 + 0×1 = 0   → 0 / √2 = 0   masked → −∞');
  });
});
