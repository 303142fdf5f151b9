import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, lessonFile, tempDir, topicFile, writeTree } from '../helpers.js';
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
      const session = `ml-tutor-narrow-${rows}-${process.pid}-${Date.now()}`;
      sessions.push(session);
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
});

