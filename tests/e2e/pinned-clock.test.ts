import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { quizPack, readEvents } from './quiz-helpers.js';

// Under ML_TUTOR_NOW every answer of a session has the same time; replay must keep their order.
const pack = quizPack();

describe('answers given at the same instant', () => {
  it('undo takes back the last one answered', () => {
    const home = tempDir();
    const quiz = runCli(['--lessons', pack, 'quiz', 'optics', '--porcelain', '--seed', '1', '--limit', '3'], {
      env: { ML_TUTOR_HOME: home },
      input: '1\n1\n1\nquit\n',
    });
    expect(quiz.code).toBe(0);
    const reviews = readEvents(home).filter((event) => event.type === 'review');
    expect(reviews).toHaveLength(3);
    expect(new Set(reviews.map((event) => event.at)).size).toBe(1);
    const undo = runCli(['--lessons', pack, 'progress', 'undo'], { env: { ML_TUTOR_HOME: home } });
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(String(reviews[2]!.card));
    const undoEvent = readEvents(home).at(-1)!;
    expect(undoEvent).toMatchObject({ type: 'undo', target: reviews[2]!.id });
  });
});
