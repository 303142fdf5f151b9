import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/core/events.js';
import { compareWeights, logLoss, predictions, reviewHistories, roundWeights, trainingItems, trainingReviewCount, type HistoryReview } from '../../src/core/optimize.js';
import { createScheduler, defaultWeights, memoryModelFor, newCardState, type Rating } from '../../src/core/schedule.js';

let counter = 0;
function review(at: string, card: string, rating: Rating, extra: Record<string, unknown> = {}): ProgressEvent {
  counter++;
  return { v: 1, id: `r${counter}`, at, type: 'review', card, rating, correct: rating > 1, ...extra } as ProgressEvent;
}
const h = (...pairs: Array<[Rating, number]>): HistoryReview[] => pairs.map(([rating, days]) => ({ rating, days }));

describe('review histories (what the optimizer learns from)', () => {
  it('gives each card its scheduled reviews in time order, with whole UTC days between them', () => {
    const events = [
      review('2026-03-05T00:30:00Z', 'a/x', 1),
      review('2026-03-01T09:00:00Z', 'a/x', 3),
      review('2026-03-01T09:10:00Z', 'a/x', 3),
      review('2026-03-04T23:30:00Z', 'a/x', 3), // 3 UTC days after 03-01 …
      review('2026-03-02T12:00:00Z', 'a/x', 4, { cram: true }), // practice: not in the history
      review('2026-03-02T08:00:00Z', 'b/y', 2),
    ];
    const undone = review('2026-03-06T09:00:00Z', 'a/x', 1);
    events.push(undone, { v: 1, id: 'u1', at: '2026-03-06T09:01:00Z', type: 'undo', target: undone.id });
    // … and the review an hour later is on the next UTC day: 1 day, as the scheduler counts it.
    expect(reviewHistories(events)).toEqual([h([3, 0], [3, 0], [3, 3], [1, 1]), h([2, 0])]);
  });

  it('starts a new history where a reset makes the card new again (its topic, or all)', () => {
    const events: ProgressEvent[] = [
      review('2026-03-01T09:00:00Z', 'a/x', 3),
      review('2026-03-03T09:00:00Z', 'a/x', 3),
      review('2026-03-01T09:00:00Z', 'b/y', 3),
      { v: 1, id: 'z1', at: '2026-03-04T09:00:00Z', type: 'reset', scope: 'a' },
      review('2026-03-05T09:00:00Z', 'a/x', 1),
      review('2026-03-06T09:00:00Z', 'b/y', 3),
      { v: 1, id: 'z2', at: '2026-03-07T09:00:00Z', type: 'reset', scope: 'all' },
      review('2026-03-08T09:00:00Z', 'b/y', 4),
    ];
    expect(reviewHistories(events)).toEqual([h([3, 0], [3, 2]), h([3, 0], [3, 5]), h([1, 0]), h([4, 0])]);
  });

  it('counts and builds the training items: each review on a later day than the card\'s previous one, with the reviews before it', () => {
    const histories = [h([3, 0], [3, 0], [3, 2], [1, 4]), h([4, 0]), h([1, 0], [3, 1])];
    expect(trainingReviewCount(histories)).toBe(3);
    expect(trainingItems(histories)).toEqual([h([3, 0], [3, 0], [3, 2]), h([3, 0], [3, 0], [3, 2], [1, 4]), h([1, 0], [3, 1])]);
    // Items past 64 reviews are not built (fsrs-rs leaves them out of training), but still count.
    const long = h(...Array.from({ length: 70 }, (_, index): [Rating, number] => [3, index === 0 ? 0 : 1]));
    expect(trainingReviewCount([long])).toBe(69);
    expect(trainingItems([long]).map((item) => item.length)).toEqual(Array.from({ length: 63 }, (_, index) => index + 2));
  });
});

// Expected values from FSRS-6's published equations in tests/core/fsrs6-log-loss.py
// (no rounding, default weights; then w0 = 0.5, w8 = 1.5, w20 = 0.3), independent of src/.
const HISTORIES = [h([3, 0], [3, 3], [1, 10], [3, 1]), h([1, 0], [3, 0], [3, 2], [4, 5]), h([3, 0])];

describe('log loss', () => {
  it('matches an independent computation of FSRS-6, per review and on average', () => {
    const model = memoryModelFor(defaultWeights());
    const got = predictions(HISTORIES, model);
    expect(got.map((prediction) => prediction.recalled)).toEqual([true, false, true, true, true]);
    const expected = [0.8809479558, 0.9206840826, 0.9311341566, 0.7132530417, 0.8503793254];
    got.forEach((prediction, index) => expect(prediction.recall).toBeCloseTo(expected[index]!, 7));
    expect(logLoss(HISTORIES, model)).toBeCloseTo(0.6464833752, 7);
    const other = defaultWeights();
    other[0] = 0.5;
    other[8] = 1.5;
    other[20] = 0.3;
    expect(logLoss(HISTORIES, memoryModelFor(other))).toBeCloseTo(0.5953490033, 7);
  });

  it('is undefined with nothing to predict, and ln 2 for R = 0.5 either way', () => {
    expect(logLoss([h([3, 0], [3, 0])], memoryModelFor())).toBeUndefined();
    const half = { forgettingCurve: () => 0.5, nextState: () => ({ difficulty: 5, stability: 1 }), passStabilities: () => ({ hard: 1, good: 1, easy: 1 }), nextInterval: () => 1 };
    expect(logLoss([h([3, 0], [1, 1], [3, 2])], half)).toBeCloseTo(Math.LN2, 12);
  });

  it('predicts with the memory the scheduler gives the card before each review', () => {
    const times = ['2026-03-01T09:00:00Z', '2026-03-01T09:01:00Z', '2026-03-01T09:11:00Z', '2026-03-04T10:00:00Z', '2026-03-15T08:00:00Z', '2026-03-15T08:10:00Z', '2026-04-20T08:00:00Z'];
    const ratings: Rating[] = [1, 3, 3, 3, 1, 3, 2];
    const weights = defaultWeights().map((weight, index) => (index === 9 ? 0.3 : weight));
    const scheduler = createScheduler({ weights });
    let card = newCardState(new Date(times[0]!));
    const expected: number[] = [];
    const events = times.map((time, index) => {
      const days = index === 0 ? 0 : Math.floor(Date.parse(time) / 86_400_000) - Math.floor(Date.parse(times[index - 1]!) / 86_400_000);
      if (days > 0) expected.push(memoryModelFor(weights).forgettingCurve(days, card.stability));
      card = scheduler.applyRating(card, ratings[index]!, new Date(time), 'a/x');
      return review(time, 'a/x', ratings[index]!);
    });
    expect(predictions(reviewHistories(events), memoryModelFor(weights)).map((prediction) => prediction.recall)).toEqual(expected);
    expect(expected).toHaveLength(3);
  });
});

describe('comparing the current and the fitted weights', () => {
  const fitted = defaultWeights();
  fitted[0] = 0.5;
  fitted[8] = 1.5;
  fitted[20] = 0.3;

  it('scores each on the history and calls the fitted ones better only when they differ and predict it better', () => {
    const comparison = compareWeights(HISTORIES, defaultWeights(), fitted);
    expect(comparison.reviews).toBe(5);
    expect(comparison.current.logLoss).toBeCloseTo(0.6464833752, 7);
    expect(comparison.fitted.logLoss).toBeCloseTo(0.5953490033, 7);
    expect(comparison.better).toBe(true);
    expect(compareWeights(HISTORIES, fitted, defaultWeights()).better).toBe(false);
    expect(compareWeights(HISTORIES, fitted, [...fitted]).better).toBe(false);
  });

  it('rounds the optimizer\'s 32-bit weights to 6 decimals, as they are stored', () => {
    expect(roundWeights([0.1653040200471878, 1.0082764625549316, 0.0010000000474974513])).toEqual([0.165304, 1.008276, 0.001]);
  });
});
