import { closeSync, fstatSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localize, UserError } from '../core/errors.js';
import { foldLogEvents, latestEventTime, scanEventLog, type LogWarning, type ParsedLog } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { isSyncFileName, mergeEventSources, type EventConflict } from '../core/sync-merge.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';
import { describeFsError, invalidUtf8Lines } from './files.js';
import type { Derived, DerivedSpec } from './log-cache.js';
import { readRange } from './log-fold.js';
import { eventsPath } from './paths.js';

/**
 * Reading progress with sync on (`config sync_dir`): the union of events.jsonl and every device's
 * file in the sync folder, merged by event id (core/sync-merge.ts) and folded as one log would be.
 * With sync off none of this runs: commands read events.jsonl alone (io/event-store.ts, io/log-cache.ts).
 */

export interface SyncSource {
  path: string;
  /** The file name (`3f9a2c1b7d4e.jsonl`, `events.jsonl`). */
  name: string;
  kind: 'local' | 'device';
}

/** The files of the union, in the order they are merged: the folder's device files by name, then the local log. */
export function syncSources(home: string, dir: string): { sources: SyncSource[]; problem?: LogWarning } {
  const local: SyncSource = { path: eventsPath(home), name: 'events.jsonl', kind: 'local' };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // Unmounted, offline, renamed: this device's own progress still works.
    return { sources: [local], problem: { line: 0, file: dir, message: localize((t) => t.sync.dirUnreadable(describeFsError(error, t))) } };
  }
  // Sorted by code unit, not by locale: every device must merge in the same order.
  const devices = names.filter(isSyncFileName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { sources: [...devices.map((name): SyncSource => ({ path: join(dir, name), name, kind: 'device' })), local] };
}

interface SourceRead {
  source: SyncSource;
  events: Array<{ event: ProgressEvent; line: number }>;
  warnings: LogWarning[];
}

/**
 * One file's events. The local log is read as readEventLog reads it (an error reading it stops the
 * command). A device file that cannot be read is skipped with a warning; one whose last line has no
 * newline is being synced (or was cut short on its device): that line is skipped without a word.
 */
function readSource(source: SyncSource): SourceRead {
  const read: SourceRead = { source, events: [], warnings: [] };
  let fd: number | undefined;
  try {
    // Never open what is not a regular file: opening a FIFO named x.jsonl would wait for a writer.
    if (source.kind === 'device' && !statSync(source.path).isFile()) return read;
    fd = openSync(source.path, 'r');
    const bytes = readRange(fd, 0, fstatSync(fd).size);
    const scan = scanEventLog(bytes.toString('utf8'), (event, _time, line) => void read.events.push({ event, line }), { invalidUtf8Lines: invalidUtf8Lines(bytes) });
    if (source.kind === 'local') {
      read.warnings = scan.warnings;
      return read;
    }
    const tornLine = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? scan.newlines + 1 : 0;
    read.warnings = scan.warnings.filter((warning) => warning.line !== tornLine).map((warning) => ({ ...warning, file: source.path }));
    return read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone since the folder was listed (a sync tool replacing it): read next time.
    if (code === 'ENOENT' || code === 'ENOTDIR') return read;
    if (source.kind === 'local') throw new UserError((t) => t.cannotReadProgress(source.path, describeFsError(error, t)));
    read.warnings = [{ line: 0, file: source.path, message: localize((t) => t.sync.fileUnreadable(describeFsError(error, t))) }];
    return read;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function conflictWarning(conflict: EventConflict): LogWarning {
  const kept = `${conflict.kept.file}:${conflict.kept.line}`;
  return { line: conflict.dropped.line, file: conflict.dropped.file, message: localize((t) => t.sync.conflict(conflict.id, kept)) };
}

export interface SyncedLog extends ParsedLog {
  /** events.jsonl, for warnings about its lines. */
  path: string;
  warningCount: number;
  /** Each file read, with the number of distinct events it holds. */
  sources: Array<SyncSource & { events: number }>;
}

/** The union of the local log and the sync folder's device files, each event once, in time order. */
export function readSyncedLog(home: string, dir: string, listed = syncSources(home, dir)): SyncedLog {
  const { sources, problem } = listed;
  const reads = sources.map(readSource);
  const merged = mergeEventSources(reads.map((read) => ({ file: read.source.path, events: read.events })));
  const warnings = [...(problem ? [problem] : []), ...reads.flatMap((read) => read.warnings), ...merged.conflicts.map(conflictWarning)];
  return {
    events: merged.events,
    warnings,
    warningCount: warnings.length,
    path: eventsPath(home),
    sources: reads.map((read, index) => ({ ...read.source, events: merged.counts[index] ?? 0 })),
  };
}

/** What a file looks like without reading it: a change to any file of the union changes this. */
function fileIdentity(source: SyncSource): string {
  try {
    const stats = statSync(source.path);
    return `${source.name}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch (error) {
    return `${source.name}:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

interface Stored {
  key: string;
  identity: string;
  latest: number | null;
  warnings: LogWarning[];
  warningCount: number;
  value: unknown;
}

const KEPT_WARNINGS = 10;

/**
 * derivedFromLog (io/log-cache.ts) for the union: kept in cache/synced-<name> under an identity made
 * of every file's inode, size and modification time, so an update that arrives from another device
 * is seen by the next command. Any change means reading the union again, whole: one device's file
 * growing can bring events the others already hold, which only the whole union can tell.
 */
export function derivedFromSyncedLogs<T>(home: string, dir: string, spec: DerivedSpec<T>): Derived<T> {
  const key = `${spec.key}|${buildStamp()}|${dir}`;
  const cachePath = join(home, 'cache', `synced-${spec.name}`);
  const listed = syncSources(home, dir);
  const { sources, problem } = listed;
  // Taken before reading: a file that changes while it is read looks changed next time.
  const identity = [problem ? 'unreadable' : 'read', ...sources.map(fileIdentity)].join('|');
  const stored = readCache(cachePath) as Stored | undefined;
  if (stored && stored.key === key && stored.identity === identity && !((stored.latest ?? -Infinity) > (spec.notAfter ?? Infinity)) && Array.isArray(stored.warnings)) {
    try {
      return { value: spec.decode(stored.value), warnings: stored.warnings, warningCount: stored.warningCount, latest: stored.latest ?? -Infinity };
    } catch {
      // Not what we write: derived anew below.
    }
  }
  const log = readSyncedLog(home, dir, listed);
  const latest = latestEventTime(log.events);
  const derived: Derived<T> = { value: foldLogEvents(log.events, spec.fold(latest)), warnings: log.warnings.slice(0, KEPT_WARNINGS), warningCount: log.warningCount, latest };
  const save: Stored = { key, identity, latest: Number.isFinite(latest) ? latest : null, warnings: derived.warnings, warningCount: derived.warningCount, value: spec.encode(derived.value) };
  writeCache(cachePath, save);
  return derived;
}
