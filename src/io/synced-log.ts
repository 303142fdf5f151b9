import { closeSync, fstatSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localize, UserError } from '../core/errors.js';
import { scanEventLog, type LogWarning, type ParsedLog } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { isSyncFileName, mergeEventSources, type EventConflict } from '../core/sync-merge.js';
import { describeFsError, invalidUtf8Lines } from './files.js';
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

/** How far a file was read: what a later read may start from, and the check that it is the same file. */
export interface Covered {
  ino: number;
  /** Bytes read, up to a line's end (a device file's unfinished last line is read again next time). */
  offset: number;
  /** Newlines in those bytes: the line number the next read starts after. */
  lines: number;
  /** The last bytes read (base64): still there, the file was only appended to. */
  tail: string;
  /** A later read may go on from `offset` (not after the local log's torn last line: its warning changes). */
  extendable: boolean;
}

export interface SourceRead {
  source: SyncSource;
  events: Array<{ event: ProgressEvent; line: number; time: number }>;
  warnings: LogWarning[];
  /** Undefined for a file that was not read (missing, unreadable, not a regular file). */
  covered?: Covered;
}

const TAIL_BYTES = 64;

/**
 * One file's events, from its start or from where an earlier read stopped (`from`). The local log
 * is read as readEventLog reads it (an error reading it stops the command). A device file that
 * cannot be read is skipped with a warning; one whose last line has no newline is being synced (or
 * was cut short on its device): that line is skipped without a word, and read again next time.
 */
export function readSource(source: SyncSource, from: { offset: number; lines: number } = { offset: 0, lines: 0 }): SourceRead {
  const read: SourceRead = { source, events: [], warnings: [] };
  let fd: number | undefined;
  try {
    // Never open what is not a regular file: opening a FIFO named x.jsonl would wait for a writer.
    if (source.kind === 'device' && !statSync(source.path).isFile()) return read;
    fd = openSync(source.path, 'r');
    const stats = fstatSync(fd);
    const bytes = readRange(fd, from.offset, Math.max(0, stats.size - from.offset));
    const invalid = [...invalidUtf8Lines(bytes)].map((line) => line + from.lines);
    const visit = (event: ProgressEvent, time: number, line: number): void => void read.events.push({ event, line, time });
    const scan = scanEventLog(bytes.toString('utf8'), visit, { invalidUtf8Lines: new Set(invalid), firstLine: from.lines + 1 });
    const unfinished = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a;
    let end = from.offset + bytes.length;
    if (source.kind === 'local') {
      read.warnings = scan.warnings;
    } else {
      const tornLine = unfinished ? from.lines + scan.newlines + 1 : 0;
      read.warnings = scan.warnings.filter((warning) => warning.line !== tornLine).map((warning) => ({ ...warning, file: source.path }));
      if (unfinished) end = from.offset + bytes.lastIndexOf(0x0a) + 1;
    }
    const tail = readRange(fd, Math.max(0, end - TAIL_BYTES), Math.min(end, TAIL_BYTES)).toString('base64');
    read.covered = { ino: stats.ino, offset: end, lines: from.lines + scan.newlines, tail, extendable: source.kind === 'device' || !unfinished };
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

export function conflictWarning(conflict: EventConflict): LogWarning {
  const kept = `${conflict.kept.file}:${conflict.kept.line}`;
  return { line: conflict.dropped.line, file: conflict.dropped.file, message: localize((t) => t.sync.conflict(conflict.id, kept)) };
}

export interface SyncedLog extends ParsedLog {
  /** events.jsonl, for warnings about its lines. */
  path: string;
  warningCount: number;
  /** Each file read, with the number of distinct events it holds, and how far it was read. */
  sources: Array<SyncSource & { events: number; covered?: Covered | undefined }>;
}

/** The union of the local log and the sync folder's device files, each event once, in time order. */
export function readSyncedLog(home: string, dir: string, listed = syncSources(home, dir)): SyncedLog {
  const { sources, problem } = listed;
  const reads = sources.map((source) => readSource(source));
  const merged = mergeEventSources(reads.map((read) => ({ file: read.source.path, events: read.events })));
  const warnings = [...(problem ? [problem] : []), ...reads.flatMap((read) => read.warnings), ...merged.conflicts.map(conflictWarning)];
  return {
    events: merged.events,
    warnings,
    warningCount: warnings.length,
    path: eventsPath(home),
    sources: reads.map((read, index) => ({ ...read.source, events: merged.counts[index] ?? 0, covered: read.covered })),
  };
}

