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
      const hint = near.length > 0 ? `\nDid you mean ${near.map((name) => `"${name}"`).join(' or ')}?` : '';
      const hintZh = near.length > 0 ? `\n你是不是想输入${near.map((name) => `“${name}”`).join(' 或 ')}？` : '';
      throw new UserError(
        `unknown topic or lesson "${query}"${hint}\nSee "ml-tutor list" for every topic and lesson.`,
        `没有主题或课程“${query}”${hintZh}\n运行“ml-tutor list”查看全部主题和课程。`,
      );
    }
  }
}
