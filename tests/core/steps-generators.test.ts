import { describe, expect, it } from 'vitest';
import { STEPS_GENERATOR_NAMES, type StepsGeneratorName } from '../../src/core/question.js';
import { generateSteps } from '../../src/core/steps-generators.js';
import { StepsAttempt } from '../../src/core/steps-attempt.js';
import { correctChain, type StepsExercise } from '../../src/core/steps.js';
import { runDemo } from '../../src/demos/index.js';
import { lcg } from './helpers.js';
import { byHand, matrix, vector } from './steps-hand.js';

/*
 * Each worked exercise's steps are recomputed here from the givens in its English prompt, with the
 * formulas written out by hand (not src/math), 120 draws per generator; the attention, RNN and
 * cosine chains are also checked against what `ml-tutor demo` computes for the same numbers. Then
 * carry-forward (a wrong step's value feeds the next) and the slips each step names.
 */

function draws(name: StepsGeneratorName, count = 120): StepsExercise[] {
  const exercises: StepsExercise[] = [];
  for (const seed of [1, 2, 3]) {
    const rng = lcg(seed);
    for (let i = 0; i < count / 3; i++) exercises.push(generateSteps(name, rng));
  }
  return exercises;
}

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
      expectClose(correctChain(exercise.steps), byHand(name, exercise.prompt.en));
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

  it('carries a wrong answer forward: every later step is right when computed from it', () => {
    for (const exercise of exercises.slice(0, 30)) {
      const chain = correctChain(exercise.steps);
      const wrong = chain[0]!.map((value) => value + 1.5);
      const attempt = new StepsAttempt(exercise);
      expect(attempt.submit(show(wrong)).kind).toBe('retry');
      expect(attempt.submit(show(wrong))).toMatchObject({ kind: 'settled', correct: false, expected: chain[0] });
      // The later steps by hand from the learner's own (wrong) step 1: each is right, first time.
      const carried = byHand(name, exercise.prompt.en, wrong);
      carried.slice(1).forEach((values, i) => {
        expect(attempt.submit(show(values)), `step ${i + 2}`).toMatchObject({ kind: 'settled', step: i + 2, correct: true, firstTry: true });
      });
      expect(attempt.tally()).toEqual({ of: chain.length, firstTry: chain.length - 1, afterRetry: 0, wrong: 1 });
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
