/**
 * What `ml-tutor optimize` needs of the log, pure: each card's reviews as FSRS reads them, what the
 * optimizer trains on, and how well a set of weights predicts the learner's answers (log loss).
 *
 * A card's history is its scheduled reviews in replay order (cram practice and undone reviews left
 * out), cut where a reset makes it new again: each piece is a history of its own, as the scheduler
 * sees it. A review's `days` are those the scheduler counts (whole UTC days since the card's
 * previous review, as ts-fsrs does), so the weights are fitted to the very numbers they schedule with.
 */
import { foldLogEvents, type LogFold } from './event-log.js';
import type { ProgressEvent } from './events.js';
import type { FsrsMemoryModel, Memory } from './fsrs-memory.js';
import { utcDaysBetween } from './fsrs-step.js';
import { inResetScope, topicOfCardId } from './replay.js';
import { isRating, memoryModelFor, type Rating } from './schedule.js';

/** One review of a card's history: its rating and the days since the card's previous review (0 for the first). */
export interface HistoryReview {
  rating: Rating;
  days: number;
}

/**
 * Fewer reviews on a later day than this and fsrs-rs (the optimizer behind the binding) does not
 * train the weights: it returns FSRS-6's defaults, or fits only the four initial stabilities
 * (fsrs-rs src/training.rs, compute_parameters: `train_set.len() < 64`).
 */
export const MIN_TRAINING_REVIEWS = 64;

/**
 * fsrs-rs trains on items of at most 64 reviews and leaves longer ones out (TrainingConfig
 * max_seq_len), so they are not built: a card reviewed hundreds of times would otherwise cost
 * hundreds of long items.
 */
export const MAX_ITEM_REVIEWS = 64;

/** Every card's histories (see the file's comment), from the log's events in any order. */
export function reviewHistories(events: readonly ProgressEvent[], topicOf: (cardId: string) => string = topicOfCardId): HistoryReview[][] {
  return foldLogEvents(events, historyFold(topicOf));
}

function historyFold(topicOf: (cardId: string) => string): LogFold<HistoryReview[][]> {
  const finished: HistoryReview[][] = [];
  const open = new Map<string, { reviews: HistoryReview[]; last: Date }>();
  const add = (event: ProgressEvent, time: number): void => {
    if (event.type === 'reset') {
      for (const [card, history] of open) {
        if (!inResetScope(event.scope, card, topicOf)) continue;
        finished.push(history.reviews);
        open.delete(card);
      }
      return;
    }
    if (event.type !== 'review' || event.cram === true || !isRating(event.rating)) return;
    const at = new Date(time);
    const history = open.get(event.card);
    if (history) {
      history.reviews.push({ rating: event.rating, days: utcDaysBetween(history.last, at) });
      history.last = at;
    } else {
      open.set(event.card, { reviews: [{ rating: event.rating, days: 0 }], last: at });
    }
  };
  return { add, value: () => [...finished, ...[...open.values()].map((history) => history.reviews)] };
}

/** Whether the review at `index` of a history is one FSRS predicts: it has a previous review, on an earlier day. */
function predicted(history: readonly HistoryReview[], index: number): boolean {
  return index > 0 && history[index]!.days > 0;
}

/** How many reviews the optimizer can learn from: those on a later day than the card's previous one. */
export function trainingReviewCount(histories: readonly (readonly HistoryReview[])[]): number {
  let count = 0;
  for (const history of histories) for (let index = 1; index < history.length; index++) if (predicted(history, index)) count++;
  return count;
}

/**
 * The optimizer's training items (fsrs-rs FSRSItem): for each review it can learn from, the card's
 * reviews up to and including it, the first with 0 days. Items longer than MAX_ITEM_REVIEWS are left out.
 */
export function trainingItems(histories: readonly (readonly HistoryReview[])[]): HistoryReview[][] {
  const items: HistoryReview[][] = [];
  for (const history of histories) {
    for (let index = 1; index < Math.min(history.length, MAX_ITEM_REVIEWS); index++) {
      if (predicted(history, index)) items.push(history.slice(0, index + 1));
    }
  }
  return items;
}

/** One prediction: the recall probability R the model gave a review, and whether it was recalled (rating > 1). */
export interface Prediction {
  recall: number;
  recalled: boolean;
}

/**
 * The model's prediction for every review it can learn from: R from the forgetting curve at the
 * review's days, with the memory (difficulty, stability) the card's earlier reviews left, each
 * applied with FSRS-6's update as the scheduler applies it (same-day reviews included).
 */
export function predictions(histories: readonly (readonly HistoryReview[])[], model: FsrsMemoryModel): Prediction[] {
  const out: Prediction[] = [];
  for (const history of histories) {
    let memory: Memory = { difficulty: 0, stability: 0 };
    history.forEach((review, index) => {
      if (predicted(history, index)) out.push({ recall: model.forgettingCurve(review.days, memory.stability), recalled: review.rating > 1 });
      memory = model.nextState(memory, review.days, review.rating);
    });
  }
  return out;
}

/** R is kept this far from 0 and 1, so one confident miss costs at most ln(10⁸) ≈ 18.4 (R is rounded to 8 decimals). */
const RECALL_EPSILON = 1e-8;

/**
 * The log loss (binary cross-entropy) of a model on the learner's history, the measure the FSRS
 * optimizer minimizes and the FSRS benchmark ranks models by (open-spaced-repetition/srs-benchmark,
 * "Log Loss"; fsrs-rs src/training.rs BCELoss): the mean over the reviews it can learn from of
 * −[y·ln R + (1 − y)·ln(1 − R)], y = 1 when the card was recalled (rated Hard, Good or Easy). Lower
 * is better; always guessing R = 0.5 scores ln 2 ≈ 0.693. Undefined with no such review.
 */
export function logLoss(histories: readonly (readonly HistoryReview[])[], model: FsrsMemoryModel): number | undefined {
  const all = predictions(histories, model);
  if (all.length === 0) return undefined;
  let sum = 0;
  for (const { recall, recalled } of all) {
    const r = Math.min(Math.max(recall, RECALL_EPSILON), 1 - RECALL_EPSILON);
    sum -= recalled ? Math.log(r) : Math.log(1 - r);
  }
  return sum / all.length;
}

/** A set of weights and how well it predicts the history (logLoss). */
export interface ScoredWeights {
  weights: number[];
  logLoss: number;
}

export interface WeightsComparison {
  /** The reviews the loss is averaged over (trainingReviewCount). */
  reviews: number;
  current: ScoredWeights;
  fitted: ScoredWeights;
  /** The fitted weights differ and predict the history better: worth storing. */
  better: boolean;
}

/**
 * The optimizer's weights as they are stored: rounded to 6 decimals (it computes in 32-bit floats,
 * good to about 7 digits), so what is scored is exactly what is saved.
 */
export function roundWeights(weights: readonly number[]): number[] {
  return weights.map((weight) => Math.round(weight * 1e6) / 1e6);
}

/** The current and the fitted weights, each scored on the histories with the model the scheduler would use. */
export function compareWeights(histories: readonly (readonly HistoryReview[])[], current: readonly number[], fitted: readonly number[]): WeightsComparison {
  const score = (weights: readonly number[]): ScoredWeights => ({ weights: [...weights], logLoss: logLoss(histories, memoryModelFor(weights)) ?? Number.NaN });
  const before = score(current);
  const after = score(fitted);
  const differ = fitted.some((weight, index) => weight !== current[index]);
  return { reviews: trainingReviewCount(histories), current: before, fitted: after, better: differ && after.logLoss < before.logLoss };
}
