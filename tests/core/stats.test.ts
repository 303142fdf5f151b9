import { describe, expect, it } from 'vitest';
import type { CardRecord, ReplayResult } from '../../src/core/replay.js';
import { ReviewLog, type ReviewEntry } from '../../src/core/review-log.js';
import { replay } from '../../src/core/replay.js';
import { createScheduler, newCardState, type CardPhase, type Rating } from '../../src/core/schedule.js';
import { computeStats, FORECAST_DAYS, hasGlossaryCards, streakEndingAt } from '../../src/core/stats.js';
import { card, reset, review, suspend } from './helpers.js';

/** 2026-03-10 18:00 in Beijing (UTC+8); local "today" runs 2026-03-09T16:00Z – 2026-03-10T16:00Z. */
const NOW = new Date('2026-03-10T10:00:00.000Z');
const OFFSET = 480;

const questions = [
  card('attention/a1', 'attention/why-attention'),
  card('attention/a2', 'attention/why-attention'),
  card('attention/a3', 'attention/scaled-dot-product'),
  card('attention/a4', 'attention/scaled-dot-product'),
  card('extra/x1', 'extra/pack'), // a lesson pack's topic: listed after the core topics
  card('rnn/r1', 'rnn/elman'),
  card('rnn/r2', 'rnn/elman'),
  card('rnn/r3', 'rnn/lstm'),
  card('nlp/n1', 'nlp/tokens'),
];

function cardRecord(
  id: string,
  state: CardPhase,
  stability: number,
  due: string,
  suspended = false,
): [string, CardRecord] {
  const schedule = { ...newCardState(NOW), state, stability, difficulty: 5, reps: 3, due: new Date(due) };
  return [id, { id, schedule, suspended, leech: false, needsLeechSuspend: false }];
}

/** `label` only names the entry where it is built (entries carry no id). */
function entry(label: string, at: string, cardId: string, rating: Rating, phaseBefore: CardPhase, cram = false): ReviewEntry {
  void label;
  return {
    card: cardId,
    at: new Date(at),
    rating,
    correct: rating !== 1,
    cram,
    phaseBefore,
    phaseAfter: 'review',
  };
}

/** A hand-built replay result, so every number below can be worked out by reading it. */
const progress: ReplayResult = {
  cards: new Map([
    cardRecord('attention/a1', 'review', 30, '2026-03-08T10:00:00Z'), // overdue, mastered
    cardRecord('attention/a2', 'review', 21, '2026-03-10T15:00:00Z'), // 23:00 today: due today; mastered (= 21)
    cardRecord('attention/a3', 'review', 5, '2026-03-10T16:30:00Z'), // 00:30 tomorrow
    // attention/a4: never reviewed
    cardRecord('rnn/r1', 'learning', 2, '2026-03-10T10:01:00Z'), // due in a minute: learn-ahead
    cardRecord('rnn/r2', 'review', 40, '2026-03-23T12:00:00Z', true), // suspended: seen and mastered, never due
    cardRecord('rnn/r3', 'review', 10, '2026-03-24T12:00:00Z'), // day 14: beyond the forecast
    cardRecord('nlp/n1', 'new', 0, '2026-03-01T00:00:00Z'), // reset: new again, not seen
    cardRecord('extra/x1', 'review', 3, '2026-03-23T15:59:00Z'), // 23:59 on day 13: the forecast's last slot
    cardRecord('attention/deleted', 'review', 50, '2026-03-01T00:00:00Z'), // no question any more: ignored
  ]),
  reviews: ReviewLog.of([
    entry('rv8', '2026-02-01T12:00:00Z', 'rnn/r3', 3, 'review'), // before the 30-day window
    entry('rv9', '2026-02-08T10:00:00Z', 'rnn/r2', 1, 'review'), // exactly 30 days ago: outside
    entry('rv7', '2026-03-06T12:00:00Z', 'rnn/r3', 1, 'review'),
    entry('rv6', '2026-03-08T12:00:00Z', 'rnn/r2', 3, 'review'),
    entry('rv5', '2026-03-09T12:00:00Z', 'attention/a1', 4, 'review'), // 20:00 yesterday
    entry('rv3', '2026-03-09T17:00:00Z', 'rnn/r1', 3, 'new'), // 01:00 today: learning, not in retention
    entry('rv2', '2026-03-10T08:00:00Z', 'attention/a2', 1, 'review'),
    entry('rv1', '2026-03-10T09:00:00Z', 'attention/a1', 3, 'review'),
    entry('rv4', '2026-03-10T09:30:00Z', 'attention/a3', 2, 'review', true), // cram: counts today, not retention
    entry('rv0', '2026-03-10T11:00:00Z', 'attention/a3', 1, 'review'), // after now (clock skew): ignored
    entry('rv-1', '2026-03-10T09:45:00Z', 'attention/deleted', 1, 'review'), // no question: today, no topic
  ]),
  ignored: [],
};

describe('computeStats on a hand-built progress', () => {
  const stats = computeStats(questions, progress, { now: NOW, utcOffset: OFFSET });

  it('lists core topics in teaching order, then pack topics', () => {
    expect(stats.topics.map((topic) => topic.topic)).toEqual(['nlp', 'rnn', 'attention', 'extra']);
  });

  it('counts per topic', () => {
    expect(stats.topics).toEqual([
      { topic: 'nlp', total: 1, seen: 0, mastered: 0, due_now: 0, retention: null, retention_reviews: 0 },
      { topic: 'rnn', total: 3, seen: 3, mastered: 1, due_now: 1, retention: 1 / 2, retention_reviews: 2 },
      { topic: 'attention', total: 4, seen: 3, mastered: 2, due_now: 2, retention: 2 / 3, retention_reviews: 3 },
      { topic: 'extra', total: 1, seen: 1, mastered: 0, due_now: 0, retention: null, retention_reviews: 0 },
    ]);
  });

  it('counts reviews on the local day, cram and cards without questions included', () => {
    // rv3 (01:00 local), rv2, rv1, rv4 (cram), rv-1; not rv0 (after now) nor rv5 (yesterday).
    expect(stats.reviews_today).toBe(5);
  });

  it('counts the streak back from today over consecutive local days', () => {
    // 03-10, 03-09, 03-08 have reviews; 03-07 does not.
    expect(stats.streak).toBe(3);
  });

  it('forecasts 14 days, overdue cards in today', () => {
    const expected = new Array<number>(FORECAST_DAYS).fill(0);
    expected[0] = 3; // a1 (overdue), a2 (tonight), r1 (learning)
    expected[1] = 1; // a3
    expected[13] = 1; // x1; r2 is suspended and r3 falls on day 14
    expect(stats.forecast).toEqual(expected);
  });

  it('prints as the `stats --json` shape', () => {
    expect(Object.keys(JSON.parse(JSON.stringify(stats)))).toEqual(['topics', 'streak', 'reviews_today', 'forecast']);
  });

  it('counts differently in another time zone', () => {
    // In UTC the day is 03-10T00:00Z – 03-11T00:00Z: rv3 (03-09T17:00Z) falls yesterday instead.
    const utc = computeStats(questions, progress, { now: NOW, utcOffset: 0 });
    expect(utc.reviews_today).toBe(4);
    // a3 (03-10T16:30Z) is due today in UTC.
    expect(utc.forecast[0]).toBe(4);
  });
});

describe('computeStats with no progress', () => {
  it('is all zeros, retention null, forecast 14 zeros', () => {
    const empty: ReplayResult = { cards: new Map(), reviews: new ReviewLog(), ignored: [] };
    const stats = computeStats(questions.slice(0, 2), empty, { now: NOW, utcOffset: OFFSET });
    expect(stats).toEqual({
      topics: [{ topic: 'attention', total: 2, seen: 0, mastered: 0, due_now: 0, retention: null, retention_reviews: 0 }],
      streak: 0,
      reviews_today: 0,
      forecast: new Array<number>(14).fill(0),
    });
  });
});

describe('computeStats from a replayed log', () => {
  const scheduler = createScheduler({ fuzz: false });
  const DAY = 86_400_000;
  const ago = (days: number): Date => new Date(NOW.getTime() - days * DAY);

  it('derives seen, due, retention and streak from real events', () => {
    // a1: Easy 20 days ago → review due 8 days later (12 days ago); Good then (a review-phase recall)
    //     → due again well after now. a2: Easy 9 days ago → due yesterday: due now. a3: Again 2 days ago,
    //     then reset. r1: Easy 1 day ago, suspended.
    const events = [
      review('1', ago(20), 'attention/a1', 4),
      review('2', ago(12), 'attention/a1', 3),
      review('3', ago(9), 'attention/a2', 4),
      review('4', ago(2), 'attention/a3', 1),
      reset('5', ago(1.5), 'attention'),
      review('6', ago(1), 'rnn/r1', 4),
      suspend('7', ago(0.5), 'rnn/r1'),
      review('8', ago(0), 'attention/a2', 1), // new again since the reset: Again → 1-minute step
    ];
    const stats = computeStats(questions, replay(events, { scheduler }), { now: NOW, utcOffset: OFFSET });
    const attention = stats.topics.find((topic) => topic.topic === 'attention');
    const rnn = stats.topics.find((topic) => topic.topic === 'rnn');
    // The reset made a1, a2, a3 new; only a2, reviewed again today, is seen since.
    // Retention keeps history: a1's review-phase Good 12 days ago is the only review it counts
    // (a2's first reviews were of a new card).
    expect(attention).toMatchObject({ total: 4, seen: 1, mastered: 0, retention: 1, retention_reviews: 1 });
    // a2 is learning, due in 1 minute: within learn-ahead.
    expect(attention?.due_now).toBe(1);
    expect(rnn).toMatchObject({ total: 3, seen: 1, due_now: 0, retention: null });
    expect(stats.reviews_today).toBe(1);
    // Today and yesterday (r1); 2 days ago (a3); 3 days ago nothing.
    expect(stats.streak).toBe(3);
  });
});

describe('computeStats with the glossary\'s cards', () => {
  const glossary = [card('glossary/softmax', 'attention/why-attention'), card('glossary/token', 'nlp/tokens'), card('glossary/gradient', 'rnn/elman')];
  const withGlossary: ReplayResult = {
    ...progress,
    cards: new Map([
      ...progress.cards,
      cardRecord('glossary/softmax', 'review', 25, '2026-03-09T10:00:00Z'), // overdue, mastered
      cardRecord('glossary/token', 'review', 4, '2026-03-12T10:00:00Z', true), // suspended
    ]),
    reviews: ReviewLog.of([...progress.reviews.entries(), entry('g1', '2026-03-09T10:00:00Z', 'glossary/softmax', 1, 'review'), entry('g2', '2026-03-09T11:00:00Z', 'glossary/softmax', 3, 'review')]),
  };
  const stats = computeStats(questions, withGlossary, { now: NOW, utcOffset: OFFSET, glossary });

  it('counts them as one more entry, "glossary", after every topic, not under the topic of the lesson that introduces a term', () => {
    expect(stats.topics.map((topic) => topic.topic)).toEqual(['nlp', 'rnn', 'attention', 'extra', 'glossary']);
    expect(stats.topics.at(-1)).toEqual({ topic: 'glossary', total: 3, seen: 2, mastered: 1, due_now: 1, retention: 1 / 2, retention_reviews: 2 });
    expect(stats.topics.slice(0, 4)).toEqual(computeStats(questions, progress, { now: NOW, utcOffset: OFFSET }).topics);
  });

  it('puts them in the forecast like every card', () => {
    expect(stats.forecast[0]).toBe(4); // a1, a2, r1 and the overdue glossary/softmax; glossary/token is suspended
  });

  it('knows whether the learner has quizzed the glossary', () => {
    expect(hasGlossaryCards(progress)).toBe(false);
    expect(hasGlossaryCards(withGlossary)).toBe(true);
  });
});

describe('streakEndingAt', () => {
  it.each([
    [[], 100, 0],
    [[100], 100, 1],
    [[99], 100, 1], // today not yet studied: the streak still stands
    [[98], 100, 0],
    [[98, 99, 100], 100, 3],
    [[97, 99, 100], 100, 2],
    [[96, 97, 98, 99], 100, 4],
    [[101], 100, 0], // the future does not count
  ])('days %j, today %i → %i', (days, today, expected) => {
    expect(streakEndingAt(new Set(days), today)).toBe(expected);
  });
});
