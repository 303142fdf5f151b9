/**
 * Worked exercises, the `steps` question type (issue 12): a computation in several steps, each
 * answered and checked before the next. Pure: the generators (src/core/steps-generators.ts) draw the
 * numbers and build the steps with the helpers here; a `StepsAttempt` (src/core/steps-attempt.ts)
 * grades one learner's way through them.
 *
 * Carry-forward: a step's expected value is computed from the learner's own answers to the earlier
 * steps (what they entered, right or wrong), so a slip in step 1 is counted once, in step 1. A step
 * is also right when it follows from the correct earlier values (a learner shown the correct value
 * after a failed retry may well go on from it).
 *
 * A wrong answer is compared with the values a named slip would give (a flipped sign, a forgotten
 * 1/√d_k, a wrong row…); the hint names the slip that matches, and always the step's formula. The
 * first wrong answer to a step gets the hint and one more try; a second wrong answer settles the
 * step as wrong, says what the answer was, and the exercise goes on from the learner's value.
 */
import { localize } from './errors.js';
import type { Messages } from '../i18n/index.js';
import type { StepsGeneratorName } from './question.js';
import type { LocalizedText } from './topics.js';

/** The numbers of one step's answer (one or more). */
export type Values = readonly number[];

/** The slips a hint can name (their sentences: `steps.slip` in src/i18n/{en,zh}/steps.ts). */
export const SLIP_CODES = [
  'sign',
  'no-scale',
  'scale-by-d',
  'scale-times',
  'wrong-key',
  'no-exp',
  'no-normalize',
  'unweighted',
  'scores-for-weights',
  'transposed',
  'no-bias',
  'sigmoid-for-tanh',
  'tanh-for-sigmoid',
  'no-activation',
  'no-slope',
  'no-input',
  'no-rate',
  'no-sqrt',
  'abs-sum',
  'norms-added',
  'threshold',
] as const;
export type SlipCode = (typeof SLIP_CODES)[number];

/** A slip and, for each entry of the step's answer, the values it would give there. */
export interface SlipCandidate {
  code: SlipCode;
  entries: ReadonlyArray<readonly number[]>;
}

/** One step of an exercise. The givens are closed over; `earlier` are the values of the steps before. */
export interface StepSpec {
  /** What the step asks for, with its formula in short: "the scores s_j = q·k_j, one per key". */
  label: LocalizedText;
  /** The formula a hint names, written out. */
  formula: LocalizedText;
  /** How many numbers the answer has. */
  size: number;
  compute(earlier: readonly Values[]): number[];
  /** The slips to compare a wrong answer with, most telling first. */
  slips(earlier: readonly Values[]): SlipCandidate[];
}

/** One exercise as drawn for one review. */
export interface StepsExercise {
  generator: StepsGeneratorName;
  /** The givens, written out, and how to answer. */
  prompt: LocalizedText;
  steps: readonly StepSpec[];
  /** Accepted absolute error of every number. */
  tolerance: number;
  /** The worked solution with the correct numbers. */
  explain: LocalizedText;
}

/** The texts of one exercise's steps in a message table: a label and a formula per step. */
export interface StepTexts {
  labels: readonly string[];
  formulas: readonly string[];
}

/** A step whose label and formula are entry `index` of the exercise's texts (`t.steps.attention`). */
export function defineStep(
  texts: (t: Messages) => StepTexts,
  index: number,
  size: number,
  compute: StepSpec['compute'],
  slips: StepSpec['slips'],
): StepSpec {
  return {
    label: localize((t) => texts(t).labels[index] ?? ''),
    formula: localize((t) => texts(t).formulas[index] ?? ''),
    size,
    compute,
    slips,
  };
}

/** The value of earlier step `index` (a generator's own bug if it is missing). */
export function prior(earlier: readonly Values[], index: number): Values {
  const values = earlier[index];
  if (!values) throw new RangeError(`step ${index + 1} has no value yet`);
  return values;
}

/** A slip that gives one value per entry. */
export function slipOf(code: SlipCode, values: Values): SlipCandidate {
  return { code, entries: values.map((value) => [value]) };
}

/**
 * The values a sign slip can give a dot product a·b: the whole sum negated, or one product
 * a_i·b_i counted with the wrong sign ((−1)·(−2) taken as −2, say).
 */
export function signSlips(a: Values, b: Values): number[] {
  const products = a.map((value, i) => value * (b[i] ?? 0));
  const total = products.reduce((sum, product) => sum + product, 0);
  return [-total, ...products.filter((product) => product !== 0).map((product) => total - 2 * product)];
}

/** Each step's correct value, every step computed from the correct values before it. */
export function correctChain(steps: readonly StepSpec[]): number[][] {
  const chain: number[][] = [];
  for (const step of steps) chain.push(step.compute(chain));
  return chain;
}
