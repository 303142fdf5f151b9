// @inquirer/testing must be imported before anything that loads @inquirer/prompts.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';

// Our one-key rating prompt is built on @inquirer/core; drive it through the same test screen.
vi.mock('../../src/ui/rating-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/rating-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default) };
});
import type { CommandContext } from '../../src/commands/context.js';
import { quizCommand } from '../../src/commands/quiz.js';
import { InterruptedError } from '../../src/core/errors.js';
import { ROOT, tempDir } from '../helpers.js';
import { quizPack, readEvents } from '../e2e/quiz-helpers.js';

// The terminal quiz flow, in process, with inquirer's prompts driven by @inquirer/testing:
// select (choice, truefalse), checkbox (multi), input (numeric, text) and the rating prompt.

const T0 = '2026-03-01T09:00:00.000Z';
const pack = quizPack();

interface Captured {
  text: string;
  write(text: string): void;
  isTTY: boolean;
  columns: number;
}

function capture(): Captured {
  return {
    text: '',
    write(text: string) {
      this.text += text;
    },
    isTTY: false,
    columns: 60,
  };
}

function contextFor(home: string, lang: 'en' | 'zh' = 'en'): { context: CommandContext; out: Captured; err: Captured } {
  const out = capture();
  const err = capture();
  const context: CommandContext = {
    env: { ML_TUTOR_HOME: home, ML_TUTOR_NOW: T0, ML_TUTOR_SIMULATE: '1', LANG: 'C.UTF-8' },
    stdout: out,
    stderr: err,
    stdinIsTTY: true,
    packageRoot: ROOT,
    global: { lessons: [pack], lang },
  };
  return { context, out, err };
}

/** Which pack question is on screen: the last card prompt our own output printed. */
function currentCard(out: Captured): string {
  const prompts: Record<string, string[]> = {
    'optics/choice': ['Which bends light?', '什么能让光弯折？'],
    'optics/multi': ['Which are lenses?', '哪些是透镜？'],
    'optics/tf': ['A convex lens converges light.', '凸透镜会聚光线。'],
    'optics/num': ['1/f for f = 0.5?'],
    'optics/text': ['Where rays meet is the ...', '光线会聚的点叫？'],
    'optics/gen': ['Compute a sigmoid.'],
  };
  let best = '';
  let at = -1;
  for (const [id, texts] of Object.entries(prompts)) {
    for (const text of texts) {
      const index = out.text.lastIndexOf(text);
      if (index > at) {
        at = index;
        best = id;
      }
    }
  }
  return best;
}

/** The 0-based position of the option labelled `label` in the select or checkbox on screen. */
function optionIndex(label: string): number {
  const lines = screen.getScreen().split('\n').filter((line) => /^\s*[❯ ]?\s*(◯|◉)?\s*\d+\. /.test(line));
  const index = lines.findIndex((line) => line.includes(label));
  expect(index, `"${label}" on screen:\n${screen.getScreen()}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Moves a select cursor from the first option down to the option labelled `label`. */
function moveTo(label: string): void {
  const index = optionIndex(label);
  for (let step = 0; step < index; step++) screen.keypress('down');
}

describe('quiz on a terminal (inquirer prompts)', () => {
  it('asks each question type with its prompt, rates right answers, and exits 130 on Ctrl-C with every answer saved', async () => {
    const home = tempDir();
    const { context, out } = contextFor(home);
    const running = quizCommand(context, 'optics', { seed: '5' });
    const ratings: Record<string, number> = {};
    for (let answered = 0; answered < 6; answered++) {
      await screen.next();
      const card = currentCard(out);
      switch (card) {
        case 'optics/choice':
          expect(screen.getScreen()).toContain('Your answer');
          moveTo('A lens');
          screen.keypress('enter');
          break;
        case 'optics/tf':
          expect(screen.getScreen()).toMatch(/1\. True[\s\S]*2\. False/);
          screen.keypress('enter');
          break;
        case 'optics/multi':
          expect(screen.getScreen()).toContain('pick every correct option');
          {
            const picks = [optionIndex('Convex'), optionIndex('Concave')].sort((a, b) => a - b);
            let cursor = 0;
            for (const pick of picks) {
              for (; cursor < pick; cursor++) screen.keypress('down');
              screen.keypress('space');
            }
          }
          screen.keypress('enter');
          break;
        case 'optics/num':
          screen.type('abc');
          screen.keypress('enter');
          await screen.next();
          expect(screen.getScreen()).toContain('expected a number such as 0.25 or 1/3, got "abc"');
          for (let index = 0; index < 3; index++) screen.keypress('backspace');
          screen.type('１／０．５'); // full-width "1/0.5" = 2
          screen.keypress('enter');
          break;
        case 'optics/text':
          screen.type('  FOCUS ');
          screen.keypress('enter');
          break;
        case 'optics/gen':
          screen.type('42');
          screen.keypress('enter');
          ratings[card] = 1;
          continue; // wrong: no rating prompt
        default:
          throw new Error(`unexpected card ${card}\n${out.text}`);
      }
      // Right: the rating prompt with each button's next interval; Enter alone is Good.
      await screen.next();
      const rating = screen.getScreen();
      expect(rating, `${card}: ${out.text}`).toContain('Right! How well did you know it?');
      expect(rating).toMatch(/2\) Hard · \d+m/);
      expect(rating).toMatch(/3\) Good · 10m/);
      expect(rating).toMatch(/4\) Easy · \d+d/);
      // One key answers, as in Anki: 2, 3 or 4, or Enter alone for Good.
      if (card === 'optics/choice') {
        screen.type('4');
        ratings[card] = 4;
      } else if (card === 'optics/multi') {
        screen.type('2');
        ratings[card] = 2;
      } else {
        screen.keypress('enter');
        ratings[card] = 3;
      }
    }
    // The learning cards come back in the session; stop at the next prompt.
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(running).rejects.toThrow(InterruptedError);
    await expect(running).rejects.toMatchObject({ exitCode: 130, message: 'quiz stopped; 6 answers saved' });

    const reviews = readEvents(home).filter((event) => event.type === 'review');
    expect(Object.fromEntries(reviews.map((event) => [event.card, event.rating]))).toEqual(ratings);
    expect(reviews.every((event) => event.correct === (event.rating !== 1))).toBe(true);
    expect(out.text).toContain('Quiz: 0 due, 6 new');
    expect(out.text).toContain('✓ Right  Easy · next review in');
    expect(out.text).toContain('✗ Not quite');
    expect(out.text).toContain('Reread: ml-tutor read optics/1 --section 2');
    expect(out.text).not.toContain('\u001b[');
  });

  it('keeps a right answer as Good when Ctrl-C interrupts the rating prompt', async () => {
    const home = tempDir();
    const { context } = contextFor(home);
    const running = quizCommand(context, 'mirrors', {});
    await screen.next();
    moveTo('incidence');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('How well did you know it?');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(running).rejects.toMatchObject({ exitCode: 130, message: 'quiz stopped; 1 answer saved' });
    expect(readEvents(home)).toEqual([expect.objectContaining({ type: 'review', card: 'mirrors/angle', rating: 3, correct: true })]);
  });

  it('speaks Chinese, with Chinese options and rating names', async () => {
    const home = tempDir();
    const { context, out } = contextFor(home, 'zh');
    const running = quizCommand(context, 'optics/1', { seed: '1', limit: '1', new: '1' });
    await screen.next();
    expect(currentCard(out)).toBe('optics/choice');
    expect(out.text).toContain('测验：0 张到期，1 张新卡');
    expect(screen.getScreen()).toContain('你的答案');
    expect(screen.getScreen()).toContain('↑↓ 移动 • ⏎ 选择 • s 跳过 • q 结束');
    moveTo('透镜');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('答对了！记得有多牢？');
    expect(screen.getScreen()).toMatch(/3\) 良好 · 10 分钟/);
    expect(screen.getScreen()).toContain('1) 重来：我是猜的 · 1 分钟');
    screen.keypress('enter');
    await running;
    // Good on a new card: its 10-minute step, in a later session (it is not asked again seconds later).
    expect(out.text).toContain('✓ 正确  良好 · 10 分钟后复习');
    expect(out.text).toContain('本轮结束：答了 1 题，答对 1 题。');
  });
});
