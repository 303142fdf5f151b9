import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { DEMOS, formatDemo, runDemo } from '../../src/demos/index.js';
import { guessTolerance, hangingWrap, ordinal } from '../../src/demos/text.js';

const VARIANTS: string[][] = [
  ...DEMOS.map((demo) => [demo.name]),
  ['attention', '--score', 'additive'],
  ['attention', '--score', 'dot', '--mask', 'causal'],
  ['perceptron', '--data', 'xor'],
  ['vanishing-gradient', '--weight', '1.5', '--activation', 'tanh'],
  ['vanishing-gradient', '--weight', '1.2', '--steps', '40'],
  ['gradient-descent', '--lr', '1.1', '--steps', '10'],
  ['word-vectors', '--similar', 'good'],
  ['word-vectors', '--list'],
  ['positional-encoding', '--positions', '64', '--d-model', '64'],
  ['sampling', '--temperature', '0.2', '--samples', '100000'],
  ['sampling', '--scores', Array.from({ length: 12 }, (_, i) => String(i % 5)).join(','), '--tokens', Array.from({ length: 12 }, (_, i) => `sixteen-chars-${String(i).padStart(2, '0')}`).join(',')],
  ['embedding', '--vocab', Array.from({ length: 16 }, (_, i) => `sixteen-chars-${String(i).padStart(2, '0')}`).join(','), '--dim', '8', '--word', 'sixteen-chars-15'],
];

describe('presentation', () => {
  it.each(VARIANTS)('%s … fits 80 columns in English and Chinese', (...argv) => {
    const run = runDemo(argv);
    for (const lang of ['en', 'zh'] as const) {
      const text = formatDemo(run, { lang, color: false, width: 80 });
      for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  // QA ran `demo attention` in a 40-column terminal. Every default board fits there, tables and
  // heatmaps included (fewer decimals, fewer heatmap columns, the rnn diagram without spaces).
  it.each([...DEMOS.map((demo) => [demo.name]), ['attention', '--mask', 'causal'], ['attention', '--score', 'additive'], ['word-vectors', '--similar', 'good'], ['vanishing-gradient', '--weight', '1.5', '--activation', 'tanh']])(
    '%s … fits 40 columns in English and Chinese',
    (...argv) => {
      const run = runDemo(argv);
      for (const lang of ['en', 'zh'] as const) {
        const text = formatDemo(run, { lang, color: false, width: 40 });
        for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
      }
    },
  );

  it('too wide for 40 columns: the matrix rows stay whole, every other line still fits', () => {
    const wide = Array.from({ length: 12 }, (_, i) => String(i + 0.5)).join(',');
    const text = formatDemo(runDemo(['rnn', '--inputs', `${wide};${wide}`, '--wx', `${wide};${wide}`, '--wh', '1,0;0,1', '--b', '0,0']), { lang: 'en', color: false, width: 40 });
    const lines = text.split('\n');
    const tooWide = lines.filter((line) => stringWidth(line) > 40);
    expect(tooWide.length).toBeGreaterThan(0);
    for (const line of tooWide) expect(line, line).toMatch(/^ {4}\[ .* \]$/);
    // a long equation wraps with its continuation two columns deeper
    expect(lines).toContain('  a₁[1] = (0.5×0.5 + 1.5×1.5 + 2.5×2.5 +');
    expect(lines[lines.indexOf('  a₁[1] = (0.5×0.5 + 1.5×1.5 + 2.5×2.5 +') + 1]).toMatch(/^ {4}\S/);
  });

  it('wraps working lines with a hanging indent and leaves short lines alone', () => {
    expect(hangingWrap('  x = 1', 40)).toEqual(['  x = 1']);
    expect(hangingWrap('  q₁·k₁ = 1×1 + 0×0 = 1   → 1 / √2 = 0.7071', 40)).toEqual(['  q₁·k₁ = 1×1 + 0×0 = 1   → 1 / √2 =', '    0.7071']);
  });

  it('keeps long runs readable: summaries instead of hundreds of written-out steps', () => {
    const rnn = formatDemo(runDemo(['rnn', '--inputs', Array.from({ length: 40 }, () => '1').join(';'), '--wx', '1', '--wh', '0.5', '--b', '0']), { lang: 'en', color: false, width: 80 });
    expect(rnn).toContain('h₀ → [tanh] → h₁ → [tanh] → h₂ → … → h₃₉ → [tanh] → h₄₀');
    expect(rnn.split('\n').length).toBeLessThan(70);
    const perceptron = formatDemo(runDemo(['perceptron', '--data', 'xor', '--epochs', '1000']), { lang: 'en', color: false, width: 80 });
    expect(perceptron.split('\n').length).toBeLessThan(40);
    expect(perceptron).toContain('Epoch 1000: errors 4');
    expect(perceptron).toContain('the updates go round in a cycle');
  });

  it('every demo but word-vectors offers a key number for --predict, equal to a field of its result', () => {
    for (const demo of DEMOS) {
      const run = runDemo([demo.name]);
      if (demo.name === 'word-vectors') {
        expect(run.prediction).toBeUndefined();
        continue;
      }
      expect(run.prediction, demo.name).toBeDefined();
      expect(Number.isFinite(run.prediction?.answer)).toBe(true);
      expect(run.prediction?.tolerance).toBeGreaterThanOrEqual(0);
      expect(run.prediction?.question.en.length).toBeGreaterThan(5);
      expect(run.prediction?.question.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(runDemo(['cosine']).prediction?.answer).toBe(runDemo(['cosine']).result.cosine);
    expect(runDemo(['perceptron']).prediction?.answer).toBe(1);
  });

  it('--predict: "right" means within 0.01 for answers in [−1, 1], else within 2% of the answer', () => {
    expect(guessTolerance(0.462)).toBe(0.01);
    expect(guessTolerance(-1)).toBe(0.01);
    expect(guessTolerance(50)).toBe(1);
    // QA: a guess of 0.5 for rnn's h₁ = 0.4621 was called right
    const rnn = runDemo(['rnn']).prediction!;
    expect(rnn.answer).toBeCloseTo(0.4621, 4);
    expect(Math.abs(0.5 - rnn.answer) <= rnn.tolerance).toBe(false);
    expect(Math.abs(0.46 - rnn.answer) <= rnn.tolerance).toBe(true);
    for (const demo of DEMOS) {
      const prediction = runDemo([demo.name]).prediction;
      if (!prediction) continue;
      const scale = Math.abs(prediction.answer);
      expect(prediction.tolerance, demo.name).toBeLessThanOrEqual(demo.name === 'sampling' ? 0.05 * 1000 : Math.max(0.01, 0.02 * scale));
    }
  });

  it('--predict for softmax names the score it asks about', () => {
    const question = runDemo(['softmax']).prediction!.question;
    expect(question.en).toBe('Scores z = [2, 1, 0.1], T = 1: what probability does the first score (z₁ = 2) get?');
    expect(question.zh).toBe('分数 z = [2, 1, 0.1]，T = 1：第 1 个分数（z₁ = 2）得到的概率是多少？');
    expect(runDemo(['softmax', '--scores', '0,5,1']).prediction!.question.en).toContain('the second score (z₂ = 5)');
    expect([1, 2, 3, 10, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual(['first', 'second', 'third', 'tenth', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
  });

  it('lstm labels each cell unit with its step and unit, like the rnn demo', () => {
    const text = formatDemo(runDemo(['lstm']), { lang: 'en', color: false, width: 80 });
    expect(text).toContain('  c₁ = f⊙c₀ + i⊙g:\n    c₁[1] = ');
    expect(text).toContain('\n    c₁[2] = ');
    expect(text).toContain('  c₂ = f⊙c₁ + i⊙g:\n    c₂[1] = ');
    expect(text).not.toMatch(/^ {4}c[₁₂] = /m);
    const single = formatDemo(runDemo(['lstm', '--inputs', '1;0', '--hidden', '1']), { lang: 'en', color: false, width: 80 });
    expect(single).toMatch(/^ {4}c₂ = .* = /m);
  });

  it('softmax prints each probability as its bar does, and lines up the T column', () => {
    const text = formatDemo(runDemo(['softmax', '--scores', '1,2,3', '--temperature', '0.001']), { lang: 'en', color: false, width: 80 });
    expect(text).toContain('   p₁ = 0 / 1 = 0.0000');
    expect(text).toMatch(/z₁ = 1 +0\.0000$/m);
    expect(text).toContain(['  T = 0.001  [0.000, 0.000, 1.000] ◀', '  T = 0.5    [0.016, 0.117, 0.867]', '  T = 1      [0.090, 0.245, 0.665]'].join('\n'));
  });
});
