import { isAscii, isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { cancelledIds, latestEventTime, parseLogLine, scanEventLog, type LogFold, type LogWarning } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { currentWeights } from '../core/fsrs-params.js';
import { SeenIds } from '../core/seen-ids.js';

/**
 * A whole log folded as it is read from disk, a piece at a time: a cold start on a long history
 * (200,000 reviews, 30 MB) then never holds the log's bytes, its text or a list of its events, only
 * the fold's value, which keeps it fast (little garbage to collect) and small (peak memory).
 *
 * This works for the log as we write it: in time order, valid UTF-8. The undos and params events are
 * found first (an undo cancels an earlier event, so what it cancels must be known before that event
 * is folded; the latest params event gives the weights the whole history replays with), and the
 * latest event's time is read from the end (a fold may need it, e.g. to thin old reviews). If an
 * event comes earlier than the one before it (logs merged by hand), an id comes twice or a line is
 * not UTF-8, the fold is abandoned and the caller reads the log as a list and sorts it: the same result, more slowly.
 */

/**
 * Bytes read and decoded at a time (a piece grows to hold a longer line whole). Under V8's largest
 * ordinary object (128 kB): a longer text is a "large object" with its own memory mapping, and
 * decoding a 30 MB log in 256 kB pieces took ten times as long as in 64 kB ones (measured).
 */
const PIECE_BYTES = 1 << 16;
const NEWLINE = 0x0a;
const BYTE_ORDER_MARK = '\ufeff';

/** What a fold of a log is told before its first event (see foldLogFile). */
export interface LogOutline {
  /** The time of the log's latest event (epoch ms), -Infinity if none. */
  latest: number;
  /** The FSRS weights of the latest params event not undone (core/fsrs-params.ts), or undefined. */
  weights: number[] | undefined;
}

export interface FoldedLog<T> extends LogOutline {
  value: T;
  warnings: LogWarning[];
  warningCount: number;
  /** Newlines in the log. */
  newlines: number;
}

export function readRange(fd: number, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, start + done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
}

/** Bytes read from the file at a time, into one buffer used over and over. */
const READ_BYTES = 1 << 20;

/**
 * The log's first `size` bytes as pieces of whole lines, in order: each piece ends just after a
 * newline, or at `size`, so no line (and no UTF-8 character) is split between two pieces. A piece
 * is a view of a buffer that the next piece reuses: use it before asking for the next.
 */
function* pieces(fd: number, size: number): Generator<{ start: number; bytes: Buffer }> {
  let buffer = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(size, 1)));
  let position = 0; // the log offset of buffer[0]
  let filled = 0;
  while (position < size) {
    const wanted = Math.min(buffer.length - filled, size - position - filled);
    const got = readInto(fd, buffer, filled, wanted, position + filled);
    filled += got;
    // The file shorter than it was (rewritten meanwhile): what was read is the log.
    const atEnd = got < wanted || position + filled >= size;
    let offset = 0;
    while (offset < filled) {
      let end = Math.min(offset + PIECE_BYTES, filled);
      if (!(atEnd && end === filled)) {
        const newline = buffer.lastIndexOf(NEWLINE, end - 1);
        const further = newline >= offset ? newline : buffer.indexOf(NEWLINE, end);
        if (further === -1 || further >= filled) break; // the line goes on past what was read
        end = further + 1;
      }
      yield { start: position + offset, bytes: buffer.subarray(offset, end) };
      offset = end;
    }
    if (atEnd) return;
    // Keep the unfinished line, at the start of the buffer (a bigger one if it fills this one).
    if (offset === 0 && filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    else buffer.copy(buffer, 0, offset, filled);
    position += offset;
    filled -= offset;
  }
}

function readInto(fd: number, buffer: Buffer, at: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, at + done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/**
 * The text of some bytes (valid UTF-8). A log is nearly always plain ASCII, and ASCII bytes are
 * copied as they are (latin1), several times faster than decoding them as UTF-8.
 */
function decode(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** The event on one line (`atLogStart`: the log's first line, which may begin with a byte order mark). */
function lineEvent(bytes: Buffer, atLogStart: boolean): ProgressEvent | undefined {
  const text = decode(bytes);
  return parseLogLine(atLogStart && text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text)?.event;
}

/**
 * The log's undo and params events (those that reach back over history), or undefined if some line
 * is not UTF-8. Such a line holds the word `undo` or `params`, or a \u escape spelling one: only the
 * lines that hold one of them are parsed (a handful in a long log).
 */
function retroactiveEvents(fd: number, size: number): ProgressEvent[] | undefined {
  const found: ProgressEvent[] = [];
  for (const piece of pieces(fd, size)) {
    if (!isUtf8(piece.bytes)) return undefined;
    const starts = new Set<number>();
    for (const needle of ['undo', 'params', '\\u']) {
      for (let at = piece.bytes.indexOf(needle); at !== -1; ) {
        starts.add(piece.bytes.lastIndexOf(NEWLINE, at) + 1);
        const newline = piece.bytes.indexOf(NEWLINE, at);
        at = newline === -1 ? -1 : piece.bytes.indexOf(needle, newline);
      }
    }
    for (const start of [...starts].sort((a, b) => a - b)) {
      const newline = piece.bytes.indexOf(NEWLINE, start);
      const event = lineEvent(piece.bytes.subarray(start, newline === -1 ? piece.bytes.length : newline), piece.start + start === 0);
      if (event?.type === 'undo' || event?.type === 'params') found.push(event);
    }
  }
  return found;
}

/** The time of the last readable event of the log's first `size` bytes (epoch ms), or -Infinity. */
function lastEventTime(fd: number, size: number): number {
  for (let window = PIECE_BYTES; ; window *= 4) {
    const from = Math.max(0, size - window);
    const bytes = readRange(fd, from, size - from);
    // Lines wholly inside the window, last first (the first is cut unless the window is the log).
    let end = bytes.length;
    for (;;) {
      const start = end === 0 ? 0 : bytes.lastIndexOf(NEWLINE, end - 1) + 1;
      if (start === 0 && from > 0) break;
      const event = lineEvent(bytes.subarray(start, end), from + start === 0);
      if (event) return latestEventTime([event]);
      if (start === 0) return -Infinity;
      end = start - 1;
    }
  }
}

/**
 * Fold the log (its first `size` bytes, read through `fd`) with `makeFold(outline)`, or undefined when
 * its events are not in time order or a line is not UTF-8 (then fold a sorted list instead).
 * Warnings as parseEventLog gives them: the first `keptWarnings` kept, all counted.
 */
export function foldLogFile<T>(fd: number, size: number, makeFold: (outline: LogOutline) => LogFold<T>, keptWarnings: number): FoldedLog<T> | undefined {
  const retroactive = retroactiveEvents(fd, size);
  if (!retroactive) return undefined;
  const cancelled = cancelledIds(retroactive);
  const latest = lastEventTime(fd, size);
  const weights = currentWeights(retroactive);
  const fold = makeFold({ latest, weights });
  // A log line is rarely shorter than 100 bytes (a review is ~160).
  const seenIds = new SeenIds(size / 100);
  const warnings: LogWarning[] = [];
  let warningCount = 0;
  let newlines = 0;
  let previous = -Infinity;
  const visit = (event: ProgressEvent, time: number): boolean => {
    if (time < previous) return false;
    previous = time;
    // Each event once: an id seen before (a line written twice, or very rarely two ids alike in
    // their first 48 bits, found at the end) is left to the exact way, which keeps the first.
    if (!seenIds.add(event.id)) return false;
    if (event.type !== 'undo' && !cancelled.has(event.id)) fold.add(event, time);
    return true;
  };
  for (const piece of pieces(fd, size)) {
    const final = piece.start + piece.bytes.length === size;
    const scan = scanEventLog(decode(piece.bytes), visit, { firstLine: newlines + 1, final });
    if (scan.stopped) return undefined;
    warningCount += scan.warnings.length;
    warnings.push(...scan.warnings.slice(0, Math.max(0, keptWarnings - warnings.length)));
    newlines += scan.newlines;
  }
  // In time order the last event is the latest; anything else means the log changed as it was read.
  if (previous !== latest || seenIds.mayRepeat()) return undefined;
  return { value: fold.value(), warnings, warningCount, latest, weights, newlines };
}
