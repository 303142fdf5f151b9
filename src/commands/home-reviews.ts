import type { Catalog } from '../core/catalog.js';
import { buildQueue } from '../core/queue.js';
import { glossaryQuestions } from '../core/glossary-quiz.js';
import { hasGlossaryCards, isMastered, masteredByTopic } from '../core/stats.js';
import type { Lang } from '../core/topics.js';
import { catalogQuestions, localUtcOffset, questionCache, replayed } from './progress-state.js';
import type { StoredConfig } from '../io/config-store.js';
import { now, type CommandContext } from './context.js';
import { courseGlossary } from './glossary.js';

export interface HomeReviews {
  /** Reviews due now across every lesson: what `ml-tutor quiz` would start with. */
  due: number;
  /** New cards a quiz started now would introduce (today's allowance left, if there are any). */
  fresh: number;
  /** Mastered cards per topic (core/stats.ts isMastered). */
  mastered: Map<string, number>;
  /** The glossary's cards (quiz --glossary), once the learner has answered one: mastered, in all, due now. */
  glossary?: { mastered: number; cards: number; due: number } | undefined;
}

/** What the home screen needs from the scheduler, for a learner who has quizzed. */
export async function homeReviews(context: CommandContext, stored: StoredConfig, catalog: Catalog, lang: Lang): Promise<HomeReviews> {
  const { progress } = replayed(context, stored);
  const { questions } = catalogQuestions(catalog, lang, undefined, questionCache(context));
  const options = { now: now(context), utcOffset: localUtcOffset, newPerDay: stored.config.new_per_day };
  const queue = buildQueue(questions, progress, { kind: 'all' }, options);
  const reviews: HomeReviews = { due: queue.dueTotal, fresh: Math.min(queue.newAllowance, queue.newAvailable), mastered: masteredByTopic(questions, progress) };
  if (hasGlossaryCards(progress)) {
    const terms = glossaryQuestions(courseGlossary(context, catalog).terms, lang);
    const due = buildQueue(terms, progress, { kind: 'all' }, options).dueTotal;
    reviews.glossary = { mastered: terms.filter((term) => isMastered(progress.cards.get(term.id))).length, cards: terms.length, due };
  }
  return reviews;
}
