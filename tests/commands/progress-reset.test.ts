// @inquirer/testing must be imported before anything that loads @inquirer/prompts.
import { screen } from '@inquirer/testing/vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { progressReset } from '../../src/commands/progress.js';
import { ROOT, tempDir } from '../helpers.js';
import { quizPack, readEvents } from '../e2e/quiz-helpers.js';

// `progress reset` on a terminal asks with inquirer's confirm (default No).

const pack = quizPack();

function setup(): { home: string; context: CommandContext; out: { text: string } } {
  const home = tempDir();
  const review = { v: 1, id: 'r1', at: '2026-03-01T09:00:00.000Z', type: 'review', card: 'optics/choice', rating: 4, correct: true };
  writeFileSync(join(home, 'events.jsonl'), `${JSON.stringify(review)}\n`);
  const out = { text: '' };
  const context: CommandContext = {
    env: { ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-02T09:00:00Z', ML_TUTOR_SIMULATE: '1' },
    stdout: { write: (text: string) => (out.text += text) },
    stderr: { write: () => true },
    stdinIsTTY: true,
    packageRoot: ROOT,
    global: { lessons: [pack] },
  };
  return { home, context, out };
}

describe('progress reset on a terminal', () => {
  it('resets after a yes', async () => {
    const { home, context, out } = setup();
    const running = progressReset(context, { topic: 'optics' });
    await screen.next();
    expect(screen.getScreen()).toContain('Forget the quiz progress of topic "optics"?');
    screen.type('y');
    screen.keypress('enter');
    await running;
    expect(out.text).toBe('Reset topic "optics": 1 card is new again. Undo with "ml-tutor progress undo".\n');
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'reset', scope: 'optics' });
  });

  it('changes nothing on a bare Enter (No is the default)', async () => {
    const { home, context, out } = setup();
    const running = progressReset(context, {});
    await screen.next();
    expect(screen.getScreen()).toContain('Forget the quiz progress of everything?');
    screen.keypress('enter');
    await running;
    expect(out.text).toBe('Nothing was reset.\n');
    expect(readEvents(home)).toHaveLength(1);
  });
});
