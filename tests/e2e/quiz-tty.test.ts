import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, lessonFile, tempDir, topicFile, writeTree } from '../helpers.js';
import { quizPack, readEvents } from './quiz-helpers.js';
import { exitCode, hasTmux, killTmuxSessions, sessionName, startQuiz, tmux, waitFor } from './tty-helpers.js';

// A real terminal: the built binary inside tmux (tests/e2e/tty-helpers.ts). Skipped where tmux is
// not installed.

/** In the optics pack, skips the four cards before the text question (s, s, s, an empty number). */
async function skipToTextCard(session: string): Promise<void> {
  for (const [card, key] of [['Card 1', 's'], ['Card 2', 's'], ['Card 3', 's'], ['Card 4', 'Enter']] as const) {
    await waitFor(session, (screen) => screen.includes(card) && screen.includes('Your answer'));
    tmux('send-keys', '-t', session, key);
  }
  await waitFor(session, (screen) => screen.includes('Where rays meet'));
}

afterEach(killTmuxSessions);

describe.skipIf(!hasTmux)('quiz in a real terminal (tmux)', () => {
  it('answers a choice question, picks a rating with its key, and saves the review', async () => {
    const home = tempDir();
    const pack = quizPack();
    const done = join(tempDir(), 'exit-code');
    const session = sessionName('ml-tutor-quiz');
    const command = [
      'env',
      'LANG=C.UTF-8',
      `ML_TUTOR_HOME=${home}`,
      'ML_TUTOR_NOW=2026-03-01T09:00:00Z',
      'ML_TUTOR_SIMULATE=1',
      'NO_COLOR=1',
      process.execPath,
      BIN,
      'quiz',
      'mirrors',
      '--lessons',
      pack,
      '--seed',
      '1',
      `; echo $? > ${done}; sleep 60`,
    ].join(' ');
    tmux('-u', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);

    const question = await waitFor(session, (screen) => screen.includes('Your answer'));
    expect(question).toContain('Quiz: 0 due, 1 new');
    expect(question).toContain('The angle of reflection equals the angle of ...');
    const lines = question.split('\n');
    const option = lines.find((line) => line.includes('incidence'))!;
    const number = /(\d+)\. incidence/.exec(option)![1]!;
    tmux('send-keys', '-t', session, number);
    tmux('send-keys', '-t', session, 'Enter');

    const rating = await waitFor(session, (screen) => screen.includes('How well did you know it?'));
    expect(rating).toMatch(/2\) Hard · \d+m/);
    expect(rating).toContain('3) Good · 10m');
    expect(rating).toMatch(/4\) Easy · \d+d/);
    tmux('send-keys', '-t', session, '4'); // one key, no Enter, as in Anki

    const result = await waitFor(session, (screen) => screen.includes('Session done'));
    expect(result).toMatch(/✓ Right {2}Easy · next review in \d+d/);
    expect(result).toContain('Answer: ');
    expect(result).toContain('Session done: 1 answered, 1 right.');
    for (const line of result.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    await waitFor(session, () => existsSync(done) && readFileSync(done, 'utf8').trim() !== '');
    expect(readFileSync(done, 'utf8').trim()).toBe('0');
    expect(readEvents(home)).toEqual([
      expect.objectContaining({ type: 'review', card: 'mirrors/angle', rating: 4, correct: true, at: '2026-03-01T09:00:00.000Z' }),
    ]);
  });

  it('at 40 columns shows every option of a long-worded question, wrapped with an indent, or says there are more', async () => {
    const options = [
      "It keeps the dot products' variance near one so that softmax does not saturate and gradients survive",
      'It makes the attention weights of every row sum to exactly one, which softmax alone would not do',
      'It is required for the causal mask to work, since masked scores must be divided before the exponent',
      'It normalises the value vectors so that the output of attention has unit length in every dimension',
    ];
    const body = `## One\n\nText.\n\n\`\`\`quiz\nid: long/why\ntype: choice\nprompt: Why is QKᵀ divided by √d_k?\noptions:\n${options
      .map((text, index) => `  - {text: "${text}"${index === 0 ? ', correct: true' : ''}}`)
      .join('\n')}\nexplain: Variance.\n\`\`\`\n`;
    const pack = writeTree({ 'long/topic.en.md': topicFile('long', 'Long'), 'long/01-opts.en.md': lessonFile({ id: 'long/opts', title: 'Long options', body }) });
    const start = (rows: number): string => {
      const session = sessionName(`ml-tutor-narrow-${rows}`);
      const command = ['env', 'LANG=C.UTF-8', `ML_TUTOR_HOME=${tempDir()}`, 'ML_TUTOR_NOW=2026-03-01T09:00:00Z', 'NO_COLOR=1', process.execPath, BIN, 'quiz', 'long', '--lessons', pack, '--seed', '1', '; sleep 60'];
      tmux('-u', 'new-session', '-d', '-s', session, '-x', '40', '-y', String(rows), command.join(' '));
      return session;
    };

    const tall = await waitFor(start(30), (screen) => screen.includes('navigate'));
    const lines = tall.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    // Every option is there to its last word, its continuation lines indented under its text.
    for (const last of ['survive', 'would not do', 'the exponent', 'every dimension']) expect(tall).toContain(last);
    expect(lines.filter((line) => /^ {5}\S/.test(line)).length).toBeGreaterThanOrEqual(8);
    expect(tall).not.toContain('more below');

    const short = await waitFor(start(12), (screen) => screen.includes('navigate'));
    expect(short).toContain('Your answer (more below: ↓)');
  });

  it('skips with s (choice) or an empty answer (typed), records nothing, and Esc ends the quiz with the summary', async () => {
    const home = tempDir();
    const { session, done } = startQuiz(home, ['optics', '--lessons', quizPack(), '--seed', '1']);
    // Cards come in lesson order: choice, multi, truefalse, numeric, text, generated.
    const choice = await waitFor(session, (screen) => screen.includes('Which bends light?') && screen.includes('q quit'));
    expect(choice).toContain('Card 1 · 5 left');
    expect(choice).toContain('↑↓ navigate • ⏎ select • s skip • q quit');
    tmux('send-keys', '-t', session, 's');
    const multi = await waitFor(session, (screen) => screen.includes('Card 2 · 4 left'));
    expect(multi).toContain('Skipped: nothing recorded.');
    expect(multi).toContain('s skip • q quit');
    tmux('send-keys', '-t', session, 's');
    await waitFor(session, (screen) => screen.includes('Card 3 · 3 left'));
    tmux('send-keys', '-t', session, 's');
    const numeric = await waitFor(session, (screen) => screen.includes('Card 4 · 2 left') && screen.includes('a number, such as'));
    expect(numeric).toContain('Enter with no answer skips · Esc ends the quiz');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, (screen) => screen.includes('Card 5 · 1 left') && screen.includes('Where rays meet'));
    tmux('send-keys', '-t', session, 'Escape');
    const end = await waitFor(session, (screen) => screen.includes('Session done'));
    expect(end).toContain('Quiz ended.');
    expect(end).toContain('Session done: 0 answered, 0 right, 4 skipped.');
    expect(end).not.toContain('Card 6');
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home)).toEqual([]);
  }, 20_000);

  it('q ends the quiz after an answer, which stays saved', async () => {
    const home = tempDir();
    const { session, done } = startQuiz(home, ['optics', '--lessons', quizPack(), '--seed', '1']);
    await waitFor(session, (screen) => screen.includes('Which bends light?') && screen.includes('q quit'));
    tmux('send-keys', '-t', session, 'q');
    const end = await waitFor(session, (screen) => screen.includes('Quiz ended.'));
    expect(end).not.toContain('Card 2');
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home)).toEqual([]);
  });

  it('rates a lucky right answer Again with 1 ("I guessed"), and asks the card once more this session', async () => {
    const home = tempDir();
    const { session, done } = startQuiz(home, ['mirrors', '--lessons', quizPack(), '--seed', '1']);
    const question = await waitFor(session, (screen) => screen.includes('Your answer'));
    const number = /(\d+)\. incidence/.exec(question)![1]!;
    tmux('send-keys', '-t', session, number, 'Enter');
    const rating = await waitFor(session, (screen) => screen.includes('How well did you know it?'));
    expect(rating).toContain('1) Again: I guessed · 1m');
    expect(rating).toContain('press 1 if you guessed, else 2, 3 or 4 (Enter = Good)');
    tmux('send-keys', '-t', session, '1');
    const again = await waitFor(session, (screen) => screen.includes('Card 2 · 0 left'));
    expect(again).toContain('✓ Right  Again · again later in this session');
    expect(again).not.toContain('next review in');
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, (screen) => screen.includes('Session done: 1 answered, 1 right.'));
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home)).toEqual([expect.objectContaining({ type: 'review', card: 'mirrors/angle', rating: 1, correct: true })]);
  });

  it('gives a typed answer one typo away a second try: "close, check the spelling"', async () => {
    const home = tempDir();
    const { session, done } = startQuiz(home, ['optics', '--lessons', quizPack(), '--seed', '1']);
    await skipToTextCard(session);
    tmux('send-keys', '-t', session, 'focsu', 'Enter');
    await waitFor(session, (screen) => screen.includes('Close: check the spelling (Enter again to submit it as it is)'));
    tmux('send-keys', '-t', session, 'BSpace', 'BSpace', 'us', 'Enter');
    await waitFor(session, (screen) => screen.includes('How well did you know it?'));
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, (screen) => screen.includes('Card 6') && screen.includes('Your answer'));
    tmux('send-keys', '-t', session, 'Escape'); // a typed answer: q would be a letter
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home)).toEqual([expect.objectContaining({ type: 'review', card: 'optics/text', rating: 3, correct: true })]);
  }, 20_000);

  it('grades a typed answer that happens to read "quit" or "skip", rather than obeying it', async () => {
    const home = tempDir();
    const { session, done } = startQuiz(home, ['optics', '--lessons', quizPack(), '--seed', '1']);
    await skipToTextCard(session);
    tmux('send-keys', '-t', session, 'quit', 'Enter');
    await waitFor(session, (screen) => screen.includes('✗ Not quite') && screen.includes('Card 6'));
    tmux('send-keys', '-t', session, 'Escape');
    expect(await exitCode(done)).toBe('0');
    expect(readEvents(home)).toEqual([expect.objectContaining({ type: 'review', card: 'optics/text', rating: 1, correct: false })]);
  }, 20_000);

  it('after a wrong pick, says why that option is wrong between the answer and the explanation', async () => {
    const session = sessionName('ml-tutor-quiz-why');
    const env = ['env', 'LANG=C.UTF-8', `ML_TUTOR_HOME=${tempDir()}`, 'ML_TUTOR_NOW=2026-03-01T09:00:00Z', 'NO_COLOR=1'];
    const command = [...env, process.execPath, BIN, 'quiz', 'mirrors', '--lessons', quizPack(), '--cram', '; sleep 60'].join(' ');
    tmux('-u', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    const question = await waitFor(session, (screen) => screen.includes('Your answer'));
    const number = /(\d+)\. refraction/.exec(question)![1]!;
    tmux('send-keys', '-t', session, number);
    tmux('send-keys', '-t', session, 'Enter');
    const result = await waitFor(session, (screen) => screen.includes('Session done'));
    const lines = result.split('\n').map((line) => line.trimEnd());
    const answer = lines.findIndex((line) => line.startsWith('Answer: '));
    expect(lines.slice(answer, answer + 4)).toEqual([
      expect.stringMatching(/^Answer: \d\. incidence$/),
      `Why not ${number}: Refraction is the bending of light entering another medium; a mirror`,
      'sends it back.',
      'Incidence equals reflection.',
    ]);
  });
});

