import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

// The demos through the built binary: the --json contract, bad input, and plain output in a pipe.

function json(args: string[]): Record<string, unknown> {
  const result = runCli(['demo', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const close = (actual: unknown, expected: number, digits = 9): void => expect(actual as number).toBeCloseTo(expected, digits);

describe('ml-tutor demo --json', () => {
  it('softmax: probabilities, stable for large scores, sharpened by a low temperature', () => {
    const result = json(['softmax', '--scores', '2,1,0']);
    const total = Math.exp(2) + Math.exp(1) + 1;
    (result.probabilities as number[]).forEach((p, i) => close(p, Math.exp(2 - i) / total));
    const large = json(['softmax', '--scores', '1000,1001,1002']).probabilities as number[];
    large.forEach((p, i) => close(p, Math.exp(i) / (1 + Math.E + Math.E ** 2)));
    const cold = json(['softmax', '--scores', '2,1,0', '--temperature', '0.5']).probabilities as number[];
    close(cold[0], Math.exp(4) / (Math.exp(4) + Math.exp(2) + 1));
  });

  it('attention: scaled scores before masking, causal weights exactly 0, rows summing to 1', () => {
    const result = json(['attention', '--query', '1,0;0,1', '--keys', '1,0;0,1', '--values', '1,2;3,4', '--mask', 'causal']);
    const scores = result.scores as number[][];
    close(scores[0]![0], 1 / Math.SQRT2);
    close(scores[0]![1], 0);
    const weights = result.weights as number[][];
    expect(weights[0]).toEqual([1, 0]);
    const e = Math.exp(1 / Math.SQRT2);
    close(weights[1]![0], 1 / (1 + e));
    close(weights[1]![1], e / (1 + e));
    const output = result.output as number[][];
    close(output[1]![0], (1 + 3 * e) / (1 + e));
    const additive = json(['attention', '--score', 'additive', '--seed', '7']);
    expect(Object.keys(additive.params as object).sort()).toEqual(['Wk', 'Wq', 'v']);
  });

  it('cosine: dot, norms and cosine', () => {
    const result = json(['cosine', '--a', '1,2,3', '--b', '4,5,6']);
    close(result.dot, 32);
    close(result.norm_a, Math.sqrt(14));
    close(result.norm_b, Math.sqrt(77));
    close(result.cosine, 32 / Math.sqrt(14 * 77));
  });

  it('word-vectors: king − man + woman ≈ queen, inputs excluded', () => {
    const results = json(['word-vectors', '--analogy', 'king,man,woman']).results as Array<{ word: string; cosine: number }>;
    expect(results[0]!.word).toBe('queen');
    expect(results.map((entry) => entry.word)).not.toContain('king');
  });

  it('rnn: h_t = tanh(Wx·x_t + Wh·h_(t−1) + b), step by step', () => {
    const hidden = json(['rnn', '--inputs', '1;2', '--wx', '0.5', '--wh', '0.9', '--b', '0.1']).hidden as number[][];
    const h1 = Math.tanh(0.5 * 1 + 0.1);
    close(hidden[0]![0], h1);
    close(hidden[1]![0], Math.tanh(0.5 * 2 + 0.9 * h1 + 0.1));
  });

  it('vanishing-gradient: linear gradients[k] = w^k', () => {
    const gradients = json(['vanishing-gradient', '--weight', '0.9', '--steps', '50', '--activation', 'linear']).gradients as number[];
    close(gradients[0], 1);
    close(gradients[50], 0.9 ** 50, 12);
    close((json(['vanishing-gradient', '--weight', '1.1', '--steps', '50', '--activation', 'linear']).gradients as number[])[50], 1.1 ** 50);
  });

  it('perceptron: AND converges, XOR never does', () => {
    const and = json(['perceptron', '--data', 'and', '--epochs', '20', '--lr', '1']);
    expect(and).toMatchObject({ converged: true, weights: [2, 1], bias: -2 });
    const xor = json(['perceptron', '--data', 'xor', '--epochs', '20', '--lr', '1']);
    expect(xor.converged).toBe(false);
    expect((xor.errors as number[]).every((count) => count > 0)).toBe(true);
  });

  it('xor-mlp: the default run learns XOR and its loss falls', () => {
    const result = json(['xor-mlp']);
    expect(result.final_loss as number).toBeLessThan(0.01);
    const loss = result.loss as number[];
    expect(loss[loss.length - 1]!).toBeLessThan(loss[0]!);
    const predictions = result.predictions as number[];
    expect(predictions.map((p) => Math.round(p))).toEqual([0, 1, 1, 0]);
  });

  it('gradient-descent: x_(n+1) = x_n − lr·2(x_n − 3)', () => {
    const path = json(['gradient-descent', '--start', '0', '--lr', '0.1', '--steps', '2']).path as Array<{ x: number; loss: number; grad: number }>;
    expect(path[0]).toEqual({ x: 0, loss: 9, grad: -6 });
    close(path[1]!.x, 0.6);
    close(path[2]!.x, 0.6 - 0.1 * 2 * (0.6 - 3));
  });

  it('activations and conv1d', () => {
    const activations = json(['activations', '--x', '0,2']);
    close((activations.sigmoid as number[])[1], 1 / (1 + Math.exp(-2)));
    close((activations.d_sigmoid as number[])[0], 0.25);
    close((activations.d_tanh as number[])[1], 1 - Math.tanh(2) ** 2);
    expect(activations.relu).toEqual([0, 2]);
    expect(json(['conv1d', '--signal', '1,2,3,4,5', '--kernel', '1,0,-1', '--stride', '2']).output).toEqual([-2, -2]);
  });

  it('sampling: counts sum to N, the first 20 samples, same seed same draws', () => {
    const result = json(['sampling', '--scores', '2,1,0', '--tokens', 'a,b,c', '--samples', '500', '--seed', '9']);
    const total = Math.exp(2) + Math.exp(1) + 1;
    (result.probabilities as number[]).forEach((p, i) => close(p, Math.exp(2 - i) / total));
    expect((result.counts as number[]).reduce((a, b) => a + b, 0)).toBe(500);
    (result.frequencies as number[]).forEach((f, i) => expect(f).toBe((result.counts as number[])[i]! / 500));
    expect(result.samples as string[]).toHaveLength(20);
    expect(json(['sampling', '--seed', '9'])).toEqual(json(['sampling', '--seed', '9']));
  });

  it('embedding: one_hot(w)ᵀ · E is row w of E; one-hot cosine 0', () => {
    const result = json(['embedding', '--word', 'man', '--other', 'woman']);
    expect(result.one_hot).toEqual([0, 0, 1, 0, 0]);
    expect(result.embedding).toEqual((result.matrix as number[][])[2]);
    expect(result.cosine_one_hot).toBe(0);
    close(result.cosine_embedding, (0.01 - 0.36 + 0.01) / (0.01 + 0.36 + 0.01));
  });

  it('lstm and multihead: seeded, same seed same numbers', () => {
    const steps = json(['lstm', '--inputs', '1;0', '--seed', '3']).steps as Array<Record<string, unknown>>;
    expect(Object.keys(steps[0]!).sort()).toEqual(expect.arrayContaining(['c', 'f', 'g', 'h', 'i', 'o']));
    expect(json(['lstm', '--inputs', '1;0', '--seed', '3'])).toEqual(json(['lstm', '--inputs', '1;0', '--seed', '3']));
    const multihead = json(['multihead', '--heads', '2', '--seed', '1']);
    expect((multihead.heads as unknown[]).length).toBe(2);
    expect(multihead).toHaveProperty('Wo');
    expect(multihead).toHaveProperty('output');
  });
});

describe('ml-tutor demo (text and errors)', () => {
  it('lists the demos grouped by topic', () => {
    const result = runCli(['demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^deep-learning\n {2}perceptron /);
    for (const name of ['softmax', 'attention', 'multihead', 'cosine', 'word-vectors', 'rnn', 'vanishing-gradient', 'lstm', 'xor-mlp', 'gradient-descent', 'activations', 'conv1d', 'embedding', 'sampling']) {
      expect(result.stdout).toContain(`  ${name} `);
    }
  });

  it('shows the working as plain text in a pipe, and in Chinese with --lang zh', () => {
    const english = runCli(['demo', 'cosine', '--a', '1,0', '--b', '1,1']);
    expect(english.code).toBe(0);
    expect(english.stdout).not.toContain('\u001b');
    expect(english.stdout).toContain('0.7071');
    const chinese = runCli(['demo', 'cosine', '--a', '1,0', '--b', '1,1', '--lang', 'zh']);
    expect(chinese.stdout).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has help for each demo', () => {
    const help = runCli(['demo', 'attention', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--mask');
  });

  it.each([
    [['attention', '--query', '1,0', '--keys', '1,0;1,2,3'], 1, '--keys: row 2 has 3 entries, expected 2'],
    [['softmax', '--scores', '1,abc'], 1, '--scores'],
    [['softmax', '--scores', '1,NaN'], 1, '--scores'],
    [['word-vectors', '--similar', 'xylophone'], 1, 'xylophone'],
    [['atention'], 1, 'unknown demo "atention" (did you mean attention?)'],
    [['softmax', '--bogus', '1'], 2, '--bogus'],
  ])('%j fails with one clear line', (args, code, fragment) => {
    const result = runCli(['demo', ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(fragment);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
