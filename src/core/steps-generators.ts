/**
 * Worked-exercise generators (issue 12): each review draws fresh small numbers from the seeded rng
 * and builds the exercise's steps, each computed with the src/math functions the demos use (the
 * correct chain of `attention-steps` is what `ml-tutor demo attention` prints for the same numbers;
 * tests/core/steps-generators.test.ts checks every chain against independent arithmetic).
 * This file: attention (attention topic) and cosine similarity (nlp); the neuron exercises are in
 * src/core/steps-neurons.ts.
 */
import type { Messages } from '../i18n/index.js';
import { dotScore } from '../math/attention.js';
import { dot, sum } from '../math/matrix.js';
import { norm } from '../math/similarity.js';
import { softmax } from '../math/softmax.js';
import { drawNonZeroVector, drawVector, factor, num, products, vec, type Rng } from './draw.js';
import { localize } from './errors.js';
import { GENERATED_TOLERANCE } from './generators.js';
import type { StepsGeneratorName } from './question.js';
import { backpropSteps, perceptronSteps, rnnSteps } from './steps-neurons.js';
import { correctChain, defineStep, prior, signSlips, slipOf, type StepsExercise, type StepSpec } from './steps.js';

/** Each number divided by their sum (softmax without the exponentials: a slip). */
function dividedBySum(values: readonly number[]): number[] {
  const total = sum(values);
  return values.map((value) => value / total);
}

/**
 * One query against three keys (d_k = 4, so √d_k = 2), each key with a one-number value:
 * scores, scaled scores, softmax weights, then the weighted sum of the values
 * (Vaswani et al. 2017, eq. 1: softmax(q Kᵀ / √d_k) V).
 */
function attentionSteps(rng: Rng): StepsExercise {
  const width = 4;
  const root = Math.sqrt(width);
  const query = drawVector(rng, width, -1, 1);
  const keys = [drawVector(rng, width, -1, 1), drawVector(rng, width, -1, 1), drawVector(rng, width, -1, 1)];
  const values = drawVector(rng, keys.length, -2, 3);
  const texts = (t: Messages) => t.steps.attention;
  const steps: StepSpec[] = [
    defineStep(
      texts,
      0,
      keys.length,
      () => keys.map((key) => dotScore(query, key)),
      () => [
        { code: 'wrong-key', entries: keys.map((_, j) => keys.flatMap((other, m) => (m === j ? [] : [dotScore(query, other)]))) },
        { code: 'sign', entries: keys.map((key) => signSlips(query, key)) },
      ],
    ),
    defineStep(
      texts,
      1,
      keys.length,
      (earlier) => prior(earlier, 0).map((score) => score / root),
      (earlier) => {
        const scores = prior(earlier, 0);
        return [
          slipOf('no-scale', scores),
          slipOf('scale-by-d', scores.map((score) => score / width)),
          slipOf('scale-times', scores.map((score) => score * root)),
          slipOf('sign', scores.map((score) => -score / root)),
        ];
      },
    ),
    defineStep(
      texts,
      2,
      keys.length,
      (earlier) => softmax(prior(earlier, 1)),
      (earlier) => {
        const scaled = prior(earlier, 1);
        return [
          slipOf('no-scale', softmax(prior(earlier, 0))),
          slipOf('no-exp', dividedBySum(scaled)),
          slipOf('no-normalize', scaled.map((value) => Math.exp(value))),
          slipOf('sign', softmax(scaled.map((value) => -value))),
        ];
      },
    ),
    defineStep(
      texts,
      3,
      1,
      (earlier) => [dot(prior(earlier, 2), values)],
      (earlier) => [
        { code: 'unweighted', entries: [[sum(values), sum(values) / values.length]] },
        slipOf('scores-for-weights', [dot(prior(earlier, 1), values)]),
        slipOf('no-scale', [dot(softmax(prior(earlier, 0)), values)]),
      ],
    ),
  ];
  const [scores = [], scaled = [], weights = [], [output = 0] = []] = correctChain(steps);
  const weightedValues = weights.map((weight, j) => `${num(weight)}·${factor(values[j] ?? 0)}`).join(' + ');
  return {
    generator: 'attention-steps',
    prompt: localize((t) => `${t.steps.attention.prompt(vec(query), keys.map(vec), vec(values), width)}\n${t.steps.round(2)}`),
    steps,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.steps.attention.explain(vec(scores), width, num(root), vec(scaled), vec(weights), weightedValues, num(output))),
  };
}

/** cos θ = a·b / (‖a‖ ‖b‖), a step per part: the dot product, each length, the quotient. */
function cosineSteps(rng: Rng): StepsExercise {
  const a = drawNonZeroVector(rng, 3, -3, 3);
  const b = drawNonZeroVector(rng, 3, -3, 3);
  const texts = (t: Messages) => t.steps.cosine;
  const lengthSlips = (vector: readonly number[]) => [
    slipOf('no-sqrt', [dot(vector, vector)]),
    slipOf('abs-sum', [sum(vector.map((value) => Math.abs(value)))]),
  ];
  const steps: StepSpec[] = [
    defineStep(texts, 0, 1, () => [dot(a, b)], () => [{ code: 'sign', entries: [signSlips(a, b)] }]),
    defineStep(texts, 1, 1, () => [norm(a)], () => lengthSlips(a)),
    defineStep(texts, 2, 1, () => [norm(b)], () => lengthSlips(b)),
    defineStep(
      texts,
      3,
      1,
      (earlier) => [(prior(earlier, 0)[0] ?? 0) / ((prior(earlier, 1)[0] ?? 0) * (prior(earlier, 2)[0] ?? 0))],
      (earlier) => {
        const [product = 0] = prior(earlier, 0);
        const [lengthA = 0] = prior(earlier, 1);
        const [lengthB = 0] = prior(earlier, 2);
        return [slipOf('norms-added', [product / (lengthA + lengthB)]), slipOf('sign', [-product / (lengthA * lengthB)])];
      },
    ),
  ];
  const [[product = 0] = [], [lengthA = 0] = [], [lengthB = 0] = [], [cosineValue = 0] = []] = correctChain(steps);
  const written = products(a, b);
  return {
    generator: 'cosine-steps',
    prompt: localize((t) => `${t.steps.cosine.prompt(vec(a), vec(b))}\n${t.steps.round(2)}`),
    steps,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.steps.cosine.explain(written, num(product), num(lengthA), num(lengthB), num(cosineValue))),
  };
}

export const STEPS_GENERATORS: Readonly<Record<StepsGeneratorName, (rng: Rng) => StepsExercise>> = {
  'attention-steps': attentionSteps,
  'rnn-steps': rnnSteps,
  'backprop-steps': backpropSteps,
  'perceptron-steps': perceptronSteps,
  'cosine-steps': cosineSteps,
};

/** Draws one exercise from the named generator. */
export function generateSteps(name: StepsGeneratorName, rng: Rng): StepsExercise {
  return STEPS_GENERATORS[name](rng);
}
