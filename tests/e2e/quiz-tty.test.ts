import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';
import { quizPack, readEvents } from './quiz-helpers.js';

// A real terminal: the built binary inside tmux (80×24, UTF-8), driven with send-keys and read with
// capture-pane. Skipped where tmux is not installed.

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sessions: string[] = [];

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

async function waitFor(session: string, predicate: (screen: string) => boolean, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-t', session, '-p');
    if (predicate(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out; the screen was:\n${screen}`);
}

afterEach(() => {
  for (const session of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('quiz in a real terminal (tmux)', () => {
  it('answers a choice question, picks a rating with its key, and saves the review', async () => {
    const home = tempDir();
    const pack = quizPack();
    const done = join(tempDir(), 'exit-code');
    const session = `ml-tutor-quiz-${process.pid}-${Date.now()}`;
    sessions.push(session);
    const command = [
      'env',
      'LANG=C.UTF-8',
      `ML_TUTOR_HOME=${home}`,
      'ML_TUTOR_NOW=2026-03-01T09:00:00Z',
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

  it('after a wrong pick, says why that option is wrong between the answer and the explanation', async () => {
    const session = `ml-tutor-quiz-why-${process.pid}-${Date.now()}`;
    sessions.push(session);
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
