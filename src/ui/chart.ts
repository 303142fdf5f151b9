import { Chalk } from 'chalk';
import { displayWidth } from '../core/width.js';

export interface LineChartOptions {
  color: boolean;
  /** Rows of the plot area (default 10). */
  height?: number;
  /** At most this many data columns; longer series are sampled evenly (default 60). */
  width?: number;
  /** Plot log10 of the values: for quantities spanning many orders of magnitude. */
  logScale?: boolean;
  /** How axis labels are printed (default: one format for the whole axis, see axisFormat). */
  formatValue?: (value: number) => string;
  /** Labels under the first and last column (e.g. ["k = 0", "20"]). */
  xLabels?: readonly [string, string];
}

/** Axis labels: short, and in scientific notation once numbers get very big or very small. */
export function compactNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e5 || magnitude < 1e-3 ? value.toExponential(1).replace('e+', 'e') : String(Number(value.toPrecision(3)));
  return text.replace(/^-/, '−');
}

function scientific(value: number): string {
  return value === 0 ? '0' : value.toExponential(1).replace('e+', 'e').replace(/^-/, '−');
}

/**
 * One format for every label of an axis, so an axis never mixes "9.4e-4" with "0.25". A linear axis
 * gets as many fixed decimals as tell neighbouring labels apart (none when all are whole numbers),
 * or scientific notation when its largest label is from 1e5 up or below 1e-3. A log axis gets up to
 * 3 significant digits, or scientific notation throughout when any label needs it.
 */
export function axisFormat(labels: readonly number[], logScale = false): (value: number) => string {
  const sizes = labels.filter((value) => value !== 0 && Number.isFinite(value)).map((value) => Math.abs(value));
  if (logScale) return sizes.some((size) => size < 1e-3 || size >= 1e5) ? scientific : compactNumber;
  // Linear labels are evenly spaced, so fixed decimals suit unless the whole axis is huge or tiny.
  const largest = Math.max(0, ...sizes);
  if (largest >= 1e5 || (largest > 0 && largest < 1e-3)) return scientific;
  if (labels.every((value) => Math.abs(value - Math.round(value)) < 1e-9)) return (value) => fixed(value, 0);
  const sorted = [...labels].sort((a, b) => a - b);
  const step = Math.min(...sorted.slice(1).map((value, i) => value - (sorted[i] ?? value)).filter((gap) => gap > 0));
  const decimals = Number.isFinite(step) ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step)) + 1)) : 2;
  return (value) => fixed(value, decimals);
}

function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return (/^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text).replace(/^-/, '−');
}

/** Indices of at most `limit` evenly spaced samples of a series of length n, keeping both ends. */
export function sampleIndices(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.round((i * (n - 1)) / (limit - 1)));
}

function plotted(value: number, logScale: boolean): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (!logScale) return value;
  return value > 0 ? Math.log10(value) : undefined;
}

/**
 * A line chart drawn with box-drawing characters, one column per sample and a labelled y axis
 * (in the style of asciichart, written afresh). Points that cannot be drawn (non-finite, or ≤ 0 on
 * a log scale) leave a gap. Returns lines joined by "\n"; no escape codes when color is false.
 */
export function lineChart(values: readonly number[], options: LineChartOptions): string {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const height = Math.max(2, options.height ?? 10);
  const logScale = options.logScale ?? false;
  const samples = sampleIndices(values.length, Math.max(2, options.width ?? 60)).map((i) =>
    plotted(values[i] ?? Number.NaN, logScale),
  );
  const drawable = samples.filter((value): value is number => value !== undefined);
  if (drawable.length === 0) return '';
  let low = Math.min(...drawable);
  let high = Math.max(...drawable);
  if (high === low) {
    low -= 1;
    high += 1;
  }
  const levelOf = (value: number): number => Math.round(((value - low) / (high - low)) * (height - 1));
  const grid: string[][] = Array.from({ length: height }, () => samples.map(() => ' '));
  const put = (level: number, column: number, glyph: string): void => {
    const gridRow = grid[height - 1 - level];
    if (gridRow) gridRow[column] = glyph;
  };
  samples.forEach((value, column) => {
    if (value === undefined) return;
    const here = levelOf(value);
    const nextValue = samples[column + 1];
    if (nextValue === undefined) {
      put(here, column, '─');
      return;
    }
    const next = levelOf(nextValue);
    if (next === here) {
      put(here, column, '─');
      return;
    }
    // Turn at this level, run vertically, turn again at the next sample's level.
    const descending = next < here;
    put(here, column, descending ? '╮' : '╯');
    put(next, column, descending ? '╰' : '╭');
    for (let level = Math.min(here, next) + 1; level < Math.max(here, next); level++) put(level, column, '│');
  });
  const axisValue = (level: number): number => {
    const value = low + ((high - low) * level) / (height - 1);
    return logScale ? 10 ** value : value;
  };
  const axis = Array.from({ length: height }, (_, r) => axisValue(height - 1 - r));
  const formatValue = options.formatValue ?? axisFormat(axis, logScale);
  const labels = axis.map(formatValue);
  const labelWidth = Math.max(...labels.map((label) => displayWidth(label)));
  const lines = grid.map((cells, r) => {
    const label = ' '.repeat(labelWidth - displayWidth(labels[r] ?? '')) + (labels[r] ?? '');
    return `${label} ┤${chalk.cyan(cells.join('').trimEnd())}`;
  });
  if (options.xLabels) {
    const [first, last] = options.xLabels;
    const gap = Math.max(1, samples.length - displayWidth(first) - displayWidth(last));
    lines.push(`${' '.repeat(labelWidth + 2)}${first}${' '.repeat(gap)}${last}`);
  }
  return lines.join('\n');
}

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartOptions {
  color: boolean;
  /** Columns available for the longest bar (default 30). */
  width?: number;
  /** The value of a full-length bar (default: the largest |value|). */
  max?: number;
  /** How the number after each bar is printed (default: 4 decimals). */
  formatValue?: (value: number) => string;
}

// Eighths of a block, for bars that end between whole character cells.
const PARTIAL_BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;

/** A bar of `length` cells (fractional) drawn with full and eighth blocks. */
export function barOf(length: number): string {
  const eighths = Math.round(Math.max(0, length) * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (PARTIAL_BLOCKS[eighths % 8] ?? '');
}

/**
 * Horizontal bars, one per line: label, bar, value. Labels are aligned by display width so Chinese
 * labels line up. Negative values draw their bar from the same start, marked with "−" in the value.
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const width = Math.max(1, options.width ?? 30);
  const formatValue = options.formatValue ?? ((value: number) => value.toFixed(4));
  const largest = options.max ?? Math.max(0, ...bars.map((bar) => Math.abs(bar.value)));
  const labelWidth = Math.max(0, ...bars.map((bar) => displayWidth(bar.label)));
  return bars
    .map((bar) => {
      const length = largest > 0 ? (Math.abs(bar.value) / largest) * width : 0;
      const drawn = barOf(length);
      const padding = ' '.repeat(Math.max(0, width - displayWidth(drawn)));
      const paint = bar.value < 0 ? chalk.red : chalk.green;
      const label = bar.label + ' '.repeat(labelWidth - displayWidth(bar.label));
      return `${label} ${paint(drawn)}${padding} ${formatValue(bar.value)}`;
    })
    .join('\n');
}
