import { displayWidth } from './width.js';

/**
 * Display-width-aware line wrapping for rendered terminal text.
 *
 * Terminal columns are not UTF-16 units: a CJK character takes two columns, ANSI SGR codes take none.
 * Lines break at spaces, and anywhere between two wide (CJK) characters, except before closing
 * punctuation such as "，" or "。" and after opening brackets such as "（" (the usual kinsoku rules),
 * so Chinese text wraps as a Chinese reader expects. Continuation lines keep the line's indentation, plus the width of a list bullet when
 * the line starts with one, so wrapped list items hang under their text.
 */

const ANSI_SGR = /\u001b\[[0-9;]*m/y;
const OSC_LINK = /\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/y;
// Characters that must not start a line (closing CJK punctuation and closing brackets).
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…%,.;:!?)]}']);
// Characters that must not end a line (opening CJK brackets and quotes): they stay with what follows.
const NO_LINE_END = new Set([...'（《「『【〔〈“‘']);
const ONLY_ESCAPE_CODES = /^(?:\u001b\[[0-9;]*m)*$/;
// \u2022 is the bullet •, escaped because the bundle must stay ASCII (src/build/bundle.mjs).
const BULLET = /^(\s*)((?:[*\-\u2022+]|\d+[.)]|[a-z][.)])\s+)/;

interface Piece {
  text: string;
  width: number;
  /** A space: dropped where the line breaks. */
  space: boolean;
}

function isWide(char: string): boolean {
  return displayWidth(char) === 2;
}

/** Split a line into pieces: spaces, single wide characters, and runs of narrow characters. */
function pieces(line: string): Piece[] {
  const result: Piece[] = [];
  let word = '';
  const flushWord = (): void => {
    if (word) result.push({ text: word, width: displayWidth(word), space: false });
    word = '';
  };
  let index = 0;
  while (index < line.length) {
    ANSI_SGR.lastIndex = index;
    OSC_LINK.lastIndex = index;
    const escape = ANSI_SGR.exec(line) ?? OSC_LINK.exec(line);
    if (escape) {
      // Zero width: glued to the current word so a break never separates a code from its text.
      word += escape[0];
      index += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(index) ?? 0);
    index += char.length;
    const last = result[result.length - 1];
    if (char === ' ') {
      flushWord();
      result.push({ text: ' ', width: 1, space: true });
    } else if (NO_LINE_START.has(char)) {
      // Closing punctuation sticks to what precedes it, so it never starts a line.
      if (!word && last && !last.space) {
        last.text += char;
        last.width += displayWidth(char);
      } else {
        word += char;
      }
    } else if (NO_LINE_END.has(char)) {
      // An opening bracket starts a new piece and waits for what it opens.
      if (!ONLY_ESCAPE_CODES.test(word)) flushWord();
      word += char;
    } else if (isWide(char)) {
      // Escape codes or an opening bracket just before a wide character go with it.
      const glued = ONLY_ESCAPE_CODES.test(word) || NO_LINE_END.has([...word].pop() ?? '');
      if (!glued) flushWord();
      word += char;
      flushWord();
    } else {
      word += char;
    }
  }
  flushWord();
  return result;
}

/** Break a piece wider than `width` into chunks that fit (a long URL or code token). */
function splitLongPiece(piece: Piece, width: number): Piece[] {
  const chunks: Piece[] = [];
  let chunk = '';
  let chunkWidth = 0;
  for (const char of piece.text) {
    const charWidth = displayWidth(char);
    if (chunkWidth + charWidth > width && chunk) {
      chunks.push({ text: chunk, width: chunkWidth, space: false });
      chunk = '';
      chunkWidth = 0;
    }
    chunk += char;
    chunkWidth += charWidth;
  }
  if (chunk) chunks.push({ text: chunk, width: chunkWidth, space: false });
  return chunks;
}

/** Wrap one line (no newlines) to at most `width` display columns. */
export function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  const bullet = BULLET.exec(plain);
  const leading = /^\s*/.exec(plain)?.[0] ?? '';
  let indentWidth = bullet ? displayWidth(bullet[1]! + bullet[2]!) : displayWidth(leading);
  if (indentWidth > width / 2) indentWidth = 0;
  const indent = ' '.repeat(indentWidth);

  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  let first = true;
  const startLine = (): void => {
    lines.push(current.replace(/ +$/, ''));
    current = indent;
    currentWidth = indentWidth;
    first = false;
  };
  for (const piece of pieces(line)) {
    const room = width;
    if (piece.space) {
      if (currentWidth + 1 <= room) {
        current += ' ';
        currentWidth += 1;
      }
      continue;
    }
    const parts = piece.width > room - indentWidth ? splitLongPiece(piece, room - indentWidth) : [piece];
    for (const part of parts) {
      if (currentWidth + part.width > room && currentWidth > (first ? 0 : indentWidth)) startLine();
      current += part.text;
      currentWidth += part.width;
    }
  }
  lines.push(current.replace(/ +$/, ''));
  return lines;
}

/**
 * Cut one line to at most `width` display columns, ending it with `marker` where something was cut:
 * for text whose columns mean something (a diagram, a matrix), which wrapping would scramble.
 * Escape codes are kept (zero width), and a cut line ends with a reset so no style runs on.
 */
export function cutLine(line: string, width: number, marker = '…'): string {
  if (displayWidth(line) <= width) return line;
  const room = width - displayWidth(marker);
  let out = '';
  let used = 0;
  let index = 0;
  let styled = false;
  while (index < line.length) {
    ANSI_SGR.lastIndex = index;
    OSC_LINK.lastIndex = index;
    const escape = ANSI_SGR.exec(line) ?? OSC_LINK.exec(line);
    if (escape) {
      styled = true;
      out += escape[0];
      index += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(index) ?? 0);
    if (used + displayWidth(char) > room) break;
    out += char;
    used += displayWidth(char);
    index += char.length;
  }
  return `${out}${marker}${styled ? '\u001b[0m' : ''}`;
}

/** Wrap every line of a multi-line text. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
