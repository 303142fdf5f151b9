import { describe, expect, it } from 'vitest';
import { STEPS_GENERATOR_NAMES, type StepsGeneratorName } from '../../src/core/question.js';
import { generateSteps } from '../../src/core/steps-generators.js';
import { StepsAttempt } from '../../src/core/steps-attempt.js';
import { correctChain, type StepsExercise } from '../../src/core/steps.js';
import { runDemo } from '../../src/demos/index.js';
import { lcg } from './helpers.js';

/*
 * Each worked exercise's steps are recomputed here from the givens in its English prompt, with the
 * formulas written out by hand (not src/math), 120 draws per generator; the attention, RNN and
 * cosine chains are also checked against what `ml-tutor demo` computes for the same numbers. Then
 * carry-forward (a wrong step's value feeds the next) and the slips each step names.
 */

type Given = number | number[] | number[][];

/** The value written after "name = " in a prompt: a number, a vector or a matrix (JSON-shaped). */
function given(prompt: string, name: string): Given {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\s)${escaped} = (\\[\\[.*?\\]\\]|\\[.*?\\]|-?[\\d.]+)`).exec(prompt);
  if (!match) throw new Error(`no "${name}" in: ${prompt}`);
  return JSON.parse(match[1]!) as Given;
}
const vector = (prompt: string, name: string): number[] => given(prompt, name) as number[];
const matrix = (prompt: string, name: string): number[][] => given(prompt, name) as number[][];
const scalar = (prompt: string, name: string): number => given(prompt, name) as number;

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
function handSoftmax(z: readonly number[]): number[] {
  const exps = z.map((value) => Math.exp(value));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

function draws(name: StepsGeneratorName, count = 120): StepsExercise[] {
  const exercises: StepsExercise[] = [];
  for (const seed of [1, 2, 3]) {
    const rng = lcg(seed);
    for (let i = 0; i < count / 3; i++) exercises.push(generateSteps(name, rng));
  }
  return exercises;
}

/** Each step's value from the prompt's givens, by hand. */
const byHand: Record<StepsGeneratorName, (prompt: string) => number[][]> = {
  'attention-steps': (prompt) => {
    const q = vector(prompt, 'q');
    const keys = [vector(prompt, 'k1'), vector(prompt, 'k2'), vector(prompt, 'k3')];
    const v = vector(prompt, 'v');
    const scores = keys.map((k) => dot(q, k));
    const scaled = scores.map((s) => s / Math.sqrt(scalar(prompt, 'd_k')));
    const weights = handSoftmax(scaled);
    return [scores, scaled, weights, [dot(weights, v)]];
  },
  'rnn-steps': (prompt) => {
    const wx = matrix(prompt, 'W_x');
    const wh = matrix(prompt, 'W_h');
    const x = vector(prompt, 'x_t');
    const h = vector(prompt, 'h_(t−1)');
    const b = vector(prompt, 'b');
    const inputPart = wx.map((row) => dot(row, x));
    const recurrentPart = wh.map((row) => dot(row, h));
    const pre = inputPart.map((value, i) => value + recurrentPart[i]! + b[i]!);
    return [inputPart, recurrentPart, pre, pre.map((a) => (Math.exp(a) - Math.exp(-a)) / (Math.exp(a) + Math.exp(-a)))];
  },
  'backprop-steps': (prompt) => {
    const w = vector(prompt, 'w');
    const x = vector(prompt, 'x');
    const y = scalar(prompt, 'y');
    const z = dot(w, x) + scalar(prompt, 'b');
    const out = logistic(z);
    const delta = (out - y) * out * (1 - out);
    return [[z], [out], [out - y], [delta], x.map((xi) => delta * xi)];
  },
  'perceptron-steps': (prompt) => {
    const w = vector(prompt, 'w');
    const x = vector(prompt, 'x');
    const b = scalar(prompt, 'b');
    const y = scalar(prompt, 'y');
    const rate = scalar(prompt, 'η');
    const sum = dot(w, x) + b;
    const prediction = sum > 0 ? 1 : 0;
    const error = y - prediction;
    return [[sum], [prediction], [error], w.map((wi, i) => wi + rate * error * x[i]!), [b + rate * error]];
  },
  'cosine-steps': (prompt) => {
    const a = vector(prompt, 'a');
    const b = vector(prompt, 'b');
    const lengthA = Math.sqrt(dot(a, a));
    const lengthB = Math.sqrt(dot(b, b));
    return [[dot(a, b)], [lengthA], [lengthB], [dot(a, b) / (lengthA * lengthB)]];
  },
};

function expectClose(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((values, step) => {
    expect(values.length, `step ${step + 1}`).toBe(expected[step]!.length);
    values.forEach((value, i) => expect(Math.abs(value - expected[step]![i]!), `step ${step + 1}[${i}]`).toBeLessThan(1e-9));
  });
}

const show = (values: readonly number[]): string => values.join(' ');

describe.each(STEPS_GENERATOR_NAMES)('%s', (name) => {
  const exercises = draws(name);

  it('computes every step as the hand formulas do from the numbers in its prompt', () => {
    for (const exercise of exercises) {
      expect(exercise.generator).toBe(name);
      expectClose(correctChain(exercise.steps), byHand[name](exercise.prompt.en));
      expect(exercise.prompt.zh.split('\n').slice(1, -1)).toEqual(exercise.prompt.en.split('\n').slice(1, -1));
    }
  });

  it('draws varied numbers, and texts in both languages for every step', () => {
    expect(new Set(exercises.map((exercise) => exercise.prompt.en)).size).toBeGreaterThan(exercises.length * 0.9);
    for (const step of exercises[0]!.steps) {
      for (const text of [step.label.en, step.label.zh, step.formula.en, step.formula.zh]) expect(text.length).toBeGreaterThan(3);
    }
    expect(exercises[0]!.explain.zh).toMatch(/[\u3000-\u303f\u4e00-\u9fff]/u);
  });

  it('carries a wrong answer forward: the next step is right when computed from it', () => {
    for (const exercise of exercises.slice(0, 30)) {
      const chain = correctChain(exercise.steps);
      const wrong = chain[0]!.map((value) => value + 1.5);
      const next = exercise.steps[1]!.compute([wrong]);
      const attempt = new StepsAttempt(exercise);
      expect(attempt.submit(show(wrong)).kind).toBe('retry');
      expect(attempt.submit(show(wrong))).toMatchObject({ kind: 'settled', correct: false, expected: chain[0] });
      // Step 2 from the learner's own (wrong) step 1 is right, and so is step 2 from the correct one.
      expect(attempt.submit(show(next))).toMatchObject({ kind: 'settled', step: 2, correct: true, firstTry: true });
    }
  });
});

describe('the chains agree with the demos', () => {
  it('attention-steps: the scaled scores, weights and output `demo attention` prints', () => {
    for (const exercise of draws('attention-steps', 30)) {
      const prompt = exercise.prompt.en;
      const keys = ['k1', 'k2', 'k3'].map((key) => vector(prompt, key).join(',')).join(';');
      const run = runDemo(['attention', '--query', vector(prompt, 'q').join(','), '--keys', keys, '--values', vector(prompt, 'v').join(';')]);
      const result = run.result as { scores: number[][]; weights: number[][]; output: number[][] };
      const [, scaled, weights, output] = correctChain(exercise.steps);
      expectClose([scaled!, weights!, output!], [result.scores[0]!, result.weights[0]!, result.output[0]!]);
    }
  });

  it('rnn-steps: the parts of the step `demo rnn` prints', () => {
    for (const exercise of draws('rnn-steps', 30)) {
      const prompt = exercise.prompt.en;
      const flatten = (rows: number[][]): string => rows.map((row) => row.join(',')).join(';');
      const run = runDemo(['rnn', '--inputs', vector(prompt, 'x_t').join(','), '--wx', flatten(matrix(prompt, 'W_x')), '--wh', flatten(matrix(prompt, 'W_h')), '--b', vector(prompt, 'b').join(','), `--h0=${vector(prompt, 'h_(t−1)').join(',')}`]);
      const [step] = (run.result as { steps: Array<{ inputPart: number[]; recurrentPart: number[]; preActivation: number[]; hidden: number[] }> }).steps;
      expectClose(correctChain(exercise.steps), [step!.inputPart, step!.recurrentPart, step!.preActivation, step!.hidden]);
    }
  });

  it('cosine-steps: the dot product, lengths and cosine `demo cosine` prints', () => {
    for (const exercise of draws('cosine-steps', 30)) {
      const prompt = exercise.prompt.en;
      const run = runDemo(['cosine', '--a', vector(prompt, 'a').join(','), '--b', vector(prompt, 'b').join(',')]);
      const result = run.result as { dot: number; norm_a: number; norm_b: number; cosine: number };
      expectClose(correctChain(exercise.steps), [[result.dot], [result.norm_a], [result.norm_b], [result.cosine]]);
    }
  });

  it('perceptron-steps: the update the perceptron rule makes, misclassified about three times in four', () => {
    const exercises = draws('perceptron-steps', 120);
    const updated = exercises.filter((exercise) => correctChain(exercise.steps)[2]![0] !== 0).length;
    expect(updated).toBeGreaterThan(70);
    expect(updated).toBeLessThan(110);
    // Never a sum of exactly 0, where rounding could decide the prediction.
    for (const exercise of exercises) expect(Math.abs(correctChain(exercise.steps)[0]![0]!)).toBeGreaterThan(0.04);
  });
});
