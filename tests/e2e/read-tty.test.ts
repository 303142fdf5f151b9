import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';

// `read` on a real terminal (tmux): colour on, and a lesson taller than the screen goes to $PAGER.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

function waitFor(check: () => boolean, timeoutMs = 10_000): void {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    execFileSync('sleep', ['0.1']);
  }
}

describe.skipIf(!hasTmux)('ml-tutor read on a terminal', () => {
  it('pages a long lesson through $PAGER, in colour, and --no-pager prints it directly', () => {
    const dir = tempDir();
    const paged = join(dir, 'paged.txt');
    const done = join(dir, 'done');
    const socket = join(dir, 'tmux.sock');
    const env = `LANG=C.UTF-8 ML_TUTOR_HOME=${dir}/home ML_TUTOR_NOW=2026-03-01T09:00:00Z ML_TUTOR_SIMULATE=1 PAGER='cat > ${paged}'`;
    const run = (args: string): void => {
      execFileSync('tmux', ['-S', socket, '-u', 'new-session', '-d', '-x', '80', '-y', '24', `env ${env} ${process.execPath} ${BIN} ${args}; touch ${done}; sleep 30`]);
      waitFor(() => existsSync(done));
    };
    try {
      run('read rnn/1');
      const text = readFileSync(paged, 'utf8');
      expect(text).toContain('\u001b[');
      expect(text).toContain('The recurrent unit');
      expect(text.split('\n').length).toBeGreaterThan(24);

      execFileSync('tmux', ['-S', socket, 'kill-server']);
      // The next session must not meet the old server while it shuts down.
      waitFor(() => spawnSync('tmux', ['-S', socket, 'has-session']).status !== 0);
      execFileSync('rm', ['-f', paged, done]);
      run('read rnn/1 --no-pager --section 1');
      expect(existsSync(paged)).toBe(false);
      // tmux may still be drawing the last output when the command has exited: wait for the heading.
      const screen = (): string => execFileSync('tmux', ['-S', socket, 'capture-pane', '-p'], { encoding: 'utf8' });
      waitFor(() => /1\. Why sequences need memory/.test(screen()), 5_000);
      expect(screen()).not.toContain('W_x'); // section 1 only: the table of weights is in a later section
    } finally {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
    }
  }, 30_000);

  // A shell in tmux, as a learner has it: the lesson in `less`, then Ctrl-C or q.
  function shell(dir: string): { send: (...keys: string[]) => void; screen: () => string; stop: () => void } {
    const socket = join(dir, 'tmux.sock');
    execFileSync('tmux', ['-S', socket, '-u', 'new-session', '-d', '-x', '80', '-y', '24', 'env -i PATH="$PATH" HOME="$HOME" TERM=screen PS1="PROMPT$ " bash --norc --noprofile']);
    return {
      send: (...keys) => void execFileSync('tmux', ['-S', socket, 'send-keys', ...keys]),
      screen: () => execFileSync('tmux', ['-S', socket, 'capture-pane', '-p'], { encoding: 'utf8' }),
      stop: () => void spawnSync('tmux', ['-S', socket, 'kill-server']),
    };
  }
  const readCommand = (dir: string, marker: string): string =>
    `LANG=C.UTF-8 ML_TUTOR_HOME=${dir}/home ML_TUTOR_NOW=2026-03-01T09:00:00Z PAGER='less -R -P${marker}' ${process.execPath} ${BIN} read rnn/1 --lang en; echo "exit=$?"`;
  const pagerAlive = (marker: string): boolean => spawnSync('pgrep', ['-f', marker]).status === 0;

  it('Ctrl-C in the pager ends less with us: no less left behind, the prompt back, exit 130', () => {
    const dir = tempDir();
    const marker = `ZmltutorPager${process.pid}x${Date.now()}`;
    const term = shell(dir);
    try {
      waitFor(() => term.screen().includes('PROMPT$'));
      term.send(readCommand(dir, marker), 'Enter');
      waitFor(() => pagerAlive(marker) && term.screen().split('\n').some((line) => line.trim() === marker));
      term.send('C-c');
      waitFor(() => term.screen().includes('exit=130'));
      expect(term.screen()).toContain('ml-tutor: interrupted');
      expect(term.screen().trimEnd().endsWith('PROMPT$')).toBe(true);
      expect(pagerAlive(marker)).toBe(false);
      expect(existsSync(join(dir, 'home', 'events.jsonl'))).toBe(false); // not read: it was cut short
    } finally {
      term.stop();
    }
  }, 30_000);

  it.each([
    ['after the first screen', [], false],
    ['at the end', ['G'], true],
  ] as const)('q in the pager %s comes back to the shell with the "what next" footer; read: %s', (_when, moves, read) => {
    const dir = tempDir();
    const marker = `ZmltutorPager${process.pid}y${Date.now()}`;
    const term = shell(dir);
    try {
      waitFor(() => term.screen().includes('PROMPT$'));
      term.send(readCommand(dir, marker), 'Enter');
      waitFor(() => term.screen().split('\n').some((line) => line.trim() === marker));
      for (const key of moves) term.send(key);
      if (moves.length > 0) waitFor(() => term.screen().includes('Next: ml-tutor read rnn/2')); // the page's own footer, in less
      execFileSync('sleep', ['0.4']); // less's reading is watched every 100 ms
      term.send('q');
      waitFor(() => term.screen().includes('exit=0'));
      const screen = term.screen();
      expect(screen).toContain('Quiz this lesson: ml-tutor quiz rnn/recurrent-units');
      expect(screen).toContain('Next: ml-tutor read rnn/2');
      expect(pagerAlive(marker)).toBe(false);
      expect(existsSync(join(dir, 'home', 'events.jsonl'))).toBe(read);
    } finally {
      term.stop();
    }
  }, 30_000);
});
