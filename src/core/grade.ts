/**
 * Grading answers to the five question types (issue 4), and presenting a question for one review
 * (options shuffled with the seeded rng, generated numbers drawn).
 *
 * Input is whatever a learner types, often through a Chinese input method, so before anything else it
 * is NFKC-normalised: full-width digits and punctuation ("０．５", "１，３") become their ASCII forms.
 * Input that cannot be read returns a problem with a message in both languages instead of a grade, so
 * the caller asks again rather than counting a typo as a wrong answer.
 *
 * Accepted input, by type:
 * - choice: one option number in the order shown, 1-based ("2", "２").
 * - multi: option numbers separated by commas, spaces, "、" or ";" in any order; duplicates are
 *   ignored; correct only when the set equals the correct options exactly (all-or-nothing).
 * - truefalse: 1 (true) or 2 (false), as shown; or true/false, t/f, yes/no, y/n, 对/错, 是/否,
 *   正确/错误, 真/假, ✓/✗, in any case.
 * - numeric: a decimal ("0.5", ".5", "-1", "1e-3", "０．５", "0。5": the Chinese full stop is taken as
 *   the decimal point, since a Chinese keyboard types it for "."), or a fraction of two such numbers
 *   ("1/3", "-2 / 7"). A comma is refused with a message rather than guessed at: "1,5" is 1.5 in
 *   much of Europe and 15 in a thousands-separated "1,500". Percentages are refused too (is "50%"
 *   0.5 or 50?). Correct when |x − answer| ≤ tolerance (plus a relative 1e-9 so binary rounding of
 *   an answer like 0.1 + 0.2 cannot fail an exact match).
 * - text: correct when it equals an `accept` entry after NFKC, lower-casing and collapsing runs of
 *   whitespace to one space (trimmed). A wrong answer one typo away from an entry of 4 letters or
 *   more is still wrong, but marked `near` so the learner can be told to check the spelling.
 * A wrong multi answer names the correct options not picked (`missed`) and the wrong ones picked.
 */
import type { Lang, LocalizedText } from './topics.js';
import type {
  ChoiceQuestion,
  MultiQuestion,
  NumericQuestion,
  Question,
  QuestionOption,
  StepsQuestion,
  TextQuestion,
  TrueFalseQuestion,
} from './question.js';
import { generateProblem, type GeneratedProblem } from './generators.js';
import { generateSteps } from './steps-generators.js';
import { num } from './draw.js';
import { showValues, type StepsAttempt, type StepTally } from './steps-attempt.js';
import { correctChain, type StepsExercise } from './steps.js';
import { messages } from '../i18n/index.js';
import { shuffle } from '../math/random.js';
import { describeProblem, normalizeText, oneTypoApart, parseNumberInput, withinTolerance, type InputProblem } from './answer-input.js';


export interface ShownOption extends QuestionOption {
  /** The option's 0-based position in the lesson file, to map an answer back. */
  sourceIndex: number;
}

/** A question as shown in one review: options in their shown order, generated numbers drawn. */
export type PresentedQuestion =
  | { type: 'choice'; question: ChoiceQuestion; options: ShownOption[] }
  | { type: 'multi'; question: MultiQuestion; options: ShownOption[] }
  | { type: 'truefalse'; question: TrueFalseQuestion }
  | {
      type: 'numeric';
      question: NumericQuestion;
      answer: number;
      tolerance: number;
      /** Present for a `generator` question: its concrete prompt and worked explanation. */
      generated?: GeneratedProblem;
    }
  | { type: 'text'; question: TextQuestion }
  /** A worked exercise: its drawn numbers and steps, asked one at a time (src/core/steps-attempt.ts). */
  | { type: 'steps'; question: StepsQuestion; exercise: StepsExercise };

/** The right answer in JSON-friendly form: option numbers as shown, or the value itself. */
export type ExpectedAnswer =
  | { type: 'choice'; option: number }
  | { type: 'multi'; options: number[] }
  | { type: 'truefalse'; answer: boolean }
  | { type: 'numeric'; answer: number; tolerance: number }
  | { type: 'text'; answer: string }
  /** Each step's correct value (from the correct values before it). */
  | { type: 'steps'; answers: number[][] };

export type GradeResult =
  | {
      kind: 'graded';
      correct: boolean;
      expected: ExpectedAnswer;
      /** `picked`: the option numbers chosen, as shown (choice and multi). */
      picked?: readonly number[];
      /** multi, when wrong: shown numbers of correct options not picked, and of wrong options picked. */
      missed?: number[];
      wronglyPicked?: number[];
      /** text, when wrong: one typo away from an accepted answer of 4 letters or more. */
      near?: boolean;
      /** steps: how its steps went (the card's rating follows from it, see stepsRating). */
      steps?: StepTally;
    }
  | { kind: 'invalid'; problem: InputProblem; message: LocalizedText };

/** The two options of a truefalse question in `lang`, shown in this fixed order: 1 is true, 2 is false. */
function trueFalseLabels(lang: Lang): readonly [string, string] {
  // Looked up when asked, so an English run never loads the Chinese messages.
  const t = messages(lang);
  return [t.optionTrue, t.optionFalse];
}

const TRUE_WORDS = new Set(['1', 'true', 't', 'yes', 'y', '对', '是', '正确', '真', '✓', '✔']);
const FALSE_WORDS = new Set(['2', 'false', 'f', 'no', 'n', '错', '否', '错误', '假', '✗', '✘']);

/** The options in a seeded random order, each remembering its place in the source. */
export function shuffleOptions(options: readonly QuestionOption[], rng: () => number): ShownOption[] {
  return shuffle(
    options.map((option, sourceIndex): ShownOption => ({ ...option, sourceIndex })),
    rng,
  );
}

/**
 * Prepares a question for one review: shuffles choice and multi options and draws a generator's
 * numbers, both from `rng`. A question's own `tolerance` overrides its generator's.
 */
export function presentQuestion(question: Question, rng: () => number): PresentedQuestion {
  switch (question.type) {
    case 'choice':
      return { type: 'choice', question, options: shuffleOptions(question.options, rng) };
    case 'multi':
      return { type: 'multi', question, options: shuffleOptions(question.options, rng) };
    case 'truefalse':
      return { type: 'truefalse', question };
    case 'numeric': {
      if (question.generator === undefined) {
        return { type: 'numeric', question, answer: question.answer, tolerance: question.tolerance };
      }
      const generated = generateProblem(question.generator, rng);
      const tolerance = question.tolerance ?? generated.tolerance;
      return { type: 'numeric', question, answer: generated.answer, tolerance, generated };
    }
    case 'text':
      return { type: 'text', question };
    case 'steps': {
      const exercise = generateSteps(question.generator, rng);
      return { type: 'steps', question, exercise: question.tolerance === undefined ? exercise : { ...exercise, tolerance: question.tolerance } };
    }
  }
}

/** The options as shown (choice, multi, truefalse), for a menu or porcelain's `options`; otherwise undefined. */
export function shownOptionTexts(presented: PresentedQuestion, lang: Lang): string[] | undefined {
  switch (presented.type) {
    case 'choice':
    case 'multi':
      return presented.options.map((option) => option.text);
    case 'truefalse':
      return [...trueFalseLabels(lang)];
    case 'numeric':
    case 'text':
    case 'steps':
      return undefined;
  }
}

/** Reads "2" as option 2 of `optionCount`; undefined when it is not a whole number in range. */
function parseOptionNumber(token: string, optionCount: number): number | undefined {
  if (!/^\d+$/u.test(token)) return undefined;
  const number = Number(token);
  return number >= 1 && number <= optionCount ? number : undefined;
}

function invalid(problem: InputProblem): GradeResult {
  return { kind: 'invalid', problem, message: describeProblem(problem) };
}

/** Shown (1-based) numbers of the correct options. */
function correctNumbers(options: readonly ShownOption[]): number[] {
  return options.flatMap((option, index) => (option.correct ? [index + 1] : []));
}

/** Grades one typed answer against a presented question. */
export function gradeAnswer(presented: PresentedQuestion, input: string): GradeResult {
  const normalized = normalizeText(input);
  switch (presented.type) {
    case 'choice': {
      const count = presented.options.length;
      const expected: ExpectedAnswer = { type: 'choice', option: correctNumbers(presented.options)[0] ?? 0 };
      if (normalized === '') return invalid({ code: 'empty' });
      const chosen = parseOptionNumber(normalized, count);
      if (chosen === undefined) return invalid({ code: 'not-an-option', input, optionCount: count, several: false });
      const correct = presented.options[chosen - 1]?.correct === true;
      return { kind: 'graded', correct, expected, picked: [chosen] };
    }
    case 'multi': {
      const count = presented.options.length;
      const right = correctNumbers(presented.options);
      // \u3001 is the ideographic comma 、 (escaped: the bundle must stay ASCII, see src/build/bundle.mjs).
      const tokens = normalized.split(/[\s,\u3001;]+/u).filter((token) => token !== '');
      if (tokens.length === 0) return invalid({ code: 'empty' });
      const chosen = new Set<number>();
      for (const token of tokens) {
        const number = parseOptionNumber(token, count);
        if (number === undefined) return invalid({ code: 'not-an-option', input, optionCount: count, several: true });
        chosen.add(number);
      }
      const missed = right.filter((number) => !chosen.has(number));
      const picked = [...chosen].sort((left, right) => left - right);
      const wronglyPicked = picked.filter((number) => !right.includes(number));
      const correct = missed.length === 0 && wronglyPicked.length === 0;
      const expected: ExpectedAnswer = { type: 'multi', options: right };
      return correct ? { kind: 'graded', correct, expected, picked } : { kind: 'graded', correct, expected, picked, missed, wronglyPicked };
    }
    case 'truefalse': {
      if (normalized === '') return invalid({ code: 'empty' });
      const answer = presented.question.answer;
      const expected: ExpectedAnswer = { type: 'truefalse', answer };
      if (TRUE_WORDS.has(normalized)) return { kind: 'graded', correct: answer, expected };
      if (FALSE_WORDS.has(normalized)) return { kind: 'graded', correct: !answer, expected };
      return invalid({ code: 'not-true-false', input });
    }
    case 'numeric': {
      const parsed = parseNumberInput(input);
      if (!parsed.ok) return invalid(parsed.problem);
      const { answer, tolerance } = presented;
      const correct = withinTolerance(parsed.value, answer, tolerance);
      return { kind: 'graded', correct, expected: { type: 'numeric', answer, tolerance } };
    }
    case 'text': {
      if (normalized === '') return invalid({ code: 'empty' });
      const { accept } = presented.question;
      const accepted = accept.map(normalizeText);
      const correct = accepted.includes(normalized);
      const expected: ExpectedAnswer = { type: 'text', answer: accept[0] ?? '' };
      const near = !correct && accepted.some((candidate) => [...candidate].length >= 4 && oneTypoApart(normalized, candidate));
      return near ? { kind: 'graded', correct, expected, near } : { kind: 'graded', correct, expected };
    }
    case 'steps':
      // A caller's bug, not the learner's: an exercise is graded a step at a time (StepsAttempt).
      throw new RangeError('a worked exercise is graded step by step (src/core/steps-attempt.ts)');
  }
}

/** A wrong option the learner picked, with the lesson's reason it is wrong. */
export interface WrongPick {
  /** Its number as shown. */
  option: number;
  why: string;
}

/** The `why` of every wrong option picked (choice, multi), in shown order; empty otherwise. */
export function wrongPicks(presented: PresentedQuestion, picked: readonly number[] | undefined): WrongPick[] {
  if (presented.type !== 'choice' && presented.type !== 'multi') return [];
  return (picked ?? []).flatMap((number) => {
    const option = presented.options[number - 1];
    return option && !option.correct && option.why ? [{ option: number, why: option.why }] : [];
  });
}

/** Rounds for display: at most 4 decimals, no trailing zeros, no "-0". */
/** The expected answer as a learner reads it: "2. <option text>", "1, 3", "True", "0.6652 (± 0.01)", "<accept[0]>". */
export function describeExpected(presented: PresentedQuestion, lang: Lang): string {
  switch (presented.type) {
    case 'choice':
    case 'multi':
      return presented.options
        .flatMap((option, index) => (option.correct ? [`${index + 1}. ${option.text}`] : []))
        .join(presented.type === 'multi' ? '; ' : '');
    case 'truefalse':
      return trueFalseLabels(lang)[presented.question.answer ? 0 : 1];
    case 'numeric':
      return presented.tolerance > 0
        ? `${num(presented.answer)} (± ${num(presented.tolerance)})`
        : num(presented.answer);
    case 'text':
      return presented.question.accept[0] ?? '';
    case 'steps':
      return correctChain(presented.exercise.steps).map(showValues).join(' → ');
  }
}

/** A worked exercise's grade once every step is settled: right when no step stayed wrong. */
export function gradeSteps(attempt: StepsAttempt): Extract<GradeResult, { kind: 'graded' }> {
  const tally = attempt.tally();
  return { kind: 'graded', correct: tally.wrong === 0, expected: { type: 'steps', answers: attempt.chain }, steps: tally };
}
