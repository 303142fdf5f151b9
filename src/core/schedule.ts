/**
 * Spaced-repetition scheduling: the one wrapper around ts-fsrs (FSRS-6: its default weights, or the
 * learner's own from `ml-tutor optimize`).
 *
 * ts-fsrs speaks snake_case cards with numeric enums; everything outside this file sees our own
 * camelCase `CardState`. Time is always an argument (`now`), never read from the clock, and fuzz is
 * deterministic: drawn from the card's id and the review (fsrs-step.ts `fuzzFraction`), so replaying
 * the same events gives the same dates as live scheduling did, and a simulated clock (ML_TUTOR_NOW)
 * the same dates as the real one.
 */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  get_fuzz_range,
  State as FsrsState,
  type Card as FsrsCard,
  type FSRS,
} from 'ts-fsrs';
import { UserError } from './errors.js';
import { fsrsMemoryModel, type FsrsMemoryModel } from './fsrs-memory.js';
import { cardMemory, fsrsStep, stepMemory, type CardMemory, type FsrsFormulas } from './fsrs-step.js';

export type { CardPhase, CardState, Rating } from './card-state.js';
export type { CardMemory } from './fsrs-step.js';
export { localDayNumber, localDayReader, offsetReader, startOfLocalDay, type UtcOffset } from './local-day.js';
import type { CardPhase, CardState, Rating } from './card-state.js';

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export interface SchedulerOptions {
  /** Target probability of recall when a card comes due, in (0, 1); config's desired retention. Default 0.9. */
  desiredRetention?: number;
  /** Spread review intervals by a few percent so cards learnt together do not stay together. Default true. */
  fuzz?: boolean;
  /** FSRS-6's 21 weights (the learner's, fitted by `ml-tutor optimize`). Default: FSRS-6's defaults. */
  weights?: readonly number[] | undefined;
}

/** One possible outcome of answering a card now: what each rating button would do. */
export interface NextState {
  rating: Rating;
  card: CardState;
  due: Date;
  /** due − now in milliseconds. */
  intervalMs: number;
  /** due − now in days, fractional for learning steps (10 minutes ≈ 0.00694). */
  intervalDays: number;
}

export interface Scheduler {
  readonly desiredRetention: number;
  readonly fuzz: boolean;
  /** The 21 weights scheduling uses: the ones asked for, clipped to FSRS-6's ranges as ts-fsrs clips them. */
  readonly weights: readonly number[];
  /**
   * What Again, Hard, Good and Easy would each do to `card` if answered at `now` (Anki's button
   * preview). `cardId` seeds the fuzz.
   */
  nextStates(card: CardState, now: Date, cardId: string): Record<Rating, NextState>;
  /** The card after being answered with `rating` at `now`; `cardId` seeds the fuzz. */
  applyRating(card: CardState, rating: Rating, now: Date, cardId: string): CardState;
  /** applyRating of a card's memory (fsrs-step.ts CardMemory) at `time`, epoch ms; `before` is unchanged. */
  stateAfter(before: CardMemory, rating: Rating, time: number, cardId: string): CardState;
  /**
   * applyRating in place and without the due date (what a replay needs of every review but the
   * last): `card` becomes the memory of the state applyRating would give.
   */
  stepMemory(card: CardMemory, rating: Rating, time: number): void;
  /** Probability in [0, 1] that the card is recalled at `now` (0 for a new card). */
  retrievability(card: CardState, now: Date): number;
}

export const DEFAULT_DESIRED_RETENTION = 0.9;
/** Issue 4: learning steps 1m 10m, relearning 10m (Anki's defaults). */
export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;

const MS_PER_DAY = 86_400_000;

const PHASE_OF: Record<FsrsState, CardPhase> = {
  [FsrsState.New]: 'new',
  [FsrsState.Learning]: 'learning',
  [FsrsState.Review]: 'review',
  [FsrsState.Relearning]: 'relearning',
};

function fsrsStateOf(phase: CardPhase): FsrsState {
  switch (phase) {
    case 'new':
      return FsrsState.New;
    case 'learning':
      return FsrsState.Learning;
    case 'review':
      return FsrsState.Review;
    case 'relearning':
      return FsrsState.Relearning;
  }
}

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

function assertRating(rating: unknown): asserts rating is Rating {
  if (!isRating(rating)) throw new RangeError(`Invalid rating: ${String(rating)} (expected 1, 2, 3 or 4)`);
}

function assertDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`Invalid ${what}: ${String(value)}`);
  }
}

function toFsrsCard(card: CardState): FsrsCard {
  const converted: FsrsCard = {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs 5 and only copied into logs; the scheduler recomputes it from last_review.
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningStep,
    reps: card.reps,
    lapses: card.lapses,
    state: fsrsStateOf(card.state),
  };
  if (card.lastReview) converted.last_review = new Date(card.lastReview);
  return converted;
}

function fromFsrsCard(card: FsrsCard): CardState {
  const converted: CardState = {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    state: PHASE_OF[card.state],
    learningStep: card.learning_steps,
    scheduledDays: card.scheduled_days,
  };
  if (card.last_review) converted.lastReview = new Date(card.last_review);
  return converted;
}

/** A learning step ("1m", "10m", "1h", "1d") in minutes. */
function stepMinutes(step: string): number {
  const value = Number.parseInt(step, 10);
  return value * ({ m: 1, h: 60, d: 1440 } as Record<string, number>)[step.slice(-1)]!;
}

/** A card nobody has answered yet (due at `now`, no memory). */
export function newCardState(now: Date): CardState {
  assertDate(now, 'date');
  return fromFsrsCard(createEmptyCard(now));
}

/** A ts-fsrs engine with our steps and short-term memory on, for a desired retention and weights. */
function fsrsEngine(desiredRetention: number, weights: readonly number[] | undefined): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: desiredRetention,
      // The fuzz is applied by fsrsStep (fuzzFraction), within ts-fsrs's own range.
      enable_fuzz: false,
      enable_short_term: true,
      learning_steps: [...LEARNING_STEPS],
      relearning_steps: [...RELEARNING_STEPS],
      ...(weights ? { w: [...weights] } : {}),
    }),
  );
}

/** ts-fsrs's own formulas with an engine's weights and interval modifier (fsrs-memory.ts). */
function memoryModelOf(engine: FSRS): FsrsMemoryModel {
  return fsrsMemoryModel(engine.parameters.w, engine.interval_modifier, engine.parameters.maximum_interval);
}

/**
 * FSRS-6's memory model with `weights` (default: FSRS-6's), clipped as the scheduler clips them:
 * what `ml-tutor optimize` scores a set of weights with, so the score is that of the schedule they give.
 */
export function memoryModelFor(weights?: readonly number[]): FsrsMemoryModel {
  return memoryModelOf(fsrsEngine(DEFAULT_DESIRED_RETENTION, weights));
}

/** FSRS-6's default weights (what scheduling uses until `ml-tutor optimize` stores the learner's own). */
export function defaultWeights(): number[] {
  return [...fsrsEngine(DEFAULT_DESIRED_RETENTION, undefined).parameters.w];
}

/**
 * Builds a scheduler. Throws a UserError for a desired retention outside (0, 1), since the value
 * comes from the learner's config.
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const desiredRetention = options.desiredRetention ?? DEFAULT_DESIRED_RETENTION;
  const fuzz = options.fuzz ?? true;
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new UserError((t) => t.retentionRange(desiredRetention));
  }
  const engine = fsrsEngine(desiredRetention, options.weights);
  // ts-fsrs's own formulas with its weights and interval modifier, without its per-call overhead
  // (fsrs-memory.ts; held to ts-fsrs exactly by tests/core/fsrs-step.test.ts).
  const memory = memoryModelOf(engine);
  const formulas: FsrsFormulas = {
    ...memory,
    fuzzRange: (interval, elapsedDays) => get_fuzz_range(interval, elapsedDays, engine.parameters.maximum_interval),
  };

  const steps = { learningMinutes: LEARNING_STEPS.map(stepMinutes), relearningMinutes: RELEARNING_STEPS.map(stepMinutes), fuzz };
  const outcome = (now: Date, rating: Rating, card: CardState): NextState => {
    const intervalMs = card.due.getTime() - now.getTime();
    return { rating, card, due: card.due, intervalMs, intervalDays: intervalMs / MS_PER_DAY };
  };

  return {
    desiredRetention,
    fuzz,
    weights: [...engine.parameters.w],
    nextStates(card, now, cardId) {
      assertDate(now, 'review time');
      // The preview is the step itself, so what a button promises is what answering does.
      const before = cardMemory(card);
      const step = (rating: Rating): NextState => outcome(now, rating, fsrsStep(formulas, steps, before, rating, now.getTime(), cardId));
      return { 1: step(1), 2: step(2), 3: step(3), 4: step(4) };
    },
    applyRating(card, rating, now, cardId) {
      assertRating(rating);
      assertDate(now, 'review time');
      // ts-fsrs's engine.next(card, now, rating) without fuzz, ~15x faster (see fsrs-step.ts): a long
      // history is replayed one review at a time on every cold start.
      return fsrsStep(formulas, steps, cardMemory(card), rating, now.getTime(), cardId);
    },
    stateAfter(before, rating, time, cardId) {
      return fsrsStep(formulas, steps, before, rating, time, cardId);
    },
    stepMemory(card, rating, time) {
      stepMemory(formulas, steps, card, rating, time);
    },
    retrievability(card, now) {
      assertDate(now, 'date');
      if (card.state === 'new') return 0;
      return engine.get_retrievability(toFsrsCard(card), now, false);
    },
  };
}
