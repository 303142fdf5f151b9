import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('ml-tutor demo --predict', () => {
  it('outside a terminal shows the answer with a note', () => {
    const result = runCli(['demo', 'softmax', '--scores', '2,1,0', '--predict']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0.6653');
    expect(result.stderr).toBe("note: --predict asks for your guess on a terminal; showing the answer straight away\n");
  });

  it.skipIf(!hasTmux)('on a terminal asks for a guess first, then judges it', () => {
    const dir = tempDir();
    const socket = join(dir, 'tmux.sock');
    const done = join(dir, 'done');
    const command = `env LANG=C.UTF-8 ML_TUTOR_HOME=${dir} ${process.execPath} ${BIN} demo softmax --scores 2,1,0 --predict; touch ${done}; sleep 30`;
    const screen = (): string => execFileSync('tmux', ['-S', socket, 'capture-pane', '-p', '-S', '-200'], { encoding: 'utf8' });
    const waitFor = (check: () => boolean): void => {
      const deadline = Date.now() + 10_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out; screen:\n${screen()}`);
        execFileSync('sleep', ['0.1']);
      }
    };
    try {
      execFileSync('tmux', ['-S', socket, '-u', 'new-session', '-d', '-x', '80', '-y', '60', command]);
      waitFor(() => screen().includes('what probability does the first score'));
      expect(screen()).not.toContain('0.6653');
      execFileSync('tmux', ['-S', socket, 'send-keys', '0.9', 'Enter']);
      waitFor(() => existsSync(done));
      expect(screen().replace(/\s+/g, ' ')).toContain('Your guess was 0.9; the answer is 0.665241.');
    } finally {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
    }
  }, 30_000);
});
