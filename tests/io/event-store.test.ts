import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/core/events.js';
import { appendEvents, readEventLog } from '../../src/io/event-store.js';
import { ROOT, tempDir } from '../helpers.js';

const event = (id: string): ProgressEvent => ({ v: 1, id, at: '2026-03-01T09:00:00.000Z', type: 'read', lesson: 'rnn/units' });

describe('event store', () => {
  it('creates the data dir and appends one line per event', () => {
    const home = join(tempDir(), 'nested', 'data');
    appendEvents(home, [event('a')]);
    appendEvents(home, [event('b'), event('c')]);
    const lines = readFileSync(join(home, 'events.jsonl'), 'utf8').split('\n');
    expect(lines.map((line) => (line ? JSON.parse(line).id : ''))).toEqual(['a', 'b', 'c', '']);
  });

  it('starts a new line after a torn last line and keeps every complete event', () => {
    const home = tempDir();
    const path = join(home, 'events.jsonl');
    writeFileSync(path, `${JSON.stringify(event('a'))}\n{"v":1,"id":"torn`);
    appendEvents(home, [event('b')]);
    const log = readEventLog(home);
    expect(log.events.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(log.warnings).toEqual([{ line: 2, message: expect.objectContaining({ en: 'not valid JSON, skipped' }) }]);
    expect(readFileSync(path, 'utf8').startsWith(`${JSON.stringify(event('a'))}\n{"v":1,"id":"torn\n`)).toBe(true);
  });

  it('reads a missing log as empty', () => {
    expect(readEventLog(tempDir()).events).toEqual([]);
  });

  it('fails with one clear line when the data dir cannot be created', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(() => appendEvents(join(file, 'data'), [event('a')])).toThrow(
      `cannot create the data directory ${join(file, 'data')}: a part of the path is not a directory (set ML_TUTOR_HOME to a writable directory)`,
    );
  });

  it('loses nothing when two processes append at once', async () => {
    const home = tempDir();
    // The child runs the real module, bundled from source for plain Node.
    const appender = join(tempDir(), 'appender.mjs');
    buildSync({
      stdin: {
        contents: `import { appendEvents } from ${JSON.stringify(join(ROOT, 'src/io/event-store.ts'))};
          const who = process.argv[2];
          for (let i = 0; i < 200; i++) appendEvents(process.env.HOME_DIR, [{ v: 1, id: who + i, at: '2026-03-01T09:00:00.000Z', type: 'read', lesson: 'x/' + who }]);`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: appender,
      logLevel: 'error',
    });
    const run = (who: string): Promise<number> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [appender, who], {
          env: { ...process.env, HOME_DIR: home },
          stdio: 'inherit',
        });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([run('p'), run('q')]);
    expect(codes).toEqual([0, 0]);
    const log = readEventLog(home);
    expect(log.warnings).toEqual([]);
    expect(log.events).toHaveLength(400);
    expect(new Set(log.events.map((entry) => entry.id)).size).toBe(400);
  }, 30_000);
});
