import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/core/events.js';
import {
  buildQueue,
  inScope,
  isDue,
  newCardsIntroducedToday,
  returnsInSession,
  topicOfLesson,
  type QueueOptions,
} from '../../src/core/queue.js';
import { replay } from '../../src/core/replay.js';
import { createScheduler, newCardState, type CardState } from '../../src/core/schedule.js';
import { card, lcg, reset, review, suspend } from './helpers.js';

const scheduler = createScheduler({ fuzz: false });
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Beijing: UTC+8. */
const OFFSET = 480;
/** 2026-03-10 18:00 in Beijing. */
const NOW = new Date('2026-03-10T10:00:00.000Z');

function ago(ms: number): Date {
  return new Date(NOW.getTime() - ms);
}

const questions = [
  card('attention/a1', 'attention/why-attention'),
  card('attention/a2', 'attention/why-attention'),
  card('attention/a3', 'attention/scaled-dot-product'),
  card('attention/a4', 'attention/scaled-dot-product'),
  card('rnn/r1', 'rnn/elman'),
  card('rnn/r2', 'rnn/elman'),
  card('rnn/r3', 'rnn/lstm'),
  card('nlp/n1', 'nlp/tokens'),
];

/**
 * The hand-built log:
 * - attention/a1: Easy 20 days ago → review, due 12 days ago (overdue by 12 days);
 * - rnn/r1: Easy 10 days ago → review, due 2 days ago;
 * - attention/a2: Easy 8 days ago, due at 10:00 UTC today — exactly now;
 * - rnn/r2: Good 10 minutes ago → learning, due now (its 10-minute step is over);
 * - nlp/n1: Easy 3 days ago → due in 5 days (not due);
 * - attention/a3, attention/a4, rnn/r3: never seen.
 */
const events: ProgressEvent[] = [
  review('e1', ago(20 * DAY), 'attention/a1', 4),
  review('e2', ago(10 * DAY), 'rnn/r1', 4),
  review('e3', ago(8 * DAY), 'attention/a2', 4),
  review('e4', ago(10 * MINUTE), 'rnn/r2', 3),
  review('e5', ago(3 * DAY), 'nlp/n1', 4),
];
const progress = replay(events, { scheduler });

function options(extra: Partial<QueueOptions> = {}): QueueOptions {
  return { now: NOW, utcOffset: OFFSET, newPerDay: 10, ...extra };
}

function ids(queue: ReturnType<typeof buildQueue>): string[] {
  return queue.items.map((item) => `${item.kind}:${item.question.id}`);
}

describe('buildQueue', () => {
  it('puts due cards first, most overdue first, then new cards in lesson order', () => {
    const queue = buildQueue(questions, progress, { kind: 'all' }, options());
    expect(ids(queue)).toEqual([
      'due:attention/a1',
      'due:rnn/r1',
      'due:attention/a2',
      'due:rnn/r2', // learning, its step just over
      'new:attention/a3',
      'new:attention/a4',
      'new:rnn/r3',
    ]);
    expect(queue.dueTotal).toBe(4);
    expect(queue.newAvailable).toBe(3);
    // rnn/r2 was new 5 minutes ago: one card already introduced today.
    expect(queue.newIntroducedToday).toBe(1);
    expect(queue.newAllowance).toBe(9);
  });

  it('gives due items their card state and leaves never-seen ones without', () => {
    const queue = buildQueue(questions, progress, { kind: 'all' }, options());
    expect(queue.items[0]?.card).toEqual(progress.cards.get('attention/a1')?.schedule);
    expect(queue.items.at(-1)?.card).toBeUndefined();
  });

  it('rations new cards by what is left of new_per_day today', () => {
    const queue = buildQueue(questions, progress, { kind: 'all' }, options({ newPerDay: 3 }));
    expect(queue.newAllowance).toBe(2);
    expect(ids(queue).filter((id) => id.startsWith('new:'))).toEqual(['new:attention/a3', 'new:attention/a4']);
  });

  it('shows no new cards once the day’s allowance is used up, but still the due ones', () => {
    const queue = buildQueue(questions, progress, { kind: 'all' }, options({ newPerDay: 1 }));
    expect(queue.newAllowance).toBe(0);
    expect(ids(queue)).toEqual(['due:attention/a1', 'due:rnn/r1', 'due:attention/a2', 'due:rnn/r2']);
  });

  it('--new N replaces the remaining allowance', () => {
    const none = buildQueue(questions, progress, { kind: 'all' }, options({ newPerDay: 1, newLimit: 2 }));
    expect(none.newAllowance).toBe(2);
    expect(ids(none).filter((id) => id.startsWith('new:'))).toEqual(['new:attention/a3', 'new:attention/a4']);
    expect(buildQueue(questions, progress, { kind: 'all' }, options({ newLimit: 0 })).items).toHaveLength(4);
  });

  it('--limit N cuts the queue, due cards kept first', () => {
    const queue = buildQueue(questions, progress, { kind: 'all' }, options({ limit: 2 }));
    expect(ids(queue)).toEqual(['due:attention/a1', 'due:rnn/r1']);
    expect(queue.dueTotal).toBe(4);
    expect(buildQueue(questions, progress, { kind: 'all' }, options({ limit: 0 })).items).toEqual([]);
  });

  it('scopes to a topic', () => {
    const queue = buildQueue(questions, progress, { kind: 'topic', topic: 'rnn' }, options());
    expect(ids(queue)).toEqual(['due:rnn/r1', 'due:rnn/r2', 'new:rnn/r3']);
  });

  it('scopes to a lesson', () => {
    const queue = buildQueue(questions, progress, { kind: 'lesson', lessonId: 'attention/why-attention' }, options());
    expect(ids(queue)).toEqual(['due:attention/a1', 'due:attention/a2']);
    expect(queue.newAvailable).toBe(0);
  });

  it('leaves suspended cards out, due or new', () => {
    const withSuspends = replay(
      [...events, suspend('s1', ago(DAY), 'attention/a1'), suspend('s2', ago(DAY), 'attention/a3')],
      { scheduler },
    );
    const queue = buildQueue(questions, withSuspends, { kind: 'topic', topic: 'attention' }, options());
    expect(ids(queue)).toEqual(['due:attention/a2', 'new:attention/a4']);
  });

  it('treats cards made new by a reset as new', () => {
    const afterReset = replay([...events, reset('x', ago(MINUTE), 'nlp')], { scheduler });
    const queue = buildQueue(questions, afterReset, { kind: 'topic', topic: 'nlp' }, options());
    expect(ids(queue)).toEqual(['new:nlp/n1']);
  });

  it('keeps the first of two questions with the same id', () => {
    const duplicate = card('rnn/r3', 'rnn/other');
    const queue = buildQueue([...questions, duplicate], progress, { kind: 'topic', topic: 'rnn' }, options());
    expect(queue.items.filter((item) => item.question.id === 'rnn/r3').map((item) => item.question.lessonId)).toEqual([
      'rnn/lstm',
    ]);
  });

  it('a review card is due all through its local due day, not just from its minute', () => {
    // attention/a2 is due at 18:00 Beijing time; at 09:00 the same local day it is already due.
    const morning = new Date('2026-03-10T01:00:00.000Z');
    const queue = buildQueue(questions, progress, { kind: 'lesson', lessonId: 'attention/why-attention' }, options({ now: morning }));
    expect(ids(queue)).toEqual(['due:attention/a1', 'due:attention/a2']);
    // At 23:00 the evening before (Beijing time) it is not due yet.
    const eveningBefore = new Date('2026-03-09T15:00:00.000Z');
    const earlier = buildQueue(
      questions,
      progress,
      { kind: 'lesson', lessonId: 'attention/why-attention' },
      options({ now: eveningBefore }),
    );
    expect(ids(earlier)).toEqual(['due:attention/a1']);
  });

  describe('cram', () => {
    it('takes every unsuspended card of the scope, due or not, seen or not', () => {
      const queue = buildQueue(questions, progress, { kind: 'topic', topic: 'attention' }, options({ cram: true }));
      expect(ids(queue)).toEqual(['cram:attention/a1', 'cram:attention/a2', 'cram:attention/a3', 'cram:attention/a4']);
    });

    it('ignores the new-card allowance but honours --limit', () => {
      const queue = buildQueue(questions, progress, { kind: 'all' }, options({ cram: true, newPerDay: 0, limit: 5 }));
      expect(queue.items).toHaveLength(5);
    });

    it('shuffles with the seeded rng, reproducibly', () => {
      const shuffledOnce = ids(buildQueue(questions, progress, { kind: 'all' }, options({ cram: true, rng: lcg(7) })));
      const shuffledAgain = ids(buildQueue(questions, progress, { kind: 'all' }, options({ cram: true, rng: lcg(7) })));
      expect(shuffledOnce).toEqual(shuffledAgain);
      expect([...shuffledOnce].sort()).toEqual(questions.map((question) => `cram:${question.id}`).sort());
      expect(shuffledOnce).not.toEqual(questions.map((question) => `cram:${question.id}`));
    });
  });

  it.each([
    [{ newPerDay: -1 }, 'new cards per day must be a whole number ≥ 0, got -1'],
    [{ limit: 1.5 }, 'limit must be a whole number ≥ 0, got 1.5'],
    [{ newLimit: -2 }, '--new must be a whole number ≥ 0, got -2'],
  ])('refuses %j', (extra, message) => {
    expect(() => buildQueue(questions, progress, { kind: 'all' }, options(extra))).toThrow(message);
  });
});

describe('newCardsIntroducedToday', () => {
  it('counts first scheduled reviews of new cards on the local day, across sessions', () => {
    const log = replay(
      [
        // 2026-03-09 23:30 Beijing: yesterday.
        review('y', new Date('2026-03-09T15:30:00Z'), 'rnn/r1', 3),
        // 2026-03-10 00:30 Beijing: today, though still 2026-03-09 in UTC.
        review('t1', new Date('2026-03-09T16:30:00Z'), 'rnn/r2', 3),
        review('t1b', new Date('2026-03-09T16:40:00Z'), 'rnn/r2', 3), // the same card again: not new
        review('t2', new Date('2026-03-10T09:00:00Z'), 'rnn/r3', 1),
        review('c', new Date('2026-03-10T09:10:00Z'), 'nlp/n1', 3, { cram: true }), // cram: not introduced
      ],
      { scheduler },
    );
    expect(newCardsIntroducedToday(log, NOW, OFFSET)).toBe(2);
    expect(newCardsIntroducedToday(log, NOW, 0)).toBe(1);
  });

  it('counts a card again when a reset made it new again', () => {
    const log = replay(
      [review('a', ago(2 * MINUTE), 'rnn/r1', 3), reset('x', ago(MINUTE), 'all'), review('b', NOW, 'rnn/r1', 3)],
      { scheduler },
    );
    expect(newCardsIntroducedToday(log, NOW, OFFSET)).toBe(2);
  });
});

describe('isDue and returnsInSession', () => {
  const base = newCardState(NOW);
  function state(phase: CardState['state'], dueInMs: number): CardState {
    return { ...base, state: phase, due: new Date(NOW.getTime() + dueInMs), stability: 1, difficulty: 5, reps: 1 };
  }

  it.each([
    ['new', 0, false],
    ['learning', -MINUTE, true],
    ['learning', MINUTE, true],
    ['learning', MINUTE + 1, false], // a 10-minute step is not shown early: it would graduate in seconds
    ['learning', 10 * MINUTE, false],
    ['relearning', 30_000, true],
    ['review', -3 * DAY, true],
    ['review', 5 * 3600_000, true], // 23:00 Beijing: later today
    ['review', 6 * 3600_000 + 1, false], // just after midnight: tomorrow
  ] as const)('%s due in %i ms: isDue %s', (phase, dueIn, due) => {
    expect(isDue(state(phase, dueIn), NOW, OFFSET)).toBe(due);
  });

  it('brings back only a card answered Again, in learning or relearning', () => {
    const reviewCard = progress.cards.get('attention/a1')?.schedule;
    if (!reviewCard) throw new Error('fixture');
    expect(returnsInSession(1, scheduler.applyRating(reviewCard, 1, NOW, 'optics/card'))).toBe(true);
    expect(returnsInSession(3, scheduler.applyRating(reviewCard, 3, NOW, 'optics/card'))).toBe(false);
    const fresh = newCardState(NOW);
    expect(returnsInSession(1, scheduler.applyRating(fresh, 1, NOW, 'optics/card'))).toBe(true);
    // Good and Hard move a new card to a later step (10m, 6m): it leaves the session.
    expect(returnsInSession(3, scheduler.applyRating(fresh, 3, NOW, 'optics/card'))).toBe(false);
    expect(returnsInSession(2, scheduler.applyRating(fresh, 2, NOW, 'optics/card'))).toBe(false);
  });

  it('honours a custom learn-ahead window', () => {
    expect(isDue(state('learning', 10 * MINUTE), NOW, OFFSET, 20)).toBe(true);
    expect(isDue(state('learning', 30_000), NOW, OFFSET, 0)).toBe(false);
  });
});

describe('scope helpers', () => {
  it.each([
    ['attention/scaled-dot-product', 'attention'],
    ['rnn', 'rnn'],
  ])('topicOfLesson(%s) is %s', (lessonId, topic) => {
    expect(topicOfLesson(lessonId)).toBe(topic);
  });

  it('inScope', () => {
    const question = card('rnn/r1', 'rnn/elman');
    expect(inScope(question, { kind: 'all' })).toBe(true);
    expect(inScope(question, { kind: 'topic', topic: 'rnn' })).toBe(true);
    expect(inScope(question, { kind: 'topic', topic: 'rn' })).toBe(false);
    expect(inScope(question, { kind: 'lesson', lessonId: 'rnn/elman' })).toBe(true);
    expect(inScope(question, { kind: 'lesson', lessonId: 'rnn/lstm' })).toBe(false);
  });
});
