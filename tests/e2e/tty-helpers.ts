import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from '../helpers.js';

// A real terminal for end-to-end tests: the built binary inside tmux (80×24, UTF-8), driven with
// send-keys and read with capture-pane. Tests skip themselves where tmux is not installed.

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sessions: string[] = [];

/** A new session name, remembered so that killTmuxSessions ends it. */
export function sessionName(prefix: string): string {
  const session = `${prefix}-${process.pid}-${Date.now()}-${sessions.length}`;
  sessions.push(session);
  return session;
}

export function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** The screen once `predicate` holds; fails with the screen after `ms`. */
export async function waitFor(session: string, predicate: (screen: string) => boolean, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-t', session, '-p');
    if (predicate(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out; the screen was:\n${screen}`);
}

/**
 * Starts `ml-tutor quiz ARGS` in a new 80×24 tmux session (`env`: more VAR=value settings); the exit
 * code lands in the returned file.
 */
export function startQuiz(home: string, args: string[], env: string[] = []): { session: string; done: string } {
  const done = join(tempDir(), 'exit-code');
  const session = sessionName('ml-tutor-quiz');
  const command = ['env', 'LANG=C.UTF-8', `ML_TUTOR_HOME=${home}`, 'ML_TUTOR_NOW=2026-03-01T09:00:00Z', 'NO_COLOR=1', ...env, process.execPath, BIN, 'quiz', ...args, `; echo $? > ${done}; sleep 60`];
  tmux('-u', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', command.join(' '));
  return { session, done };
}

export async function exitCode(done: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!(existsSync(done) && readFileSync(done, 'utf8').trim() !== '')) {
    if (Date.now() > deadline) throw new Error('the quiz did not exit');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(done, 'utf8').trim();
}

/** Ends the tmux sessions started so far (call from afterEach). */
export function killTmuxSessions(): void {
  for (const session of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', session]);
}
