import { Chalk } from 'chalk';
import { displayWidth } from '../core/width.js';

export interface HeatmapOptions {
  color: boolean;
  /** Labels down the left side, one per row. */
  rowLabels?: readonly string[];
  /** Labels across the top, one per column. */
  columnLabels?: readonly string[];
  /** How each number is printed (default: two decimals). */
  formatValue?: (value: number) => string;
  /** Ends of the colour scale (default: the smallest and largest finite entries). */
  min?: number;
  max?: number;
  /** Cells to draw as blank "·" (masked attention weights, say); their values are ignored. */
  hidden?: readonly (readonly boolean[])[];
  /** Put before every line, to sit with the indented text around it (default none). */
  indent?: string;
}

// A dark-to-bright 256-colour ramp (blue → teal → green → yellow), readable on dark and light themes.
const COLOUR_RAMP = [17, 18, 19, 25, 31, 37, 43, 42, 41, 77, 113, 149, 185, 221, 220] as const;
// Plain-character shades for no-colour output: index 0 is the low end.
const SHADES = [' ', '░', '▒', '▓', '█'] as const;

/** The default cell text: two decimals, with a true minus sign. */
export function twoDecimals(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text.replace(/^-/, '−');
}

/** Position of a value in [min, max] as 0…1 (0.5 when the range is empty). */
export function intensity(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return value > 0 ? 1 : 0;
  if (max <= min) return 0.5;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The shade character for an intensity in [0, 1]. */
export function shadeFor(level: number): string {
  return SHADES[Math.round(level * (SHADES.length - 1))] ?? ' ';
}

function colourFor(level: number): number {
  return COLOUR_RAMP[Math.round(level * (COLOUR_RAMP.length - 1))] ?? 17;
}

/** Pads to a display width on the left (numbers) or right (labels), counting CJK as two columns. */
export function padStartWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
export function padEndWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function finiteRange(matrix: readonly (readonly number[])[]): [number, number] {
  const finite = matrix.flat().filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [0, 1];
  return [Math.min(...finite), Math.max(...finite)];
}

/**
 * A matrix drawn as a grid. With colour, each cell is its number on a 256-colour background
 * (dark = small, bright = large). Without colour, each cell is a shade block (░▒▓█) beside its
 * number, and the result contains no escape codes at all. Returns lines joined by "\n".
 */
export function heatmap(matrix: readonly (readonly number[])[], options: HeatmapOptions): string {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const formatValue = options.formatValue ?? twoDecimals;
  const [dataMin, dataMax] = finiteRange(matrix);
  const min = options.min ?? dataMin;
  const max = options.max ?? dataMax;
  const texts = matrix.map((values) => values.map(formatValue));
  const columns = Math.max(0, ...matrix.map((values) => values.length));
  const rowLabels = options.rowLabels ?? [];
  const columnLabels = options.columnLabels ?? [];
  const labelWidth = Math.max(0, ...rowLabels.map((label) => displayWidth(label)));
  const numberWidth = Math.max(1, ...texts.flat().map((text) => displayWidth(text)));
  // Colour cells pad the number with a space each side; plain cells put "▓ " before it.
  const cellWidth = Math.max(numberWidth + 2, ...columnLabels.map((label) => displayWidth(label)));
  const lines: string[] = [];
  const indent = options.indent ?? '';
  const gutter = indent + (labelWidth > 0 ? ' '.repeat(labelWidth + 1) : '');
  if (columnLabels.length > 0) {
    const header = Array.from({ length: columns }, (_, j) => padStartWidth(columnLabels[j] ?? '', cellWidth));
    lines.push((gutter + header.join(' ')).trimEnd());
  }
  matrix.forEach((values, i) => {
    const cells = values.map((value, j) => {
      if (options.hidden?.[i]?.[j]) return padStartWidth(options.color ? '· ' : '·', cellWidth);
      const level = intensity(value, min, max);
      const number = padStartWidth(texts[i]?.[j] ?? '', numberWidth);
      if (!options.color) return padStartWidth(`${shadeFor(level)} ${number}`, cellWidth);
      const textColour = level > 0.55 ? 16 : 231;
      const cell = padStartWidth(` ${number} `, cellWidth);
      return chalk.bgAnsi256(colourFor(level)).ansi256(textColour)(cell);
    });
    const label = labelWidth > 0 ? padEndWidth(rowLabels[i] ?? '', labelWidth) + ' ' : '';
    lines.push((indent + label + cells.join(' ')).trimEnd());
  });
  return lines.join('\n');
}

/**
 * A one-line key for the shading: "0 [ ░▒▓█] 1" (the brackets show that the low end is a blank), or
 * the colour ramp when colour is on; then, for a heatmap with masked cells, what "·" means
 * (`masked`, in the reader's language: "0 [ ░▒▓█] 1   · masked (weight 0)").
 */
export function heatmapLegend(min: number, max: number, options: { color: boolean; formatValue?: (value: number) => string; masked?: string | undefined }): string {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const formatValue = options.formatValue ?? twoDecimals;
  const ramp = options.color ? COLOUR_RAMP.map((code) => chalk.bgAnsi256(code)(' ')).join('') : `[${SHADES.join('')}]`;
  const masked = options.masked === undefined ? '' : `   · ${options.masked}`;
  return `${formatValue(min)} ${ramp} ${formatValue(max)}${masked}`;
}
