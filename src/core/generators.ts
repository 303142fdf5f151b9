/**
 * Numeric question generators (issue 4): each review draws fresh small numbers from the seeded rng
 * and computes the answer with the same src/math functions the demos use, so a quiz can never
 * disagree with a demo. Numbers are kept small (integers, or one decimal) so the working fits on
 * paper; answers are asked to 2 decimal places and accepted within ±0.01.
 */
import type { GeneratorName } from './question.js';
import { GENERATOR_NAMES } from './question.js';
import type { LocalizedText } from './topics.js';
import { localize } from './errors.js';
import { at, drawInt, drawNonZeroVector, drawTenths, drawVector, factor, num, products, signed, vec, type Rng } from './draw.js';
import { sigmoid } from '../math/activations.js';
import { attention } from '../math/attention.js';
import { dot } from '../math/matrix.js';
import { rnnStep } from '../math/rnn.js';
import { cosine } from '../math/similarity.js';
import { softmax } from '../math/softmax.js';

/** One concrete question drawn by a generator. */
export interface GeneratedProblem {
  generator: GeneratorName;
  /** The question with its numbers, e.g. "Scores z = [1, 2, 0]. What is softmax(z)₂? …". */
  prompt: LocalizedText;
  answer: number;
  /** Accepted absolute error: 0.01 for answers asked to 2 decimal places. */
  tolerance: number;
  /** The worked solution with the intermediate numbers. */
  explain: LocalizedText;
}

export type { Rng };

export const GENERATED_TOLERANCE = 0.01;

export function isGeneratorName(value: string): value is GeneratorName {
  return (GENERATOR_NAMES as readonly string[]).includes(value);
}

/** p_i = e^{z_i} / Σ_j e^{z_j} for one drawn i. */
function softmaxProb(rng: Rng): GeneratedProblem {
  const scores = drawVector(rng, 3, -2, 3);
  const index = drawInt(rng, 0, scores.length - 1);
  const probabilities = softmax(scores);
  const answer = at(probabilities, index);
  const exps = scores.map((score) => Math.exp(score));
  const total = exps.reduce((sum, value) => sum + value, 0);
  const position = index + 1;
  const working =
    `e^${factor(at(scores, index))} / (${scores.map((score) => `e^${factor(score)}`).join(' + ')}) = ` +
    `${num(at(exps, index))} / ${num(total)} = ${num(answer)}`;
  return {
    generator: 'softmax-prob',
    prompt: localize((t) => t.generated.softmaxPrompt(vec(scores), position, num(at(scores, index)))),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.softmaxExplain(working)),
  };
}

/** score = q·k / √d_k (Vaswani et al. 2017, eq. 1). */
function scaledDotScore(rng: Rng): GeneratedProblem {
  const width = rng() < 0.5 ? 2 : 4;
  const query = drawVector(rng, width, -2, 2);
  const key = drawVector(rng, width, -2, 2);
  const raw = dot(query, key);
  const answer = at(attention([query], [key], [[0]], { score: 'scaled-dot', mask: 'none' }).scores[0] ?? [], 0);
  const written = products(query, key);
  return {
    generator: 'scaled-dot-score',
    prompt: localize((t) => t.generated.scaledDotPrompt(vec(query), vec(key), width)),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.scaledDotExplain(written, num(raw), width, num(Math.sqrt(width)), num(answer))),
  };
}

/** weight_j = softmax_j(q·k_j / √d_k) over three keys. */
function attentionWeight(rng: Rng): GeneratedProblem {
  const width = 2;
  const query = drawVector(rng, width, -1, 2);
  const keys = [drawVector(rng, width, -1, 2), drawVector(rng, width, -1, 2), drawVector(rng, width, -1, 2)];
  const index = drawInt(rng, 0, keys.length - 1);
  // The values do not affect the weights; the keys stand in for them.
  const result = attention([query], keys, keys, { score: 'scaled-dot', mask: 'none' });
  const scores = result.scores[0] ?? [];
  const weights = result.weights[0] ?? [];
  const answer = at(weights, index);
  const position = index + 1;
  const keyList = keys.map((key, i) => `k${i + 1} = ${vec(key)}`).join(', ');
  return {
    generator: 'attention-weight',
    prompt: localize((t) => t.generated.attentionPrompt(vec(query), keyList, width, position)),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.attentionExplain(width, vec(scores), vec(weights), position, num(answer))),
  };
}

/** cos θ = a·b / (‖a‖ ‖b‖). */
function cosineProblem(rng: Rng): GeneratedProblem {
  const a = drawNonZeroVector(rng, 3, -3, 3);
  const b = drawNonZeroVector(rng, 3, -3, 3);
  const answer = cosine(a, b);
  const normA = Math.sqrt(dot(a, a));
  const normB = Math.sqrt(dot(b, b));
  return {
    generator: 'cosine',
    prompt: localize((t) => t.generated.cosinePrompt(vec(a), vec(b))),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.cosineExplain(num(dot(a, b)), num(normA), num(normB), num(answer))),
  };
}

/** One step of a single-unit Elman RNN: h_t = tanh(W_x·x_t + w_h h_(t−1) + b). */
function rnnStepProblem(rng: Rng): GeneratedProblem {
  const input = drawVector(rng, 2, -1, 2);
  const inputWeights = [drawTenths(rng, -1, 1), drawTenths(rng, -1, 1)];
  const recurrentWeight = drawTenths(rng, -1, 1);
  const previous = drawTenths(rng, -1, 1);
  const bias = drawTenths(rng, -0.5, 0.5);
  const answer = at(rnnStep(input, [previous], [inputWeights], [[recurrentWeight]], [bias]), 0);
  const preActivation = dot(inputWeights, input) + recurrentWeight * previous + bias;
  const working =
    `${factor(at(inputWeights, 0))}·${factor(at(input, 0))} ${signed(at(inputWeights, 1))}·${factor(at(input, 1))} ` +
    `${signed(recurrentWeight)}·${factor(previous)} ${signed(bias)} = ${num(preActivation)}`;
  return {
    generator: 'rnn-step',
    prompt: localize((t) => t.generated.rnnPrompt(vec(inputWeights), num(recurrentWeight), num(bias), vec(input), num(previous))),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.rnnExplain(working, num(preActivation), num(answer))),
  };
}

/** A neuron's output σ(w·x + b), σ(z) = 1 / (1 + e^(−z)). */
function sigmoidProblem(rng: Rng): GeneratedProblem {
  // Weights in tenths keep z within about ±4, where σ is not yet saturated at 0.00 or 1.00.
  const weights = [drawTenths(rng, -1, 1), drawTenths(rng, -1, 1)];
  const input = drawVector(rng, 2, -2, 2);
  const bias = drawTenths(rng, -1, 1);
  const z = dot(weights, input) + bias;
  const answer = sigmoid(z);
  const written = products(weights, input);
  return {
    generator: 'sigmoid',
    prompt: localize((t) => t.generated.sigmoidPrompt(vec(weights), num(bias), vec(input))),
    answer,
    tolerance: GENERATED_TOLERANCE,
    explain: localize((t) => t.generated.sigmoidExplain(written, signed(bias), num(z), num(answer))),
  };
}

export const GENERATORS: Readonly<Record<GeneratorName, (rng: Rng) => GeneratedProblem>> = {
  'softmax-prob': softmaxProb,
  'scaled-dot-score': scaledDotScore,
  'attention-weight': attentionWeight,
  cosine: cosineProblem,
  'rnn-step': rnnStepProblem,
  sigmoid: sigmoidProblem,
};

/** Draws one problem from the named generator. */
export function generateProblem(name: GeneratorName, rng: Rng): GeneratedProblem {
  return GENERATORS[name](rng);
}
