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

const painters = new Map<boolean, ChalkInstance>();

/** A chalk instance with colour on or off (one of each, made on first use). */
export function paint(color: boolean): ChalkInstance {
  let painter = painters.get(color);
  if (!painter) {
    painter = new Chalk({ level: color ? 2 : 0 });
    painters.set(color, painter);
  }
  return painter;
}
