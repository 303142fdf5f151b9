import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { quizPack, readEvents } from './quiz-helpers.js';

// A simulated clock (ML_TUTOR_NOW) must not write into a real progress log: events dated after the
// real clock, or before the newest event already logged, are refused unless ML_TUTOR_SIMULATE=1.

const pack = quizPack();
const FUTURE = '2999-01-01T00:00:00Z'; // later than any real clock these tests run under
const noFlag = { ML_TUTOR_SIMULATE: undefined };

function cli(home: string, args: string[], env: Record<string, string | undefined>, input = 'quit\n'): ReturnType<typeof runCli> {
  return runCli(['--lessons', pack, ...args], { env: { ML_TUTOR_HOME: home, ...env }, input });
}

function writeLog(home: string, lines: Array<Record<string, unknown>>): string {
  const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  writeFileSync(join(home, 'events.jsonl'), text);
  return text;
}

const review = (id: string, at: string, card: string): Record<string, unknown> => ({ v: 1, id, at, type: 'review', card, rating: 3, correct: true, ms: 1000 });

describe('a simulated clock and the real log', () => {
  it('refuses a quiz dated after the real clock: one line, exit 1, nothing written', () => {
    const home = tempDir();
    const result = cli(home, ['quiz', 'optics', '--porcelain'], { ML_TUTOR_NOW: FUTURE, ...noFlag });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ml-tutor: ML_TUTOR_NOW is 2999-01-01T00:00:00Z, later than the real clock \(\d{4}-\d\d-\d\dT[\d:]+Z\): nothing was written, so simulated answers stay out of your progress log\. To write them, set ML_TUTOR_SIMULATE=1 \(best with a separate ML_TUTOR_HOME\)\n$/);
    expect(result.stdout).toBe('');
    expect(existsSync(join(home, 'events.jsonl'))).toBe(false);
  });

  it('says so in Chinese too', () => {
    const result = cli(tempDir(), ['quiz', 'optics', '--porcelain', '--lang', 'zh'], { ML_TUTOR_NOW: FUTURE, ...noFlag });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('ML_TUTOR_NOW 是 2999-01-01T00:00:00Z，比真实时钟（');
    expect(result.stderr).toContain('确实要写入，请设置 ML_TUTOR_SIMULATE=1');
  });

  it('refuses an event dated before the newest one in the log, and leaves the log as it was', () => {
    const home = tempDir();
    const before = writeLog(home, [review('a1', '2026-03-05T09:00:00.000Z', 'optics/choice')]);
    for (const args of [['quiz', 'optics', '--porcelain'], ['progress', 'reset', '--yes'], ['progress', 'suspend', 'optics/tf'], ['progress', 'undo']]) {
      const result = cli(home, args, { ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ...noFlag });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(
        'ml-tutor: ML_TUTOR_NOW is 2026-03-01T09:00:00Z, before the newest event in your progress log (2026-03-05T09:00:00Z): nothing was written, so your history keeps its order. To write anyway, set ML_TUTOR_SIMULATE=1\n',
      );
    }
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(before);
  });

  it('finds the newest event wherever it sits in the log, from the log and from its derived cache', () => {
    const home = tempDir();
    const before = writeLog(home, [review('a1', '2026-03-05T09:00:00.000Z', 'optics/choice'), review('a2', '2026-02-01T09:00:00.000Z', 'optics/tf')]);
    for (const round of ['no cache yet', 'cache written']) {
      const result = cli(home, ['quiz', 'optics', '--porcelain'], { ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ...noFlag });
      expect(result.code, round).toBe(1);
      expect(result.stderr, round).toContain('before the newest event in your progress log (2026-03-05T09:00:00Z)');
    }
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toBe(before);
  });

  it('read still shows the lesson, says it was not marked read, and writes nothing', () => {
    const home = tempDir();
    const result = cli(home, ['read', 'optics/1', '--no-pager'], { ML_TUTOR_NOW: FUTURE, ...noFlag });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Lenses');
    expect(result.stderr).toMatch(/^warning: .*ML_TUTOR_NOW is 2999-01-01T00:00:00Z, later than the real clock/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(existsSync(join(home, 'events.jsonl'))).toBe(false);
  });

  it('ML_TUTOR_SIMULATE=1 writes them: a simulation that means it', () => {
    const home = tempDir();
    writeLog(home, [review('a1', '2026-03-05T09:00:00.000Z', 'optics/choice')]);
    const result = cli(home, ['progress', 'suspend', 'optics/tf'], { ML_TUTOR_NOW: FUTURE, ML_TUTOR_SIMULATE: '1' });
    expect(result.code).toBe(0);
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'suspend', card: 'optics/tf', at: '2999-01-01T00:00:00.000Z' });
  });
});

describe('progress undo', () => {
  it('undoes the newest review by time, whatever the order of the lines in the log', () => {
    const home = tempDir();
    // The newest review is on the first line (an import, or two machines' logs merged).
    writeLog(home, [review('new', '2026-03-05T09:00:00.000Z', 'optics/tf'), review('old', '2026-03-03T09:00:00.000Z', 'optics/choice')]);
    const env = { ML_TUTOR_NOW: '2026-03-06T09:00:00Z', ML_TUTOR_SIMULATE: '1' };
    const first = cli(home, ['progress', 'undo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('optics/tf');
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'undo', target: 'new' });
    const second = cli(home, ['progress', 'undo'], env);
    expect(second.stdout).toContain('optics/choice');
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'undo', target: 'old' });
  });
});
