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
 * Live scheduling calls the same `scheduler.applyRating` on the same card in the same order, so
 * replaying the log gives exactly the states the learner was shown.
 */
import type { ProgressEvent, ReviewEvent } from './events.js';
import { isRating, localDayNumber, newCardState, type CardPhase, type CardState, type Rating, type Scheduler, type UtcOffset } from './schedule.js';

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

/** One review that counts (not undone), in replay order. */
export interface ReviewEntry {
  eventId: string;
  card: string;
  at: Date;
  rating: Rating;
  correct: boolean;
  cram: boolean;
  ms?: number;
  /** The card's phase just before this review: 'new' on a scheduled review introduces the card. */
  phaseBefore: CardPhase;
  /** The card's phase after this review (unchanged by a cram review). */
  phaseAfter: CardPhase;
}

export interface IgnoredEvent {
  id: string;
  reason: string;
}

export interface ReplayResult {
  /** Every card that has appeared in a review, suspend or unsuspend event. */
  cards: Map<string, CardRecord>;
  /** Reviews not undone, in replay order, cram ones included. */
  reviews: ReviewEntry[];
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

interface TimedEvent {
  event: ProgressEvent;
  time: number;
  /** Position in the log: the order of events at the same instant. */
  index: number;
}

function compareTimed(a: TimedEvent, b: TimedEvent): number {
  return a.time - b.time || a.index - b.index;
}

/**
 * The ids of events cancelled by an effective undo. An undo is effective unless it is itself
 * cancelled, so undoing an undo brings its target back. A cycle (impossible from our commands) is
 * treated as not cancelling.
 */
export function cancelledIds(events: readonly ProgressEvent[]): Set<string> {
  const undosByTarget = new Map<string, string[]>();
  for (const event of events) {
    if (event.type !== 'undo') continue;
    const list = undosByTarget.get(event.target) ?? [];
    list.push(event.id);
    undosByTarget.set(event.target, list);
  }
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isCancelled = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false;
    visiting.add(id);
    const undos = undosByTarget.get(id) ?? [];
    const cancelled = undos.some((undoId) => !isCancelled(undoId));
    visiting.delete(id);
    memo.set(id, cancelled);
    return cancelled;
  };
  const cancelled = new Set<string>();
  // Only an event some undo targets can be cancelled (most logs have a handful of undos).
  for (const event of events) if (undosByTarget.has(event.id) && isCancelled(event.id)) cancelled.add(event.id);
  return cancelled;
}

/** Derives every card's state from the log. Pure: same events and scheduler, same result. */
export function replay(events: readonly ProgressEvent[], options: ReplayOptions): ReplayResult {
  const result: ReplayResult = { cards: new Map(), reviews: [], ignored: [] };
  const timed = timedEvents(events, result.ignored);
  const cancelled = cancelledIds(timed.map((item) => item.event));
  applyInOrder(result, timed, cancelled, options);
  return result;
}

/**
 * Continues `previous` (the replay of a log) with events appended to that log since, as `replay`
 * of the whole log would: only valid when every new event is at or after the latest event already
 * replayed and none is an `undo` (which can reach back into history). `canExtendLog` checks that.
 */
export function extendReplay(previous: ReplayResult, appended: readonly ProgressEvent[], options: ReplayOptions): ReplayResult {
  const timed = timedEvents(appended, previous.ignored);
  applyInOrder(previous, timed, new Set(), options);
  return previous;
}

/** Events in replay order (time, then log position), each once, without those replay cannot use. */
function timedEvents(events: readonly ProgressEvent[], ignored: IgnoredEvent[]): TimedEvent[] {
  const timed: TimedEvent[] = [];
  const seenIds = new Set<string>();
  for (const event of events) {
    // A merged log holds each event once; a duplicate line (e.g. an import race) must not count twice.
    if (seenIds.has(event.id)) continue;
    seenIds.add(event.id);
    const time = Date.parse(event.at);
    if (Number.isNaN(time)) {
      ignored.push({ id: event.id, reason: `unreadable time "${event.at}"` });
      continue;
    }
    if (event.type === 'review' && !isRating(event.rating)) {
      ignored.push({ id: event.id, reason: `rating must be 1, 2, 3 or 4, got ${String(event.rating)}` });
      continue;
    }
    timed.push({ event, time, index: timed.length });
  }
  // A log is appended in time order, so it is nearly always sorted already: check before sorting.
  for (let index = 1; index < timed.length; index++) if (timed[index]!.time < timed[index - 1]!.time) return timed.sort(compareTimed);
  return timed;
}

function applyInOrder(result: ReplayResult, timed: readonly TimedEvent[], cancelled: ReadonlySet<string>, options: ReplayOptions): void {
  const { scheduler } = options;
  const topicOf = options.topicOf ?? topicOfCardId;
  const { cards, reviews } = result;

  const recordOf = (cardId: string, at: Date): CardRecord => {
    let record = cards.get(cardId);
    if (!record) {
      record = { id: cardId, schedule: newCardState(at), suspended: false, leech: false, needsLeechSuspend: false };
      cards.set(cardId, record);
    }
    return record;
  };

  const thin = options.thin;
  let lastThinnedDay: number | undefined;
  /** Whether a review at `at` is one that thinning leaves out (not the first of its old day). */
  const thinnedOut = (at: Date): boolean => {
    if (!thin || at.getTime() >= thin.keepSince) return false;
    const day = localDayNumber(at, thin.utcOffset);
    if (day === lastThinnedDay) return true;
    lastThinnedDay = day;
    return false;
  };

  const applyReview = (event: ReviewEvent, at: Date): void => {
    const record = recordOf(event.card, at);
    const before = record.schedule;
    const cram = event.cram === true;
    if (!cram) {
      record.schedule = scheduler.applyRating(before, event.rating, at, event.card);
      if (record.schedule.lapses > before.lapses && isLeechLapse(record.schedule.lapses)) {
        record.needsLeechSuspend = !record.suspended;
      }
      record.leech = record.schedule.lapses >= LEECH_LAPSES;
    }
    result.lastReviewId = event.id;
    if (thinnedOut(at)) return;
    const entry: ReviewEntry = {
      eventId: event.id,
      card: event.card,
      at,
      rating: event.rating,
      correct: event.correct,
      cram,
      phaseBefore: before.state,
      phaseAfter: record.schedule.state,
    };
    if (event.ms !== undefined) entry.ms = event.ms;
    reviews.push(entry);
  };

  for (const { event, time } of timed) {
    if (cancelled.has(event.id)) continue;
    const at = new Date(time);
    switch (event.type) {
      case 'review':
        applyReview(event, at);
        break;
      case 'suspend':
      case 'unsuspend': {
        const record = recordOf(event.card, at);
        record.suspended = event.type === 'suspend';
        // The learner (or the command) has acted on the leech either way.
        record.needsLeechSuspend = false;
        break;
      }
      case 'reset':
        for (const record of cards.values()) {
          if (event.scope !== 'all' && topicOf(record.id) !== event.scope) continue;
          record.schedule = newCardState(at);
          record.leech = false;
          record.needsLeechSuspend = false;
        }
        break;
      case 'read':
        // Lessons read are derived by progress.ts (readLessons); nothing here depends on them.
        break;
      case 'undo':
        // Already applied by cancelledIds, wherever the target sits.
        break;
      default:
        assertNever(event);
    }
  }
}

/**
 * The reviews a derived cache needs to keep: every one from `keepSince` (epoch ms) on, and before
 * that only the first of each local day. What reads `reviews` looks at the last 30 days (retention,
 * new cards today) or only at which days had a review (the streak), so for any `now` after the
 * latest review the thinned list gives the same answers, at a fraction of the size.
 */
export function thinReviews(reviews: readonly ReviewEntry[], keepSince: number, utcOffset: UtcOffset): ReviewEntry[] {
  const kept: ReviewEntry[] = [];
  let lastDay: number | undefined;
  for (const review of reviews) {
    if (review.at.getTime() >= keepSince) {
      kept.push(review);
      continue;
    }
    const day = localDayNumber(review.at, utcOffset);
    if (day !== lastDay) kept.push(review);
    lastDay = day;
  }
  return kept;
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
