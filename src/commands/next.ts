import { loadCatalog, readingState, session, type CommandContext } from './context.js';
import { showLesson, type ReadOptions } from './read.js';

/** Read the first lesson, in teaching order, that the log has no read event for. */
export async function nextCommand(context: CommandContext, options: ReadOptions): Promise<void> {
  const catalog = loadCatalog(context);
  const { read } = readingState(context);
  const entry = catalog.lessons.find((lesson) => !read.has(lesson.id));
  if (!entry) {
    context.stdout.write(`${session(context).t.nextAllRead}\n`);
    return;
  }
  await showLesson(context, catalog, entry, options);
}
