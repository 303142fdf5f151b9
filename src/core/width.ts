import { eastAsianWidth } from 'get-east-asian-width';

/**
 * How many terminal columns a string takes: East Asian Wide and Fullwidth characters (Chinese,
 * full-width punctuation) take two, emoji shown as emoji take two, combining marks and escape codes
 * take none (UAX #11, East Asian Width). Per code point, without grapheme segmentation: that would
 * load ICU's segmenter at start-up (tens of milliseconds) for emoji sequences lessons do not use.
 */
const ESCAPE_CODES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// Code point ranges rather than \p{…} classes: compiling Unicode property regexes costs a few
// milliseconds at start-up, and these cover what lessons contain.
const ZERO_WIDTH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x001f], [0x007f, 0x009f], // control characters
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f], // combining marks
  [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0xfeff, 0xfeff], // format characters
];
const EMOJI_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1f300, 0x1f5ff], [0x1f600, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x2614, 0x2615], [0x2648, 0x2653], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be],
  [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728], [0x274c, 0x274c], [0x2753, 0x2755], [0x2b50, 0x2b50],
];

function inRanges(codePoint: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

// Widths of the non-ASCII characters met so far: lessons use a few hundred distinct ones.
const widthCache = new Map<number, number>();

function charWidth(codePoint: number): number {
  let width = widthCache.get(codePoint);
  if (width === undefined) {
    width = inRanges(codePoint, ZERO_WIDTH_RANGES) ? 0 : inRanges(codePoint, EMOJI_RANGES) ? 2 : eastAsianWidth(codePoint);
    widthCache.set(codePoint, width);
  }
  return width;
}

export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text.includes('\u001b') ? text.replace(ESCAPE_CODES, '') : text) {
    const codePoint = char.codePointAt(0)!;
    width += codePoint < 0x7f ? (codePoint >= 0x20 ? 1 : 0) : charWidth(codePoint);
  }
  return width;
}
