import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { canExtendLog, foldLogEvents, latestEventTime, type LogFold, type LogWarning } from '../core/event-log.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';
import { describeFsError } from './files.js';
import { parseLogBytes } from './event-store.js';
import { foldLogFile, readRange, type LogOutline } from './log-fold.js';
import { isFsrsWeights } from '../core/events.js';
import { currentWeights } from '../core/fsrs-params.js';
import { UserError } from '../core/errors.js';
import { eventsPath } from './paths.js';

/**
 * Values derived from the progress log (the lessons read, the replayed cards), kept in the data dir's
 * cache/ so that a long history is not read and replayed on every start (DESIGN §3: "a derived
 * snapshot may be cached; it is always rebuildable from the log and is ignored when stale").
 *
 * - The log unchanged since the cache was written (same file, size and mtime): the cached value is
 *   used and the log is not read at all.
 * - The log only grew (an answer appended; the bytes the cache covered are still there): only the
 *   new bytes are read, and the value is extended with their events, when they all come at or after
 *   the latest event already counted and none is an undo. Anything else is read and derived anew.
 *
 * Like every derived cache it can always be deleted, and failing to write it only costs time.
 */
export interface DerivedSpec<T> {
  /** The cache file's name under cache/. */
  name: string;
  /** Everything besides the log that the value depends on (settings); the build is added here. */
  key: string;
  /**
   * A fold building the value of a log with this outline (its latest event's time, the FSRS weights
   * it sets): from nothing, or on top of `from`, the value of the log before some appended events.
   */
  fold(outline: LogOutline, from?: T): LogFold<T>;
  encode(value: T): unknown;
  decode(stored: unknown): T;
  /** Use a cached value only if its latest event is not after this time (epoch ms). */
  notAfter?: number;
}

export interface Derived<T> extends LogOutline {
  value: T;
  /** The log's unusable lines (the first few), and how many there are in all. */
  warnings: LogWarning[];
  warningCount: number;
}

/** What every derived cache file holds, whatever it was derived from (this log, or a sync folder's union: synced-cache.ts). */
export interface StoredDerived {
  key: string;
  /** What the source looked like when written (for this log, `${ino}:${size}:${mtimeMs}`). */
  identity: string;
  latest: number | null;
  /** The FSRS weights the log sets (LogOutline), null for the defaults. */
  weights: number[] | null;
  warnings: LogWarning[];
  warningCount: number;
  value: unknown;
}

interface Stored extends StoredDerived {
  ino: number;
  /** Bytes of the log covered, and how many newlines they hold (for line numbers of later warnings). */
  offset: number;
  lines: number;
  /** The last bytes covered (base64): the prefix check for an appended log. */
  tail: string;
}

/**
 * A cache file's contents and its value decoded, when it was written for `key`, its latest event is
 * not after `spec.notAfter`, and it holds what we write (anything else, e.g. damaged on disk or
 * edited, is derived anew, as if there were no cache).
 */
export function usableStored<S extends StoredDerived, T>(cached: S | undefined, key: string, spec: DerivedSpec<T>): { stored: S; value: T } | undefined {
  if (!cached || cached.key !== key || (cached.latest ?? -Infinity) > (spec.notAfter ?? Infinity)) return undefined;
  if (!Array.isArray(cached.warnings) || typeof cached.warningCount !== 'number') return undefined;
  if (cached.weights !== null && !isFsrsWeights(cached.weights)) return undefined;
  try {
    return { stored: cached, value: spec.decode(cached.value) };
  } catch {
    return undefined;
  }
}

/** The derived value a usable cache file holds, as the derivation gave it. */
export function storedDerived<T>(stored: StoredDerived, value: T): Derived<T> {
  return { value, warnings: stored.warnings, warningCount: stored.warningCount, latest: stored.latest ?? -Infinity, weights: stored.weights ?? undefined };
}

/** The log's unusable lines kept with a derived value (all are counted): enough for the one-line warning. */
export const KEPT_WARNINGS = 10;
const TAIL_BYTES = 64;

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}

/** The derived value for the log in `home`, from the cache, the cache plus the log's new bytes, or the whole log. */
export function derivedFromLog<T>(home: string, spec: DerivedSpec<T>): Derived<T> {
  const key = `${spec.key}|${buildStamp()}`;
  const cachePath = join(home, 'cache', spec.name);
  const logPath = eventsPath(home);
  let fd: number | undefined;
  try {
    fd = openSync(logPath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UserError((t) => t.cannotReadProgress(logPath, describeFsError(error, t)));
    fd = undefined;
  }
  try {
    const stats = fd === undefined ? undefined : fstatSync(fd);
    const identity = stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : 'missing';
    const usable = usableStored(readCache(cachePath) as Stored | undefined, key, spec);
    const cached = usable && typeof usable.stored.offset === 'number' && typeof usable.stored.lines === 'number' ? usable : undefined;
    if (cached && cached.stored.identity === identity) return storedDerived(cached.stored, cached.value);
    if (cached && stats && fd !== undefined && cached.stored.ino === stats.ino && stats.size > cached.stored.offset) {
      const extended = extendFromTail(fd, stats.size, cached.stored, cached.value, spec);
      if (extended) {
        save(cachePath, key, identity, stats, extended, spec);
        return extended;
      }
    }
    // The whole log, up to the size it had when we looked: a log that grew meanwhile is caught up
    // on next time.
    const derived = fd === undefined || !stats ? deriveFromBytes(Buffer.alloc(0), spec) : deriveWhole(fd, stats.size, spec);
    if (stats) save(cachePath, key, identity, stats, derived, spec);
    return derived;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

type Covered = { covered: { offset: number; lines: number; tail: Buffer } };

/**
 * The value of the whole log: folded as it is read when it is valid UTF-8 in time order (as we write
 * it), else parsed into a list, sorted and folded.
 */
function deriveWhole<T>(fd: number, size: number, spec: DerivedSpec<T>): Derived<T> & Covered {
  const folded = foldLogFile(fd, size, (outline) => spec.fold(outline), KEPT_WARNINGS);
  if (!folded) return deriveFromBytes(readRange(fd, 0, size), spec);
  const tail = readRange(fd, Math.max(0, size - TAIL_BYTES), Math.min(size, TAIL_BYTES));
  return { ...folded, covered: { offset: size, lines: folded.newlines, tail } };
}

function deriveFromBytes<T>(whole: Buffer, spec: DerivedSpec<T>): Derived<T> & Covered {
  const tail = Buffer.from(whole.subarray(Math.max(0, whole.length - TAIL_BYTES)));
  const log = parseLogBytes(whole);
  const latest = latestEventTime(log.events);
  const weights = currentWeights(log.events);
  return {
    value: foldLogEvents(log.events, spec.fold({ latest, weights })),
    warnings: log.warnings.slice(0, KEPT_WARNINGS),
    warningCount: log.warnings.length,
    latest,
    weights,
    covered: { offset: whole.length, lines: countNewlines(whole), tail },
  };
}

/** The stored value extended with the events past `stored.offset`, or undefined if it cannot be. */
function extendFromTail<T>(fd: number, size: number, stored: Stored, storedValue: T, spec: DerivedSpec<T>): (Derived<T> & Covered) | undefined {
  const tailStart = Math.max(0, stored.offset - TAIL_BYTES);
  const before = readRange(fd, tailStart, stored.offset - tailStart);
  if (before.toString('base64') !== stored.tail) return undefined;
  // The covered bytes ended in a torn line, now closed by an append: its warning changes, so read anew.
  if (before.length > 0 && before[before.length - 1] !== 0x0a) return undefined;
  const added = readRange(fd, stored.offset, size - stored.offset);
  const parsed = parseLogBytes(added);
  const latest = stored.latest ?? -Infinity;
  if (!canExtendLog(parsed.events, latest)) return undefined;
  const shifted = parsed.warnings.map((warning) => ({ line: warning.line + stored.lines, message: warning.message }));
  const whole = Buffer.concat([before, added]);
  const newLatest = Math.max(latest, latestEventTime(parsed.events));
  // No params event was appended (canExtendLog), so the weights are those of the stored value.
  const weights = stored.weights ?? undefined;
  return {
    value: foldLogEvents(parsed.events, spec.fold({ latest: newLatest, weights }, storedValue)),
    warnings: [...stored.warnings, ...shifted].slice(0, KEPT_WARNINGS),
    warningCount: stored.warningCount + shifted.length,
    latest: newLatest,
    weights,
    covered: { offset: size, lines: stored.lines + countNewlines(added), tail: Buffer.from(whole.subarray(Math.max(0, whole.length - TAIL_BYTES))) },
  };
}

function save<T>(
  cachePath: string,
  key: string,
  identity: string,
  stats: { ino: number; size: number },
  derived: Derived<T> & Partial<Covered>,
  spec: DerivedSpec<T>,
): void {
  const covered = derived.covered;
  if (!covered) return;
  const stored: Stored = {
    key,
    identity,
    ino: stats.ino,
    offset: covered.offset,
    lines: covered.lines,
    tail: covered.tail.toString('base64'),
    latest: Number.isFinite(derived.latest) ? derived.latest : null,
    weights: derived.weights ?? null,
    warnings: derived.warnings,
    warningCount: derived.warningCount,
    value: spec.encode(derived.value),
  };
  writeCache(cachePath, stored);
}

/**
 * Whether this warning about the log's unusable lines was shown before, remembering it if not. The
 * log is append-only, so a damaged line stays for good (a torn last line is closed by the next
 * append and then reads as a bad line like any other): a warning on every command would teach the
 * learner to ignore warnings. `fingerprint` names the damage (which lines, how many), so new damage
 * is warned about again. A cache that cannot be written just means warning again next time.
 */
export function logWarningSeen(home: string, fingerprint: string): boolean {
  const path = join(home, 'cache', 'log-warning.json');
  const seen = readCache(path) as { fingerprint?: unknown } | undefined;
  if (seen?.fingerprint === fingerprint) return true;
  writeCache(path, { fingerprint });
  return false;
}
