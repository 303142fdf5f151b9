import { createEmptyCard, State, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createScheduler, newCardState, type CardState, type Rating } from '../../src/core/schedule.js';
import { lcg, tsFsrsEngine } from './helpers.js';

// scheduler.applyRating takes the fast step (src/core/fsrs-step.ts); scheduler.nextStates still asks
// ts-fsrs itself (FSRS.repeat, the same scheduler as FSRS.next). Both must give the same card, for
// every rating, phase, gap and setting a learner can meet.

const MINUTE = 60_000;
const DAY = 86_400_000;

function gap(next: () => number, card: CardState): number {
  const pick = next();
  if (pick < 0.1) return 0;
  if (pick < 0.2) return Math.floor(next() * 59_000);
  if (pick < 0.4) return Math.floor(next() * 30) * MINUTE;
  if (pick < 0.5) return Math.floor(next() * 23 * 60) * MINUTE;
  if (pick < 0.75) return Math.max(0, card.due.getTime() - (card.lastReview?.getTime() ?? card.due.getTime())) + Math.floor(next() * 3) * DAY;
  return Math.floor(next() * 400) * DAY + Math.floor(next() * DAY);
}

describe('the fast FSRS step', () => {
  it.each([
    [0.9, true],
    [0.9, false],
    [0.8, true],
    [0.97, true],
    [0.7, false],
  ])('equals ts-fsrs on 400 random histories (retention %s, fuzz %s)', (desiredRetention, fuzz) => {
    const scheduler = createScheduler({ desiredRetention, fuzz });
    const next = lcg(Math.round(desiredRetention * 1000) + (fuzz ? 1 : 0));
    let compared = 0;
    for (let history = 0; history < 400; history++) {
      const cardId = `topic/card-${history}`;
      let now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY));
      let card = newCardState(now);
      for (let review = 0; review < 30; review++) {
        const rating = (next() < 0.15 ? 1 : next() < 0.2 ? 2 : next() < 0.85 ? 3 : 4) as Rating;
        const expected = scheduler.nextStates(card, now, cardId)[rating].card;
        const actual = scheduler.applyRating(card, rating, now, cardId);
        expect(actual).toEqual(expected);
        compared++;
        card = actual;
        now = new Date(now.getTime() + gap(next, card));
      }
    }
    expect(compared).toBe(12_000);
  });

  it('leaves the card it was given unchanged', () => {
    const scheduler = createScheduler();
    const now = new Date('2026-03-01T09:00:00Z');
    const card = scheduler.applyRating(newCardState(now), 3, now, 'optics/lens');
    const copy = structuredClone(card);
    scheduler.applyRating(card, 1, new Date(now.getTime() + 10 * MINUTE), 'optics/lens');
    expect(card).toEqual(copy);
  });

  // The fuzz is ts-fsrs's own, with its own seed (review time, review count, memory) after the card
  // id: checked against a ts-fsrs engine set up here, not through schedule.ts.
  it("fuzzes as ts-fsrs does with the card id before ts-fsrs's own seed", () => {
    const scheduler = createScheduler();
    const next = lcg(7);
    let compared = 0;
    for (let history = 0; history < 50; history++) {
      const cardId = `nlp/card-${history}`;
      const engine = tsFsrsEngine(cardId);
      let now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY));
      let ours = newCardState(now);
      let theirs: Card = createEmptyCard(now);
      for (let review = 0; review < 12; review++) {
        const rating = (next() < 0.1 ? 1 : next() < 0.85 ? 3 : 4) as Rating;
        ours = scheduler.applyRating(ours, rating, now, cardId);
        theirs = engine.next(theirs, now, rating as Grade).card;
        expect(ours.due).toEqual(theirs.due);
        expect(ours.stability).toBe(theirs.stability);
        if (theirs.state === State.Review && theirs.scheduled_days >= 3) compared++;
        now = new Date(Math.max(now.getTime(), ours.due.getTime()) + Math.floor(next() * 3) * DAY);
      }
    }
    expect(compared).toBeGreaterThan(200); // most of it in the review phase, where the fuzz applies
  });
});
