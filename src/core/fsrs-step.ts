/**
 * One FSRS review step, as ts-fsrs's `FSRS.next(card, now, grade)` computes it with short-term
 * learning steps on (its BasicScheduler), but without what that call builds each time: a scheduler
 * object, four converted copies of the card and all four outcomes with their fuzz. Replaying a long
 * history calls this once per review, and the per-call building cost ~15 µs of ~17 (measured on
 * 200,000 reviews); this costs ~1 µs.
 *
 * The formulas are FSRS-6's as ts-fsrs computes them, bit for bit (fsrs-memory.ts), with ts-fsrs's own
 * fuzz range. Written here: the choice between learning steps and a review interval, following
 * ts-fsrs 5.4 (`BasicScheduler`, `BasicLearningStepsStrategy`), and where in the fuzz range an
 * interval lands (see fuzzFraction).
 * tests/core/fsrs-step.test.ts replays thousands of random histories through both and requires
 * identical cards without fuzz, and with fuzz the same memory and an interval in ts-fsrs's range.
 */
import type { CardPhase, CardState, Rating } from './card-state.js';
import type { FsrsMemoryModel } from './fsrs-memory.js';

/** FSRS's formulas for one set of weights (fsrs-memory.ts), and the fuzz range of an interval (ts-fsrs's get_fuzz_range). */
export interface FsrsFormulas extends FsrsMemoryModel {
  /** The days a fuzzed interval may take. */
  fuzzRange(interval: number, elapsedDays: number): { min_ivl: number; max_ivl: number };
}

export interface StepSettings {
  /** Learning and relearning steps in minutes (1m 10m → [1, 10]). */
  learningMinutes: readonly number[];
  relearningMinutes: readonly number[];
  /** Spread review intervals a little (Anki's fuzz), so cards learnt together do not stay together. */
  fuzz: boolean;
}

/**
 * Where in its fuzz range one review's interval lands: a number in [0, 1) that depends on the card's
 * id and the review (its time, the review count after it, difficulty × stability before it), and on
 * nothing else, so a replay, a simulated clock and live scheduling give the same dates. The card's id
 * is what keeps cards learnt together (same times, same answers) from keeping the same due dates.
 *
 * ts-fsrs draws this number from its Alea generator seeded with a string; building both for each
 * interval was 2.6 s of a cold start on 200,000 reviews. This hashes the same inputs instead: FNV-1a
 * over the id, then each number's 32-bit words mixed in with MurmurHash3's block step and finished
 * with its finalizer (Austin Appleby, MurmurHash3, public domain), which spreads any input change
 * over all 32 bits.
 */
export function fuzzFraction(cardId: string, time: number, reps: number, memory: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < cardId.length; index++) hash = Math.imul(hash ^ cardId.charCodeAt(index), 0x01000193);
  NUMBER[0] = memory;
  for (const word of [time >>> 0, Math.floor(time / 2 ** 32) >>> 0, reps >>> 0, WORDS[0]!, WORDS[1]!]) {
    let block = Math.imul(word, 0xcc9e2d51);
    block = Math.imul((block << 15) | (block >>> 17), 0x1b873593);
    hash ^= block;
    hash = (Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64) | 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/** A double's two 32-bit words, for hashing it exactly. */
const NUMBER = new Float64Array(1);
const WORDS = new Uint32Array(NUMBER.buffer);

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;

/**
 * Whole UTC calendar days from `from` to `to` (ts-fsrs counts elapsed days this way): the difference
 * of their day numbers since 1970-01-01 UTC, every UTC day being 86,400,000 ms long.
 */
export function utcDaysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / MS_PER_DAY) - Math.floor(from.getTime() / MS_PER_DAY);
}

/**
 * The step a rating takes while a card is in (re)learning: minutes until it is shown again and the
 * step index it moves to, or undefined when it leaves the steps for a review interval. Again goes
 * back to the first step; Hard repeats the current one, waiting the mean of the first two steps
 * (1.5 × the only step); Good moves to the next step, if there is one; Easy always leaves.
 */
function learningStep(steps: readonly number[], phase: CardPhase, step: number, rating: Rating): { minutes: number; next: number } | undefined {
  if (steps.length === 0 || step >= steps.length) return undefined;
  if (phase === 'review') return rating === 1 ? { minutes: steps[Math.max(0, step)]!, next: 0 } : undefined;
  switch (rating) {
    case 1:
      return { minutes: steps[0]!, next: 0 };
    case 2:
      return { minutes: steps.length === 1 ? Math.round(steps[0]! * 1.5) : Math.round((steps[0]! + steps[1]!) / 2), next: step };
    case 3:
      return step + 1 < steps.length && steps[step + 1]! > 0 ? { minutes: steps[step + 1]!, next: step + 1 } : undefined;
    case 4:
      return undefined;
  }
}

/** The interval for a stability, fuzzed as ts-fsrs's apply_fuzz does (not under 2.5 days); `fraction`: fuzzFraction's, undefined for no fuzz. */
function fuzzedDays(engine: FsrsFormulas, fraction: number | undefined, stability: number, elapsed: number): number {
  const interval = engine.nextInterval(stability);
  if (fraction === undefined || interval < 2.5) return interval;
  const { min_ivl: min, max_ivl: max } = engine.fuzzRange(interval, elapsed);
  return Math.floor(fraction * (max - min + 1) + min);
}

/**
 * A card's memory as a replay carries it from review to review, changed in place: all of CardState
 * but the next due date and its interval, which only the card's last review decides. A long history
 * is replayed on every cold start, and a new CardState with two Dates and a fuzzed interval for each
 * of 200,000 reviews was a third of that replay (see replay.ts, which schedules only the last).
 */
export interface CardMemory extends Omit<CardState, 'due' | 'scheduledDays' | 'lastReview'> {
  /** Epoch ms of the last scheduled review, NaN before the first. */
  lastReview: number;
}

/** The memory of a card's state (a copy). */
export function cardMemory(card: CardState): CardMemory {
  const { stability, difficulty, reps, lapses, state, learningStep } = card;
  return { stability, difficulty, reps, lapses, state, learningStep, lastReview: card.lastReview ? card.lastReview.getTime() : Number.NaN };
}

/** Copies `from` into `to` (no new object: a replay does this once per review). */
export function copyMemory(from: CardMemory, to: CardMemory): void {
  to.stability = from.stability;
  to.difficulty = from.difficulty;
  to.reps = from.reps;
  to.lapses = from.lapses;
  to.state = from.state;
  to.learningStep = from.learningStep;
  to.lastReview = from.lastReview;
}

/** Whole UTC days from the card's last review to `time` (0 for a new card). */
function elapsedDays(card: CardMemory, time: number): number {
  return card.state !== 'new' && !Number.isNaN(card.lastReview) ? Math.floor(time / MS_PER_DAY) - Math.floor(card.lastReview / MS_PER_DAY) : 0;
}

/** The (re)learning steps a card in `phase` follows after a rating: relearning once it has been in review. */
function stepsOf(settings: StepSettings, phase: CardPhase): readonly number[] {
  return phase === 'relearning' || phase === 'review' ? settings.relearningMinutes : settings.learningMinutes;
}

/**
 * The memory after a review graded `rating` at `time`, written into `card`: fsrsStep's card without
 * its due date and interval. A card in review that is recalled (Hard, Good, Easy) stays in review;
 * otherwise the rating may start or continue (re)learning steps, under a day each, or leave them for
 * a review interval (a step of a day or more also counts as one).
 */
export function stepMemory(engine: FsrsFormulas, settings: StepSettings, card: CardMemory, rating: Rating, time: number): void {
  const phase = card.state;
  const memory = engine.nextState(card, elapsedDays(card, time), rating);
  card.difficulty = memory.difficulty;
  card.stability = memory.stability;
  card.reps += 1;
  card.lastReview = time;
  if (phase === 'review' && rating !== 1) {
    card.learningStep = 0;
    return;
  }
  if (phase === 'review') card.lapses += 1;
  const taken = learningStep(stepsOf(settings, phase), phase, card.learningStep, rating);
  const minutes = Math.max(0, taken?.minutes ?? 0);
  card.state = minutes > 0 && minutes < MINUTES_PER_DAY ? (phase === 'new' ? 'learning' : phase === 'review' ? 'relearning' : phase) : 'review';
  card.learningStep = minutes > 0 ? taken!.next : 0;
}

/**
 * The card after a review graded `rating` at `time`, as ts-fsrs's `next` gives it: stepMemory's
 * memory, and the due date, fuzzed for a review interval. `before` is left as it was.
 */
export function fsrsStep(engine: FsrsFormulas, settings: StepSettings, before: CardMemory, rating: Rating, time: number, cardId: string): CardState {
  const after = { ...before };
  stepMemory(engine, settings, after, rating, time);
  const elapsed = elapsedDays(before, time);
  const fuzz = settings.fuzz ? fuzzFraction(cardId, time, before.reps + 1, before.difficulty * before.stability) : undefined;
  let days: number;
  let due: number;
  if (before.state === 'review' && rating !== 1) {
    // Hard, Good and Easy each get an interval, kept in order: Hard ≤ Good < Easy. Their stabilities
    // start from the same recall probability and are worked out together (the chosen one is
    // after.stability, bit for bit).
    const passed = engine.passStabilities(before, elapsed, engine.forgettingCurve(elapsed, before.stability));
    const good = fuzzedDays(engine, fuzz, passed.good, elapsed);
    const hard = Math.min(fuzzedDays(engine, fuzz, passed.hard, elapsed), good);
    days = rating === 2 ? hard : rating === 3 ? Math.max(good, hard + 1) : Math.max(fuzzedDays(engine, fuzz, passed.easy, elapsed), Math.max(good, hard + 1) + 1);
    due = time + days * MS_PER_DAY;
  } else {
    const minutes = Math.max(0, learningStep(stepsOf(settings, before.state), before.state, before.learningStep, rating)?.minutes ?? 0);
    if (minutes > 0) {
      days = minutes < MINUTES_PER_DAY ? 0 : Math.floor(minutes / MINUTES_PER_DAY);
      due = time + Math.round(minutes) * MS_PER_MINUTE;
    } else {
      days = fuzzedDays(engine, fuzz, after.stability, elapsed);
      due = time + days * MS_PER_DAY;
    }
  }
  const { stability, difficulty, reps, lapses, state, learningStep: step } = after;
  return { due: new Date(due), stability, difficulty, reps, lapses, state, learningStep: step, scheduledDays: days, lastReview: new Date(time) };
}
