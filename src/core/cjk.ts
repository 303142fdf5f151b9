import { displayWidth } from './width.js';

/** Ideographic and full-width punctuation: 、。「」（）：；！？ and friends. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/;

/**
 * Whether two pieces of text join with no space where a line broke between them: Chinese has no
 * spaces between words, so two wide (CJK) characters join directly, and nothing goes next to
 * full-width punctuation ("。 Softmax" looks wrong).
 */
export function joinsWithoutSpace(lastChar: string, firstChar: string): boolean {
  return (
    (displayWidth(lastChar) === 2 && displayWidth(firstChar) === 2) ||
    FULL_WIDTH_PUNCTUATION.test(lastChar) ||
    FULL_WIDTH_PUNCTUATION.test(firstChar)
  );
}

const WIDE_OR_FULL_WIDTH = /[\u1100-\uffff]/;

/**
 * Remove the spaces that YAML's folded scalars (`>-`) put where a Chinese line was wrapped, e.g.
 * "一样多， 因为" → "一样多，因为". Spaces between Latin words, or between Latin and CJK, stay.
 */
export function collapseCjkSpaces(text: string): string {
  // Only a wide character (East Asian Wide starts at U+1100) or full-width punctuation (U+3000 on)
  // joins without a space: text without one is left as it is, without a look at each of its spaces.
  if (!WIDE_OR_FULL_WIDTH.test(text)) return text;
  return text.replace(/(\S) (?=(\S))/gu, (match, before: string, after: string) => (joinsWithoutSpace(before, after) ? before : match));
}
