import type { Catalog } from '../core/catalog.js';
import { buildQueue } from '../core/queue.js';
import type { Lang } from '../core/topics.js';
import { catalogQuestions, localUtcOffset, replayed, schedulerFor } from './progress-state.js';
import type { StoredConfig } from '../io/config-store.js';
import { now, type CommandContext } from './context.js';

/** Reviews due now across every lesson: what `ml-tutor quiz` would start with. */
export async function reviewsDue(context: CommandContext, stored: StoredConfig, catalog: Catalog, lang: Lang): Promise<number> {
  const scheduler = schedulerFor(context, stored);
  const progress = replayed(context, scheduler).value;
  const { questions } = catalogQuestions(catalog, lang);
  return buildQueue(questions, progress, { kind: 'all' }, { now: now(context), utcOffset: localUtcOffset, newPerDay: stored.config.new_per_day }).dueTotal;
}
