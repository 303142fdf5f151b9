import { resolveLesson, resolveTopic, type Catalog } from './catalog.js';
import { UserError } from './errors.js';
import type { QuizScope } from './queue.js';
import { closestMatches } from './suggest.js';

/** `quiz attention` (topic, or a unique prefix), `quiz attention/2` (lesson), or a lesson slug. */
export function resolveScope(catalog: Catalog, query: string | undefined): QuizScope {
  if (query === undefined) return { kind: 'all' };
  if (query.includes('/')) return { kind: 'lesson', lessonId: resolveLesson(catalog, query).id };
  try {
    return { kind: 'topic', topic: resolveTopic(catalog, query).id };
  } catch (topicError) {
    const needle = query.trim().toLowerCase();
    if (catalog.topics.filter((topic) => topic.id.startsWith(needle)).length > 1) throw topicError;
    try {
      return { kind: 'lesson', lessonId: resolveLesson(catalog, query).id };
    } catch {
      const names = [...catalog.topics.map((topic) => topic.id), ...catalog.lessons.map((lesson) => lesson.id)];
      const near = closestMatches(needle, names);
      throw new UserError((t) => t.unknownScope(query) + t.didYouMean(near) + t.seeListScopes);
    }
  }
}
