/**
 * The state of one card, as scheduling (schedule.ts) and its fast step (fsrs-step.ts) both speak it:
 * its own module, so that neither imports the other for its types.
 */

/** 1 Again, 2 Hard, 3 Good, 4 Easy: Anki's and FSRS's four buttons. */
export type Rating = 1 | 2 | 3 | 4;

/**
 * Where a card is in its life: never seen, in the short learning steps, in long-term review, or
 * relearning after a lapse.
 */
export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';

/** The memory and schedule of one card: what replaying its reviews yields. */
export interface CardState {
  /** When the card should next be shown. */
  due: Date;
  /** FSRS stability S in days: the interval after which recall probability falls to 90%. 0 for a new card. */
  stability: number;
  /** FSRS difficulty D in [1, 10] (10 hardest). 0 for a new card. */
  difficulty: number;
  /** Scheduled reviews so far (cram reviews excluded). */
  reps: number;
  /** Times the card was forgotten in review (Again on a review-phase card). */
  lapses: number;
  state: CardPhase;
  /** Index of the current (re)learning step; 0 outside the steps. ts-fsrs needs it to pick the next step. */
  learningStep: number;
  /** Whole days from the last review to `due`; 0 while in (re)learning steps. */
  scheduledDays: number;
  lastReview?: Date;
}
