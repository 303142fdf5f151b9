import { createEmptyCard, get_fuzz_range, State, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fuzzFraction } from '../../src/core/fsrs-step.js';
import { createScheduler, newCardState, type CardState, type Rating } from '../../src/core/schedule.js';
import { lcg, tsFsrsEngine } from './helpers.js';

// scheduler.applyRating takes the fast step (src/core/fsrs-step.ts). Without fuzz it must give
// exactly ts-fsrs's card for every rating, phase, gap and setting a learner can meet; with fuzz, the
// same memory and an interval inside ts-fsrs's fuzz range, drawn reproducibly from card and review.

const MINUTE = 60_000;
const DAY = 86_400_000;

function gap(next: () => number, due: Date, lastReview: Date | undefined): number {
  const pick = next();
  if (pick < 0.1) return 0;
  if (pick < 0.2) return Math.floor(next() * 59_000);
  if (pick < 0.4) return Math.floor(next() * 30) * MINUTE;
  if (pick < 0.5) return Math.floor(next() * 23 * 60) * MINUTE;
  if (pick < 0.75) return Math.max(0, due.getTime() - (lastReview?.getTime() ?? due.getTime())) + Math.floor(next() * 3) * DAY;
  return Math.floor(next() * 400) * DAY + Math.floor(next() * DAY);
}

function randomRating(next: () => number): Rating {
  return (next() < 0.15 ? 1 : next() < 0.2 ? 2 : next() < 0.85 ? 3 : 4) as Rating;
}

const PHASE = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

describe('the fast FSRS step', () => {
  it.each([0.9, 0.8, 0.97, 0.7])('equals ts-fsrs without fuzz on 400 random histories (retention %s)', (desiredRetention) => {
    const scheduler = createScheduler({ desiredRetention, fuzz: false });
    const engine = tsFsrsEngine();
    engine.parameters = { ...engine.parameters, request_retention: desiredRetention };
    const next = lcg(Math.round(desiredRetention * 1000));
    let compared = 0;
    for (let history = 0; history < 400; history++) {
      let now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY));
      let ours = newCardState(now);
      let theirs: Card = createEmptyCard(now);
      for (let review = 0; review < 30; review++) {
        const rating = randomRating(next);
        ours = scheduler.applyRating(ours, rating, now, `topic/card-${history}`);
        theirs = engine.next(theirs, now, rating as Grade).card;
        expect(ours.due).toEqual(theirs.due);
        expect([ours.stability, ours.difficulty, ours.reps, ours.lapses, ours.learningStep, ours.scheduledDays]).toEqual([
          theirs.stability,
          theirs.difficulty,
          theirs.reps,
          theirs.lapses,
          theirs.learning_steps,
          theirs.scheduled_days,
        ]);
        expect(PHASE[ours.state]).toBe(theirs.state);
        compared++;
        now = new Date(now.getTime() + gap(next, ours.due, ours.lastReview));
      }
    }
    expect(compared).toBe(12_000);
  });

  it.each([0.9, 0.8])('with fuzz: the same memory, and an interval inside ts-fsrs\'s fuzz range (retention %s)', (desiredRetention) => {
    const fuzzed = createScheduler({ desiredRetention });
    const exact = createScheduler({ desiredRetention, fuzz: false });
    const next = lcg(Math.round(desiredRetention * 1000) + 1);
    let moved = 0;
    for (let history = 0; history < 300; history++) {
      const cardId = `topic/card-${history}`;
      let now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY));
      let card: CardState = newCardState(now);
      for (let review = 0; review < 20; review++) {
        const rating = randomRating(next);
        const withFuzz = fuzzed.applyRating(card, rating, now, cardId);
        const without = exact.applyRating(card, rating, now, cardId);
        expect({ ...withFuzz, due: 0, scheduledDays: 0 }).toEqual({ ...without, due: 0, scheduledDays: 0 });
        if (withFuzz.state === 'review' && without.scheduledDays >= 3 && card.state === 'review' && rating !== 1) {
          // Hard, Good and Easy are fuzzed and then kept in order, which may add a day beyond the range.
          const elapsed = Math.floor(now.getTime() / DAY) - Math.floor((card.lastReview ?? now).getTime() / DAY);
          const { min_ivl: min, max_ivl: max } = get_fuzz_range(without.scheduledDays, elapsed, 36500);
          expect(withFuzz.scheduledDays).toBeGreaterThanOrEqual(min - 1);
          expect(withFuzz.scheduledDays).toBeLessThanOrEqual(max + 2);
        } else if (without.scheduledDays < 3) {
          expect(withFuzz.scheduledDays).toBe(without.scheduledDays);
        }
        expect(withFuzz.due.getTime()).toBe(now.getTime() + (withFuzz.state === 'review' && withFuzz.scheduledDays > 0 ? withFuzz.scheduledDays * DAY : withFuzz.due.getTime() - now.getTime()));
        if (withFuzz.scheduledDays !== without.scheduledDays) moved++;
        card = withFuzz;
        now = new Date(now.getTime() + gap(next, card.due, card.lastReview));
      }
    }
    expect(moved).toBeGreaterThan(300);
  });

  it('previews exactly what answering does (nextStates is the step for each rating)', () => {
    const scheduler = createScheduler();
    const next = lcg(5);
    for (let history = 0; history < 50; history++) {
      let now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY));
      let card = newCardState(now);
      for (let review = 0; review < 15; review++) {
        const rating = randomRating(next);
        const preview = scheduler.nextStates(card, now, 'nlp/x');
        card = scheduler.applyRating(card, rating, now, 'nlp/x');
        expect(preview[rating].card).toEqual(card);
        expect(preview[rating].intervalMs).toBe(card.due.getTime() - now.getTime());
        now = new Date(now.getTime() + gap(next, card.due, card.lastReview));
      }
    }
  });

  it('leaves the card it was given unchanged', () => {
    const scheduler = createScheduler();
    const now = new Date('2026-03-01T09:00:00Z');
    const card = scheduler.applyRating(newCardState(now), 3, now, 'optics/lens');
    const copy = structuredClone(card);
    scheduler.applyRating(card, 1, new Date(now.getTime() + 10 * MINUTE), 'optics/lens');
    expect(card).toEqual(copy);
  });
});

describe('fuzzFraction', () => {
  it('is reproducible, and changes with the card id, the time, the count and the memory', () => {
    const base = fuzzFraction('rnn/gates', 1_772_354_969_543, 7, 12.5);
    expect(fuzzFraction('rnn/gates', 1_772_354_969_543, 7, 12.5)).toBe(base);
    for (const other of [
      fuzzFraction('rnn/gate', 1_772_354_969_543, 7, 12.5),
      fuzzFraction('rnn/gates', 1_772_354_969_544, 7, 12.5),
      fuzzFraction('rnn/gates', 1_772_354_969_543, 8, 12.5),
      fuzzFraction('rnn/gates', 1_772_354_969_543, 7, 12.500000001),
    ]) {
      expect(other).not.toBe(base);
    }
  });

  it('is spread evenly over [0, 1): each tenth gets 10% ± 1% of 20,000 draws', () => {
    const tenths = Array.from({ length: 10 }, () => 0);
    for (let n = 0; n < 20_000; n++) {
      const fraction = fuzzFraction(`topic/card-${n % 97}`, Date.UTC(2026, 0, 1) + n * 61_000, n % 13, (n % 7) * 1.25);
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThan(1);
      tenths[Math.floor(fraction * 10)]!++;
    }
    for (const count of tenths) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('spreads cards learnt together: 50 cards answered Good at the same times get many due dates', () => {
    const scheduler = createScheduler();
    const times = [0, 10 * MINUTE, 1 * DAY, 4 * DAY, 15 * DAY, 45 * DAY].map((offset) => new Date(Date.UTC(2026, 0, 1, 9) + offset));
    const dues = new Set<number>();
    for (let n = 0; n < 50; n++) {
      let card = newCardState(times[0]!);
      for (const time of times) card = scheduler.applyRating(card, 3, time, `attention/card-${n}`);
      dues.add(card.due.getTime());
    }
    expect(dues.size).toBeGreaterThanOrEqual(10);
  });
});
