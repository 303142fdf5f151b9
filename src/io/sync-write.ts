import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Text } from '../core/errors.js';
import { parseLogLine, serializeEvent } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { deviceFileName } from '../core/sync-merge.js';
import { readCache, writeCache } from './derived-cache.js';
import { parseLogBytes, type AppendedRange } from './event-store.js';
import { describeFsError, writeAll } from './files.js';
import { readRange } from './log-fold.js';
import { eventsPath } from './paths.js';

/**
 * Writing with sync on: every batch appended to events.jsonl is appended, the same lines, to this
 * device's file in the sync folder, `<device-id>.jsonl`, of which this device is the only writer.
 * The local log is always written first and is the truth: when the folder cannot be written
 * (unmounted, offline, full), the learner is told once, and a later save copies across every local
 * event the device file lacks, compared by id.
 */

export interface SyncTarget {
  dir: string;
  device: string;
}

/** What the last mirrored save left (cache/sync-state.json; deleting it only costs one catch-up). */
interface SyncState {
  /** The device file written to. */
  file: string;
  /** events.jsonl's size when its every event was known to be in `file` too (-1: not known). */
  localSize: number;
  /** `file`'s size then: another size means it changed behind our back (deleted, replaced). */
  deviceSize?: number;
  /** Set while writes to `file` fail: the learner was told once. */
  behind?: string;
}

export type MirrorResult =
  | { kind: 'ok' }
  | { kind: 'caught-up'; file: string; copied: number }
  | { kind: 'behind'; file: string; reason: Text; firstTime: boolean };

export function deviceFilePath(target: SyncTarget): string {
  return join(target.dir, deviceFileName(target.device));
}

function statePath(home: string): string {
  return join(home, 'cache', 'sync-state.json');
}

function readState(home: string): SyncState | undefined {
  const state = readCache(statePath(home)) as Partial<SyncState> | undefined;
  return state && typeof state.file === 'string' && typeof state.localSize === 'number' ? (state as SyncState) : undefined;
}

/**
 * After `appendEvents` wrote `events` to the local log at `written`: the same lines to the device
 * file. When the state says the device file held everything up to where this append began, that
 * is one append; otherwise (a save that could not reach the folder, a process killed between the
 * two writes, another terminal saving at once) the device file is caught up by id. Never throws:
 * the answer is saved locally already.
 */
export function mirrorEvents(home: string, target: SyncTarget, events: readonly ProgressEvent[], written: AppendedRange): MirrorResult {
  const file = deviceFilePath(target);
  const state = readState(home);
  const wasBehind = state?.file === file && state.behind !== undefined;
  try {
    if (state?.file === file && !wasBehind && state.localSize === written.before && state.deviceSize !== undefined) {
      const deviceSize = appendDeviceLines(file, events.map(serializeEvent).join(''), state.deviceSize);
      if (deviceSize !== undefined) {
        writeCache(statePath(home), { file, localSize: written.after, deviceSize } satisfies SyncState);
        return { kind: 'ok' };
      }
    }
    // A folder still out of reach fails here, before the local log is read for nothing.
    statSync(target.dir);
    const { copied } = catchUpDeviceFile(home, target);
    return wasBehind ? { kind: 'caught-up', file, copied } : { kind: 'ok' };
  } catch (error) {
    writeCache(statePath(home), { file, localSize: -1, behind: (error as NodeJS.ErrnoException).code ?? 'error' } satisfies SyncState);
    return { kind: 'behind', file, reason: (t) => describeFsError(error, t), firstTime: !wasBehind };
  }
}

/** The local events the device file does not hold (by id), and the local log's size when read. */
export function missingFromDeviceFile(home: string, target: SyncTarget): { missing: ProgressEvent[]; localSize: number } {
  const held = new Set(readLogFile(deviceFilePath(target)).events.map((event) => event.id));
  const local = readLogFile(eventsPath(home));
  const missing: ProgressEvent[] = [];
  for (const event of local.events) {
    if (held.has(event.id)) continue;
    held.add(event.id);
    missing.push(event);
  }
  return { missing, localSize: local.size };
}

/** Append every local event the device file lacks. Throws what the file system says. */
export function catchUpDeviceFile(home: string, target: SyncTarget): { copied: number } {
  const file = deviceFilePath(target);
  const { missing, localSize } = missingFromDeviceFile(home, target);
  // Made even when empty, so the other devices list this one from its first day.
  const deviceSize = appendDeviceLines(file, missing.map(serializeEvent).join(''));
  writeCache(statePath(home), { file, localSize, deviceSize } satisfies SyncState);
  return { copied: missing.length };
}

/** A log's events (a missing file has none) and its size. Read errors are thrown. */
function readLogFile(path: string): { events: ProgressEvent[]; size: number } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], size: 0 };
    throw error;
  }
  return { events: parseLogBytes(bytes).events, size: bytes.length };
}

/** How far back a torn last line of the device file is looked for. */
const TAIL_LIMIT = 1 << 20;

/**
 * Append lines to the device file (created if missing; the folder never is: an unmounted folder
 * must fail, not be made afresh) and fsync; returns the file's size after. With `expectedSize`,
 * nothing is written unless the file has that size (it is as this device left it), and undefined
 * is returned. A last line without its newline is this device's own write cut short, since no
 * other device writes here: it is cut off, and its event, still in the local log, is copied again
 * by the catch-up. (A whole event missing only its newline is kept.)
 */
function appendDeviceLines(file: string, text: string, expectedSize?: number): number | undefined {
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    if (expectedSize !== undefined && size !== expectedSize) return undefined;
    let prefix = '';
    if (size > 0 && readRange(fd, size - 1, 1)[0] !== 0x0a) {
      const start = Math.max(0, size - TAIL_LIMIT);
      const tail = readRange(fd, start, size - start);
      const lineStart = tail.lastIndexOf(0x0a) + 1;
      // A line longer than the window is not ours to cut: it only gets its newline.
      const whole = lineStart > 0 || start === 0;
      if (whole && !parseLogLine(tail.subarray(lineStart).toString('utf8'))?.event) ftruncateSync(fd, start + lineStart);
      else prefix = '\n';
    }
    if (prefix + text === '') return fstatSync(fd).size;
    writeAll(fd, Buffer.from(prefix + text, 'utf8'));
    fsyncSync(fd);
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}
