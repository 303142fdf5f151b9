/**
 * Progress replay (DESIGN §3): card state is never stored, it is derived by replaying the event log.
 *
 * Events are applied in time order, so two machines' logs merged in any order give the same result;
 * events at the same instant keep their order in the log (a pinned clock, ML_TUTOR_NOW, gives every
 * answer of a session the same time, and they must replay in the order they were given). Rules:
 * - `undo` cancels its target event wherever it sits in the log; an undone undo restores its target.
 * - `review` moves the card's schedule through the scheduler, unless it is a cram review (practice
 *   that is logged but leaves the schedule alone).
 * - `reset` (scope 'all' or a topic id) forgets every card of that scope reviewed before it: they are
 *   new again. Suspension is the learner's separate choice and survives a reset, as in Anki's Forget.
 * - `suspend` / `unsuspend` set the card's suspended flag; the later one wins.
 * - A card is a leech when a lapse brings it to 8 lapses, and again at every 4 lapses after that
 *   (12, 16, …, Anki's rule), so an unsuspended leech that keeps failing is flagged again.
 *
 * Live scheduling calls `scheduler.applyRating` on the same card in the same order. The replay
 * steps each card's memory the way applyRating does (`scheduler.stepMemory`, the same code) and
 * schedules only the card's last review in full (`scheduler.stateAfter`): no later review reads a
 * due date. So replaying the log gives exactly the states the learner was shown.
 */
import { foldLogEvents, type LogFold } from './event-log.js';
import type { ProgressEvent, ReviewEvent } from './events.js';
import { cardMemory, copyMemory, type CardMemory } from './fsrs-step.js';
import { ReviewLog, type ReviewEntry } from './review-log.js';
import { isRating, localDayReader, newCardState, type CardPhase, type CardState, type Rating, type Scheduler, type UtcOffset } from './schedule.js';

/** Lapses at which a card first counts as a leech (Anki's default). */
export const LEECH_LAPSES = 8;
/** After the first, a leech is flagged again every this many lapses. */
export const LEECH_REPEAT_LAPSES = 4;

/** True when reaching `lapses` lapses makes a card a leech (8, 12, 16, …). */
export function isLeechLapse(lapses: number): boolean {
  return lapses >= LEECH_LAPSES && (lapses - LEECH_LAPSES) % LEECH_REPEAT_LAPSES === 0;
}

/** The topic of a card id: the text before the first '/' (`attention/why-scale` → `attention`). */
export function topicOfCardId(cardId: string): string {
  const slash = cardId.indexOf('/');
  return slash === -1 ? cardId : cardId.slice(0, slash);
}

/** Whether a reset of `scope` ('all' or a topic id) reaches this card. */
export function inResetScope(scope: string, cardId: string, topicOf: (cardId: string) => string = topicOfCardId): boolean {
  return scope === 'all' || topicOf(cardId) === scope;
}

export interface CardRecord {
  id: string;
  schedule: CardState;
  suspended: boolean;
  /** lapses ≥ 8. */
  leech: boolean;
  /**
   * A review made this card a leech and it has been neither suspended nor unsuspended since: the
   * command should append a `suspend` event (reason 'leech') and suggest the lesson section.
   */
  needsLeechSuspend: boolean;
}

export interface IgnoredEvent {
  id: string;
  reason: string;
}

export interface ReplayResult {
  /** Every card that has appeared in a review, suspend or unsuspend event. */
  cards: Map<string, CardRecord>;
  /** Reviews not undone, in replay order, cram ones included. */
  reviews: ReviewLog;
  /** The latest review not yet undone: the target of `progress undo`. */
  lastReviewId?: string;
  /** Events replay could not use (unparseable time, impossible rating); the rest still counts. */
  ignored: IgnoredEvent[];
}

export interface ReplayOptions {
  scheduler: Scheduler;
  /** The topic a card belongs to, for topic resets. Default: `topicOfCardId`. */
  topicOf?: (cardId: string) => string;
  /**
   * Keep `reviews` thinned as `thinReviews` would (every review from `keepSince` on, one a local day
   * before): a long history then never holds all its review entries at once.
   */
  thin?: { keepSince: number; utcOffset: UtcOffset };
}

/** Derives every card's state from the log. Pure: same events and scheduler, same result. */
export function replay(events: readonly ProgressEvent[], options: ReplayOptions): ReplayResult {
  const fold = replayFold(options);
  return foldLogEvents(events, fold, (event) => fold.value().ignored.push({ id: event.id, reason: `unreadable time "${event.at}"` }));
}

/**
 * Continues `previous` (the replay of a log) with events appended to that log since, as `replay`
 * of the whole log would: only valid when every new event is at or after the latest event already
 * replayed and none is an `undo` (which can reach back into history). `canExtendLog` checks that.
 */
export function extendReplay(previous: ReplayResult, appended: readonly ProgressEvent[], options: ReplayOptions): ReplayResult {
  return foldLogEvents(appended, replayFold(options, previous), (event) => previous.ignored.push({ id: event.id, reason: `unreadable time "${event.at}"` }));
}

/**
 * The replay built one event at a time (a long log is folded as it is read, with nothing kept per
 * event but the thinned reviews). `add` takes events in replay order, each once, with undos and the
 * events they cancel already left out: `replay` sorts and filters a list; the log cache streams a
 * log that is in time order, having found its undos first. `from`: continue an earlier replay.
 */
export function replayFold(options: ReplayOptions, from?: ReplayResult): LogFold<ReplayResult> {
  const result: ReplayResult = from ?? { cards: new Map(), reviews: new ReviewLog(), ignored: [] };
  const { scheduler } = options;
  const topicOf = options.topicOf ?? topicOfCardId;
  const { cards, reviews } = result;
  /** The cards this fold has touched, with their memory; their records' schedules are brought up to date by `value`. */
  const replayed = new Map<string, ReplayedCard>();

  const replayedCard = (cardId: string, time: number): ReplayedCard => {
    let card = replayed.get(cardId);
    if (card) return card;
    let record = cards.get(cardId);
    if (!record) {
      record = { id: cardId, schedule: newCardState(new Date(time)), suspended: false, leech: false, needsLeechSuspend: false };
      cards.set(cardId, record);
    }
    card = { record, memory: cardMemory(record.schedule), before: cardMemory(record.schedule), lastRating: undefined, time, stale: false };
    replayed.set(cardId, card);
    return card;
  };

  const thin = options.thin;
  const dayOf = localDayReader(thin?.utcOffset ?? 0);
  let lastThinnedDay: number | undefined;
  /** Whether a review at `time` is one that thinning leaves out (not the first of its old day). */
  const thinnedOut = (time: number): boolean => {
    if (!thin || time >= thin.keepSince) return false;
    const day = dayOf(time);
    if (day === lastThinnedDay) return true;
    lastThinnedDay = day;
    return false;
  };

  const applyReview = (event: ReviewEvent, time: number): void => {
    const card = replayedCard(event.card, time);
    const { record, memory } = card;
    const phaseBefore = memory.state;
    const cram = event.cram === true;
    if (!cram) {
      const lapses = memory.lapses;
      copyMemory(memory, card.before);
      scheduler.stepMemory(memory, event.rating, time);
      card.lastRating = event.rating;
      card.time = time;
      card.stale = true;
      if (memory.lapses > lapses && isLeechLapse(memory.lapses)) {
        record.needsLeechSuspend = !record.suspended;
      }
      record.leech = memory.lapses >= LEECH_LAPSES;
    }
    result.lastReviewId = event.id;
    if (thinnedOut(time)) return;
    const entry: ReviewEntry = {
      // The card's own id string, one per card (ReviewLog keeps the first it is given): a review
      // read from a piece of a long log's text would otherwise keep that piece in memory.
      card: record.id,
      at: new Date(time),
      rating: event.rating,
      correct: event.correct,
      cram,
      phaseBefore,
      phaseAfter: memory.state,
    };
    if (event.ms !== undefined) entry.ms = event.ms;
    reviews.push(entry);
  };

  const add = (event: ProgressEvent, time: number): void => {
    switch (event.type) {
      case 'review':
        if (!isRating(event.rating)) {
          result.ignored.push({ id: event.id, reason: `rating must be 1, 2, 3 or 4, got ${String(event.rating)}` });
          return;
        }
        applyReview(event, time);
        break;
      case 'suspend':
      case 'unsuspend': {
        const { record } = replayedCard(event.card, time);
        record.suspended = event.type === 'suspend';
        // The learner (or the command) has acted on the leech either way.
        record.needsLeechSuspend = false;
        break;
      }
      case 'reset':
        for (const record of cards.values()) {
          if (!inResetScope(event.scope, record.id, topicOf)) continue;
          const card = replayedCard(record.id, time);
          copyMemory(cardMemory(newCardState(new Date(time))), card.memory);
          card.lastRating = undefined;
          card.time = time;
          card.stale = true;
          record.leech = false;
          record.needsLeechSuspend = false;
        }
        break;
      case 'read':
        // Lessons read are derived by progress.ts (readLessons); nothing here depends on them.
        break;
      case 'undo':
        // Applied before the fold: the events it cancels are never added.
        break;
      case 'params':
        // The weights of the whole replay, known before it starts (the scheduler is built with them).
        break;
      default:
        assertNever(event);
    }
  };

  /** Each touched card's schedule: its last review scheduled in full, or new again from a reset. */
  const value = (): ReplayResult => {
    for (const card of replayed.values()) {
      if (!card.stale) continue;
      card.record.schedule = card.lastRating === undefined ? newCardState(new Date(card.time)) : scheduler.stateAfter(card.before, card.lastRating, card.time, card.record.id);
      card.stale = false;
    }
    return result;
  };
  return { add, value };
}

/**
 * A card as the fold carries it: its memory after the latest event, changed in place, and what its
 * schedule is worked out from when asked (the memory before its latest review and that review's
 * rating and time, or the time a reset made it new).
 */
interface ReplayedCard {
  record: CardRecord;
  memory: CardMemory;
  before: CardMemory;
  /** The latest review's rating, or undefined when the card is new (never reviewed, or reset at `time`). */
  lastRating: Rating | undefined;
  time: number;
  /** `record.schedule` is behind `memory`. */
  stale: boolean;
}

/**
 * The reviews a derived cache needs to keep: every one from `keepSince` (epoch ms) on, and before
 * that only the first of each local day. What reads `reviews` looks at the last 30 days (retention,
 * new cards today) or only at which days had a review (the streak), so for any `now` after the
 * latest review the thinned list gives the same answers, at a fraction of the size.
 */
export function thinReviews(reviews: ReviewLog, keepSince: number, utcOffset: UtcOffset): ReviewLog {
  const kept = new ReviewLog();
  const dayOf = localDayReader(utcOffset);
  let lastDay: number | undefined;
  for (let index = 0; index < reviews.length; index++) {
    const time = reviews.time(index);
    if (time >= keepSince) {
      kept.pushFrom(reviews, index);
      continue;
    }
    const day = dayOf(time);
    if (day !== lastDay) kept.pushFrom(reviews, index);
    lastDay = day;
  }
  return kept;
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
