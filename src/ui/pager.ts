import { spawn } from 'node:child_process';

/**
 * How a page went: closed by the learner at its end (`read`; also any close when the pager cannot
 * tell), closed before the end (`left`), interrupted by Ctrl-C, or no pager to show it.
 */
export type PagerResult = 'read' | 'left' | 'interrupted' | 'unavailable';

/** Where less may copy what it reads (src/io/pager-log.ts): how far the learner got. */
export interface PagerWatch {
  path: string;
  bytesRead(): number;
  remove(): void;
}

const POLL_MS = 100;

/** Single-quoted for sh. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Show text through the learner's pager ($PAGER, default `less -R` so colours survive). Resolves
 * 'unavailable' when no pager could be started, so the caller prints the text itself.
 *
 * The pager ends with us: the shell `exec`s it, so the child we hold is the pager itself, and
 * Ctrl-C (which less ignores) makes us stop it and wait for it to put the terminal back before we
 * exit, instead of dying and leaving it running behind the learner's shell.
 *
 * Whether the learner reached the end: less reads a pipe only as far as it shows it (8 KiB at a
 * time), and `-O FILE` copies what it has read to FILE, so while it runs the file's size says how
 * far the learner got. (On quitting less copies the rest, so the size is watched, not read at the
 * end.) Another pager gives no such sign: closing it counts as having read the page.
 */
export function showInPager(text: string, env: NodeJS.ProcessEnv, watch?: PagerWatch): Promise<PagerResult> {
  const command = env.PAGER === undefined ? 'less -R' : env.PAGER.trim();
  if (command === '' || command === 'cat') {
    watch?.remove();
    return Promise.resolve('unavailable');
  }
  const watched = watch !== undefined && /^less(\s|$)/.test(command) ? watch : undefined;
  const total = Buffer.byteLength(text);
  let seen = 0;
  return new Promise((resolvePromise) => {
    let interrupted = false;
    let settled = false;
    const poll = watched ? setInterval(() => (seen = Math.max(seen, watched.bytesRead())), POLL_MS) : undefined;
    const settle = (result: PagerResult): void => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      process.off('SIGINT', onInterrupt);
      watch?.remove();
      resolvePromise(result);
    };
    // less needs to be told the text is UTF-8 when the locale does not say so (LANG=C).
    const child = spawn(`exec ${command}${watched ? ` -O ${shellQuote(watched.path)}` : ''}`, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESSCHARSET: 'utf-8', ...env },
    });
    function onInterrupt(): void {
      interrupted = true;
      child.kill('SIGTERM');
    }
    process.on('SIGINT', onInterrupt);
    child.on('error', () => settle('unavailable'));
    child.on('exit', (code) => {
      if (interrupted) settle('interrupted');
      else if (code === 127) settle('unavailable');
      else settle(!watched || seen >= total ? 'read' : 'left');
    });
    child.stdin.on('error', () => undefined); // the learner quit the pager early: fine
    child.stdin.end(text);
  });
}
