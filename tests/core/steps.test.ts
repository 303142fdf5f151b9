import { describe, expect, it } from 'vitest';
import type { StepsGeneratorName } from '../../src/core/question.js';
import { generateSteps } from '../../src/core/steps-generators.js';
import { detectSlip, parseStepInput, showValues, StepsAttempt, stepsRating, type StepFeedback } from '../../src/core/steps-attempt.js';
import { correctChain, defineStep, prior, signSlips, slipOf, type SlipCode, type StepsExercise } from '../../src/core/steps.js';
import { lcg } from './helpers.js';

// The worked-exercise machinery: reading a step's answer, carry-forward, slips, retries, the rating.

/** A small exercise with known numbers: x = 3, then 2x, then (2x)² − 1. */
function doubling(): StepsExercise {
  const texts = () => ({ labels: ['x', '2x', '(2x)² − 1'], formulas: ['x is given', 'double it', 'square, then subtract 1'] });
  return {
    generator: 'cosine-steps',
    prompt: { en: 'x = 3', zh: 'x = 3' },
    steps: [
      defineStep(texts, 0, 1, () => [3], () => [slipOf('sign', [-3])]),
      defineStep(texts, 1, 2, (earlier) => [2 * prior(earlier, 0)[0]!, 2 * prior(earlier, 0)[0]!], (earlier) => [slipOf('no-scale', [prior(earlier, 0)[0]!, prior(earlier, 0)[0]!])]),
      defineStep(texts, 2, 1, (earlier) => [prior(earlier, 1)[0]! ** 2 - 1], (earlier) => [slipOf('no-bias', [prior(earlier, 1)[0]! ** 2])]),
    ],
    tolerance: 0.01,
    explain: { en: 'worked', zh: '解答' },
  };
}

describe('parseStepInput', () => {
  it.each([
    ['1 2 3', 3, [1, 2, 3]],
    ['[1, 2, 3]', 3, [1, 2, 3]],
    ['(1; -2; 0.5)', 3, [1, -2, 0.5]],
    ['1,2,3', 3, [1, 2, 3]],
    ['1、2、3', 3, [1, 2, 3]], // a Chinese list comma
    ['１ ２ ３', 3, [1, 2, 3]], // full-width digits
    ['１，２，３', 3, [1, 2, 3]], // full-width commas
    ['−1 .5', 2, [-1, 0.5]], // U+2212 minus
    ['1/2 -1', 2, [0.5, -1]],
    ['1 / 2  -1', 2, [0.5, -1]], // spaces around a fraction's slash
    ['0。5 1', 2, [0.5, 1]], // the Chinese full stop as the decimal point
    ['0.25', 1, [0.25]],
  ])('%j (%i numbers) → %j', (input, size, values) => {
    expect(parseStepInput(input, size)).toEqual({ ok: true, values });
  });

  it.each([
    ['1 2', 3, { code: 'wrong-count', input: '1 2', expected: 3, got: 2 }],
    ['1 2 3 4', 3, { code: 'wrong-count', input: '1 2 3 4', expected: 3, got: 4 }],
    ['a b', 2, { code: 'not-a-number', input: 'a b' }],
    ['  ', 2, { code: 'empty' }],
    ['0,5', 1, { code: 'decimal-comma', input: '0,5' }], // one number reads as a numeric question's
    ['1/0 2', 2, { code: 'zero-denominator', input: '1/0' }],
  ])('%j (%i numbers) cannot be read', (input, size, problem) => {
    expect(parseStepInput(input, size)).toEqual({ ok: false, problem });
  });

  it('says how many numbers were expected, in both languages', () => {
    const attempt = new StepsAttempt(doubling());
    attempt.submit('3');
    expect(attempt.check('6')).toEqual({
      en: 'expected 2 numbers separated by spaces, such as "0.5 -1"; got 1 in "6"',
      zh: '请输入 2 个数，用空格隔开，例如“0.5 -1”；“6”里有 1 个',
    });
    expect(attempt.check('6 6')).toBeUndefined();
  });
});

describe('detectSlip', () => {
  it('names the first slip that explains every wrong entry, and nothing when none does', () => {
    const candidates = [slipOf('no-scale', [2, 4]), { code: 'sign' as SlipCode, entries: [[-1], [-2, 5]] }];
    expect(detectSlip([2, 4], [1, 2], candidates, 0.01)).toBe('no-scale');
    expect(detectSlip([1, 4], [1, 2], candidates, 0.01)).toBe('no-scale'); // the right entry needs no explaining
    expect(detectSlip([-1, 5], [1, 2], candidates, 0.01)).toBe('sign');
    expect(detectSlip([2, 5], [1, 2], candidates, 0.01)).toBeUndefined(); // two slips at once: just the formula
    expect(detectSlip([1, 2], [1, 2], candidates, 0.01)).toBeUndefined();
  });

  it('signSlips: the sum negated, or one nonzero product with the wrong sign', () => {
    // (1)(2) + (−1)(3) + (0)(5) = −1
    expect(signSlips([1, -1, 0], [2, 3, 5])).toEqual([1, -5, 5]);
  });
});

describe('StepsAttempt', () => {
  it('all right first time: Good', () => {
    const attempt = new StepsAttempt(doubling());
    expect(attempt.submit('3')).toMatchObject({ kind: 'settled', step: 1, correct: true, firstTry: true, expected: [3] });
    expect(attempt.submit('6 6')).toMatchObject({ kind: 'settled', step: 2, correct: true, firstTry: true });
    expect(attempt.submit('35')).toMatchObject({ kind: 'settled', step: 3, correct: true, firstTry: true });
    expect(attempt.done).toBe(true);
    expect(attempt.tally()).toEqual({ of: 3, firstTry: 3, afterRetry: 0, wrong: 0 });
    expect(stepsRating(attempt.tally())).toBe(3);
  });

  it('a wrong first try gets a hint naming the slip and the formula, then one more try', () => {
    const attempt = new StepsAttempt(doubling());
    const first = attempt.submit('-3');
    expect(first).toEqual({
      kind: 'retry',
      step: 1,
      slip: 'sign',
      hint: {
        en: 'A sign is off: check each product of a negative number, and what is added or subtracted. The formula: x is given. Try once more.',
        zh: '有个正负号错了：检查每个带负数的乘积，以及哪些项该加、哪些该减。公式：x is given。再试一次。',
      },
    });
    expect(attempt.attempt).toBe(2);
    expect(attempt.submit('3')).toMatchObject({ kind: 'settled', step: 1, correct: true, firstTry: false });
    expect(attempt.attempt).toBe(1);
    // No slip matches 7: the hint names the formula alone.
    expect((attempt.submit('7 7') as Extract<StepFeedback, { kind: 'retry' }>).hint.en).toBe('The formula: double it. Try once more.');
  });

  it('a step still wrong after its retry says the answer and goes on from the learner\'s value', () => {
    const attempt = new StepsAttempt(doubling());
    attempt.submit('4');
    const settled = attempt.submit('4');
    expect(settled).toMatchObject({ kind: 'settled', step: 1, correct: false, expected: [3], entered: [4] });
    expect((settled as Extract<StepFeedback, { kind: 'settled' }>).hint).toEqual({
      en: 'The answer was 3. Step 2 goes on from your 4.',
      zh: '答案是 3。第 2 步接着用你的 4 往下算。',
    });
    // Step 2 from the learner's 4 is 8 8, and that is right: step 1's slip is not counted again.
    expect(attempt.submit('8 8')).toMatchObject({ kind: 'settled', step: 2, correct: true, firstTry: true, expected: [8, 8] });
    // Step 3 from 8: 63. Forgetting the −1 is the named slip, computed from the learner's 8 too.
    expect(attempt.submit('64')).toMatchObject({ kind: 'retry', step: 3, slip: 'no-bias' });
    expect(attempt.submit('64')).toMatchObject({ kind: 'settled', step: 3, correct: false, expected: [63], slip: 'no-bias' });
    expect(attempt.done).toBe(true);
    expect(attempt.tally()).toEqual({ of: 3, firstTry: 1, afterRetry: 0, wrong: 2 });
    expect(stepsRating(attempt.tally())).toBe(1);
  });

  it('after a wrong step, the value that follows from the correct one is right too', () => {
    const attempt = new StepsAttempt(doubling());
    attempt.submit('4');
    attempt.submit('4');
    // The learner was shown the answer 3, and goes on from it: 6 6.
    expect(attempt.submit('6 6')).toMatchObject({ kind: 'settled', step: 2, correct: true, expected: [6, 6] });
  });

  it('right only after retries: Hard', () => {
    const attempt = new StepsAttempt(doubling());
    for (const input of ['1', '3', '1 1', '6 6', '35']) attempt.submit(input);
    expect(attempt.tally()).toEqual({ of: 3, firstTry: 1, afterRetry: 2, wrong: 0 });
    expect(stepsRating(attempt.tally())).toBe(2);
  });

  it('input it cannot read changes nothing', () => {
    const attempt = new StepsAttempt(doubling());
    expect(attempt.submit('three')).toMatchObject({ kind: 'invalid', message: { en: 'expected a number such as 0.25 or 1/3, got "three"' } });
    expect(attempt.attempt).toBe(1);
    expect(attempt.index).toBe(0);
  });

  it('shows values as a learner reads them', () => {
    expect(showValues([0.5])).toBe('0.5');
    expect(showValues([1 / 3, -2])).toBe('[0.3333, -2]');
  });
});

describe('the slips each exercise names', () => {
  const tanh = (a: number): number => Math.tanh(a);
  const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
  const softmax = (z: readonly number[]): number[] => {
    const e = z.map((value) => Math.exp(value));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((value) => value / total);
  };
  /** [generator, step (1-based), slip, the slipped answer from the correct chain and the prompt]. */
  const cases: Array<[StepsGeneratorName, number, SlipCode, (chain: number[][], prompt: string) => number[]]> = [
    ['attention-steps', 2, 'no-scale', (chain) => chain[0]!],
    ['attention-steps', 2, 'scale-by-d', (chain) => chain[0]!.map((s) => s / 4)],
    ['attention-steps', 3, 'no-scale', (chain) => softmax(chain[0]!)],
    ['attention-steps', 3, 'no-normalize', (chain) => chain[1]!.map(Math.exp)],
    ['attention-steps', 4, 'scores-for-weights', (chain, prompt) => [chain[1]!.reduce((sum, s, j) => sum + s * values(prompt)[j]!, 0)]],
    ['rnn-steps', 1, 'transposed', (_, prompt) => transposedProduct(prompt, 'W_x', 'x_t')],
    ['rnn-steps', 3, 'no-bias', (chain) => chain[0]!.map((value, i) => value + chain[1]![i]!)],
    ['rnn-steps', 4, 'sigmoid-for-tanh', (chain) => chain[2]!.map(logistic)],
    ['rnn-steps', 4, 'no-activation', (chain) => chain[2]!],
    ['backprop-steps', 1, 'no-bias', (chain, prompt) => [chain[0]![0]! - scalarIn(prompt, 'b')]],
    ['backprop-steps', 2, 'tanh-for-sigmoid', (chain) => [tanh(chain[0]![0]!)]],
    ['backprop-steps', 3, 'sign', (chain) => [-chain[2]![0]!]],
    ['backprop-steps', 4, 'no-slope', (chain) => chain[2]!],
    ['perceptron-steps', 3, 'sign', (chain) => [-chain[2]![0]!]],
    ['perceptron-steps', 5, 'no-rate', (chain, prompt) => [scalarIn(prompt, 'b') + chain[2]![0]!]],
    ['cosine-steps', 2, 'no-sqrt', (chain) => [chain[1]![0]! ** 2]],
    ['cosine-steps', 4, 'norms-added', (chain) => [chain[0]![0]! / (chain[1]![0]! + chain[2]![0]!)]],
  ];

  it.each(cases)('%s step %i: %s', (generator, step, code, slipped) => {
    const rng = lcg(7);
    let tried = 0;
    let named = 0;
    for (let draw = 0; draw < 40; draw++) {
      const exercise = generateSteps(generator, rng);
      const chain = correctChain(exercise.steps);
      const answer = slipped(chain, exercise.prompt.en);
      // Draws where the slip happens to give the right answer teach nothing about it.
      if (answer.every((value, i) => Math.abs(value - chain[step - 1]![i]!) <= exercise.tolerance)) continue;
      const attempt = new StepsAttempt(exercise);
      for (const values of chain.slice(0, step - 1)) attempt.submit(values.join(' '));
      const feedback = attempt.submit(answer.join(' '));
      // Always a slip named; another one only where two slips happen to give the same numbers.
      expect(feedback).toMatchObject({ kind: 'retry', step, slip: expect.any(String) });
      tried++;
      if (feedback.kind === 'retry' && feedback.slip === code) named++;
    }
    expect(tried).toBeGreaterThan(10);
    expect(named / tried).toBeGreaterThanOrEqual(0.8);
  });
});

function scalarIn(prompt: string, name: string): number {
  return Number(new RegExp(`\\s${name} = (-?[\\d.]+)`).exec(prompt)![1]);
}
function values(prompt: string): number[] {
  return JSON.parse(/\sv = (\[.*?\])/.exec(prompt)![1]!) as number[];
}
function transposedProduct(prompt: string, matrixName: string, vectorName: string): number[] {
  const rows = JSON.parse(new RegExp(`${matrixName} = (\\[\\[.*?\\]\\])`).exec(prompt)![1]!) as number[][];
  const x = JSON.parse(new RegExp(`${vectorName} = (\\[.*?\\])`).exec(prompt)![1]!) as number[];
  return rows[0]!.map((_, column) => rows.reduce((sum, row, i) => sum + row[column]! * x[i]!, 0));
}
