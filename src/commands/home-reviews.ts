import type { Catalog } from '../core/catalog.js';
import { buildQueue } from '../core/queue.js';
import { masteredByTopic } from '../core/stats.js';
import type { Lang } from '../core/topics.js';
import { catalogQuestions, localUtcOffset, questionCache, replayed } from './progress-state.js';
import type { StoredConfig } from '../io/config-store.js';
import { now, type CommandContext } from './context.js';

export interface HomeReviews {
  /** Reviews due now across every lesson: what `ml-tutor quiz` would start with. */
  due: number;
  /** New cards a quiz started now would introduce (today's allowance left, if there are any). */
  fresh: number;
  /** Mastered cards per topic (core/stats.ts isMastered). */
  mastered: Map<string, number>;
}

/** What the home screen needs from the scheduler, for a learner who has quizzed. */
export async function homeReviews(context: CommandContext, stored: StoredConfig, catalog: Catalog, lang: Lang): Promise<HomeReviews> {
  const { progress } = replayed(context, stored);
  const { questions } = catalogQuestions(catalog, lang, undefined, questionCache(context));
  const queue = buildQueue(questions, progress, { kind: 'all' }, { now: now(context), utcOffset: localUtcOffset, newPerDay: stored.config.new_per_day });
  return { due: queue.dueTotal, fresh: Math.min(queue.newAllowance, queue.newAvailable), mastered: masteredByTopic(questions, progress) };
}
