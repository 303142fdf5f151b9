/**
 * Worked exercises on single units (issue 12; registered in src/core/steps-generators.ts): one RNN
 * step (rnn topic), backpropagation through one sigmoid neuron and one perceptron update
 * (deep-learning). Each step computes with the src/math functions the demos use.
 */
import type { Messages } from '../i18n/index.js';
import { sigmoid, tanh } from '../math/activations.js';
import { add, dot, matvec, transpose } from '../math/matrix.js';
import { perceptronPredict, threshold } from '../math/perceptron.js';
import { at, drawInt, drawTenths, drawVector, num, products, signed, vec, type Rng } from './draw.js';
import { localize } from './errors.js';
import { GENERATED_TOLERANCE } from './generators.js';
import { correctChain, defineStep, prior, signSlips, slipOf, type SlipCandidate, type StepsExercise, type StepSpec, type StepTexts } from './steps.js';

/** The first number of a one-number step's value. */
function only(values: readonly number[]): number {
  return at(values, 0);
}

/** A matrix as a learner reads it, row by row: "[[0.5, -0.2], [0.1, 0.3]]". */
function matrix(rows: readonly (readonly number[])[]): string {
  return `[${rows.map(vec).join(', ')}]`;
}

/** A matrix-vector product's slips: a column used for a row (Wᵀv), or a sign in one row's products. */
function productSlips(weights: number[][], vector: readonly number[]): SlipCandidate[] {
  return [slipOf('transposed', matvec(transpose(weights), vector)), { code: 'sign', entries: weights.map((row) => signSlips(row, vector)) }];
}

/** Step 1 of a neuron: z = w·x + b; the slips are a forgotten bias, or a sign in a product or the bias. */
function weightedSumStep(texts: (t: Messages) => StepTexts, weights: readonly number[], input: readonly number[], bias: number): StepSpec {
  const sum = dot(weights, input);
  return defineStep(
    texts,
    0,
    1,
    () => [sum + bias],
    () => [slipOf('no-bias', [sum]), { code: 'sign', entries: [[...signSlips(weights, input).map((value) => value + bias), sum - bias]] }],
  );
}

/** h_t = tanh(W_x x_t + W_h h_(t−1) + b) with two hidden units (Elman 1990), in its four parts. */
export function rnnSteps(rng: Rng): StepsExercise {
  const tenthsRow = (): number[] => [drawTenths(rng, -1, 1), drawTenths(rng, -1, 1)];
  const inputWeights = [tenthsRow(), tenthsRow()];
  const recurrentWeights = [tenthsRow(), tenthsRow()];
  const input = drawVector(rng, 2, -1, 2);
  const previous = tenthsRow();
  const bias = [drawTenths(rng, -0.5, 0.5), drawTenths(rng, -0.5, 0.5)];
  const texts = (t: Messages) => t.steps.rnn;
  const steps: StepSpec[] = [
    defineStep(texts, 0, 2, () => matvec(inputWeights, input), () => productSlips(inputWeights, input)),
    defineStep(texts, 1, 2, () => matvec(recurrentWeights, previous), () => productSlips(recurrentWeights, previous)),
    defineStep(
      texts,
      2,
      2,
      (earlier) => add(add(prior(earlier, 0), prior(earlier, 1)), bias),
      (earlier) => {
        const inputPart = prior(earlier, 0);
        const recurrentPart = prior(earlier, 1);
        return [
          slipOf('no-bias', add(inputPart, recurrentPart)),
          {
            code: 'sign',
            entries: bias.map((b, i) => {
              const [x = 0, h = 0] = [inputPart[i], recurrentPart[i]];
              return [x + h - b, x - h + b, h - x + b];
            }),
          },
        ];
      },
    ),
    defineStep(
      texts,
      3,
      2,
      (earlier) => prior(earlier, 2).map(tanh),
      (earlier) => {
        const pre = prior(earlier, 2);
        return [slipOf('sigmoid-for-tanh', pre.map(sigmoid)), slipOf('no-activation', pre), slipOf('sign', pre.map((value) => -tanh(value)))];
      },
    ),
  ];
  const [inputPart = [], recurrentPart = [], pre = [], hidden = []] = correctChain(steps);
  return {
    generator: 'rnn-steps',
    prompt: localize((t) => `${t.steps.rnn.prompt(matrix(inputWeights), matrix(recurrentWeights), vec(bias), vec(input), vec(previous))}\n${t.steps.round(2)}`),
    steps,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.steps.rnn.explain(vec(inputPart), vec(recurrentPart), vec(pre), vec(hidden))),
  };
}

/**
 * Backpropagation through one sigmoid neuron with loss L = ½(ŷ − y)²: the forward pass (z, ŷ),
 * then the chain rule backwards (∂L/∂ŷ = ŷ − y, δ = ∂L/∂ŷ·σ'(z), ∂L/∂w = δ·x); Rumelhart,
 * Hinton & Williams 1986. Small gradients, so asked to 3 decimal places.
 */
export function backpropSteps(rng: Rng): StepsExercise {
  const weights = [drawTenths(rng, -1, 1), drawTenths(rng, -1, 1)];
  const input = drawVector(rng, 2, -2, 2);
  const bias = drawTenths(rng, -1, 1);
  const target = drawInt(rng, 0, 1);
  const texts = (t: Messages) => t.steps.backprop;
  const slope = (output: number): number => output * (1 - output);
  const steps: StepSpec[] = [
    weightedSumStep(texts, weights, input, bias),
    defineStep(
      texts,
      1,
      1,
      (earlier) => [sigmoid(only(prior(earlier, 0)))],
      (earlier) => [slipOf('tanh-for-sigmoid', [tanh(only(prior(earlier, 0)))]), slipOf('sign', [sigmoid(-only(prior(earlier, 0)))])],
    ),
    defineStep(texts, 2, 1, (earlier) => [only(prior(earlier, 1)) - target], (earlier) => [slipOf('sign', [target - only(prior(earlier, 1))])]),
    defineStep(
      texts,
      3,
      1,
      (earlier) => [only(prior(earlier, 2)) * slope(only(prior(earlier, 1)))],
      (earlier) => {
        const upstream = only(prior(earlier, 2));
        return [slipOf('no-slope', [upstream]), slipOf('sign', [-upstream * slope(only(prior(earlier, 1)))])];
      },
    ),
    defineStep(
      texts,
      4,
      2,
      (earlier) => input.map((x) => only(prior(earlier, 3)) * x),
      (earlier) => {
        const delta = only(prior(earlier, 3));
        return [slipOf('no-input', input.map(() => delta)), slipOf('sign', input.map((x) => -delta * x))];
      },
    ),
  ];
  const [[z = 0] = [], [output = 0] = [], [upstream = 0] = [], [delta = 0] = [], gradients = []] = correctChain(steps);
  const written = products(weights, input);
  return {
    generator: 'backprop-steps',
    prompt: localize((t) => `${t.steps.backprop.prompt(vec(weights), num(bias), vec(input), target)}\n${t.steps.round(3)}`),
    steps,
    tolerance: 0.002,
    explain: localize((t) => t.steps.backprop.explain(written, signed(bias), num(z), num(output), num(upstream), num(slope(output)), num(delta), vec(gradients))),
  };
}

const PERCEPTRON_INPUTS: readonly (readonly number[])[] = [
  [0, 1],
  [1, 0],
  [1, 1],
];
const LEARNING_RATES = [0.1, 0.5, 1];

/**
 * One visit of the perceptron rule (Rosenblatt 1958): the sum, the prediction, the error, then
 * w ← w + η(y − ŷ)x and b ← b + η(y − ŷ). The example is misclassified three times in four, so
 * there is usually something to update.
 */
export function perceptronSteps(rng: Rng): StepsExercise {
  const weights = [drawTenths(rng, -1, 1), drawTenths(rng, -1, 1)];
  const input = [...(PERCEPTRON_INPUTS[drawInt(rng, 0, PERCEPTRON_INPUTS.length - 1)] ?? [1, 1])];
  let bias = drawTenths(rng, -1, 1);
  // A sum of exactly 0 is where rounding could decide the prediction (0.1 + 0.2 − 0.3 > 0): move b.
  if (Math.abs(dot(weights, input) + bias) < 0.05) bias = Number((bias + 0.1).toFixed(1));
  const rate = LEARNING_RATES[drawInt(rng, 0, LEARNING_RATES.length - 1)] ?? 1;
  const predicted = perceptronPredict(weights, bias, input);
  const target = rng() < 0.75 ? 1 - predicted : predicted;
  const texts = (t: Messages) => t.steps.perceptron;
  const error = (earlier: readonly (readonly number[])[]): number => only(prior(earlier, 2));
  const steps: StepSpec[] = [
    weightedSumStep(texts, weights, input, bias),
    defineStep(
      texts,
      1,
      1,
      (earlier) => [threshold(only(prior(earlier, 0)))],
      (earlier) => (only(prior(earlier, 0)) === 0 ? [slipOf('threshold', [1])] : []),
    ),
    defineStep(texts, 2, 1, (earlier) => [target - only(prior(earlier, 1))], (earlier) => [slipOf('sign', [only(prior(earlier, 1)) - target])]),
    defineStep(
      texts,
      3,
      2,
      (earlier) => weights.map((w, i) => w + rate * error(earlier) * (input[i] ?? 0)),
      (earlier) => [
        slipOf('sign', weights.map((w, i) => w - rate * error(earlier) * (input[i] ?? 0))),
        slipOf('no-rate', weights.map((w, i) => w + error(earlier) * (input[i] ?? 0))),
      ],
    ),
    defineStep(
      texts,
      4,
      1,
      (earlier) => [bias + rate * error(earlier)],
      (earlier) => [slipOf('sign', [bias - rate * error(earlier)]), slipOf('no-rate', [bias + error(earlier)])],
    ),
  ];
  const [[sum = 0] = [], [prediction = 0] = [], [difference = 0] = [], newWeights = [], [newBias = 0] = []] = correctChain(steps);
  return {
    generator: 'perceptron-steps',
    prompt: localize((t) => `${t.steps.perceptron.prompt(vec(weights), num(bias), vec(input), target, num(rate))}\n${t.steps.round(2)}`),
    steps,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.steps.perceptron.explain(num(sum), prediction, difference, vec(newWeights), num(newBias))),
  };
}
