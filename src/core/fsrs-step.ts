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

/** Where this review's intervals land in their fuzz ranges (fuzzFraction), or undefined without fuzz. */
function fuzzOf(settings: StepSettings, cardId: string, card: CardState, time: number): number | undefined {
  return settings.fuzz ? fuzzFraction(cardId, time, card.reps + 1, card.difficulty * card.stability) : undefined;
}

/**
 * The card after a review at `time`: one object per review (a replay makes hundreds of thousands,
 * so the helpers here are plain functions, not closures made on every step).
 */
function cardAfter(card: CardState, time: number, difficulty: number, stability: number, state: CardPhase, learningStep: number, scheduledDays: number, due: number, lapses: number): CardState {
  return { due: new Date(due), stability, difficulty, reps: card.reps + 1, lapses, state, learningStep, scheduledDays, lastReview: new Date(time) };
}

export function fsrsStep(engine: FsrsFormulas, settings: StepSettings, card: CardState, rating: Rating, now: Date, cardId: string): CardState {
  const elapsed = card.state !== 'new' && card.lastReview ? utcDaysBetween(card.lastReview, now) : 0;
  const time = now.getTime();

  if (card.state === 'review' && rating !== 1) {
    // Hard, Good and Easy each get an interval, kept in order: Hard ≤ Good < Easy. Their stabilities
    // start from the same recall probability and are worked out together.
    const passed = engine.passStabilities(card, elapsed, engine.forgettingCurve(elapsed, card.stability));
    const fuzz = fuzzOf(settings, cardId, card, time);
    const good = fuzzedDays(engine, fuzz, passed.good, elapsed);
    const hard = Math.min(fuzzedDays(engine, fuzz, passed.hard, elapsed), good);
    const chosen = rating === 2 ? hard : rating === 3 ? Math.max(good, hard + 1) : Math.max(fuzzedDays(engine, fuzz, passed.easy, elapsed), Math.max(good, hard + 1) + 1);
    const stability = rating === 2 ? passed.hard : rating === 3 ? passed.good : passed.easy;
    return cardAfter(card, time, engine.nextDifficulty(card.difficulty, rating), stability, 'review', 0, chosen, time + chosen * MS_PER_DAY, card.lapses);
  }

  const memory = engine.nextState(card, elapsed, rating);
  const lapses = card.state === 'review' ? card.lapses + 1 : card.lapses;
  const steps = card.state === 'relearning' || card.state === 'review' ? settings.relearningMinutes : settings.learningMinutes;
  const taken = learningStep(steps, card.state, card.learningStep, rating);
  const minutes = Math.max(0, taken?.minutes ?? 0);
  if (minutes > 0 && minutes < MINUTES_PER_DAY) {
    const phase: CardPhase = card.state === 'new' ? 'learning' : card.state === 'review' ? 'relearning' : card.state;
    return cardAfter(card, time, memory.difficulty, memory.stability, phase, taken!.next, 0, time + Math.round(minutes) * MS_PER_MINUTE, lapses);
  }
  if (minutes >= MINUTES_PER_DAY) {
    return cardAfter(card, time, memory.difficulty, memory.stability, 'review', taken!.next, Math.floor(minutes / MINUTES_PER_DAY), time + Math.round(minutes) * MS_PER_MINUTE, lapses);
  }
  const interval = fuzzedDays(engine, fuzzOf(settings, cardId, card, time), memory.stability, elapsed);
  return cardAfter(card, time, memory.difficulty, memory.stability, 'review', 0, interval, time + interval * MS_PER_DAY, lapses);
}
