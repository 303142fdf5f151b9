// @inquirer/testing must be imported before anything that loads @inquirer/prompts.
import { screen } from '@inquirer/testing/vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, Rating, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { homeCommand } from '../../src/commands/home.js';
import { tsFsrsEngine } from '../core/helpers.js';
import { fakeContext } from './fake-context.js';
import { ROOT, lessonFile, tempDir, topicFile, writeTree } from '../helpers.js';

// The home screen shows reading and mastery per topic: a learner who has mastered most of a topic's
// cards by quizzing, without opening its lessons, is not at "0/2".

const CARDS = ['optics/a', 'optics/b', 'optics/c', 'optics/d'];
const quiz = (id: string): string => `\`\`\`quiz\nid: ${id}\ntype: truefalse\nprompt: Light bends in ${id}.\nanswer: true\nexplain: It does.\n\`\`\`\n`;
const pack = writeTree({
  'optics/topic.en.md': topicFile('optics', 'Optics'),
  'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: `## Focus\n\nLight bends.\n\n${CARDS.map(quiz).join('\n')}` }),
  'optics/02-mirrors.en.md': lessonFile({ id: 'optics/mirrors', title: 'Mirrors', body: '## Reflection\n\nLight bounces.\n' }),
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00Z');
// Cards a, b and c answered Good five times at widening gaps; d once.
const HISTORY: Record<string, number[]> = { 'optics/a': [0, 1, 4, 15, 50], 'optics/b': [0, 1, 4, 15, 50], 'optics/c': [0, 2, 6, 20, 50], 'optics/d': [0] };
const NOW = new Date(T0 + 51 * DAY).toISOString();

function writeLog(home: string): void {
  const lines = Object.entries(HISTORY).flatMap(([card, days]) =>
    days.map((day, n) => JSON.stringify({ v: 1, id: `${card}-${n}`, at: new Date(T0 + day * DAY).toISOString(), type: 'review', card, rating: 3, correct: true, ms: 2000 })),
  );
  writeFileSync(join(home, 'events.jsonl'), `${lines.join('\n')}\n`);
}

/** The stabilities ts-fsrs itself gives these histories (our scheduler's settings: steps 1m 10m / 10m). */
function masteredByTsFsrs(): number {
  const engine = tsFsrsEngine();
  return Object.values(HISTORY).filter((days) => {
    let card: Card = createEmptyCard(new Date(T0));
    for (const day of days) card = engine.next(card, new Date(T0 + day * DAY), Rating.Good).card;
    return card.stability >= 21;
  }).length;
}

function contextFor(home: string, tty: boolean): ReturnType<typeof fakeContext> {
  const env = { ML_TUTOR_HOME: home, ML_TUTOR_NOW: NOW, ML_TUTOR_SIMULATE: '1', LANG: 'C.UTF-8', NO_COLOR: '1' };
  // tests/lessons has no topic folders, so only the pack loads
  return fakeContext({ env, tty, packageRoot: join(ROOT, 'tests'), global: { lessons: [pack] } });
}

describe('home: reading and mastery per topic', () => {
  it('counts cards mastered by quizzing, next to lessons read', async () => {
    const mastered = masteredByTsFsrs();
    expect(mastered).toBe(3); // the histories were chosen so: a, b and c reach 21 days, d does not
    const home = tempDir();
    writeLog(home);
    const { context, out } = contextFor(home, false);
    await homeCommand(context);
    expect(out.text).toMatch(new RegExp(`Optics +[░█]+ +read 0/2 · cards ${mastered}/4 mastered\\n`));
    expect(out.text).toContain('mastered: you should still recall it in three weeks (FSRS stability ≥ 21 days)');
  });

  it('in Chinese too', async () => {
    const home = tempDir();
    writeLog(home);
    const { context, out } = contextFor(home, false);
    context.global.lang = 'zh';
    await homeCommand(context);
    expect(out.text).toContain('已读 0/2 · 已掌握卡片 3/4');
    expect(out.text).toContain('已掌握：三周后应该仍能记起（FSRS 稳定性 ≥ 21 天）');
  });

  it('a new learner sees 0 mastered and is offered a first quiz from the menu', async () => {
    const home = tempDir();
    const { context, out } = contextFor(home, true);
    const running = homeCommand(context);
    await screen.next();
    expect(out.text).toContain('read 0/2 · cards 0/4 mastered');
    expect(screen.getScreen()).toContain('Take a first quiz: 4 new cards');
    // Read the next lesson, Take a first quiz, Pick a lesson, Quit
    expect(screen.getScreen()).toMatch(/Read the next lesson: Lenses\n.*Take a first quiz: 4 new cards\n.*Pick a lesson to read\n.*Quit/);
    screen.keypress('up');
    screen.keypress('enter');
    await running;
  });

  it('a learner with nothing due is offered the new cards left for today', async () => {
    const home = tempDir();
    // One card answered Easy yesterday: due in a week or so; three cards unseen.
    const at = new Date(Date.parse(NOW) - DAY).toISOString();
    writeFileSync(join(home, 'events.jsonl'), `${JSON.stringify({ v: 1, id: 'r1', at, type: 'review', card: 'optics/a', rating: 4, correct: true, ms: 2000 })}\n`);
    const { context } = contextFor(home, true);
    const running = homeCommand(context);
    await screen.next();
    expect(screen.getScreen()).toContain('Learn 3 new cards (nothing is due)');
    expect(screen.getScreen()).not.toContain('Review');
    screen.keypress('up');
    screen.keypress('enter');
    await running;
  });
});
