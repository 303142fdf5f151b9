import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDirectories } from './files.js';

/**
 * Derived caches in the data dir (parsed lesson headers, the replay snapshot): disposable copies of
 * what can always be recomputed, so reading or writing them never fails a command.
 */

/**
 * Identifies this build: the bundle is rebuilt whole (dist/ is emptied first), so every chunk's
 * modification time changes with any change to the parser or the scheduler.
 */
export function buildStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return 'unknown';
  }
}

/**
 * The copy of a data-dir cache that the build made for the built-in lessons (dist/seed/NAME, see
 * src/build/bundle.mjs), or undefined. Used when the data dir has none for this build: the first
 * command after installing, or after a rebuild, then need not parse forty lesson files. Its entries
 * are keyed like the data dir's (file path, size and mtime, and this build's stamp), so an entry for
 * a lesson edited since the build, or for a checkout moved elsewhere, is simply not used.
 */
export function readSeedCache(name: string): unknown {
  try {
    return readCache(`${dirname(fileURLToPath(import.meta.url))}/seed/${name}`);
  } catch {
    return undefined;
  }
}

/** The cached JSON, or undefined if it is missing or unreadable. */
export function readCache(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Best effort, via temp file and rename: a read-only data dir just means recomputing next time. */
export function writeCache(path: string, value: unknown): void {
  writeCacheText(path, JSON.stringify(value));
}

/** writeCache for text that is not JSON. */
export function writeCacheText(path: string, text: string): void {
  try {
    makeDirectories(dirname(path));
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch {
    // not written: fine
  }
}
