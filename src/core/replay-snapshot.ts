import type { CardRecord, IgnoredEvent, ReplayResult, ReviewEntry } from './replay.js';
import type { CardPhase, CardState, Rating } from './schedule.js';

/**
 * A replay result as plain JSON (dates as epoch milliseconds), so a long history need not be
 * replayed through the scheduler on every start (DESIGN §3: "a derived snapshot may be cached").
 * It is only ever a copy of what `replay` returns for the same log and scheduler settings.
 */
type StoredCard = Omit<CardState, 'due' | 'lastReview'> & { due: number; lastReview?: number };
type StoredRecord = Omit<CardRecord, 'schedule'> & { schedule: StoredCard };
/**
 * A review entry as a row: [card (index in `reviewCards`), at, rating, flags (1 correct, 2 cram),
 * phase before, phase after (indices in PHASES), ms if known]. A long history keeps ~10,000 entries
 * and every warm start reads them: as objects with named fields they were 1.7 MB of JSON, as rows
 * under 0.4 MB.
 */
type StoredReview = [card: number, at: number, rating: Rating, flags: number, before: number, after: number, ms?: number];
const PHASES: readonly CardPhase[] = ['new', 'learning', 'review', 'relearning'];
const CORRECT = 1;
const CRAM = 2;

export interface ReplaySnapshot {
  cards: StoredRecord[];
  reviewCards: string[];
  reviews: StoredReview[];
  lastReviewId?: string;
  ignored: IgnoredEvent[];
}

function storeCard(card: CardState): StoredCard {
  const { due, lastReview, ...rest } = card;
  return lastReview ? { ...rest, due: due.getTime(), lastReview: lastReview.getTime() } : { ...rest, due: due.getTime() };
}

function restoreCard(card: StoredCard): CardState {
  const { due, lastReview, ...rest } = card;
  return lastReview === undefined ? { ...rest, due: new Date(due) } : { ...rest, due: new Date(due), lastReview: new Date(lastReview) };
}

export function toSnapshot(result: ReplayResult): ReplaySnapshot {
  const snapshot: ReplaySnapshot = {
    cards: [...result.cards.values()].map((record) => ({ ...record, schedule: storeCard(record.schedule) })),
    reviewCards: [],
    reviews: [],
    ignored: result.ignored,
  };
  const cardIndex = new Map<string, number>();
  for (const review of result.reviews) {
    let card = cardIndex.get(review.card);
    if (card === undefined) {
      card = snapshot.reviewCards.push(review.card) - 1;
      cardIndex.set(review.card, card);
    }
    const flags = (review.correct ? CORRECT : 0) | (review.cram ? CRAM : 0);
    const row: StoredReview = [card, review.at.getTime(), review.rating, flags, PHASES.indexOf(review.phaseBefore), PHASES.indexOf(review.phaseAfter)];
    if (review.ms !== undefined) row.push(review.ms);
    snapshot.reviews.push(row);
  }
  if (result.lastReviewId !== undefined) snapshot.lastReviewId = result.lastReviewId;
  return snapshot;
}

export function fromSnapshot(snapshot: ReplaySnapshot): ReplayResult {
  const result: ReplayResult = {
    cards: new Map(snapshot.cards.map((record) => [record.id, { ...record, schedule: restoreCard(record.schedule) }])),
    reviews: snapshot.reviews.map(([card, at, rating, flags, before, after, ms]) => {
      const review: ReviewEntry = {
        card: snapshot.reviewCards[card]!,
        at: new Date(at),
        rating,
        correct: (flags & CORRECT) !== 0,
        cram: (flags & CRAM) !== 0,
        phaseBefore: PHASES[before]!,
        phaseAfter: PHASES[after]!,
      };
      if (ms !== undefined) review.ms = ms;
      return review;
    }),
    ignored: snapshot.ignored,
  };
  if (snapshot.lastReviewId !== undefined) result.lastReviewId = snapshot.lastReviewId;
  return result;
}
