import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../helpers.js';
import { createScheduler, newCardState } from '../../src/core/schedule.js';
import { tsFsrsEngine } from '../core/helpers.js';
import { cliEnv, quizPack, readEvents } from './quiz-helpers.js';

// stats and progress through the built binary, on hand-built logs.

const pack = quizPack();
const NOW = '2026-03-10T12:00:00.000Z';

let counter = 0;
function review(at: string, card: string, rating: 1 | 2 | 3 | 4, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return { v: 1, id: `e${String(counter).padStart(3, '0')}`, at, type: 'review', card, rating, correct: rating !== 1, ...extra };
}

function writeLog(home: string, events: Array<Record<string, unknown>>): void {
  writeFileSync(join(home, 'events.jsonl'), events.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

/**
 * When the scheduler (fuzz on, drawn from the card and the review) makes a card due after Good at
 * each time: tests/core/fsrs-step.test.ts holds it to ts-fsrs; here the command must agree with it.
 * Its memory is ts-fsrs's own, checked too.
 */
function fuzzedDue(cardId: string, times: string[]): Date {
  const scheduler = createScheduler();
  let card = newCardState(new Date(times[0] ?? ''));
  let exact = createEmptyCard(new Date(times[0] ?? ''));
  for (const time of times) {
    card = scheduler.applyRating(card, 3, new Date(time), cardId);
    exact = tsFsrsEngine().next(exact, new Date(time), Rating.Good).card;
  }
  expect(card.stability).toBe(exact.stability);
  return card.due;
}

function cli(home: string, args: string[], now = NOW, input?: string): ReturnType<typeof runCli> {
  return runCli([...args, '--lessons', pack], { env: cliEnv(home, now), ...(input === undefined ? {} : { input }) });
}

describe('ml-tutor stats', () => {
  it('computes exact numbers from a hand-built log', () => {
    const home = tempDir();
    writeLog(home, [
      // optics/choice: learnt on 03-01, forgotten on 03-08 (relearning, due 10 minutes later: overdue now).
      review('2026-03-01T09:00:00.000Z', 'optics/choice', 3),
      review('2026-03-01T09:10:00.000Z', 'optics/choice', 3),
      review('2026-03-08T09:00:00.000Z', 'optics/choice', 1),
      // optics/multi: learnt yesterday, reviewed (recalled) this morning.
      review('2026-03-09T12:00:00.000Z', 'optics/multi', 3),
      review('2026-03-09T12:10:00.000Z', 'optics/multi', 3),
      review('2026-03-10T09:00:00.000Z', 'optics/multi', 3),
      // optics/tf: crammed today: counts as a review today, but the card stays unseen.
      review('2026-03-10T10:00:00.000Z', 'optics/tf', 3, { cram: true }),
      // optics/text: learnt, then suspended: seen, but neither due nor in the forecast.
      review('2026-03-05T09:00:00.000Z', 'optics/text', 3),
      review('2026-03-05T09:10:00.000Z', 'optics/text', 3),
      { v: 1, id: 'e900', at: '2026-03-05T09:11:00.000Z', type: 'suspend', card: 'optics/text' },
      // mirrors/angle: Easy, Easy, Good far apart: stability past 21 days (mastered); only the last
      // review is inside the 30-day retention window.
      review('2026-01-20T09:00:00.000Z', 'mirrors/angle', 4),
      review('2026-02-05T09:00:00.000Z', 'mirrors/angle', 4),
      review('2026-03-09T09:00:00.000Z', 'mirrors/angle', 3),
      // A card no lesson has any more: ignored by the topics, still a day of study.
      review('2026-03-09T09:30:00.000Z', 'gone/card', 3),
    ]);
    const result = cli(home, ['stats', '--json']);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout) as { topics: Array<Record<string, unknown>>; streak: number; reviews_today: number; forecast: number[] };
    expect(stats.topics.find((topic) => topic.topic === 'optics')).toEqual({
      topic: 'optics',
      total: 6,
      seen: 3,
      mastered: 0,
      due_now: 1,
      retention: 0.5,
      retention_reviews: 2,
    });
    expect(stats.topics.find((topic) => topic.topic === 'mirrors')).toEqual({
      topic: 'mirrors',
      total: 1,
      seen: 1,
      mastered: 1,
      due_now: 0,
      retention: 1,
      retention_reviews: 1,
    });
    expect(stats.streak).toBe(3); // 03-08, 03-09, 03-10
    expect(stats.reviews_today).toBe(2);
    // optics/multi's next review, fuzz included (seeded from the card id and the review), as ts-fsrs
    // itself computes it: the one card in the forecast after today's overdue one.
    const multiDue = fuzzedDue('optics/multi', ['2026-03-09T12:00:00.000Z', '2026-03-09T12:10:00.000Z', '2026-03-10T09:00:00.000Z']);
    const dayOf = (time: number): number => Math.floor((time - new Date(time).getTimezoneOffset() * 60_000) / 86_400_000);
    const forecast = new Array<number>(14).fill(0);
    forecast[0] = 1;
    forecast[dayOf(multiDue.getTime()) - dayOf(Date.parse(NOW))] = 1;
    expect(forecast.indexOf(1, 1)).toBeGreaterThan(3); // about a week out, give or take the fuzz
    expect(stats.forecast).toEqual(forecast);

    const text = cli(home, ['stats']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Optics\s+3\/6\s+0\s+1\s+50% \(2\)/);
    expect(text.stdout).toContain('Streak: 3 days · Reviews today: 2');
    expect(text.stdout).toMatch(/^today █+ 1$/m);
    expect(text.stdout).toMatch(new RegExp(`^${multiDue.toISOString().slice(5, 10)} █+ 1$`, 'm'));
    const zh = cli(home, ['stats', '--lang', 'zh']);
    expect(zh.stdout).toContain('连续学习：3 天');
    expect(zh.stdout).toMatch(/光学\s+3\/6/);
  });

  it('shows reviews due on the home screen with a "continue" suggestion', () => {
    const home = tempDir();
    writeLog(home, [review('2026-03-08T09:00:00.000Z', 'optics/choice', 1)]);
    const result = cli(home, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Continue where you left off');
    expect(result.stdout).toContain('1 review due → ml-tutor quiz');
    const fresh = cli(tempDir(), []);
    expect(fresh.stdout).not.toContain('review due');
  });
});

describe('ml-tutor progress', () => {
  it('undoes the last review, then the one before', () => {
    const home = tempDir();
    writeLog(home, [review('2026-03-09T09:00:00.000Z', 'optics/choice', 3), review('2026-03-09T09:10:00.000Z', 'optics/choice', 4)]);
    const first = cli(home, ['progress', 'undo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Undid your review of "optics\/choice" \(Easy, 2026-03-09 09:10\)\.\n$/);
    const second = cli(home, ['progress', 'undo']);
    expect(second.stdout).toContain('(Good, 2026-03-09 09:00)');
    const events = readEvents(home);
    expect(events.slice(2)).toEqual([
      expect.objectContaining({ type: 'undo', target: events[1]!.id }),
      expect.objectContaining({ type: 'undo', target: events[0]!.id }),
    ]);
    const none = cli(home, ['progress', 'undo']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('ml-tutor: nothing to undo: there are no reviews, resets or fitted FSRS weights in your progress yet\n');
  });

  it('resets only with --yes off a terminal, and undo brings the progress back', () => {
    const home = tempDir();
    writeLog(home, [review('2026-03-09T09:00:00.000Z', 'optics/choice', 3), review('2026-03-09T09:10:00.000Z', 'optics/choice', 3)]);
    const seen = (): number => (JSON.parse(cli(home, ['stats', '--json']).stdout) as { topics: Array<{ topic: string; seen: number }> }).topics.find((topic) => topic.topic === 'optics')!.seen;
    expect(seen()).toBe(1);

    const refused = cli(home, ['progress', 'reset']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('ml-tutor: progress reset: add --yes to confirm (there is no terminal to ask on); nothing was reset\n');
    expect(readEvents(home)).toHaveLength(2);

    const reset = cli(home, ['progress', 'reset', '--topic', 'opt', '--yes']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe('Reset topic "optics": 1 card is new again. Undo with "ml-tutor progress undo".\n');
    expect(readEvents(home).at(-1)).toMatchObject({ type: 'reset', scope: 'optics', at: NOW });
    expect(seen()).toBe(0);

    const undo = cli(home, ['progress', 'undo']);
    expect(undo.stdout).toContain('Undid the reset of topic "optics"');
    expect(seen()).toBe(1);

    const unknown = cli(home, ['progress', 'reset', '--topic', 'optcs', '--yes']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Did you mean "optics"?');
  });

  it('suspends and unsuspends a card, with "did you mean" for a typo', () => {
    const home = tempDir();
    const suspend = cli(home, ['progress', 'suspend', 'optics/choice']);
    expect(suspend).toMatchObject({ code: 0, stdout: 'Suspended "optics/choice": the quiz will not show it until you unsuspend it.\n' });
    expect(cli(home, ['progress', 'suspend', 'optics/choice']).stdout).toBe('"optics/choice" is already suspended.\n');
    expect(cli(home, ['progress', 'unsuspend', 'optics/choice']).stdout).toContain('it is back in the quiz');
    expect(readEvents(home).map((event) => event.type)).toEqual(['suspend', 'unsuspend']);
    const typo = cli(home, ['progress', 'suspend', 'optics/choise']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe('ml-tutor: unknown card "optics/choise"\nDid you mean "optics/choice"?\n');
  });

  it('exports the log and imports it idempotently; a file that is not a log is refused whole', () => {
    const source = tempDir();
    const shared = review('2026-03-09T09:00:00.000Z', 'optics/choice', 3);
    writeLog(source, [shared, review('2026-03-09T09:10:00.000Z', 'optics/multi', 1)]);
    const exported = cli(source, ['progress', 'export']);
    expect(exported.stdout).toBe(readFileSync(join(source, 'events.jsonl'), 'utf8'));
    const file = join(tempDir(), 'backup.jsonl');
    expect(cli(source, ['progress', 'export', file]).stdout).toBe(`Exported 2 lines to ${file}.\n`);
    expect(readFileSync(file, 'utf8')).toBe(exported.stdout);

    const target = tempDir();
    writeLog(target, [review('2026-03-08T09:00:00.000Z', 'optics/tf', 3), shared]);
    const firstImport = cli(target, ['progress', 'import', file]);
    expect(firstImport).toMatchObject({ code: 0, stdout: 'Imported 1 new event (1 already present).\n' });
    expect(readEvents(target).map((event) => event.card)).toEqual(['optics/tf', 'optics/choice', 'optics/multi']);
    const before = readFileSync(join(target, 'events.jsonl'), 'utf8');
    expect(cli(target, ['progress', 'import', file]).stdout).toBe('Imported 0 new events (2 already present).\n');
    expect(readFileSync(join(target, 'events.jsonl'), 'utf8')).toBe(before);

    const bad = writeTree({
      'bad.jsonl': `${exported.stdout}{"v":1,"id":"x","at":"2026-03-09T09:00:00Z","type":"review","card":"optics/tf","rating":7,"correct":true}\nnot json\n`,
    });
    const refused = cli(target, ['progress', 'import', join(bad, 'bad.jsonl')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`ml-tutor: ${join(bad, 'bad.jsonl')}:3: invalid rating 7 (and 1 more bad line): not a progress log, nothing was imported\n`);
    expect(readFileSync(join(target, 'events.jsonl'), 'utf8')).toBe(before);

    // A log torn by a crash still exports to something that imports: the torn line is left out.
    writeFileSync(join(source, 'events.jsonl'), `${readFileSync(join(source, 'events.jsonl'), 'utf8')}{"v":1,"id":"torn","at":"2026-03-0`);
    const afterCrash = join(tempDir(), 'after-crash.jsonl');
    expect(cli(source, ['progress', 'export', afterCrash]).code).toBe(0);
    expect(readFileSync(afterCrash, 'utf8')).toBe(exported.stdout);
    expect(cli(tempDir(), ['progress', 'import', afterCrash]).stdout).toBe('Imported 2 new events.\n');

    const missing = cli(target, ['progress', 'import', join(bad, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file or directory');
  });

  it('lists the new commands in --help with examples', () => {
    const help = runCli(['--help']);
    for (const command of ['quiz', 'stats', 'progress']) expect(help.stdout).toContain(`  ${command} `);
    expect(runCli(['quiz', '--help']).stdout).toContain('$ ml-tutor quiz attention');
    expect(runCli(['progress', '--help']).stdout).toContain('$ ml-tutor progress undo');
  });
});
