import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

// Why not just process.stdout? Touching process.stdout (or stdin, or `require('node:tty')`) makes
// Node build a stream for it, which loads its net and stream modules: about 6 ms of a 60 ms start.
// A command whose output goes to a pipe or a file only needs write(2), so it gets a plain writer on
// the file descriptor, and the stream is built only when the descriptor is a terminal (prompts,
// the pager, the terminal's size need it).

/** Whether `fd` is a terminal, without loading node:tty unless it might be one (a character device). */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed descriptor
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** What a terminal stream offers; tests pass a fake. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  rows?: number | undefined;
  /** True once the reader went away (EPIPE): what was written after that was dropped. */
  broken?: boolean | undefined;
}

/** How long to wait before retrying a write to a non-blocking pipe that is full. */
const FULL_PIPE_WAIT_MS = 1;

/**
 * A blocking writer on a file descriptor. When the reader has gone away (`ml-tutor list | head`),
 * later output is dropped instead of failing, and `broken` says so: the command still finishes
 * what it was doing (`read` then leaves the lesson unread, since it was not all shown).
 */
export class DescriptorWriter implements OutputStream {
  readonly isTTY = false;
  readonly columns = undefined;
  readonly rows = undefined;
  broken = false;

  constructor(private readonly fd: number) {}

  write(text: string): boolean {
    if (this.broken || text.length === 0) return true;
    let bytes = Buffer.from(text, 'utf8');
    while (bytes.length > 0) {
      try {
        const written = writeSync(this.fd, bytes);
        bytes = bytes.subarray(written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A pipe some parent left non-blocking is full: wait for its reader, as a blocking write would.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FULL_PIPE_WAIT_MS);
          continue;
        }
        if (code === 'EPIPE' || code === 'EBADF') {
          this.broken = true;
          return true;
        }
        throw error;
      }
    }
    return true;
  }
}

let stdoutStream: OutputStream | undefined;
let stderrStream: OutputStream | undefined;

/** stdout: the real stream on a terminal, a descriptor writer otherwise. */
export function standardOutput(): OutputStream {
  if (stdoutStream) return stdoutStream;
  if (isTerminal(1)) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    stdoutStream = process.stdout;
  } else {
    stdoutStream = new DescriptorWriter(1);
  }
  return stdoutStream;
}

/** stderr: warnings and errors, always written straight to the descriptor (as Node does for a terminal). */
export function standardError(): OutputStream {
  stderrStream ??= new DescriptorWriter(2);
  return stderrStream;
}
