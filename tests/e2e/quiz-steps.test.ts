import { describe, expect, it } from 'vitest';
import { byHand } from '../core/steps-hand.js';
import { lessonFile, runCli, tempDir, topicFile, writeTree } from '../helpers.js';
import { cliEnv, Porcelain, readEvents, STEPS_EXERCISES, type QuizLine } from './quiz-helpers.js';

// Worked exercises (the `steps` type) through the built binary's porcelain face, in every topic and
// both languages: a step answered wrong gets a hint, then its retry, and the next steps are graded
// from the learner's own numbers. The expected values are computed by hand from the prompt's givens
// (tests/core/steps-hand.ts), not by the code under test.

const T0 = '2026-03-01T09:00:00.000Z';

const WORDS = {
  en: { step1: 'Step 1 of ', formula: 'The formula: ', retry: 'Try once more.', answerWas: 'The answer was ', goesOn: 'Step 2 goes on from your ', noScale: 'You left out the scale: divide by √d_k.' },
  zh: { step1: '第 1 步（共 ', formula: '公式：', retry: '再试一次。', answerWas: '答案是 ', goesOn: '第 2 步接着用你的 ', noScale: '漏了缩放：还要除以 √d_k。' },
};

const typed = (values: readonly number[]): string => values.join(' ');

function expectValue(actual: unknown, expected: readonly number[]): void {
  const values = Array.isArray(actual) ? (actual as number[]) : [actual as number];
  expect(values).toHaveLength(expected.length);
  values.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
}

/** Starts a session on the lesson and skips to its worked exercise's first question. */
async function openExercise(lesson: string, lang: 'en' | 'zh', home = tempDir()): Promise<{ session: Porcelain; question: QuizLine; home: string }> {
  const session = new Porcelain([lesson, '--new', '50', '--seed', '5', '--lang', lang], cliEnv(home, T0));
  let question = await session.next();
  while (question.event === 'question' && question.type !== 'steps') {
    session.send('skip');
    question = await session.next();
  }
  return { session, question, home };
}

describe.each(['en', 'zh'] as const)('a worked exercise through quiz --porcelain (%s)', (lang) => {
  const words = WORDS[lang];

  it.each(STEPS_EXERCISES)('$id: a wrong step 1 gets a hint and a retry; still wrong, the rest goes on from the learner\'s numbers', async ({ lesson, id, generator }) => {
    const { session, question: first, home } = await openExercise(lesson, lang);
    const prompt = first.prompt as string;
    const chain = byHand(generator, prompt);
    const of = chain.length;
    expect(first).toMatchObject({ event: 'question', id, type: 'steps', step: 1, of, attempt: 1, size: chain[0]!.length });
    expect(prompt).toContain(words.step1);
    if (lang === 'zh') expect(prompt).toMatch(/[\u4e00-\u9fff]/u);

    const wrong = chain[0]!.map((value) => value + 10);
    session.send(typed(wrong));
    const hint = await session.next();
    expect(hint).toMatchObject({ event: 'result', id, step: 1, of, correct: false, retry: true });
    expect(hint.hint).toContain(words.formula);
    expect(hint.hint).toContain(words.retry);
    expect(await session.next()).toMatchObject({ event: 'question', id, step: 1, attempt: 2 });

    session.send(typed(wrong));
    const settled = await session.next();
    expect(settled).toMatchObject({ event: 'result', id, step: 1, correct: false, retry: false, first_try: false });
    expectValue(settled.expected, chain[0]!);
    expectValue(settled.entered, wrong);
    expect(settled.hint).toContain(words.answerWas);
    expect(settled.hint).toContain(words.goesOn);

    // Every later step, by hand from the learner's wrong step 1, is right first time.
    const carried = byHand(generator, prompt, wrong);
    for (let step = 2; step <= of; step++) {
      expect(await session.next()).toMatchObject({ event: 'question', id, step, of, attempt: 1 });
      session.send(typed(carried[step - 1]!));
      const result = await session.next();
      expect(result, `step ${step}`).toMatchObject({ event: 'result', id, step, correct: true, first_try: true });
      expectValue(result.expected, carried[step - 1]!);
    }

    // One card for the scheduler: a step still wrong makes it Again, and it comes back with new numbers.
    const card = await session.next();
    expect(card).toMatchObject({ event: 'result', id, correct: false, rating: 1, again_in_session: true, steps: { of, right_first_time: of - 1, right_after_retry: 0, wrong: 1 } });
    expect(card.step).toBeUndefined();
    expect(card.reread).toMatch(new RegExp(`^ml-tutor read ${lesson.split('/')[0]}/\\d --section \\d$`));
    (card.expected as unknown[]).forEach((value, step) => expectValue(value, chain[step]!));
    let again = await session.next();
    while (again.event === 'question' && again.id !== id) {
      session.send('skip');
      again = await session.next();
    }
    expect(again).toMatchObject({ event: 'question', id, type: 'steps', step: 1, attempt: 1 });
    expect(again.prompt).not.toBe(prompt);
    session.send('quit');
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 1, correct: 0, quit: true });
    expect(await session.exited).toBe(0);
    expect(readEvents(home).filter((event) => event.type === 'review')).toEqual([expect.objectContaining({ card: id, rating: 1, correct: false })]);
  });

  it('attention: a forgotten 1/√d_k is named, the retry is right, and the card is rated Hard', async () => {
    const { session, question, home } = await openExercise('attention/scaled-dot-product', lang);
    const chain = byHand('attention-steps', question.prompt as string);
    session.send(typed(chain[0]!));
    expect(await session.next()).toMatchObject({ event: 'result', step: 1, correct: true, first_try: true });
    await session.next();
    session.send(typed(chain[0]!)); // the scores again, not divided by √d_k
    const hint = await session.next();
    expect(hint).toMatchObject({ event: 'result', step: 2, correct: false, retry: true, slip: 'no-scale' });
    expect(hint.hint).toContain(words.noScale);
    await session.next();
    session.send(typed(chain[1]!));
    expect(await session.next()).toMatchObject({ event: 'result', step: 2, correct: true, first_try: false });
    for (const step of [3, 4]) {
      await session.next();
      session.send(typed(chain[step - 1]!));
      expect(await session.next()).toMatchObject({ event: 'result', step, correct: true });
    }
    const card = await session.next();
    expect(card).toMatchObject({ event: 'result', correct: true, rating: 2, again_in_session: false, steps: { of: 4, right_first_time: 3, right_after_retry: 1, wrong: 0 } });
    expect(card.reread).toBeUndefined();
    session.send('quit');
    await session.exited;
    expect(readEvents(home).filter((event) => event.type === 'review')).toEqual([expect.objectContaining({ card: 'attention/attention-steps', rating: 2, correct: true })]);
  });
});

describe('a worked exercise, other paths', () => {
  it('every step right first time is Good; input of the wrong size is an error, and the same step is asked again', async () => {
    const { session, question, home } = await openExercise('rnn/recurrent-units', 'en');
    const chain = byHand('rnn-steps', question.prompt as string);
    session.send('0.5');
    expect(await session.next()).toEqual({ event: 'error', message: 'expected 2 numbers separated by spaces, such as "0.5 -1"; got 1 in "0.5"' });
    expect(await session.next()).toMatchObject({ event: 'question', step: 1, attempt: 1 });
    session.send(`[${chain[0]!.join(', ')}]`);
    for (let step = 1; step <= 4; step++) {
      expect(await session.next()).toMatchObject({ event: 'result', step, correct: true, first_try: true });
      if (step < 4) {
        await session.next();
        session.send(typed(chain[step]!));
      }
    }
    expect(await session.next()).toMatchObject({ event: 'result', id: 'rnn/rnn-steps', correct: true, rating: 3, steps: { right_first_time: 4 } });
    session.send('quit');
    await session.exited;
    expect(readEvents(home).filter((event) => event.type === 'review')).toEqual([expect.objectContaining({ card: 'rnn/rnn-steps', rating: 3 })]);
  });

  it('skipping or quitting in the middle of an exercise records nothing for it', async () => {
    const { session, question, home } = await openExercise('nlp/word-vectors', 'en');
    session.send(typed(byHand('cosine-steps', question.prompt as string)[0]!));
    await session.next();
    await session.next();
    session.send('skip');
    session.send('quit');
    let line = await session.next();
    while (line.event === 'question') line = await session.next();
    expect(line).toMatchObject({ event: 'summary', answered: 0, quit: true });
    await session.exited;
    expect(readEvents(home)).toEqual([]);
  });

  it('validate checks a steps block: an unknown generator, a missing one, a field it does not take', () => {
    const block = (lines: string[]): string => `\`\`\`quiz\n${lines.join('\n')}\n\`\`\`\n`;
    const body = [
      '## One\n\nText.\n',
      block(['id: optics/a', 'type: steps', 'generator: lens-steps', 'prompt: P', 'explain: E']),
      block(['id: optics/b', 'type: steps', 'prompt: P', 'explain: E']),
      block(['id: optics/c', 'type: steps', 'generator: cosine-steps', 'options: [a, b]', 'prompt: P', 'explain: E']),
    ].join('\n');
    const pack = writeTree({ 'optics/topic.en.md': topicFile('optics', 'Optics'), 'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body }) });
    const result = runCli(['validate', pack]);
    expect(result.code).toBe(1);
    const file = `${pack}/optics/01-lenses.en.md`;
    expect(result.stdout).toContain(`${file}:15: quiz "optics/a": unknown generator "lens-steps"; known: attention-steps, rnn-steps, backprop-steps, perceptron-steps, cosine-steps`);
    expect(result.stdout).toContain(`${file}:22: quiz "optics/b": a steps question needs a "generator", one of attention-steps`);
    expect(result.stdout).toContain(`${file}:31: quiz "optics/c": unknown field "options" for a steps question`);
  });
});
