import { demoMessages, type DemoMessages } from '../i18n/demos.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth } from '../core/width.js';
import { wrapLine } from '../core/wrap.js';
import { padEndWidth as padEnd, padStartWidth as padStart } from '../ui/heatmap.js';
import type { DemoLang, FormatOptions } from './types.js';

/**
 * Small helpers for writing numbers and labels on the "board". Numbers use a true minus sign,
 * at most `decimals` decimals with trailing zeros trimmed, and scientific notation when tiny or huge.
 */
export function num(value: number, decimals = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude !== 0 && (magnitude >= 1e7 || magnitude < 10 ** -decimals / 2)) {
    text = value.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  } else {
    text = value.toFixed(decimals);
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  if (/^-0$/.test(text)) text = '0';
  return text.replace(/^-/, '−');
}

/**
 * The board's one rule for rounded sums: parts shown beside their total add up to it as shown.
 * Rounding each part on its own can break that (softmax weights 0.2485, 0.2485, 0.503 shown as
 * 0.248 + 0.248 + 0.503 = 1), so the parts are rounded to `decimals` by largest remainder (Hamilton's
 * method): each part is cut down to the grid, then the units the total still needs go to the parts
 * that lost the most. The total is rounded as usual, and no part moves by more than one last digit.
 * Returns the parts on the grid (k / 10^decimals), to be written with `num` or `toFixed(decimals)`.
 */
export function roundedParts(parts: readonly number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  // Snap float noise (0.3 × 10 = 2.9999999999999996) before cutting down.
  const scaled = parts.map((part) => Math.round(part * scale * 1e6) / 1e6);
  const floors = scaled.map((value) => Math.floor(value));
  const total = Math.round(scaled.reduce((a, b) => a + b, 0));
  let missing = total - floors.reduce((a, b) => a + b, 0);
  const byLoss = scaled.map((value, i) => ({ i, loss: value - (floors[i] ?? 0) })).sort((a, b) => b.loss - a.loss || a.i - b.i);
  for (const { i } of byLoss) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing--;
  }
  return floors.map((units) => units / scale);
}

/**
 * Parts as written beside their total, by roundedParts; a part too small for the grid keeps its
 * scientific form (exp(−20) = 2.061e−9, not 0), which changes no sum at the precision written.
 */
export function writtenParts(parts: readonly number[], decimals: number): string[] {
  const grid = 10 ** -decimals;
  return roundedParts(parts, decimals).map((shown, i) => {
    const part = parts[i] ?? 0;
    return shown === 0 && part !== 0 && Math.abs(part) < grid / 2 ? num(part, decimals) : num(shown, decimals);
  });
}

/** A number in parentheses when negative, so "2 × (−1)" reads right inside a sum. */
export function term(value: number, decimals = 4): string {
  return bracketed(num(value, decimals));
}

/** A written number in parentheses when negative, as `term` writes it. */
export function bracketed(text: string): string {
  return text.startsWith('−') ? `(${text})` : text;
}

/** [1, 0.5, −2] */
export function vec(values: readonly number[], decimals = 4): string {
  return `[${values.map((value) => num(value, decimals)).join(', ')}]`;
}

/** [[1, 0], [0, 1]] on one line. */
export function mat(matrix: readonly (readonly number[])[], decimals = 4): string {
  return `[${matrix.map((values) => vec(values, decimals)).join(', ')}]`;
}

/** "a₁×b₁ + a₂×b₂ + …", the written-out dot product. */
export function dotTerms(a: readonly number[], b: readonly number[], decimals = 4): string {
  return a.map((value, i) => `${term(value, decimals)}×${term(b[i] ?? 0, decimals)}`).join(' + ');
}

/** A matrix as aligned rows, each prefixed by `indent`. */
export function matrixLines(matrix: readonly (readonly number[])[], indent = '  ', decimals = 4): string[] {
  const texts = matrix.map((values) => values.map((value) => num(value, decimals)));
  const width = Math.max(1, ...texts.flat().map((text) => displayWidth(text)));
  return texts.map((cells) => `${indent}[ ${cells.map((cell) => cell.padStart(width)).join('  ')} ]`);
}

/** The styling a formatter needs: a chalk with colour on or off, and the messages in its language. */
export interface Board {
  chalk: ChalkInstance;
  /** The demo messages in the board's language (src/i18n/demos.ts). */
  m: DemoMessages;
  heading: (text: string) => string;
  /** A sentence wrapped to the terminal width; continuation lines keep its indentation. */
  prose: (text: string) => string;
  /** A bold title with its formula after it, or on the next line when both do not fit. */
  titled: (title: string, formula: string) => string;
  /**
   * Marks lines laid out in columns (tables, heatmaps, charts, aligned matrices) so `finish` leaves
   * them whole: wrapping would scramble their columns. Returns them as separate lines.
   */
  block: (content: string | readonly string[]) => string[];
  /**
   * The finished board: every line wrapped to the width (continuations keep the line's indentation),
   * except the lines that came from `block`.
   */
  finish: (lines: readonly string[]) => string;
  options: FormatOptions;
}

/**
 * Wraps a line of working (an equation, a heading) to `width`, continuation lines two columns deeper
 * than wrapLine would put them, so "= 0.7071" on the next line reads as the end of the line above.
 * Numbered steps hang under their text as wrapLine does; lines that fit come back unchanged.
 */
export function hangingWrap(line: string, width: number): string[] {
  const plain = wrapLine(line, width);
  if (plain.length === 1) return plain;
  const first = plain[0] ?? '';
  const leading = /^ */.exec(line)?.[0].length ?? 0;
  const natural = /^ */.exec(plain[1] ?? '')?.[0].length ?? 0;
  // A numbered step ("2. Subtract …") already hangs under its text; only working lines go deeper.
  if (natural > leading) return plain;
  const indent = ' '.repeat(Math.min(width / 2, natural + 2));
  // wrapLine's first line is a prefix of the line (trailing spaces trimmed), so the rest follows it.
  const rest = line.slice(first.length).replace(/^ +/, '');
  return [first, ...wrapLine(indent + rest, width)];
}

export function board(options: FormatOptions): Board {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const wrapWidth = Math.max(20, options.width);
  const blocks = new Set<string>();
  return {
    chalk,
    m: demoMessages(options.lang),
    heading: (text) => chalk.bold(text),
    prose: (text) => wrapLine(text, wrapWidth).join('\n'),
    titled: (title, formula) => {
      const oneLine = `${title}   ${formula}`;
      return displayWidth(oneLine) <= options.width ? chalk.bold(title) + `   ${formula}` : `${chalk.bold(title)}\n  ${formula}`;
    },
    block: (content) => {
      const lines = typeof content === 'string' ? content.split('\n') : [...content];
      for (const line of lines) blocks.add(line);
      return lines;
    },
    finish: (lines) =>
      lines
        .flatMap((entry) => entry.split('\n'))
        .flatMap((line) => (blocks.has(line) ? [line] : hangingWrap(line, wrapWidth)))
        .join('\n'),
    options,
  };
}

/** Subscript digits for x₁, h₂ …: indices read like the textbook. */
export function sub(index: number): string {
  return String(index).replace(/\d/g, (digit) => '₀₁₂₃₄₅₆₇₈₉'[Number(digit)] ?? digit);
}

/** Writes at most `limit` items, then "… (n more)". */
export function limitLines(lines: readonly string[], limit: number, more: (hidden: number) => string): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), more(lines.length - limit)];
}

/** Pads text to a display width (CJK counts twice); shared with the heatmap. */
export { padEnd, padStart };

/** A table with a header row, columns aligned by display width. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = '  ', gap = '  '): string[] {
  const widths = header.map((cell, c) => Math.max(displayWidth(cell), ...rows.map((cells) => displayWidth(cells[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    (indent + cells.map((cell, c) => (c === 0 ? padEnd(cell, widths[c] ?? 0) : padStart(cell, widths[c] ?? 0))).join(gap)).trimEnd();
  return [line(header), indent + widths.map((w) => '─'.repeat(w)).join(gap), ...rows.map(line)];
}

/**
 * How far a --predict guess may be from the answer and still count as right: 0.01 for answers in
 * [−1, 1] (probabilities, cosines, tanh and sigmoid outputs), else 2% of the answer's size.
 */
export function guessTolerance(answer: number): number {
  const size = Math.abs(answer);
  return size <= 1 ? 0.01 : 0.02 * size;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 1 → "first", 2 → "second", … 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const word = ORDINALS[n - 1];
  if (word !== undefined) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
