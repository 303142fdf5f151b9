import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { DEMOS, formatDemo, runDemo } from '../../src/demos/index.js';

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
});
