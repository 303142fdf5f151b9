import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers.js';

// `read` marks a lesson read only when the whole page reached the learner.

const env = (home: string): Record<string, string> => ({ ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-01T09:00:00Z', LANG: 'C.UTF-8' });
const readEvents = (home: string): string[] => {
  const path = join(home, 'events.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
};

describe('read marks a lesson read', () => {
  it('when the whole page was written to a pipe', () => {
    const home = tempDir();
    const result = runCli(['read', 'rnn/1', '--lang', 'en'], { env: env(home) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Next: ml-tutor read rnn/2');
    expect(readEvents(home)).toEqual([expect.stringContaining('"lesson":"rnn/recurrent-units"')]);
  });

  it('not when the reader closed the pipe first (| head), and still exits 0', async () => {
    const home = tempDir();
    const child = spawn(process.execPath, [BIN, 'read', 'rnn/1', '--lang', 'en'], { env: { ...process.env, ...env(home) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the page is written: EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readEvents(home)).toEqual([]);
  });
});
