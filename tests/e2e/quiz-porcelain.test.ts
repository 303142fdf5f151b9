import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, lessonFile, ROOT, runCli, tempDir, topicFile, writeTree } from '../helpers.js';
import { cliEnv, DAY, MINUTE, Porcelain, quizPack, readEvents, rightAnswer, type QuizLine } from './quiz-helpers.js';

// The porcelain protocol end to end through the built binary (issue 4), with a pinned clock
// (ML_TUTOR_NOW; the fuzz is seeded from the card and the review, so dates are the same on every run).

const T0 = '2026-03-01T09:00:00.000Z';
const pack = quizPack();

function lessons(): string[] {
  return ['--lessons', pack];
}

describe('quiz --porcelain', () => {
  it('makes intervals grow with right answers across simulated days, and brings a wrong card back in the same session', async () => {
    const home = tempDir();
    // Day 1: a new card, wrong: Again, asked once more in this session (again_in_session); right then:
    // its 10-minute step, and the session ends rather than asking it again seconds later.
    let session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, T0));
    let question = await session.next();
    expect(question).toMatchObject({ event: 'question', id: 'mirrors/angle', type: 'choice', prompt: expect.any(String) });
    session.send(String((question.options as string[]).indexOf('refraction') + 1));
    expect(await session.next()).toMatchObject({ event: 'result', correct: false, rating: 1, due: '2026-03-01T09:01:00.000Z', again_in_session: true });
    question = await session.next();
    expect(question).toMatchObject({ event: 'question', id: 'mirrors/angle' });
    session.send(rightAnswer(question));
    const first = await session.next();
    expect(first).toMatchObject({ event: 'result', id: 'mirrors/angle', correct: true, rating: 3, due: '2026-03-01T09:10:00.000Z', again_in_session: false });
    expect(first.interval_days).toBeCloseTo(10 / 1440, 4);
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 2, correct: 1, quit: false });
    expect(await session.exited).toBe(0);

    // Seconds later the 10-minute step is not over: nothing to ask, so nothing can graduate.
    session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, '2026-03-01T09:00:05Z'));
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 0 });
    await session.exited;

    // At 09:10 the step is over: right again, and it graduates to a review interval of days.
    session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, first.due as string));
    question = await session.next();
    session.send(rightAnswer(question));
    const second = await session.next();
    expect(second).toMatchObject({ event: 'result', correct: true, rating: 3, again_in_session: false });
    expect(second.interval_days as number).toBeGreaterThanOrEqual(1);
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 1, correct: 1, quit: false });
    expect(await session.exited).toBe(0);

    // Each later day: come back when due, answer right, and the interval grows.
    let due = second.due as string;
    let interval = second.interval_days as number;
    for (let day = 0; day < 3; day++) {
      session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, due));
      question = await session.next();
      expect(question).toMatchObject({ event: 'question', id: 'mirrors/angle' });
      session.send(rightAnswer(question));
      const result = await session.next();
      expect(result).toMatchObject({ event: 'result', correct: true, rating: 3 });
      expect(result.interval_days as number).toBeGreaterThan(interval);
      expect(Date.parse(result.due as string) - Date.parse(due)).toBeCloseTo((result.interval_days as number) * DAY, -3);
      interval = result.interval_days as number;
      due = result.due as string;
      expect(await session.next()).toMatchObject({ event: 'summary', answered: 1 });
      await session.exited;
    }

    // A lapse: wrong on the due day → Again, due exactly 10 minutes later, and back in this session.
    session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, due));
    question = await session.next();
    const wrong = (question.options as string[]).indexOf('refraction') + 1;
    session.send(String(wrong));
    const lapse = await session.next();
    expect(lapse).toMatchObject({
      event: 'result',
      id: 'mirrors/angle',
      correct: false,
      rating: 1,
      expected: (question.options as string[]).indexOf('incidence') + 1,
      due: new Date(Date.parse(due) + 10 * MINUTE).toISOString(),
      reread: 'ml-tutor read mirrors/1 --section 1',
    });
    expect(lapse.interval_days).toBeCloseTo(10 / 1440, 4);
    expect(lapse.again_in_session).toBe(true);
    expect(await session.next()).toMatchObject({ event: 'question', id: 'mirrors/angle' });
    session.send('quit');
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 1, correct: 0, quit: true });
    expect(await session.exited).toBe(0);
    expect(readEvents(home).filter((event) => event.type === 'review').map((event) => event.rating)).toEqual([1, 3, 3, 3, 3, 3, 1]);
  });

  it('grades every question type, and answers an unreadable line with an error and the same question', async () => {
    const home = tempDir();
    const session = new Porcelain(['optics', '--seed', '7', ...lessons()], cliEnv(home, T0));
    const results: QuizLine[] = [];
    for (let index = 0; index < 6; index++) {
      const question = await session.next();
      expect(question.event).toBe('question');
      if (question.type === 'choice' || question.type === 'multi' || question.type === 'truefalse') {
        expect(question.options).toEqual(expect.any(Array));
      } else {
        expect(question).not.toHaveProperty('options');
      }
      if (question.id === 'optics/multi') {
        // Malformed input: an error event, then the very same question (same option order).
        session.send('7,x');
        expect(await session.next()).toMatchObject({ event: 'error', message: expect.stringContaining('option numbers from 1 to 3') });
        expect(await session.next()).toEqual(question);
      }
      if (question.id === 'optics/gen') {
        expect(question.prompt).toMatch(/^Compute a sigmoid\.\n.*σ/s);
        session.send('１００'); // full-width digits are read as 100: a wrong answer, not an error
      } else {
        session.send(rightAnswer(question));
      }
      results.push(await session.next());
    }
    session.end(); // end of input = quit
    const byId = Object.fromEntries(results.map((result) => [result.id, result]));
    expect(Object.keys(byId).sort()).toEqual(['optics/choice', 'optics/gen', 'optics/multi', 'optics/num', 'optics/text', 'optics/tf']);
    for (const id of ['optics/choice', 'optics/multi', 'optics/num', 'optics/text', 'optics/tf']) {
      expect(byId[id]).toMatchObject({ event: 'result', correct: true, rating: 3, due: '2026-03-01T09:10:00.000Z' });
    }
    expect(byId['optics/tf']!.expected).toBe(true);
    expect(byId['optics/num']!.expected).toBe(2);
    expect(byId['optics/text']!.expected).toBe('focus');
    expect(byId['optics/multi']!.expected).toEqual(expect.arrayContaining([expect.any(Number), expect.any(Number)]));
    expect(byId['optics/gen']).toMatchObject({ correct: false, rating: 1, expected: expect.any(Number), reread: 'ml-tutor read optics/1 --section 2' });
    // The generator card (Again, 1 minute) comes back first; EOF then ends the session.
    const tail: QuizLine[] = [];
    for (;;) {
      const line = await session.next();
      tail.push(line);
      if (line.event === 'summary') break;
    }
    expect(tail.at(-1)).toMatchObject({ event: 'summary', answered: 6, correct: 5, skipped: 0, quit: true });
    expect(await session.exited).toBe(0);
    const reviews = readEvents(home).filter((event) => event.type === 'review');
    expect(reviews).toHaveLength(6);
    expect(reviews.every((event) => event.at === T0 && typeof event.ms === 'number')).toBe(true);
  });

  it.each([
    ['en', 'A brick', 'A brick blocks light; it does not bend it.', ['Convex', 'Opaque'], 'An opaque plate stops light instead of focusing it.'],
    ['zh', '砖头', '砖头不透光，光线被挡住而不是被弯折。', ['凸透镜', '不透明板'], '不透明板挡住光，谈不上会聚或发散。'],
  ])('says why a picked wrong option is wrong (%s), and nothing of the kind after a right answer', async (lang, brick, brickWhy, multiPick, opaqueWhy) => {
    const session = new Porcelain(['optics', '--cram', '--lang', lang, ...lessons()], cliEnv(tempDir(), T0));
    const seen: string[] = [];
    for (let index = 0; index < 6; index++) {
      const question = await session.next();
      const options = (question.options as string[] | undefined) ?? [];
      const number = (text: string): number => options.indexOf(text) + 1;
      if (question.id === 'optics/choice') session.send(String(number(brick)));
      else if (question.id === 'optics/multi') session.send(multiPick.map(number).join(','));
      else if (question.id === 'optics/gen') session.send('0.5');
      else session.send(rightAnswer(question));
      const result = await session.next();
      seen.push(result.id as string);
      if (question.id === 'optics/choice') expect(result).toMatchObject({ correct: false, why: brickWhy });
      else if (question.id === 'optics/multi') expect(result).toMatchObject({ correct: false, why: opaqueWhy });
      else expect(result).not.toHaveProperty('why');
    }
    expect(seen).toEqual(expect.arrayContaining(['optics/choice', 'optics/multi']));
    session.end();
    await session.exited;
  });

  it('gives no why for a wrong option that has none', async () => {
    const session = new Porcelain(['optics/1', '--cram', ...lessons()], cliEnv(tempDir(), T0));
    for (;;) {
      const question = await session.next();
      if (question.id !== 'optics/choice') {
        session.send('skip');
        continue;
      }
      session.send(String((question.options as string[]).indexOf('A shadow') + 1));
      expect(await session.next()).toMatchObject({ event: 'result', correct: false });
      break;
    }
    session.send('quit');
    session.end();
    await session.exited;
  });

  it('skips a question without saving anything, and quits with a summary', async () => {
    const home = tempDir();
    const session = new Porcelain(['optics', ...lessons()], cliEnv(home, T0));
    const first = await session.next();
    session.send('skip');
    const second = await session.next();
    expect(second.event).toBe('question');
    expect(second.id).not.toBe(first.id);
    session.send(' QUIT ');
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 0, skipped: 1, quit: true });
    expect(await session.exited).toBe(0);
    expect(readEvents(home)).toEqual([]);
  });

  it('records cram practice without moving the schedule', async () => {
    const home = tempDir();
    const session = new Porcelain(['mirrors', '--cram', ...lessons()], cliEnv(home, T0));
    const question = await session.next();
    session.send(rightAnswer(question));
    expect(await session.next()).toMatchObject({ event: 'result', correct: true, rating: 3, cram: true, due: null, interval_days: null });
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 1 });
    expect(readEvents(home)).toEqual([expect.objectContaining({ type: 'review', card: 'mirrors/angle', cram: true, rating: 3 })]);
    // Still new: a normal session introduces it.
    const again = new Porcelain(['mirrors', ...lessons()], cliEnv(home, T0));
    expect(await again.next()).toMatchObject({ event: 'question', id: 'mirrors/angle' });
    again.end();
    await again.exited;
  });

  it('suspends a card at its 8th lapse, points at the section to reread, and undo lifts both', async () => {
    const home = tempDir();
    const day = (n: number, time: string): string => new Date(Date.parse(`2026-01-01T${time}:00.000Z`) + n * DAY).toISOString();
    const events: Array<Record<string, unknown>> = [];
    const review = (at: string, rating: number): void => {
      events.push({ v: 1, id: `r${events.length}`, at, type: 'review', card: 'mirrors/angle', rating, correct: rating !== 1 });
    };
    review(day(0, '09:00'), 3);
    review(day(0, '09:10'), 3);
    for (let lapse = 1; lapse <= 7; lapse++) {
      review(day(lapse * 5, '09:00'), 1); // forgotten in review: a lapse
      review(day(lapse * 5, '09:10'), 3); // relearnt
    }
    writeFileSync(join(home, 'events.jsonl'), events.map((event) => `${JSON.stringify(event)}\n`).join(''));

    const now = day(60, '09:00');
    const session = new Porcelain(['mirrors', ...lessons()], cliEnv(home, now));
    const question = await session.next();
    expect(question).toMatchObject({ event: 'question', id: 'mirrors/angle' });
    session.send(String((question.options as string[]).indexOf('refraction') + 1));
    expect(await session.next()).toMatchObject({ event: 'result', correct: false, rating: 1, suspended: 'leech', reread: 'ml-tutor read mirrors/1 --section 1' });
    // Suspended: it does not come back in the session.
    expect(await session.next()).toMatchObject({ event: 'summary', answered: 1, suspended: ['mirrors/angle'], quit: false });
    expect(await session.exited).toBe(0);
    const saved = readEvents(home).slice(events.length);
    expect(saved).toEqual([
      expect.objectContaining({ type: 'review', rating: 1, at: now }),
      expect.objectContaining({ type: 'suspend', card: 'mirrors/angle', reason: 'leech', at: now }),
    ]);

    const undo = runCli(['progress', 'undo', ...lessons()], { env: cliEnv(home, now) });
    expect(undo.stdout).toContain('Undid your review of "mirrors/angle" (Again');
    expect(readEvents(home).slice(-2)).toEqual([
      expect.objectContaining({ type: 'undo', target: saved[0]!.id }),
      expect.objectContaining({ type: 'undo', target: saved[1]!.id }),
    ]);
    const again = new Porcelain(['mirrors', ...lessons()], cliEnv(home, now));
    expect(await again.next()).toMatchObject({ event: 'question', id: 'mirrors/angle' });
    again.end();
    await again.exited;
  });

  it('skips a quiz block with errors with a warning, and asks the rest', () => {
    const broken = writeTree({
      'prisms/topic.en.md': topicFile('prisms', 'Prisms'),
      'prisms/01-dispersion.en.md': lessonFile({
        id: 'prisms/dispersion',
        title: 'Dispersion',
        body: [
          '## Colours\n\nWhite light splits.\n',
          '```quiz\nid: prisms/none-right\ntype: choice\nprompt: Which?\noptions:\n  - {text: "a"}\n  - {text: "b"}\nexplain: x\n```\n',
          '```quiz\nid: prisms/ok\ntype: truefalse\nprompt: Red bends least.\nanswer: true\nexplain: It does.\n```\n',
        ].join('\n'),
      }),
    });
    const result = runCli(['quiz', 'prisms', '--lessons', broken], { env: cliEnv(tempDir(), T0), input: 'quit\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: 1 lesson has quiz questions with errors; those questions are skipped (run "ml-tutor validate")\n');
    const lines = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as QuizLine);
    expect(lines.map((line) => [line.event, line.id])).toEqual([['question', 'prisms/ok'], ['summary', undefined]]);
  });

  it('says "did you mean" for an unknown scope', async () => {
    const session = new Porcelain(['optcs', ...lessons()], cliEnv(tempDir(), T0));
    expect(await session.exited).toBe(1);
    expect(session.stderr).toContain('unknown topic or lesson "optcs"');
    expect(session.stderr).toContain('Did you mean "optics"?');
  });

  it('has every printed result on disk when killed with SIGKILL mid-session', async () => {
    const home = tempDir();
    const session = new Porcelain(['optics', '--new', '6', ...lessons()], cliEnv(home, T0));
    // Answer far ahead so the process races on; kill it as soon as the third result is printed.
    for (let index = 0; index < 40; index++) session.send('1');
    const printed: QuizLine[] = [];
    while (printed.length < 3) {
      const line = await session.next();
      if (line.event === 'result') printed.push(line);
    }
    session.child.kill('SIGKILL');
    await session.exited;
    const reviews = readEvents(home).filter((event) => event.type === 'review');
    const counts = new Map<string, number>();
    for (const review of reviews) counts.set(review.card as string, (counts.get(review.card as string) ?? 0) + 1);
    const printedCounts = new Map<string, number>();
    for (const result of printed) printedCounts.set(result.id as string, (printedCounts.get(result.id as string) ?? 0) + 1);
    for (const [card, count] of printedCounts) expect(counts.get(card) ?? 0).toBeGreaterThanOrEqual(count);
    expect(reviews.length).toBeGreaterThanOrEqual(printed.length);
  });

  it('keeps every answer of two sessions running at once on the same log', async () => {
    const home = tempDir();
    const run = (seed: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'quiz', 'optics', '--seed', seed, ...lessons()], { env: cliEnv(home, T0), cwd: ROOT });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('exit', () => resolve(out));
        child.stdin.end(`${Array.from({ length: 30 }, (_, index) => String((index % 3) + 1)).join('\n')}\n`);
      });
    const outputs = await Promise.all([run('1'), run('2')]);
    const printed = outputs.flatMap((out) => out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as QuizLine)).filter((line) => line.event === 'result');
    expect(printed.length).toBeGreaterThanOrEqual(12);
    const reviews = readEvents(home).filter((event) => event.type === 'review');
    expect(reviews).toHaveLength(printed.length);
    expect(new Set(reviews.map((event) => event.id)).size).toBe(reviews.length);
  });
});

describe('quiz --porcelain texts', () => {
  it('keep inline code in its Markdown backticks, for the client to draw (the terminal quiz draws it as code)', () => {
    const result = runCli(['quiz', 'nlp/3', '--porcelain', '--lang', 'zh', '--new', '20'], { input: 'skip\n'.repeat(12) });
    const questions = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as QuizLine).filter((line) => line.event === 'question');
    const analogy = questions.find((question) => question.id === 'nlp/analogy-query');
    expect(analogy?.prompt).toContain('某词向量工具的 `--analogy a,b,c` 会返回');
  });
});

