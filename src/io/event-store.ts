import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { parseEventLog, serializeEvent, type ParsedLog } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { describeFsError } from './files.js';
import { eventsPath } from './paths.js';

export function ensureDataDir(home: string): void {
  try {
    mkdirSync(home, { recursive: true });
  } catch (error) {
    throw new UserError((t) => t.cannotCreateDataDir(home, describeFsError(error, t)));
  }
}

/**
 * Append events to events.jsonl and fsync before returning, so an answer acknowledged to the learner
 * survives a crash or power loss. One write() of whole lines to a file opened with O_APPEND: two
 * processes appending at once never interleave within a line. If the file ends in a torn line (an
 * earlier write cut short), a newline goes first so the new event starts on a line of its own.
 */
export function appendEvents(home: string, events: readonly ProgressEvent[]): void {
  if (events.length === 0) return;
  ensureDataDir(home);
  const path = eventsPath(home);
  let fd: number;
  try {
    fd = openSync(path, 'a+');
  } catch (error) {
    throw new UserError((t) => t.cannotWriteProgress(path, describeFsError(error, t), true));
  }
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    writeSync(fd, prefix + events.map(serializeEvent).join(''));
    fsyncSync(fd);
  } catch (error) {
    throw new UserError((t) => t.cannotWriteProgress(path, describeFsError(error, t), false));
  } finally {
    closeSync(fd);
  }
}

/** Read and parse the log; a missing file is an empty log. Bad lines come back as warnings. */
export function readEventLog(home: string): ParsedLog & { path: string } {
  const path = eventsPath(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { events: [], warnings: [], path };
    throw new UserError((t) => t.cannotReadProgress(path, describeFsError(error, t)));
  }
  return { ...parseEventLog(text), path };
}
