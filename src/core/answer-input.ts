/**
 * Reading what a learner typed: text normalised for comparison, numbers as decimals or fractions
 * (see src/core/grade.ts for what each question type accepts), and why an input cannot be read.
 */
import type { Messages } from '../i18n/index.js';
import { localize } from './errors.js';
import type { LocalizedText } from './topics.js';

/** Why an input could not be graded. The caller shows `message` and asks again. */
export type InputProblem =
  | { code: 'empty' }
  | { code: 'not-an-option'; input: string; optionCount: number; several: boolean }
  | { code: 'not-true-false'; input: string }
  | { code: 'not-a-number'; input: string }
  | { code: 'decimal-comma'; input: string }
  | { code: 'zero-denominator'; input: string }
  /** A step of a worked exercise that asks for `expected` numbers got another count. */
  | { code: 'wrong-count'; input: string; expected: number; got: number };

/** NFKC (full-width → ASCII), lower case, runs of whitespace → one space, trimmed. */
export function normalizeText(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Whether two texts are one typo apart: the optimal-string-alignment form of the Damerau-Levenshtein
 * distance is exactly 1 (one letter added, dropped, changed, or two neighbours swapped). Counts code
 * points, so one Chinese character is one letter.
 */
export function oneTypoApart(typed: string, answer: string): boolean {
  const a = [...typed];
  const b = [...answer];
  if (Math.abs(a.length - b.length) > 1) return false;
  // d[i][j]: distance between the first i letters of a and the first j of b (Damerau 1964).
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length] === 1;
}

const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const DECIMAL_PATTERN = new RegExp(`^${DECIMAL}$`, 'i');
const FRACTION_PATTERN = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`, 'i');

export type NumberParse = { ok: true; value: number } | { ok: false; problem: InputProblem };

/** Reads a number as described in this module's header. */
export function parseNumberInput(input: string): NumberParse {
  const text = input
    .normalize('NFKC')
    .trim()
    // U+2212 MINUS SIGN (what many keyboards and copied formulas give) and dashes typed for minus.
    .replace(/[\u2212\u2012\u2013]/gu, '-')
    .replace(/\u3002/gu, '.');
  if (text === '') return { ok: false, problem: { code: 'empty' } };
  if (text.includes(',')) return { ok: false, problem: { code: 'decimal-comma', input } };
  if (DECIMAL_PATTERN.test(text)) return finite(Number(text), input);
  const fraction = FRACTION_PATTERN.exec(text);
  if (fraction) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    if (denominator === 0) return { ok: false, problem: { code: 'zero-denominator', input } };
    return finite(numerator / denominator, input);
  }
  return { ok: false, problem: { code: 'not-a-number', input } };
}

function finite(value: number, input: string): NumberParse {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: { code: 'not-a-number', input } };
}

/**
 * |x − answer| ≤ tolerance, with a relative slack of 1e-9 (and an absolute 1e-12) so floating-point
 * rounding of the answer never decides the grade.
 */
export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  const slack = 1e-9 * Math.max(Math.abs(answer), Math.abs(tolerance)) + 1e-12;
  return Math.abs(value - answer) <= tolerance + slack;
}

/** The learner-facing message for an input problem, in both languages (from the message tables). */
export function describeProblem(problem: InputProblem): LocalizedText {
  const text = (t: Messages): string => {
    switch (problem.code) {
      case 'empty':
        return t.answerEmpty;
      case 'not-an-option':
        return problem.several ? t.answerNotOptions(problem.optionCount, problem.input) : t.answerNotOption(problem.optionCount, problem.input);
      case 'not-true-false':
        return t.answerNotTrueFalse(problem.input);
      case 'not-a-number':
        return t.answerNotNumber(problem.input);
      case 'decimal-comma':
        return t.answerDecimalComma(problem.input);
      case 'zero-denominator':
        return t.answerZeroDenominator(problem.input);
      case 'wrong-count':
        return t.answerWrongCount(problem.expected, problem.got, problem.input);
    }
  };
  return localize(text);
}
