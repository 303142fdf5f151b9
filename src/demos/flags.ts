import { localized } from '../i18n/demos.js';
import { UsageError, UserError } from '../core/errors.js';
import { closestMatches } from '../core/suggest.js';
import type { BadNumber, NumberRange } from '../i18n/en.js';

/**
 * Demo flags: argv → plain values, as pure functions (ni's parse.ts is the model). Parsing happens
 * in two layers: `splitFlags` checks the flag names and pairs them with their text, then the
 * `read*` functions turn one flag's text into a number, vector, matrix or choice, throwing a
 * UserError whose message names the flag and the problem.
 */

/** Matrices and vectors larger than this in either direction are refused (a terminal demo, not a BLAS). */
export const MAX_DIMENSION = 64;

export interface FlagSpec {
  /** The name without dashes: "keys" for --keys. */
  name: string;
  /** Placeholder for the value in help ("MATRIX", "dot|scaled-dot"); empty for a switch. */
  value: string;
  /** The default, as shown in help. */
  defaultText?: string | { en: string; zh: string };
  help: { en: string; zh: string };
}

/** Flags every demo accepts: the caller handles --json and --predict; --seed is read where used. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'seed', value: 'N', help: localized((m) => m.common.flagSeed) },
  { name: 'json', value: '', help: localized((m) => m.common.flagJson) },
  { name: 'predict', value: '', help: localized((m) => m.common.flagPredict) },
];

/**
 * The one-line error for a computation that left the range of floating point (a result of ±∞ or
 * NaN although every input was finite), naming the flags whose numbers caused it when known.
 */
export function overflowError(flags: readonly string[]): UserError {
  return new UserError((t) => t.overflow(flags));
}

/** Flag name → its text ("true" for a switch). */
export type FlagValues = Readonly<Record<string, string>>;

// A value may start with "-" when it is a number or a list ("-1,2"); "--x" is always a flag.
function looksLikeFlag(token: string): boolean {
  return token.startsWith('--') && !/^--?\d/.test(token);
}

/** Splits argv (after the demo name) into flag values, checking names against the specs. */
export function splitFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagValues {
  const all = [...specs, ...COMMON_FLAGS];
  const byName = new Map(all.map((spec) => [spec.name, spec]));
  const values: Record<string, string> = {};
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? '';
    if (!looksLikeFlag(token)) throw new UsageError((t) => t.flagUnexpected(token));
    const equals = token.indexOf('=');
    const name = token.slice(2, equals === -1 ? undefined : equals);
    const spec = byName.get(name);
    if (!spec) {
      const suggestions = closestMatches(name, all.map((candidate) => candidate.name)).map((s) => `--${s}`);
      throw new UsageError((t) => t.flagUnknown(name, suggestions));
    }
    if (name in values) throw new UsageError((t) => t.flagTwice(name));
    if (spec.value === '') {
      if (equals !== -1) throw new UsageError((t) => t.flagNoValue(name));
      values[name] = 'true';
      continue;
    }
    if (equals !== -1) {
      values[name] = token.slice(equals + 1);
      continue;
    }
    const next = argv[index + 1];
    if (next === undefined || looksLikeFlag(next)) throw new UsageError((t) => t.flagMissingValue(name, spec.value));
    values[name] = next;
    index++;
  }
  return values;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number, or undefined ("", "abc", "0x10", "NaN" and "Infinity" are refused). */
export function parseNumberText(text: string): number | undefined {
  // U+2212 MINUS SIGN, as pasted from typeset text. (Escaped: the bundle must stay ASCII, see src/build/bundle.mjs.)
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function whyNotANumber(trimmed: string): BadNumber {
  if (trimmed === '') return 'empty';
  if (/^[+-]?(?:nan|inf(?:inity)?)$/i.test(trimmed)) return 'not-finite';
  if (DECIMAL.test(trimmed)) return 'too-large';
  return 'not-a-number';
}

/** Entry `entry` (1-based) of `row` (undefined for a one-row matrix). */
function parseEntry(flag: string, text: string, row: number | undefined, entry: number): number {
  const value = parseNumberText(text);
  const trimmed = text.trim();
  if (value === undefined) throw new UserError((t) => t.flagBadEntry(flag, row, entry, whyNotANumber(trimmed), trimmed));
  return value;
}

/**
 * "1,0; 0,1" → [[1, 0], [0, 1]]: rows separated by ";", entries by ",", spaces allowed.
 * Every row must have as many entries as the first; at most MAX_DIMENSION rows and columns.
 */
export function parseMatrix(flag: string, text: string): number[][] {
  if (text.trim() === '') throw new UserError((t) => t.matrixEmpty(flag));
  const rows = text.split(';').map((rowText) => rowText.split(','));
  if (rows.length > MAX_DIMENSION) throw new UserError((t) => t.matrixTooManyRows(flag, rows.length, MAX_DIMENSION));
  const width = rows[0]?.length ?? 0;
  if (width > MAX_DIMENSION) throw new UserError((t) => t.matrixTooManyColumns(flag, width, MAX_DIMENSION));
  return rows.map((entries, r) => {
    if (entries.length === 1 && (entries[0] ?? '').trim() === '') throw new UserError((t) => t.matrixEmptyRow(flag, r + 1));
    if (entries.length !== width) {
      throw new UserError((t) => t.matrixRaggedRow(flag, r + 1, entries.length, width));
    }
    return entries.map((entry, c) => parseEntry(flag, entry, rows.length === 1 ? undefined : r + 1, c + 1));
  });
}

/** "1, 2, 3" → [1, 2, 3]: one row. */
export function parseVector(flag: string, text: string): number[] {
  const matrix = parseMatrix(flag, text);
  if (matrix.length !== 1) throw new UserError((t) => t.vectorNotOneRow(flag, matrix.length));
  return matrix[0] ?? [];
}

export type { NumberRange };

/** One number, checked against a range. */
export function parseScalar(flag: string, text: string, range: NumberRange = {}): number {
  const value = parseNumberText(text);
  const inRange =
    value !== undefined &&
    (!range.integer || Number.isInteger(value)) &&
    (range.min === undefined || (range.exclusiveMin ? value > range.min : value >= range.min)) &&
    (range.max === undefined || value <= range.max);
  if (value === undefined || !inRange) throw new UserError((t) => t.scalarOutOfRange(flag, range, text));
  return value;
}

/** One of a fixed set of words, with a suggestion for a near miss. */
export function parseChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === text.trim().toLowerCase());
  if (found !== undefined) return found;
  const suggestions = closestMatches(text, choices);
  throw new UserError((t) => t.choiceUnknown(flag, choices, text, suggestions));
}

/** Readers that fall back to a default when the flag is absent. */
export function readMatrix(values: FlagValues, flag: string, fallback: number[][]): number[][] {
  const text = values[flag];
  return text === undefined ? fallback : parseMatrix(flag, text);
}
export function readVector(values: FlagValues, flag: string, fallback: number[]): number[] {
  const text = values[flag];
  return text === undefined ? fallback : parseVector(flag, text);
}
export function readScalar(values: FlagValues, flag: string, fallback: number, range: NumberRange = {}): number {
  const text = values[flag];
  return text === undefined ? fallback : parseScalar(flag, text, range);
}
export function readChoice<T extends string>(values: FlagValues, flag: string, choices: readonly T[], fallback: T): T {
  const text = values[flag];
  return text === undefined ? fallback : parseChoice(flag, text, choices);
}

/** The seed every seeded demo uses unless told otherwise. */
export const DEFAULT_SEED = 42;

export function readSeed(values: FlagValues): number {
  return readScalar(values, 'seed', DEFAULT_SEED, { integer: true, min: 0, max: 4294967295 });
}
