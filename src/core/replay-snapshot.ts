import type { CardRecord, IgnoredEvent, ReplayResult } from './replay.js';
import { ReviewLog, type StoredReviews } from './review-log.js';
import type { CardState } from './schedule.js';

/**
 * A replay result as plain JSON (dates as epoch milliseconds), so a long history need not be
 * replayed through the scheduler on every start (DESIGN §3: "a derived snapshot may be cached").
 * It is only ever a copy of what `replay` returns for the same log and scheduler settings.
 */
type StoredCard = Omit<CardState, 'due' | 'lastReview'> & { due: number; lastReview?: number };
type StoredRecord = Omit<CardRecord, 'schedule'> & { schedule: StoredCard };
export interface ReplaySnapshot {
  cards: StoredRecord[];
  /** ReviewLog's own list and card ids (review-log.ts). */
  reviews: StoredReviews;
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
    reviews: result.reviews.stored(),
    ignored: result.ignored,
  };
  if (result.lastReviewId !== undefined) snapshot.lastReviewId = result.lastReviewId;
  return snapshot;
}

export function fromSnapshot(snapshot: ReplaySnapshot): ReplayResult {
  const result: ReplayResult = {
    cards: new Map(snapshot.cards.map((record) => [record.id, { ...record, schedule: restoreCard(record.schedule) }])),
    reviews: new ReviewLog(snapshot.reviews),
    ignored: snapshot.ignored,
  };
  if (snapshot.lastReviewId !== undefined) result.lastReviewId = snapshot.lastReviewId;
  return result;
}
