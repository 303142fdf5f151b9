/**
 * The session queue for `ml-tutor quiz [topic|lesson]` (issue 4): due cards first, most overdue
 * first, then new cards up to what is left of today's allowance. Pure: `now` and the learner's UTC
 * offset are arguments.
 *
 * "Due" follows Anki: a review card is due on its local calendar day (a card due at 20:00 is
 * reviewable that morning), while a (re)learning card is due at its minute, or up to
 * `learnAheadMinutes` early.
 */
import type { Question } from './question.js';
import type { CardRecord, ReplayResult } from './replay.js';
import { localDayNumber, localDayReader, type CardState, type Rating, type UtcOffset } from './schedule.js';
import { shuffle } from '../math/random.js';

export type QuizScope =
  | { kind: 'all' }
  | { kind: 'topic'; topic: string }
  | { kind: 'lesson'; lessonId: string };

/**
 * A (re)learning card due within this many minutes is shown now (Anki's learn-ahead limit). Anki's
 * default is 20, which lets a card on its 10-minute step be shown seconds after the last answer and
 * graduate to a days-long interval from two answers seconds apart: the step would mean nothing. One
 * minute only forgives a session started a little early.
 */
export const DEFAULT_LEARN_AHEAD_MINUTES = 1;
/** config's new_per_day default. */
export const DEFAULT_NEW_PER_DAY = 10;

export interface QueueOptions {
  now: Date;
  utcOffset: UtcOffset;
  /** New cards allowed per local day across sessions (config new_per_day, ≥ 0). */
  newPerDay: number;
  /**
   * `--new N`: new cards for this session, replacing what is left of today's allowance (the learner
   * asked explicitly).
   */
  newLimit?: number;
  /** `--limit N`: at most this many cards in all, due ones first. */
  limit?: number;
  /** `--cram`: every non-suspended card of the scope, as practice that does not move schedules. */
  cram?: boolean;
  /** Shuffles the cram order when given (seeded from `--seed`); otherwise lesson order. */
  rng?: () => number;
  learnAheadMinutes?: number;
}

export type QueueItemKind = 'due' | 'new' | 'cram';

export interface QueueItem {
  question: Question;
  kind: QueueItemKind;
  /** The card's current schedule; undefined for a card never reviewed. */
  card?: CardState;
}

export interface SessionQueue {
  items: QueueItem[];
  /** Due cards in scope before `limit` (what "N reviews due" should say). */
  dueTotal: number;
  /** Unseen, unsuspended cards in scope. */
  newAvailable: number;
  /** New cards already introduced today, in any scope and session. */
  newIntroducedToday: number;
  /** New cards this session may still introduce (after `newLimit` / the daily allowance, before `limit`). */
  newAllowance: number;
}

/** The topic of a lesson id (`attention/scaled-dot-product` → `attention`). */
export function topicOfLesson(lessonId: string): string {
  const slash = lessonId.indexOf('/');
  return slash === -1 ? lessonId : lessonId.slice(0, slash);
}

export function inScope(question: Question, scope: QuizScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'topic':
      return topicOfLesson(question.lessonId) === scope.topic;
    case 'lesson':
      return question.lessonId === scope.lessonId;
  }
}

/**
 * Whether a card is due at `now`: a review card on or after its local due day; a (re)learning card
 * once `now + learnAheadMinutes` reaches its due time; a new card never (new cards are rationed
 * separately).
 */
export function isDue(
  card: CardState,
  now: Date,
  utcOffset: UtcOffset,
  learnAheadMinutes = DEFAULT_LEARN_AHEAD_MINUTES,
): boolean {
  switch (card.state) {
    case 'new':
      return false;
    case 'review':
      return localDayNumber(card.due, utcOffset) <= localDayNumber(now, utcOffset);
    case 'learning':
    case 'relearning':
      return card.due.getTime() <= now.getTime() + learnAheadMinutes * 60_000;
  }
}

/**
 * Whether a card just answered in this session comes back in it: only after Again, while it is in
 * (re)learning (a leech is suspended instead). A learner who just failed a card sees it once more
 * before leaving, after the other cards, as Anki does with its 1-minute step. Any other answer
 * sends the card to its next step (10 minutes, or Hard's 6) and out of the session: asking it again
 * seconds later and taking Good would skip that step, and a new card would graduate to a review
 * interval of days from two answers a few seconds apart. So a new card needs at least two sessions
 * (or one, and a wait of 10 minutes) to graduate, unless the learner says Easy.
 */
export function returnsInSession(rating: Rating, after: CardState): boolean {
  return rating === 1 && (after.state === 'learning' || after.state === 'relearning');
}

/**
 * New cards introduced on the local day of `now`: scheduled (non-cram) reviews of cards that were new,
 * across every session and scope, so the daily allowance holds however the learner splits it.
 */
export function newCardsIntroducedToday(progress: ReplayResult, now: Date, utcOffset: UtcOffset): number {
  const today = localDayNumber(now, utcOffset);
  let introduced = 0;
  const { reviews } = progress;
  const dayOf = localDayReader(utcOffset);
  for (let index = 0; index < reviews.length; index++) {
    if (reviews.cram(index) || reviews.phaseBefore(index) !== 'new') continue;
    const time = reviews.time(index);
    if (time <= now.getTime() && dayOf(time) === today) introduced++;
  }
  return introduced;
}


function nonNegativeWhole(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
}

/**
 * Builds the queue for one session. `questions` are in teaching order (new cards are introduced in
 * that order); a duplicate id keeps its first question.
 */
export function buildQueue(
  questions: readonly Question[],
  progress: ReplayResult,
  scope: QuizScope,
  options: QueueOptions,
): SessionQueue {
  const { now, utcOffset } = options;
  const learnAhead = options.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES;
  const limit = options.limit === undefined ? Infinity : nonNegativeWhole(options.limit, 'limit');
  const newPerDay = nonNegativeWhole(options.newPerDay, 'new cards per day');

  const seen = new Set<string>();
  const candidates: { question: Question; record: CardRecord | undefined }[] = [];
  for (const question of questions) {
    if (seen.has(question.id) || !inScope(question, scope)) continue;
    seen.add(question.id);
    const record = progress.cards.get(question.id);
    if (record?.suspended) continue;
    candidates.push({ question, record });
  }

  const due: { question: Question; card: CardState }[] = [];
  const fresh: Question[] = [];
  for (const { question, record } of candidates) {
    if (!record || record.schedule.state === 'new') fresh.push(question);
    else if (isDue(record.schedule, now, utcOffset, learnAhead)) due.push({ question, card: record.schedule });
  }
  // Most overdue first; the id breaks ties so the order never depends on the input order.
  due.sort((a, b) => a.card.due.getTime() - b.card.due.getTime() || (a.question.id < b.question.id ? -1 : 1));

  const newIntroducedToday = newCardsIntroducedToday(progress, now, utcOffset);
  const newAllowance =
    options.newLimit !== undefined
      ? nonNegativeWhole(options.newLimit, '--new')
      : Math.max(0, newPerDay - newIntroducedToday);

  let items: QueueItem[];
  if (options.cram) {
    const ordered = options.rng ? shuffle(candidates, options.rng) : candidates;
    items = ordered.map(({ question, record }) =>
      record ? { question, kind: 'cram', card: record.schedule } : { question, kind: 'cram' },
    );
  } else {
    items = [
      ...due.map(({ question, card }): QueueItem => ({ question, kind: 'due', card })),
      ...fresh.slice(0, newAllowance).map((question): QueueItem => {
        const card = progress.cards.get(question.id)?.schedule;
        return card ? { question, kind: 'new', card } : { question, kind: 'new' };
      }),
    ];
  }

  return {
    items: items.slice(0, limit),
    dueTotal: due.length,
    newAvailable: fresh.length,
    newIntroducedToday,
    newAllowance,
  };
}
