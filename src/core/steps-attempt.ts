/**
 * One learner's way through a worked exercise (src/core/steps.ts), a step at a time: reading a
 * step's answer, grading it with carry-forward, naming the slip of a wrong one, and the card's
 * rating from how the steps went. Pure.
 */
import { describeProblem, parseNumberInput, withinTolerance, type InputProblem } from './answer-input.js';
import { localize } from './errors.js';
import { num, vec } from './draw.js';
import type { Rating } from './schedule.js';
import type { LocalizedText } from './topics.js';
import { correctChain, type SlipCandidate, type SlipCode, type StepsExercise, type StepSpec, type Values } from './steps.js';

export type StepInput = { ok: true; values: number[] } | { ok: false; problem: InputProblem };

/**
 * Reads a step's answer: one number as a numeric question reads it (src/core/answer-input.ts), or
 * `size` numbers separated by spaces, commas, semicolons or "、", optionally in brackets
 * ("[0.5, -1]"). A fraction keeps its slash ("1/3"; spaces around it are fine).
 */
export function parseStepInput(input: string, size: number): StepInput {
  if (size === 1) {
    const parsed = parseNumberInput(input);
    return parsed.ok ? { ok: true, values: [parsed.value] } : parsed;
  }
  const tokens = input
    .normalize('NFKC')
    .trim()
    .replace(/^[[(]|[\])]$/gu, '')
    .replace(/\s*\/\s*/gu, '/')
    // \u3001 is the ideographic comma (the bundle must stay ASCII, see src/build/bundle.mjs).
    .split(/[\s,;\u3001]+/u)
    .filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (tokens.length !== size) return { ok: false, problem: { code: 'wrong-count', input, expected: size, got: tokens.length } };
  const values: number[] = [];
  for (const token of tokens) {
    const parsed = parseNumberInput(token);
    if (!parsed.ok) return parsed.problem.code === 'not-a-number' ? { ok: false, problem: { code: 'not-a-number', input } } : parsed;
    values.push(parsed.value);
  }
  return { ok: true, values };
}

/** A step's value as a learner reads it: "0.5" for one number, "[0.5, -1]" for several. */
export function showValues(values: Values): string {
  return values.length === 1 ? num(values[0] ?? Number.NaN) : vec(values);
}

function matches(values: Values, expected: Values, tolerance: number): boolean {
  return values.length === expected.length && values.every((value, i) => withinTolerance(value, expected[i] ?? Number.NaN, tolerance));
}

/**
 * The first slip that explains every wrong entry of an answer: each entry that is off from
 * `expected` equals (within tolerance) one of the values the slip gives there.
 */
export function detectSlip(values: Values, expected: Values, candidates: readonly SlipCandidate[], tolerance: number): SlipCode | undefined {
  const wrong = values.flatMap((value, i) => (withinTolerance(value, expected[i] ?? Number.NaN, tolerance) ? [] : [i]));
  if (wrong.length === 0) return undefined;
  const explains = (candidate: SlipCandidate): boolean =>
    wrong.every((i) => (candidate.entries[i] ?? []).some((slipped) => Number.isFinite(slipped) && withinTolerance(values[i] ?? Number.NaN, slipped, tolerance)));
  return candidates.find(explains)?.code;
}

/** How the steps went: right first time, right at the retry, wrong after it. */
export interface StepTally {
  of: number;
  firstTry: number;
  afterRetry: number;
  wrong: number;
}

/**
 * The card's rating for the scheduler (FSRS, 1-4) from its steps: every step right first time is
 * Good; every step right in the end, some only at the retry, is Hard; a step still wrong after its
 * retry is Again. Easy is never given: the exercise cannot tell easy from well known.
 */
export function stepsRating(tally: StepTally): Rating {
  if (tally.wrong > 0) return 1;
  return tally.afterRetry > 0 ? 2 : 3;
}

/** What the learner is told after submitting a step. */
export type StepFeedback =
  /** The input could not be read (wrong count, not a number): ask the same step again. */
  | { kind: 'invalid'; message: LocalizedText }
  /** Wrong at the first try: a hint, and one more try. */
  | { kind: 'retry'; step: number; slip: SlipCode | undefined; hint: LocalizedText }
  /** The step is done: right (at either try), or wrong after the retry (with a hint saying the answer). */
  | { kind: 'settled'; step: number; correct: boolean; firstTry: boolean; expected: number[]; entered: number[]; slip: SlipCode | undefined; hint: LocalizedText | undefined };

/** One learner's way through one exercise, a step at a time. */
export class StepsAttempt {
  /** The correct value of every step. */
  readonly chain: number[][];
  /** What the learner entered for each settled step: the values carried forward. */
  private readonly entered: number[][] = [];
  private readonly results: Array<'first' | 'retry' | 'wrong'> = [];
  private wrongTries = 0;

  constructor(readonly exercise: StepsExercise) {
    this.chain = correctChain(exercise.steps);
  }

  /** 0-based index of the step being asked; equals the step count once done. */
  get index(): number {
    return this.entered.length;
  }

  get done(): boolean {
    return this.index >= this.exercise.steps.length;
  }

  /** 1 for a first try, 2 for the retry. */
  get attempt(): number {
    return this.wrongTries + 1;
  }

  /** The step being asked (undefined once done). */
  get current(): StepSpec | undefined {
    return this.exercise.steps[this.index];
  }

  /** Why an input cannot be graded for the current step, or undefined when it can. */
  check(input: string): LocalizedText | undefined {
    const parsed = parseStepInput(input, this.current?.size ?? 1);
    return parsed.ok ? undefined : describeProblem(parsed.problem);
  }

  submit(input: string): StepFeedback {
    const step = this.current;
    if (!step) throw new RangeError('every step is already answered');
    const parsed = parseStepInput(input, step.size);
    if (!parsed.ok) return { kind: 'invalid', message: describeProblem(parsed.problem) };
    const { values } = parsed;
    const { tolerance } = this.exercise;
    const number = this.index + 1;
    const correct = this.chain[this.index] ?? [];
    // The learner's own numbers may leave nothing to compute (a length of 0 to divide by): then
    // only the correct chain counts.
    const computed = step.compute(this.entered);
    const own = computed.every(Number.isFinite) ? computed : correct;
    if (matches(values, own, tolerance) || matches(values, correct, tolerance)) {
      const firstTry = this.wrongTries === 0;
      this.settle(values, firstTry ? 'first' : 'retry');
      return { kind: 'settled', step: number, correct: true, firstTry, expected: matches(values, own, tolerance) ? own : correct, entered: values, slip: undefined, hint: undefined };
    }
    const slip =
      detectSlip(values, own, step.slips(this.entered), tolerance) ??
      (this.entered.length > 0 ? detectSlip(values, correct, step.slips(this.chain.slice(0, this.index)), tolerance) : undefined);
    if (this.wrongTries === 0) {
      this.wrongTries = 1;
      return { kind: 'retry', step: number, slip, hint: localize((t) => t.steps.hint(slip ? t.steps.slip[slip] : undefined, step.formula[t.lang])) };
    }
    this.settle(values, 'wrong');
    const next = number < this.exercise.steps.length ? number + 1 : undefined;
    const hint = localize((t) => t.steps.settledWrong(slip ? t.steps.slip[slip] : undefined, showValues(own), showValues(values), next));
    return { kind: 'settled', step: number, correct: false, firstTry: false, expected: own, entered: values, slip, hint };
  }

  private settle(values: number[], result: 'first' | 'retry' | 'wrong'): void {
    this.entered.push(values);
    this.results.push(result);
    this.wrongTries = 0;
  }

  tally(): StepTally {
    const count = (result: 'first' | 'retry' | 'wrong'): number => this.results.filter((entry) => entry === result).length;
    return { of: this.exercise.steps.length, firstTry: count('first'), afterRetry: count('retry'), wrong: count('wrong') };
  }
}
