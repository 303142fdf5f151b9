import { cpSync, existsSync, rmSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { quizPack } from './quiz-helpers.js';

// The replay snapshot (cache/replay.json) is a pure speed-up: stats must read the same with or
// without it, and any change to the log must be seen at once.
const pack = quizPack();
const lines = (events: Array<Record<string, unknown>>): string => events.map((event) => `${JSON.stringify({ v: 1, ...event })}\n`).join('');

describe('replay snapshot', () => {
  it('gives the same stats as a fresh replay, and notices a new review', () => {
    const home = tempDir();
    appendFileSync(
      join(home, 'events.jsonl'),
      lines([
        { id: 'a', at: '2026-02-20T09:00:00.000Z', type: 'review', card: 'optics/choice', rating: 3, correct: true },
        { id: 'b', at: '2026-02-20T09:10:00.000Z', type: 'review', card: 'optics/choice', rating: 3, correct: true },
        { id: 'c', at: '2026-02-25T09:00:00.000Z', type: 'review', card: 'optics/tf', rating: 1, correct: false },
      ]),
    );
    const stats = (dataDir: string): string => {
      const result = runCli(['--lessons', pack, 'stats', '--json'], { env: { ML_TUTOR_HOME: dataDir } });
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const first = stats(home);
    expect(existsSync(join(home, 'cache', 'replay.json'))).toBe(true);
    expect(stats(home)).toBe(first);

    appendFileSync(join(home, 'events.jsonl'), lines([{ id: 'd', at: '2026-02-28T09:00:00.000Z', type: 'review', card: 'optics/num', rating: 3, correct: true }]));
    const afterAppend = stats(home);
    expect(afterAppend).not.toBe(first);
    const fresh = tempDir();
    cpSync(join(home, 'events.jsonl'), join(fresh, 'events.jsonl'));
    expect(stats(fresh)).toBe(afterAppend);
    rmSync(join(home, 'cache'), { recursive: true });
    expect(stats(home)).toBe(afterAppend);
  });
});
