import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { canExtendLog, latestEventTime, parseEventLog, type LogWarning } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';
import { describeFsError, invalidUtf8Lines } from './files.js';
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
  /** The value of a whole log; `latest` is the time of its latest event (epoch ms, -Infinity if none). */
  derive(events: ProgressEvent[], latest: number): T;
  /** The value after appended events (in log order), on top of the value of the log before them. */
  extend(value: T, appended: ProgressEvent[]): T;
  encode(value: T): unknown;
  decode(stored: unknown): T;
  /** Use a cached value only if its latest event is not after this time (epoch ms). */
  notAfter?: number;
}

export interface Derived<T> {
  value: T;
  /** The log's unusable lines (the first few), and how many there are in all. */
  warnings: LogWarning[];
  warningCount: number;
  /** Epoch ms of the latest event counted, -Infinity for none. */
  latest: number;
}

interface Stored {
  key: string;
  /** `${ino}:${size}:${mtimeMs}` of the log when written. */
  identity: string;
  ino: number;
  /** Bytes of the log covered, and how many newlines they hold (for line numbers of later warnings). */
  offset: number;
  lines: number;
  /** The last bytes covered (base64): the prefix check for an appended log. */
  tail: string;
  latest: number | null;
  warnings: LogWarning[];
  warningCount: number;
  value: unknown;
}

const KEPT_WARNINGS = 10;
const TAIL_BYTES = 64;

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}

function readRange(fd: number, start: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, start + done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
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
    const cached = readCache(cachePath) as Stored | undefined;
    const stored = cached && !((cached.latest ?? -Infinity) > (spec.notAfter ?? Infinity)) ? cached : undefined;
    if (stored && stored.key === key && stored.identity === identity) {
      return { value: spec.decode(stored.value), warnings: stored.warnings, warningCount: stored.warningCount, latest: stored.latest ?? -Infinity };
    }
    if (stored && stored.key === key && stats && fd !== undefined && stored.ino === stats.ino && stats.size > stored.offset) {
      const extended = extendFromTail(fd, stats.size, stored, spec);
      if (extended) {
        save(cachePath, key, identity, stats, extended, spec);
        return extended;
      }
    }
    // Read the whole log, up to the size it had when we looked: a log that grew meanwhile is
    // caught up on next time.
    const whole = fd === undefined || !stats ? Buffer.alloc(0) : readRange(fd, 0, stats.size);
    // What the cache needs of the bytes is taken first (a copy of the tail), so that the log's bytes
    // and text can be freed while the events are derived: a long log is tens of megabytes.
    const covered = { offset: whole.length, lines: countNewlines(whole), tail: Buffer.from(whole.subarray(Math.max(0, whole.length - TAIL_BYTES))) };
    const log = parseEventLog(whole.toString('utf8'), invalidUtf8Lines(whole));
    const latest = latestEventTime(log.events);
    const derived = {
      warnings: log.warnings.slice(0, KEPT_WARNINGS),
      warningCount: log.warnings.length,
      latest,
      covered,
      value: spec.derive(log.events, latest),
    };
    if (stats) save(cachePath, key, identity, stats, derived, spec);
    return derived;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The stored value extended with the events past `stored.offset`, or undefined if it cannot be. */
function extendFromTail<T>(fd: number, size: number, stored: Stored, spec: DerivedSpec<T>): (Derived<T> & { covered: { offset: number; lines: number; tail: Buffer } }) | undefined {
  const tailStart = Math.max(0, stored.offset - TAIL_BYTES);
  const before = readRange(fd, tailStart, stored.offset - tailStart);
  if (before.toString('base64') !== stored.tail) return undefined;
  // The covered bytes ended in a torn line, now closed by an append: its warning changes, so read anew.
  if (before.length > 0 && before[before.length - 1] !== 0x0a) return undefined;
  const added = readRange(fd, stored.offset, size - stored.offset);
  const parsed = parseEventLog(added.toString('utf8'), invalidUtf8Lines(added));
  const latest = stored.latest ?? -Infinity;
  if (!canExtendLog(parsed.events, latest)) return undefined;
  const shifted = parsed.warnings.map((warning) => ({ line: warning.line + stored.lines, message: warning.message }));
  const whole = Buffer.concat([before, added]);
  return {
    value: spec.extend(spec.decode(stored.value), parsed.events),
    warnings: [...stored.warnings, ...shifted].slice(0, KEPT_WARNINGS),
    warningCount: stored.warningCount + shifted.length,
    latest: Math.max(latest, latestEventTime(parsed.events)),
    covered: { offset: size, lines: stored.lines + countNewlines(added), tail: Buffer.from(whole.subarray(Math.max(0, whole.length - TAIL_BYTES))) },
  };
}

function save<T>(
  cachePath: string,
  key: string,
  identity: string,
  stats: { ino: number; size: number },
  derived: Derived<T> & { covered?: { offset: number; lines: number; tail: Buffer } },
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
