// @inquirer/testing must be imported before anything that loads @inquirer/prompts.
import { screen } from '@inquirer/testing/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeCommand } from '../../src/commands/home.js';
import { fakeContext } from './fake-context.js';
import { ROOT, lessonFile, tempDir, topicFile, writeTree } from '../helpers.js';

// The home screen on a terminal is also a menu: read the next lesson, review, pick a lesson, quit.

const pack = writeTree({
  'optics/topic.en.md': topicFile('optics', 'Optics'),
  'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: '## Focus\n\nLight bends.\n' }),
  'optics/02-mirrors.en.md': lessonFile({ id: 'optics/mirrors', title: 'Mirrors', body: '## Reflection\n\nLight bounces.\n' }),
});

function contextFor(home: string): ReturnType<typeof fakeContext> {
  const env = { ML_TUTOR_HOME: home, ML_TUTOR_NOW: '2026-03-01T09:00:00.000Z', ML_TUTOR_SIMULATE: '1', LANG: 'C.UTF-8', NO_COLOR: '1' };
  // tests/lessons has no topic folders, so only the pack loads
  return fakeContext({ env, tty: true, packageRoot: join(ROOT, 'tests'), global: { lessons: [pack] } });
}

describe('home menu', () => {
  it('reads the next lesson when the first entry is picked', async () => {
    const home = tempDir();
    const { context, out } = contextFor(home);
    const running = homeCommand(context);
    await screen.next();
    expect(screen.getScreen()).toContain('What next?');
    expect(screen.getScreen()).toContain('Read the next lesson: Lenses');
    screen.keypress('enter');
    // Back at the menu, redrawn: the next lesson is now the second one.
    await screen.next();
    expect(out.text).toContain('# Lenses');
    expect(readFileSync(join(home, 'events.jsonl'), 'utf8')).toContain('"lesson":"optics/lenses"');
    expect(screen.getScreen()).toContain('Read the next lesson: Mirrors');
    screen.type('3');
    screen.keypress('enter');
    await running;
  });

  it('lets the learner pick any lesson', async () => {
    const home = tempDir();
    const { context, out } = contextFor(home);
    const running = homeCommand(context);
    await screen.next();
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('optics/2  Mirrors');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(out.text).toContain('# Mirrors');
    expect(screen.getScreen()).toContain('What next?');
    screen.type('3');
    screen.keypress('enter');
    await running;
  });
});
