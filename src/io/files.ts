import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Messages } from '../i18n/index.js';

/**
 * Read a text file that must be UTF-8. An invalid byte sequence is an error that names the file and
 * the line it is on, rather than text full of replacement characters. A leading byte order mark is
 * dropped. (isUtf8 rather than a fatal TextDecoder: creating one loads ICU's converters, ~4 ms.)
 */
export function readUtf8(path: string): string {
  // /dev/zero or a pipe would be read until memory runs out.
  if (!statSync(path).isFile()) throw new UserError((t) => t.notRegularFile(path));
  const bytes = readFileSync(path);
  const [badLine] = invalidUtf8Lines(bytes);
  if (badLine !== undefined) throw new UserError((t) => t.notUtf8(path, badLine));
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The 1-based lines whose bytes are not UTF-8, in order: none, found in one pass, for a healthy
 * file. A sequence cut by a line break makes both its lines invalid, so it is found too.
 */
export function invalidUtf8Lines(bytes: Buffer): Set<number> {
  const lines = new Set<number>();
  if (isUtf8(bytes)) return lines;
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, index))) lines.add(line);
      line++;
      start = index + 1;
    }
  }
  return lines;
}

/**
 * mkdir -p that cannot spin: Node's own recursive mkdirSync retries forever where a folder cannot be
 * made but its parent exists (under /proc, "mkdir /proc/x" fails with ENOENT). The missing folders
 * are found by walking up once, then made top-down, and the first failure is thrown.
 */
export function makeDirectories(path: string): void {
  const missing: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      statSync(current);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** write() until every byte is written: a write may take fewer bytes than asked (a disk filling up). */
export function writeAll(fd: number, bytes: Buffer): number {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  return written;
}

/** A one-line description of a file system error in the learner's language: "permission denied", … */
export function describeFsError(error: unknown, t: Messages): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && t.fsReason[code]) || (error as Error).message;
}

/**
 * Write a file atomically: a temp file beside it, fsynced, renamed over the target, then the folder
 * fsynced. A crash leaves either the old file or the new one, never half of it.
 */
export function writeFileAtomic(path: string, text: string): void {
  // Renaming over a device or a folder would replace it: only a regular file (or none) is written.
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isFile()) throw new UserError((t) => t.notRegularFile(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (a name too long, a missing folder): nothing to remove.
    }
    throw new UserError((t) => t.cannotWrite(path, describeFsError(error, t)));
  }
}
