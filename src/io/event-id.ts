import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A new event's id: a random version 4 UUID (RFC 9562 §5.4), as crypto.randomUUID makes, from the
 * system's random source, /dev/urandom. Loading node:crypto for randomUUID cost `read` ~5 ms of
 * its start; where there is no /dev/urandom (Windows) crypto is used after all.
 */
export function newEventId(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `count` random bytes from /dev/urandom, or from node:crypto where there is none (loading it is the
 * cost avoided: the quiz draws its seed here too).
 */
export function randomBytes(count: number): Buffer {
  const bytes = Buffer.alloc(count);
  if (!readUrandom(bytes)) (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomFillSync(bytes);
  return bytes;
}

function readUrandom(bytes: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    return readSync(fd, bytes, 0, bytes.length, null) === bytes.length;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
