/**
 * Progress statistics for `ml-tutor stats` (issue 4). The result's field names are the `--json`
 * output's (`{topics, streak, reviews_today, forecast}`), so the command prints it as is.
 *
 * Definitions:
 * - seen: cards of the topic with at least one scheduled review since their last reset;
 * - mastered: seen cards with FSRS stability ≥ 21 days (three weeks before recall drops to 90%);
 * - due_now: unsuspended cards due at `now` (`isDue`, the quiz queue's own rule);
 * - retention: "true retention" over the last 30 days: of the scheduled reviews of cards that were in
 *   the review phase, the share not rated Again. Learning steps and cram practice are left out because
 *   they measure short-term memory. null when there were no such reviews;
 * - streak: consecutive local days with at least one review (cram practice counts: it is study),
 *   ending today, or yesterday when today has none yet;
 * - reviews_today: reviews on today's local day, cram included;
 * - forecast[i]: unsuspended, non-new cards whose due falls on local day today + i; forecast[0] also
 *   holds everything overdue, so it is today's workload.
 * The glossary's cards (quiz --glossary), when given (the command gives them once the learner has
 * quizzed the glossary), are one more entry, `glossary`, after the topics, with the same counts, and
 * are in the forecast like every card.
 */
import type { Question } from './question.js';
import { topicOfLesson, isDue } from './queue.js';
import { topicOfCardId, type CardRecord, type ReplayResult } from './replay.js';
import { localDayNumber, localDayReader, type UtcOffset } from './schedule.js';
import { CORE_TOPICS, GLOSSARY_TOPIC } from './topics.js';

export const MASTERED_STABILITY_DAYS = 21;
export const RETENTION_WINDOW_DAYS = 30;

/**
 * Mastered: a seen card whose FSRS stability is at least 21 days, that is, the scheduler expects
 * recall to stay at 90% or more for three weeks without a review. `stats` and the home screen count
 * with this one rule.
 */
export function isMastered(record: CardRecord | undefined): boolean {
  return record !== undefined && record.schedule.state !== 'new' && record.schedule.stability >= MASTERED_STABILITY_DAYS;
}

/**
 * Whether the learner has quizzed the glossary (`quiz --glossary`): only then do stats and home read
 * the glossary to count its cards (reading it costs a few milliseconds of each start).
 */
export function hasGlossaryCards(progress: ReplayResult): boolean {
  for (const card of progress.cards.keys()) if (topicOfCardId(card) === GLOSSARY_TOPIC) return true;
  return false;
}

/** Mastered cards per topic, counting each question id once. */
export function masteredByTopic(questions: readonly Question[], progress: ReplayResult): Map<string, number> {
  const counted = new Map<string, number>();
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.id)) continue;
    seen.add(question.id);
    if (!isMastered(progress.cards.get(question.id))) continue;
    const topic = topicOfLesson(question.lessonId);
    counted.set(topic, (counted.get(topic) ?? 0) + 1);
  }
  return counted;
}
export const FORECAST_DAYS = 14;

export interface TopicStats {
  topic: string;
  /** Cards (questions) in the topic. */
  total: number;
  seen: number;
  mastered: number;
  due_now: number;
  /** Share in [0, 1], or null with no review-phase reviews in the window. */
  retention: number | null;
  /** The number of reviews `retention` is computed from. */
  retention_reviews: number;
}

export interface ProgressStats {
  topics: TopicStats[];
  streak: number;
  reviews_today: number;
  /** FORECAST_DAYS counts; index 0 is today including overdue cards. */
  forecast: number[];
}

export interface StatsOptions {
  now: Date;
  utcOffset: UtcOffset;
  /** The glossary's cards (core/glossary-quiz.ts), counted as the entry `glossary`. */
  glossary?: readonly Question[] | undefined;
}

const MS_PER_DAY = 86_400_000;

/** Core topics in teaching order, then any others (lesson packs) in the order their questions come. */
function orderedTopics(questions: readonly Question[]): string[] {
  const present = new Set(questions.map((question) => topicOfLesson(question.lessonId)));
  const core = CORE_TOPICS.filter((topic) => present.has(topic));
  const others = [...present].filter((topic) => !(CORE_TOPICS as readonly string[]).includes(topic));
  return [...core, ...others];
}

export function computeStats(
  questions: readonly Question[],
  progress: ReplayResult,
  options: StatsOptions,
): ProgressStats {
  const { now, utcOffset } = options;
  const today = localDayNumber(now, utcOffset);

  const topicOfCard = new Map<string, string>();
  for (const question of questions) {
    if (!topicOfCard.has(question.id)) topicOfCard.set(question.id, topicOfLesson(question.lessonId));
  }
  const glossary = options.glossary ?? [];
  for (const question of glossary) if (!topicOfCard.has(question.id)) topicOfCard.set(question.id, GLOSSARY_TOPIC);

  const byTopic = new Map<string, TopicStats>();
  for (const topic of [...orderedTopics(questions), ...(glossary.length > 0 ? [GLOSSARY_TOPIC] : [])]) {
    byTopic.set(topic, { topic, total: 0, seen: 0, mastered: 0, due_now: 0, retention: null, retention_reviews: 0 });
  }

  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  for (const [cardId, topic] of topicOfCard) {
    const stats = byTopic.get(topic);
    if (!stats) continue;
    stats.total++;
    const record = progress.cards.get(cardId);
    if (!record || record.schedule.state === 'new') continue;
    stats.seen++;
    if (isMastered(record)) stats.mastered++;
    if (record.suspended) continue;
    if (isDue(record.schedule, now, utcOffset)) stats.due_now++;
    const dayOffset = Math.max(0, localDayNumber(record.schedule.due, utcOffset) - today);
    if (dayOffset < FORECAST_DAYS) forecast[dayOffset] = (forecast[dayOffset] ?? 0) + 1;
  }

  const windowStart = now.getTime() - RETENTION_WINDOW_DAYS * MS_PER_DAY;
  const recalled = new Map<string, number>();
  const reviewDays = new Set<number>();
  let reviewsToday = 0;
  const { reviews } = progress;
  const dayOf = localDayReader(utcOffset);
  for (let index = 0; index < reviews.length; index++) {
    const time = reviews.time(index);
    if (time > now.getTime()) continue; // another machine's clock ran ahead: not "so far"
    const day = dayOf(time);
    reviewDays.add(day);
    if (day === today) reviewsToday++;
    if (reviews.cram(index) || reviews.phaseBefore(index) !== 'review' || time <= windowStart) continue;
    const topic = topicOfCard.get(reviews.card(index));
    const stats = topic === undefined ? undefined : byTopic.get(topic);
    if (!stats) continue;
    stats.retention_reviews++;
    if (reviews.rating(index) !== 1) recalled.set(stats.topic, (recalled.get(stats.topic) ?? 0) + 1);
  }
  for (const stats of byTopic.values()) {
    if (stats.retention_reviews > 0) stats.retention = (recalled.get(stats.topic) ?? 0) / stats.retention_reviews;
  }

  return {
    topics: [...byTopic.values()],
    streak: streakEndingAt(reviewDays, today),
    reviews_today: reviewsToday,
    forecast,
  };
}

/** Consecutive days in `days` ending at `today`, or at yesterday when today is not (yet) among them. */
export function streakEndingAt(days: ReadonlySet<number>, today: number): number {
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day--;
  }
  return streak;
}
