import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  createScheduler,
  isRating,
  localDayNumber,
  newCardState,
  offsetReader,
  startOfLocalDay,
  type CardState,
  type Rating,
} from '../../src/core/schedule.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const exact = createScheduler({ fuzz: false });

function later(from: Date, ms: number): Date {
  return new Date(from.getTime() + ms);
}

/** Answers Good at each due date until the card is in review, returning it. */
function graduate(card: CardState, from: Date): CardState {
  let current = exact.applyRating(card, 3, from, 'optics/card');
  while (current.state !== 'review') current = exact.applyRating(current, 3, current.due, 'optics/card');
  return current;
}

describe('newCardState', () => {
  it('is new, unseen and due now', () => {
    const card = newCardState(NOW);
    expect(card).toMatchObject({ state: 'new', reps: 0, lapses: 0, stability: 0, difficulty: 0, learningStep: 0 });
    expect(card.due.toISOString()).toBe(NOW.toISOString());
    expect(card.lastReview).toBeUndefined();
  });
});

describe('nextStates on a new card (learning steps 1m 10m, fuzz off)', () => {
  const preview = exact.nextStates(newCardState(NOW), NOW, 'optics/card');

  it.each([
    // rating, phase, minutes until due, learning step
    [1, 'learning', 1, 0],
    [2, 'learning', 6, 0], // Hard on the first step: halfway between 1m and 10m
    [3, 'learning', 10, 1],
  ] as const)('rating %i → %s, due in %i min, step %i', (rating, phase, minutes, step) => {
    const next = preview[rating];
    expect(next.rating).toBe(rating);
    expect(next.card.state).toBe(phase);
    expect(next.intervalMs).toBe(minutes * MINUTE);
    expect(next.intervalDays).toBeCloseTo(minutes / 1440, 12);
    expect(next.due.toISOString()).toBe(new Date(NOW.getTime() + minutes * MINUTE).toISOString());
    expect(next.card.learningStep).toBe(step);
    expect(next.card.reps).toBe(1);
    expect(next.card.lastReview?.toISOString()).toBe(NOW.toISOString());
  });

  it('Easy skips the steps straight into review (8 days with FSRS-6 default weights)', () => {
    expect(preview[4].card.state).toBe('review');
    expect(preview[4].intervalDays).toBe(8);
    expect(preview[4].card.scheduledDays).toBe(8);
    expect(preview[4].card.stability).toBeCloseTo(8.2956, 4);
  });

  it('orders intervals Again < Hard < Good < Easy and difficulty Again > … > Easy', () => {
    const intervals = ([1, 2, 3, 4] as const).map((rating) => preview[rating].intervalMs);
    expect([...intervals].sort((a, b) => a - b)).toEqual(intervals);
    const difficulties = ([1, 2, 3, 4] as const).map((rating) => preview[rating].card.difficulty);
    expect([...difficulties].sort((a, b) => b - a)).toEqual(difficulties);
  });

  it('applyRating gives exactly the previewed card', () => {
    for (const rating of [1, 2, 3, 4] as const) {
      expect(exact.applyRating(newCardState(NOW), rating, NOW, 'optics/card')).toEqual(preview[rating].card);
    }
  });
});

describe('applyRating through the life of a card', () => {
  it('Good, Good graduates after the 10-minute step with a whole-day interval', () => {
    const first = exact.applyRating(newCardState(NOW), 3, NOW, 'optics/card');
    const second = exact.applyRating(first, 3, first.due, 'optics/card');
    expect(second.state).toBe('review');
    expect(second.reps).toBe(2);
    expect(second.scheduledDays).toBe(2);
    expect(second.due.toISOString()).toBe(later(first.due, 2 * DAY).toISOString());
  });

  it('Again on a review card is a lapse: relearning, back in 10 minutes', () => {
    const review = graduate(newCardState(NOW), NOW);
    const lapsed = exact.applyRating(review, 1, review.due, 'optics/card');
    expect(lapsed.state).toBe('relearning');
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due.getTime() - review.due.getTime()).toBe(10 * MINUTE);
    expect(lapsed.stability).toBeLessThan(review.stability);
  });

  it('Again on a learning card is not a lapse', () => {
    const learning = exact.applyRating(newCardState(NOW), 3, NOW, 'optics/card');
    expect(exact.applyRating(learning, 1, learning.due, 'optics/card').lapses).toBe(0);
  });

  it('intervals grow when each review is answered Good on its due date', () => {
    let card = graduate(newCardState(NOW), NOW);
    const intervals: number[] = [card.scheduledDays];
    for (let i = 0; i < 5; i++) {
      card = exact.applyRating(card, 3, card.due, 'optics/card');
      intervals.push(card.scheduledDays);
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? Infinity);
  });

  it('a higher desired retention gives shorter intervals', () => {
    const review = graduate(newCardState(NOW), NOW);
    const intervalAt = (desiredRetention: number): number =>
      createScheduler({ desiredRetention, fuzz: false }).nextStates(review, review.due, 'optics/card')[3].intervalDays;
    expect(intervalAt(0.95)).toBeLessThan(intervalAt(0.9));
    expect(intervalAt(0.9)).toBeLessThan(intervalAt(0.8));
  });

  it('does not mutate its input', () => {
    const card = newCardState(NOW);
    const copy = structuredClone(card);
    exact.applyRating(card, 4, NOW, 'optics/card');
    exact.nextStates(card, NOW, 'optics/card');
    expect(card).toEqual(copy);
  });
});

describe('fuzz', () => {
  const fuzzy = createScheduler({ fuzz: true });

  function longReview(scheduler: typeof fuzzy, cardId = 'optics/card'): CardState {
    let card = scheduler.applyRating(newCardState(NOW), 4, NOW, cardId);
    for (let i = 0; i < 3; i++) card = scheduler.applyRating(card, 3, card.due, cardId);
    return card;
  }

  it('is deterministic: the same card answered at the same time gets the same date', () => {
    expect(longReview(fuzzy)).toEqual(longReview(createScheduler({ fuzz: true })));
    expect(longReview(fuzzy).due.toISOString()).toBe(longReview(createScheduler()).due.toISOString());
  });

  it('spreads cards learnt together: the same answers at the same times, other ids, other dates', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `nlp/card-${i}`);
    const dues = ids.map((id) => longReview(fuzzy, id).due.getTime());
    const plain = longReview(exact).due.getTime();
    // Without fuzz every one of them would be due on the same day.
    expect(ids.map((id) => longReview(exact, id).due.getTime())).toEqual(ids.map(() => plain));
    expect(new Set(dues).size).toBeGreaterThanOrEqual(4);
    // and each card's own date is reproducible
    expect(ids.map((id) => longReview(createScheduler(), id).due.getTime())).toEqual(dues);
  });

  it('stays near the unfuzzed interval (ts-fsrs fuzzes by at most about 5% beyond 20 days)', () => {
    const card = longReview(exact);
    const plain = exact.nextStates(card, card.due, 'optics/card')[3].intervalDays;
    const fuzzed = fuzzy.nextStates(card, card.due, 'optics/card')[3].intervalDays;
    expect(plain).toBeGreaterThan(20);
    expect(Math.abs(fuzzed - plain)).toBeLessThanOrEqual(Math.ceil(plain * 0.1));
  });

  it('never touches learning steps', () => {
    expect(fuzzy.nextStates(newCardState(NOW), NOW, 'optics/card')[3].intervalMs).toBe(10 * MINUTE);
  });
});

describe('retrievability', () => {
  it('is 0 for a new card, ~1 just after a review and ~desired retention when due', () => {
    expect(exact.retrievability(newCardState(NOW), NOW)).toBe(0);
    const review = graduate(newCardState(NOW), NOW);
    expect(exact.retrievability(review, review.lastReview ?? NOW)).toBeCloseTo(1, 6);
    const atDue = exact.retrievability(review, review.due);
    expect(atDue).toBeGreaterThan(0.85);
    expect(atDue).toBeLessThan(0.95);
  });
});

describe('validation', () => {
  it.each([0, 5, 7, 2.5, -1])('rejects rating %s', (rating) => {
    expect(() => exact.applyRating(newCardState(NOW), rating as Rating, NOW, 'optics/card')).toThrow(`Invalid rating: ${rating}`);
  });

  it('rejects an invalid date', () => {
    expect(() => exact.applyRating(newCardState(NOW), 3, new Date('nope'), 'optics/card')).toThrow('Invalid review time');
  });

  it.each([0, 1, 1.5, -0.2, Number.NaN])('refuses desired retention %s with a UserError', (desiredRetention) => {
    expect(() => createScheduler({ desiredRetention })).toThrow(UserError);
  });

  it('defaults to 0.9 and fuzz on', () => {
    const scheduler = createScheduler();
    expect(scheduler.desiredRetention).toBe(0.9);
    expect(scheduler.fuzz).toBe(true);
  });

  it.each([
    [1, true],
    [4, true],
    [0, false],
    ['3', false],
    [3.5, false],
  ])('isRating(%j) is %s', (value, expected) => {
    expect(isRating(value)).toBe(expected);
  });
});

describe('local days', () => {
  it.each([
    // instant, minutes east of UTC, local date
    ['2026-03-01T15:59:59Z', 480, '2026-03-01'],
    ['2026-03-01T16:00:00Z', 480, '2026-03-02'], // midnight in Beijing
    ['2026-03-02T04:59:00Z', -300, '2026-03-01'], // 23:59 in New York
    ['2026-03-02T05:00:00Z', -300, '2026-03-02'],
    ['2026-03-01T00:00:00Z', 0, '2026-03-01'],
  ])('%s at UTC%+i is local day %s', (instant, offset, localDate) => {
    const expected = Date.parse(`${localDate}T00:00:00Z`) / DAY;
    expect(localDayNumber(new Date(instant), offset)).toBe(expected);
  });

  it('startOfLocalDay is local midnight', () => {
    expect(startOfLocalDay(new Date('2026-03-01T17:00:00Z'), 480).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-03-01T03:00:00Z'), -300).toISOString()).toBe('2026-02-28T05:00:00.000Z');
  });

  it('accepts an offset function (daylight saving)', () => {
    const newYork = (at: Date): number => (at.getTime() >= Date.parse('2026-03-08T07:00:00Z') ? -240 : -300);
    expect(localDayNumber(new Date('2026-03-09T03:30:00Z'), newYork)).toBe(Date.parse('2026-03-08') / DAY);
    expect(localDayNumber(new Date('2026-03-09T04:30:00Z'), newYork)).toBe(Date.parse('2026-03-09') / DAY);
  });

  it('offsetReader gives the offset function\'s answer at every time, reading it far less often', () => {
    // Santiago-like rules: clocks go back at 24:00 local (a local hour repeats across midnight) and
    // forward weeks later, plus a one-off change on a quarter hour.
    const changes = [
      [Date.parse('2026-04-05T03:00:00Z'), -240],
      [Date.parse('2026-09-06T04:00:00Z'), -180],
      [Date.parse('2026-10-01T12:15:00Z'), -165],
    ] as const;
    let lookups = 0;
    const zone = (at: Date): number => {
      lookups++;
      let offset = -180;
      for (const [from, minutes] of changes) if (at.getTime() >= from) offset = minutes;
      return offset;
    };
    const read = offsetReader(zone);
    let time = Date.parse('2026-03-01T00:00:00Z');
    let checked = 0;
    let state = 7;
    while (time < Date.parse('2026-12-31T00:00:00Z')) {
      state = (state * 48_271) % 2_147_483_647;
      // Sessions of answers seconds apart, then a gap of up to half a day.
      time += state % 10 < 9 ? (state % 90) * 1000 : state % (DAY / 2);
      const direct = zone(new Date(time));
      lookups--;
      expect(read(time)).toBe(direct);
      checked++;
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(lookups).toBeLessThan(checked / 2);
    expect(offsetReader(480)(0)).toBe(480);
  });
});
