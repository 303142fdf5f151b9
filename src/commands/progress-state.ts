import { join } from 'node:path';
import { pickVariant, type Catalog, type LessonEntry } from '../core/catalog.js';
import type { ProgressEvent } from '../core/events.js';
import type { Question } from '../core/question.js';
import { replayFold, thinReviews, type ReplayResult } from '../core/replay.js';
import { createScheduler, type Scheduler, type UtcOffset } from '../core/schedule.js';
import type { Lang } from '../core/topics.js';
import type { StoredConfig } from '../io/config-store.js';
import { fromSnapshot, toSnapshot, type ReplaySnapshot } from '../core/replay-snapshot.js';
import type { Derived } from '../io/log-cache.js';
import { openQuestionCache, type QuestionCache } from '../io/question-cache.js';
import { config, derivedProgress, home, now, progressLog, warnLog, type CommandContext } from './context.js';

const MS_PER_DAY = 86_400_000;

/** The learner's UTC offset at each instant, so daylight-saving changes fall on the right day. */
export const localUtcOffset: UtcOffset = (at) => -at.getTimezoneOffset();

export interface ProgressState {
  stored: StoredConfig;
  scheduler: Scheduler;
  /** The whole log (read on first use when the replay came from the cache). */
  readonly events: ProgressEvent[];
  progress: ReplayResult;
}

/**
 * The scheduler for this learner: their desired retention, fuzz on, and the FSRS weights their log
 * sets (`ml-tutor optimize`; FSRS-6's defaults when undefined). One behaviour for the real and a
 * simulated clock (ML_TUTOR_NOW): the fuzz is seeded from the card and the review, so tests still
 * see the same dates on every run.
 */
export function schedulerFor(stored: StoredConfig, weights?: readonly number[]): Scheduler {
  return createScheduler({ desiredRetention: stored.config.desired_retention, weights });
}

/** The scheduler and every card's state, replayed from the log (or its derived cache). */
export function loadProgressState(context: CommandContext, storedConfig?: StoredConfig): ProgressState {
  const stored = storedConfig ?? config(context);
  const { scheduler, progress } = replayed(context, stored);
  let log: ProgressEvent[] | undefined;
  return {
    stored,
    scheduler,
    get events() {
      log ??= progressLog(context).events;
      return log;
    },
    progress,
  };
}

/**
 * The time zone's offsets in winter and summer: the replay cache thins old reviews by local day,
 * so a cache made in another time zone is not used.
 */
function timeZoneKey(): string {
  return [Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1)].map((time) => new Date(time).getTimezoneOffset()).join(',');
}

/** Reviews kept whole in the cache: a margin over the 30 days that stats and the queue look back. */
const KEEP_REVIEW_DAYS = 35;

/**
 * Replay the log, through the derived cache (src/io/log-cache.ts): the cached replay when the log is
 * unchanged, extended with the new events when it only grew. The cache is used only while "now" is
 * not before its latest event, since it keeps old reviews thinned (see thinReviews). The whole log
 * is replayed with the weights its latest params event sets (a new one is never appended to a
 * cached replay: canExtendLog), and `scheduler` schedules with them from now on.
 */
export function replayed(context: CommandContext, stored: StoredConfig): { progress: ReplayResult; scheduler: Scheduler } {
  const schedulers = new Map<string, Scheduler>();
  const schedulerOf = (weights: readonly number[] | undefined): Scheduler => {
    const key = weights?.join(',') ?? 'defaults';
    let scheduler = schedulers.get(key);
    if (!scheduler) schedulers.set(key, (scheduler = schedulerFor(stored, weights)));
    return scheduler;
  };
  const scheduler = schedulerOf(undefined);
  const at = now(context).getTime();
  const keepSince = (latest: number): number => latest - KEEP_REVIEW_DAYS * MS_PER_DAY;
  const derived = derivedProgress<ReplayResult>(context, {
    name: 'replay.json',
    // card-hash: the fuzz is drawn from the card id and the review (fsrs-step.ts fuzzFraction).
    key: `${scheduler.desiredRetention}:${scheduler.fuzz}:card-hash:${timeZoneKey()}`,
    notAfter: at,
    // Thinned as it is replayed, unless "now" is before the latest event (then reviews "so far"
    // need every entry).
    fold: ({ latest, weights }, from) =>
      replayFold({ scheduler: schedulerOf(weights), ...(at >= latest ? { thin: { keepSince: keepSince(latest), utcOffset: localUtcOffset } } : {}) }, from),
    encode: (value) => {
      const { reviews } = value;
      return toSnapshot({ ...value, reviews: reviews.length > 0 ? thinReviews(reviews, keepSince(reviews.time(reviews.length - 1)), localUtcOffset) : reviews });
    },
    decode: (stored) => fromSnapshot(stored as ReplaySnapshot),
  });
  warnLog(context, derived);
  return { progress: derived.value, scheduler: schedulerOf(derived.weights) };
}

export interface CatalogQuestions {
  /** Every question in teaching order, from the variant in the learner's language (else English). */
  questions: Question[];
  /** Lessons whose questions fell back to another language. */
  fallbackLessons: string[];
  /** Lessons with quiz blocks that could not be parsed (those are left out; `validate` names them). */
  lessonsWithBrokenQuestions: number;
}

/**
 * The questions of every lesson (or of those `include` keeps: quiz blocks are parsed on first use,
 * so a scoped quiz parses only its own lessons), through the data dir's question cache when given.
 */
export function catalogQuestions(catalog: Catalog, lang: Lang, include: (entry: LessonEntry) => boolean = () => true, cache?: QuestionCache): CatalogQuestions {
  const questions: Question[] = [];
  const fallbackLessons: string[] = [];
  let lessonsWithBrokenQuestions = 0;
  for (const entry of catalog.lessons) {
    if (!include(entry)) continue;
    const lesson = entry.variants[lang] ?? pickVariant(entry.variants, 'en');
    if (!lesson) continue;
    const parsed = cache ? cache.questionsOf(lesson) : lesson;
    if (lesson.lang !== lang && parsed.questions.length > 0) fallbackLessons.push(entry.id);
    questions.push(...parsed.questions);
    if (parsed.quizProblems.length > 0) lessonsWithBrokenQuestions++;
  }
  cache?.save();
  return { questions, fallbackLessons, lessonsWithBrokenQuestions };
}

/** The data dir's cache of parsed questions (src/io/question-cache.ts). */
export function questionCache(context: CommandContext): QuestionCache {
  return openQuestionCache(join(home(context), 'cache', 'questions.json'));
}

/** `attention/2 --section 3`: the read command that opens the section teaching a question. */
export function rereadCommand(catalog: Catalog, question: Question): string {
  const entry = catalog.lessons.find((lesson) => lesson.id === question.lessonId);
  const lesson = entry ? `${entry.topic}/${entry.number}` : question.lessonId;
  return question.section > 0 ? `ml-tutor read ${lesson} --section ${question.section}` : `ml-tutor read ${lesson}`;
}
