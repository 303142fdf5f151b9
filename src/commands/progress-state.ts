import { pickVariant, type Catalog, type LessonEntry } from '../core/catalog.js';
import type { ProgressEvent } from '../core/events.js';
import type { Question } from '../core/question.js';
import { replay, type ReplayResult } from '../core/replay.js';
import { createScheduler, type Scheduler, type UtcOffset } from '../core/schedule.js';
import type { Lang } from '../core/topics.js';
import type { StoredConfig } from '../io/config-store.js';
import { fromSnapshot, toSnapshot } from '../core/replay-snapshot.js';
import { logIdentity, readReplayCache, replayCacheKey, writeReplayCache } from '../io/replay-cache.js';
import { config, events, home, type CommandContext } from './context.js';

/** The learner's UTC offset at each instant, so daylight-saving changes fall on the right day. */
export const localUtcOffset: UtcOffset = (at) => -at.getTimezoneOffset();

export interface ProgressState {
  stored: StoredConfig;
  scheduler: Scheduler;
  events: ProgressEvent[];
  progress: ReplayResult;
}

/**
 * The scheduler for this learner: their desired retention; fuzz on for real use and off when
 * ML_TUTOR_NOW pins the clock, so tests see exact dates.
 */
export function schedulerFor(context: CommandContext, stored: StoredConfig): Scheduler {
  return createScheduler({ desiredRetention: stored.config.desired_retention, fuzz: !context.env.ML_TUTOR_NOW });
}

/** The scheduler and every card's state, replayed from the log (or its snapshot). */
export function loadProgressState(context: CommandContext, storedConfig?: StoredConfig): ProgressState {
  const stored = storedConfig ?? config(context);
  const scheduler = schedulerFor(context, stored);
  const identity = logIdentity(home(context));
  const log = events(context);
  return { stored, scheduler, events: log, progress: replayWithSnapshot(context, log, scheduler, identity) };
}

/**
 * Replay the log, or take the result from the snapshot cache when the log and the scheduler
 * settings are what they were when it was written. `identity` is the log's identity from before it
 * was read, so a log that grew while we read it is never cached under the old key.
 */
export function replayWithSnapshot(context: CommandContext, log: readonly ProgressEvent[], scheduler: Scheduler, identity: string): ReplayResult {
  const dataDir = home(context);
  const key = replayCacheKey(identity, `${scheduler.desiredRetention}:${scheduler.fuzz}`);
  const cached = readReplayCache(dataDir, key);
  if (cached) return fromSnapshot(cached);
  const result = replay(log, { scheduler });
  if (identity !== 'missing' && logIdentity(dataDir) === identity) writeReplayCache(dataDir, key, toSnapshot(result));
  return result;
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
 * so a scoped quiz parses only its own lessons).
 */
export function catalogQuestions(catalog: Catalog, lang: Lang, include: (entry: LessonEntry) => boolean = () => true): CatalogQuestions {
  const questions: Question[] = [];
  const fallbackLessons: string[] = [];
  let lessonsWithBrokenQuestions = 0;
  for (const entry of catalog.lessons) {
    if (!include(entry)) continue;
    const lesson = entry.variants[lang] ?? pickVariant(entry.variants, 'en');
    if (!lesson) continue;
    if (lesson.lang !== lang && lesson.questions.length > 0) fallbackLessons.push(entry.id);
    questions.push(...lesson.questions);
    if (lesson.quizProblems.length > 0) lessonsWithBrokenQuestions++;
  }
  return { questions, fallbackLessons, lessonsWithBrokenQuestions };
}

/** `attention/2 --section 3`: the read command that opens the section teaching a question. */
export function rereadCommand(catalog: Catalog, question: Question): string {
  const entry = catalog.lessons.find((lesson) => lesson.id === question.lessonId);
  const lesson = entry ? `${entry.topic}/${entry.number}` : question.lessonId;
  return question.section > 0 ? `ml-tutor read ${lesson} --section ${question.section}` : `ml-tutor read ${lesson}`;
}
