import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorSources {
  /** false when --no-color was given. */
  flag: boolean;
  env: { NO_COLOR?: string | undefined; FORCE_COLOR?: string | undefined; TERM?: string | undefined };
  isTTY: boolean;
}

/**
 * Colour only where it helps: never with NO_COLOR (no-color.org: any non-empty value), --no-color or
 * TERM=dumb; with FORCE_COLOR=1..3 even into a pipe; otherwise only on a terminal.
 */
export function colorEnabled(sources: ColorSources): boolean {
  if (!sources.flag) return false;
  if (sources.env.NO_COLOR) return false;
  const force = sources.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (sources.env.TERM === 'dumb') return false;
  return sources.isTTY;
}

/** Styles with arguments (`style.hex('#fff')('text')`): they return a style. */
const STYLE_FACTORIES = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

/**
 * What chalk does at level 0 (every style, chained or not, returns its text unchanged), without
 * loading chalk: most runs print to a pipe or with NO_COLOR, and the build loads chalk on first use.
 */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), {
  get: (_, key) => (key === 'level' ? 0 : typeof key === 'string' && STYLE_FACTORIES.has(key) ? () => plain : plain),
}) as unknown as ChalkInstance;

let colored: ChalkInstance | undefined;

/** Styles that colour (made on first use), or ones that leave text as it is. */
export function paint(color: boolean): ChalkInstance {
  if (!color) return plain;
  colored ??= new Chalk({ level: 2 });
  return colored;
}
