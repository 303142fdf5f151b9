import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { byHand } from '../core/steps-hand.js';
import { ROOT, tempDir } from '../helpers.js';
import { readEvents, STEPS_EXERCISES } from './quiz-helpers.js';
import { exitCode, hasTmux, killTmuxSessions, startQuiz, tmux, waitFor } from './tty-helpers.js';

// Worked exercises at a real terminal (tmux, 80×24), every built-in one in both languages: a step
// answered wrong shows the hint, the retry, then the next steps graded from the learner's own
// numbers, and the card's result. The lesson's other cards are suspended in the log beforehand, so
// the session asks the exercise alone.

const WORDS = {
  en: {
    step: (step: number) => `Step ${step} of `,
    notYet: '✗ Not yet  The formula: ',
    retry: 'Try once more.',
    stillWrong: '✗ Still not right  The answer was ',
    goesOn: 'Step 2 goes on from your ',
    right: '✓ Right',
    card: '✗ Not quite  Again · again later in this session',
    tally: (of: number) => `Steps right first time: ${of - 1} of ${of}; still wrong: 1`,
    again: 'Card 2 · ',
  },
  zh: {
    step: (step: number) => `第 ${step} 步（共 `,
    notYet: '✗ 还不对  公式：',
    retry: '再试一次。',
    stillWrong: '✗ 仍然不对  答案是 ',
    goesOn: '第 2 步接着用你的 ',
    right: '✓ 正确',
    card: '✗ 不对  重来 · 本轮稍后会再问一次',
    tally: (of: number) => `一次做对的步骤：${of - 1}/${of}；仍然错的：1`,
    again: '第 2 张 · ',
  },
};

/** A log that suspends every card of the lesson but its worked exercise. */
function homeWithOnly(lesson: string, id: string): string {
  const [topic, slug] = lesson.split('/');
  const file = join(ROOT, 'lessons', topic!, `${lessonFileName(topic!, slug!)}.en.md`);
  const others = [...readFileSync(file, 'utf8').matchAll(/```quiz\nid: (\S+)/g)].map((match) => match[1]!).filter((card) => card !== id);
  const home = tempDir();
  const lines = others.map((card) => JSON.stringify({ v: 1, id: randomUUID(), at: '2026-03-01T08:00:00.000Z', type: 'suspend', card }));
  writeFileSync(join(home, 'events.jsonl'), `${lines.join('\n')}\n`);
  return home;
}

function lessonFileName(topic: string, slug: string): string {
  const name = readdirSync(join(ROOT, 'lessons', topic)).find((entry) => entry.endsWith(`-${slug}.en.md`));
  if (!name) throw new Error(`no lesson ${topic}/${slug}`);
  return name.replace(/\.en\.md$/, '');
}

/** The answer prompt is waiting (inquirer's idle prefix, without colour: "?"). */
const ready = (screen: string): boolean => (screen.trimEnd().split('\n').at(-1) ?? '').startsWith('?');

/** Types an answer (literally: "-1" is not a tmux flag) and presses Enter. */
function answer(session: string, values: readonly number[]): string {
  const text = values.map((value) => Number(value.toFixed(4))).join(' ');
  tmux('send-keys', '-t', session, '-l', '--', text);
  tmux('send-keys', '-t', session, 'Enter');
  return text;
}

afterEach(killTmuxSessions);

describe.skipIf(!hasTmux).each(['en', 'zh'] as const)('a worked exercise in a real terminal (%s)', (lang) => {
  const words = WORDS[lang];

  it.each(STEPS_EXERCISES)('$id: a wrong step gets the hint, then the retry, then the next steps from the learner\'s numbers', async ({ lesson, id, generator }) => {
    const home = homeWithOnly(lesson, id);
    const { session, done } = startQuiz(home, [lesson, '--lang', lang, '--seed', '5'], ['ML_TUTOR_SIMULATE=1']);
    const first = await waitFor(session, (screen) => screen.includes(words.step(1)) && ready(screen));
    // The givens, however the screen wrapped them.
    const chain = byHand(generator, first.replace(/\s+/g, ' '));
    const of = chain.length;

    const wrong = chain[0]!.map((value) => value + 10);
    answer(session, wrong);
    const hinted = await waitFor(session, (screen) => screen.includes(words.notYet) && ready(screen));
    expect(hinted.replace(/\s+/g, ' ')).toContain(words.retry);
    answer(session, wrong);
    const settled = await waitFor(session, (screen) => screen.includes(words.step(2)) && ready(screen));
    expect(settled).toContain(words.stillWrong);
    expect(settled.replace(/\s+/g, ' ')).toContain(words.goesOn);

    const carried = byHand(generator, first.replace(/\s+/g, ' '), wrong);
    for (let step = 2; step <= of; step++) {
      const typed = answer(session, carried[step - 1]!);
      const next = step < of ? words.step(step + 1) : words.card;
      await waitFor(session, (text) => text.includes(next) && (step === of || ready(text)));
      // The answer line, then the step's verdict right under it (the screen and what scrolled off it).
      expect(tmux('capture-pane', '-t', session, '-p', '-S', '-200')).toMatch(new RegExp(`${typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n${words.right}`));
    }
    const result = await waitFor(session, (screen) => screen.includes(words.again) && ready(screen));
    expect(result).toContain(words.card);
    expect(result).toContain(words.tally(of));
    for (const line of result.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    tmux('send-keys', '-t', session, 'Escape');
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home).filter((event) => event.type === 'review')).toEqual([expect.objectContaining({ card: id, rating: 1, correct: false })]);
  });
});
