import { spawn } from 'node:child_process';

/**
 * Show text through the learner's pager ($PAGER, default `less -R` so colours survive). Resolves
 * false when no pager could be started, so the caller prints the text itself.
 */
export function showInPager(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const command = env.PAGER === undefined ? 'less -R' : env.PAGER.trim();
  if (command === '' || command === 'cat') return Promise.resolve(false);
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (started: boolean): void => {
      if (!settled) {
        settled = true;
        resolvePromise(started);
      }
    };
    // less needs to be told the text is UTF-8 when the locale does not say so (LANG=C).
    const child = spawn(command, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESSCHARSET: 'utf-8', ...env },
    });
    child.on('error', () => settle(false));
    child.on('exit', (code) => settle(code !== 127));
    child.stdin.on('error', () => undefined); // the learner quit the pager early: fine
    child.stdin.end(text);
  });
}
