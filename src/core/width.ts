import { eastAsianWidth } from 'get-east-asian-width';

/**
 * How many terminal columns a string takes: East Asian Wide and Fullwidth characters (Chinese,
 * full-width punctuation) take two, emoji shown as emoji take two, combining marks and escape codes
 * take none (UAX #11, East Asian Width). Per code point, without grapheme segmentation: that would
 * load ICU's segmenter at start-up (tens of milliseconds) for emoji sequences lessons do not use.
 */
const ESCAPE_CODES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const EMOJI = /\p{Emoji_Presentation}/u;
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

// Widths of the non-ASCII characters met so far: lessons use a few hundred distinct ones.
const widthCache = new Map<number, number>();

function charWidth(char: string, codePoint: number): number {
  let width = widthCache.get(codePoint);
  if (width === undefined) {
    width = ZERO_WIDTH.test(char) ? 0 : EMOJI.test(char) ? 2 : eastAsianWidth(codePoint);
    widthCache.set(codePoint, width);
  }
  return width;
}

export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text.includes('\u001b') ? text.replace(ESCAPE_CODES, '') : text) {
    const codePoint = char.codePointAt(0)!;
    width += codePoint < 0x7f ? (codePoint >= 0x20 ? 1 : 0) : charWidth(char, codePoint);
  }
  return width;
}
