import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a text file that must be UTF-8. An invalid byte sequence is an error that names the file and
 * the line it is on, rather than text full of replacement characters.
 */
export function readUtf8(path: string): string {
  const bytes = readFileSync(path);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index += 1) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          strictUtf8.decode(bytes.subarray(start, index));
        } catch {
          throw new UserError(`${path}:${line}: not valid UTF-8 text (save the file as UTF-8)`);
        }
        line += 1;
        start = index + 1;
      }
    }
    throw new UserError(`${path}:1: not valid UTF-8 text (save the file as UTF-8)`);
  }
}

/** A one-line description of a file system error: "permission denied", "not a directory", … */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'is a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EEXIST: 'already exists',
  };
  return (code && reasons[code]) || (error as Error).message;
}
