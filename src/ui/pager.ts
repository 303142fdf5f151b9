import { spawn } from 'node:child_process';

/** How a page went: shown and closed by the learner, interrupted by Ctrl-C, or no pager to show it. */
export type PagerResult = 'closed' | 'interrupted' | 'unavailable';

/**
 * Show text through the learner's pager ($PAGER, default `less -R` so colours survive). Resolves
 * 'unavailable' when no pager could be started, so the caller prints the text itself.
 *
 * The pager ends with us: the shell `exec`s it, so the child we hold is the pager itself, and
 * Ctrl-C (which less ignores) makes us stop it and wait for it to put the terminal back before we
 * exit, instead of dying and leaving it running behind the learner's shell.
 */
export function showInPager(text: string, env: NodeJS.ProcessEnv): Promise<PagerResult> {
  const command = env.PAGER === undefined ? 'less -R' : env.PAGER.trim();
  if (command === '' || command === 'cat') return Promise.resolve('unavailable');
  return new Promise((resolvePromise) => {
    let interrupted = false;
    let settled = false;
    const settle = (result: PagerResult): void => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', onInterrupt);
      resolvePromise(result);
    };
    // less needs to be told the text is UTF-8 when the locale does not say so (LANG=C).
    const child = spawn(`exec ${command}`, {
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
    child.on('exit', (code) => settle(interrupted ? 'interrupted' : code === 127 ? 'unavailable' : 'closed'));
    child.stdin.on('error', () => undefined); // the learner quit the pager early: fine
    child.stdin.end(text);
  });
}
