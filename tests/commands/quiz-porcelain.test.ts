import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { quizCommand } from '../../src/commands/quiz.js';
import { ROOT, tempDir } from '../helpers.js';
import { quizPack, readEvents } from '../e2e/quiz-helpers.js';

// The porcelain session in process, with a generator that fails: the card is skipped with a warning.

vi.mock('../../src/core/generators.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/generators.js')>();
  return {
    ...actual,
    generateProblem: () => {
      throw new Error('no numbers today');
    },
  };
});

describe('quiz --porcelain (in process)', () => {
  it('skips a question whose generator throws, with a warning, and carries on', async () => {
    const home = tempDir();
    let out = '';
    let err = '';
    const context: CommandContext = {
      env: { ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-01T09:00:00Z', ML_TUTOR_SIMULATE: '1' },
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      stdinIsTTY: false,
      stdin: Readable.from(['skip\nskip\n', 'skip\nskip\nskip\n', 'skip\n']),
      packageRoot: ROOT,
      global: { lessons: [quizPack()] },
    };
    await quizCommand(context, 'optics', { seed: '1' });
    const lines = out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    const asked = lines.filter((line) => line.event === 'question').map((line) => line.id);
    expect(asked).toHaveLength(5);
    expect(asked).not.toContain('optics/gen');
    expect(lines.at(-1)).toMatchObject({ event: 'summary', answered: 0, skipped: 5, quit: false });
    expect(err).toBe('warning: skipping "optics/gen": its numbers could not be drawn (no numbers today)\n');
    expect(readEvents(home)).toEqual([]);
  });
});
