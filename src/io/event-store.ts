import { accessSync, closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { parseEventLog, serializeEvent, type ParsedLog } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { describeFsError, invalidUtf8Lines, makeDirectories, writeAll } from './files.js';
import { eventsPath } from './paths.js';

/**
 * Why answers could not be saved in `home` (it cannot be made, or is not writable), or undefined:
 * for the commands that only read, which work anyway and say so once.
 */
export function dataDirProblem(home: string): UserError | undefined {
  try {
    makeDirectories(home);
    accessSync(home, constants.W_OK);
    return undefined;
  } catch (error) {
    return new UserError((t) => t.progressNotSaved(home, describeFsError(error, t)));
  }
}

export function ensureDataDir(home: string): void {
  try {
    makeDirectories(home);
  } catch (error) {
    throw new UserError((t) => t.cannotCreateDataDir(home, describeFsError(error, t)));
  }
}

/** Where an append went in events.jsonl: its size before and after (what sync compares to catch up). */
export interface AppendedRange {
  before: number;
  after: number;
}

/**
 * Append events to events.jsonl and fsync before returning, so an answer acknowledged to the learner
 * survives a crash or power loss. One write() of whole lines to a file opened with O_APPEND: two
 * processes appending at once never interleave within a line. If the file ends in a torn line (an
 * earlier write cut short), a newline goes first so the new event starts on a line of its own.
 *
 * A write the disk refuses part-way (full disk, a file size limit) throws, and what it had written
 * is cut off again (when no other process appended meanwhile), so a failed save leaves the log as
 * it was rather than with half an event.
 */
export function appendEvents(home: string, events: readonly ProgressEvent[]): AppendedRange | undefined {
  if (events.length === 0) return undefined;
  ensureDataDir(home);
  const path = eventsPath(home);
  let fd: number;
  try {
    fd = openSync(path, 'a+');
  } catch (error) {
    throw new UserError((t) => t.cannotWriteProgress(path, describeFsError(error, t), true));
  }
  let sizeBefore = -1;
  let bytes = Buffer.alloc(0);
  try {
    sizeBefore = fstatSync(fd).size;
    let prefix = '';
    if (sizeBefore > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, sizeBefore - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    bytes = Buffer.from(prefix + events.map(serializeEvent).join(''), 'utf8');
    writeAll(fd, bytes);
    fsyncSync(fd);
    return { before: sizeBefore, after: sizeBefore + bytes.length };
  } catch (error) {
    if (sizeBefore >= 0) cutOffOwnTail(fd, sizeBefore, bytes);
    throw new UserError((t) => t.cannotWriteProgress(path, describeFsError(error, t), false));
  } finally {
    closeSync(fd);
  }
}

/**
 * After a failed append: if everything past `sizeBefore` is the start of what we tried to write (no
 * other process appended since), truncate it away. Otherwise leave it: a torn line is skipped by
 * every reader with a warning, and cutting would destroy another process's event.
 */
function cutOffOwnTail(fd: number, sizeBefore: number, attempted: Buffer): void {
  try {
    const size = fstatSync(fd).size;
    const tail = size - sizeBefore;
    if (tail <= 0 || tail > attempted.length) return;
    const found = Buffer.alloc(tail);
    readSync(fd, found, 0, tail, sizeBefore);
    if (found.equals(attempted.subarray(0, tail))) ftruncateSync(fd, sizeBefore);
  } catch {
    // Left as it is (see above).
  }
}

/** A log's bytes parsed (core/event-log.ts parseEventLog), lines that are not UTF-8 skipped with a warning, not half-decoded. */
export function parseLogBytes(bytes: Buffer): ParsedLog {
  return parseEventLog(bytes.toString('utf8'), invalidUtf8Lines(bytes));
}

/** Read and parse the log; a missing file is an empty log. Bad lines come back as warnings. */
export function readEventLog(home: string): ParsedLog & { path: string } {
  const path = eventsPath(home);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { events: [], warnings: [], path };
    throw new UserError((t) => t.cannotReadProgress(path, describeFsError(error, t)));
  }
  return { ...parseLogBytes(bytes), path };
}
