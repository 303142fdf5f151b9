import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { isDeviceId } from '../core/sync-merge.js';
import { newEventId } from './event-id.js';
import { ensureDataDir } from './event-store.js';
import { describeFsError, writeAll } from './files.js';

/**
 * The data dir's device id: the name of its file in the sync folder (`<id>.jsonl`). Made once, at
 * random, and kept in `device-id` beside events.jsonl. A copy of a data dir on another machine must
 * not keep it (two devices would write one file): progress export/import moves history instead.
 */
export function deviceIdPath(home: string): string {
  return join(home, 'device-id');
}

/** The device id, or undefined when this data dir has none yet. */
export function readDeviceId(home: string): string | undefined {
  const path = deviceIdPath(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError((t) => t.cannotRead(path, describeFsError(error, t)));
  }
  if (!isDeviceId(text)) throw new UserError((t) => t.sync.badDeviceId(path, text));
  return text;
}

/**
 * The device id, made on first use: twelve random hex digits (48 bits: two devices of one learner
 * will not draw the same). Written whole to a temp file and linked into place, which fails if the
 * file exists: two processes making one at once agree on the first.
 */
export function deviceId(home: string): string {
  const known = readDeviceId(home);
  if (known) return known;
  ensureDataDir(home);
  const path = deviceIdPath(home);
  const id = newEventId().replace(/-/g, '').slice(0, 12);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeAll(fd, Buffer.from(`${id}\n`, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path);
    return id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readDeviceId(home) ?? id;
    throw new UserError((t) => t.cannotWrite(path, describeFsError(error, t)));
  } finally {
    try {
      rmSync(temp, { force: true });
    } catch {
      // A temp file left behind is harmless: it is never read.
    }
  }
}
