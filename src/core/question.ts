/**
 * Quiz questions as parsed from ```quiz blocks (DESIGN §2). A discriminated union on `type`.
 * `line` is the 1-based line of the block's opening fence in `path`; `section` is the number of the
 * top-level (##) section the block sits in, so a wrong answer can point at what teaches it.
 */
export const QUESTION_TYPES = ['choice', 'multi', 'truefalse', 'numeric', 'text', 'steps'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Numeric question generators (issue 4): each draws fresh numbers and computes with src/math. */
export const GENERATOR_NAMES = [
  'softmax-prob',
  'scaled-dot-score',
  'attention-weight',
  'cosine',
  'rnn-step',
  'sigmoid',
] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

/**
 * Worked-exercise generators (issue 12): each draws fresh numbers and a chain of steps, each step
 * answered and checked before the next (src/core/steps.ts).
 */
export const STEPS_GENERATOR_NAMES = ['attention-steps', 'rnn-steps', 'backprop-steps', 'perceptron-steps', 'cosine-steps'] as const;
export type StepsGeneratorName = (typeof STEPS_GENERATOR_NAMES)[number];

export interface QuestionOption {
  text: string;
  correct: boolean;
  /** For a wrong option: why it is tempting and why it is wrong, shown when a learner picks it. */
  why?: string;
}

interface QuestionBase {
  id: string;
  prompt: string;
  explain: string;
  lessonId: string;
  section: number;
  path: string;
  line: number;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options: QuestionOption[];
}
export interface MultiQuestion extends QuestionBase {
  type: 'multi';
  options: QuestionOption[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
}
export interface StaticNumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  tolerance: number;
  generator?: undefined;
  /** A demo invocation and a dot path into its JSON result that recomputes `answer` (checked by tests). */
  verify?: { demo: string; path: string };
}
export interface GeneratedNumericQuestion extends QuestionBase {
  type: 'numeric';
  generator: GeneratorName;
  /** Optional override of the generator's own tolerance. */
  tolerance?: number;
  answer?: undefined;
}
export type NumericQuestion = StaticNumericQuestion | GeneratedNumericQuestion;
export interface TextQuestion extends QuestionBase {
  type: 'text';
  accept: string[];
}

/** A worked exercise: several numeric steps drawn by a steps generator, one card for the scheduler. */
export interface StepsQuestion extends QuestionBase {
  type: 'steps';
  generator: StepsGeneratorName;
  /** Optional override of the generator's own tolerance, for every step. */
  tolerance?: number;
}

export type Question = ChoiceQuestion | MultiQuestion | TrueFalseQuestion | NumericQuestion | TextQuestion | StepsQuestion;
