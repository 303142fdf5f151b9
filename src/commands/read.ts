import { lessonLink, pickVariant, resolveLesson, type Catalog, type LessonEntry } from '../core/catalog.js';
import { InterruptedError, UserError } from '../core/errors.js';
import { outline, prepareLessonView } from '../core/lesson-view.js';
import type { Lesson } from '../core/lesson.js';
import { LANGS } from '../core/topics.js';
import { buildStamp } from '../io/derived-cache.js';
import { readCachedPage, writeCachedPage } from '../io/page-cache.js';
import { paint } from '../ui/color.js';
import type { PagerResult } from '../ui/pager.js';
import { newEventBase } from './new-event.js';
import { checkEventTime, home, loadCatalog, renderWidth, saveEvents, session, warn, type CommandContext, type Session } from './context.js';

export interface ReadOptions {
  width?: string | undefined;
  /** commander's --no-pager: false when given. */
  pager?: boolean | undefined;
  outline?: boolean | undefined;
  section?: string | undefined;
  /** Opened from the home menu, which comes back after the pager: no "what next" footer then. */
  fromMenu?: boolean | undefined;
}

/**
 * The lesson variant to show: the reading language if it exists; with an explicit --lang that is
 * an error, otherwise English with a one-line note.
 */
export function chooseVariant(context: CommandContext, entry: LessonEntry, current: Session): Lesson {
  const { lang, strict } = current.choice;
  const exact = entry.variants[lang];
  if (exact) return exact;
  const available = LANGS.filter((code) => entry.variants[code]);
  if (strict) {
    throw new UserError((t) => t.langMissingVariant(lang, entry.id, available));
  }
  const fallback = pickVariant(entry.variants, 'en')!;
  warn(context, current.t.fallbackNote(entry.id, current.t.langName[lang]));
  return fallback;
}

export async function readCommand(context: CommandContext, query: string, options: ReadOptions): Promise<void> {
  const catalog = loadCatalog(context);
  const entry = resolveLesson(catalog, query);
  await showLesson(context, catalog, entry, options);
}

/** Render a lesson (or its outline or one section), page it on a terminal, and log it as read. */
export async function showLesson(context: CommandContext, catalog: Catalog, entry: LessonEntry, options: ReadOptions): Promise<void> {
  const current = session(context);
  const width = renderWidth(context, options.width);
  const lesson = chooseVariant(context, entry, current);
  const topic = catalog.topics.find((candidate) => candidate.id === entry.topic)!;
  const topicTitle = pickVariant(topic.variants, lesson.lang)?.title ?? topic.id;

  if (options.outline) {
    const style = paint(current.color);
    const lines = [style.bold(current.t.outlineTitle(lesson.title)), ...outline(lesson)];
    context.stdout.write(`${lines.join('\n')}\n`);
    return;
  }

  const next = catalog.lessons[catalog.lessons.indexOf(entry) + 1];
  // Its place in the topic as merged from every source: a pack's 99-x.md after five lessons is the 6th.
  const position = topic.lessons.indexOf(entry) + 1;
  const prerequisites = lesson.prerequisites.map((id) => lessonLink(catalog, id, lesson.lang));
  // Everything the page is made from, so a cached page is used only if it would come out the same.
  const pageKey = JSON.stringify({
    build: buildStamp(),
    lesson: lesson.revision,
    section: options.section ?? null,
    topic: [topicTitle, position, topic.lessons.length],
    next: next ? [next.topic, next.number, (next.variants[lesson.lang] ?? next.variants.en)?.title ?? next.id] : null,
    prerequisites,
    ui: current.choice.lang,
    width,
    color: current.color,
  });
  const cacheable = lesson.revision !== undefined;
  let page = cacheable ? readCachedPage(home(context), lesson.id, lesson.lang, pageKey) : undefined;
  if (page === undefined) {
    const view = prepareLessonView(lesson, options.section === undefined ? {} : { section: options.section });
    // The renderer (marked, marked-terminal, cli-table3) and the demos load only to draw a page.
    const [{ renderLessonPage }, { renderDemoForLesson }] = await Promise.all([import('../ui/lesson-page.js'), import('./demo-embed.js')]);
    page = renderLessonPage({
      lesson,
      view,
      topicTitle,
      topicSize: topic.lessons.length,
      position,
      whole: options.section === undefined,
      next,
      prerequisites,
      t: current.t,
      width,
      color: current.color,
      renderDemo: (words, demoWidth) => renderDemoForLesson(words, { lang: lesson.lang, color: current.color, width: demoWidth }),
    });
    if (cacheable) writeCachedPage(home(context), lesson.id, lesson.lang, pageKey, page);
  }

  const rows = context.stdout.rows ?? 24;
  const tall = page.split('\n').length > rows - 1;
  let shown: PagerResult = 'unavailable';
  if (context.stdout.isTTY && options.pager !== false && tall && context.page) shown = await context.page(page);
  if (shown === 'interrupted') throw new InterruptedError();
  if (shown === 'unavailable') context.stdout.write(page);
  // Read means the whole page reached the learner: the pager was closed at the end (not before it,
  // not by Ctrl-C), or every byte was written (not cut off by `| head` closing the pipe).
  const whole = shown === 'read' || (shown === 'unavailable' && context.stdout.broken !== true);
  if (options.section === undefined && whole) markRead(context, current, lesson);
  // The pager took the page, footer and all, off the screen: say what next again, unless the
  // learner goes back to the menu they came from.
  if ((shown === 'read' || shown === 'left') && options.section === undefined && !options.fromMenu) {
    const { lessonFooter } = await import('../ui/lesson-footer.js');
    context.stdout.write(`${lessonFooter({ lesson, next, t: current.t, width, color: current.color })}\n`);
  }
}

/**
 * Logs the lesson as read; the event is on disk before we exit 0. A data dir that cannot be
 * written (read-only, full) must not keep the learner from reading: say so and go on.
 */
function markRead(context: CommandContext, current: Session, lesson: Lesson): void {
  try {
    checkEventTime(context);
    saveEvents(context, [{ ...newEventBase(context), type: 'read', lesson: lesson.id, lang: lesson.lang }]);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    warn(context, current.t.warning(current.t.notMarkedRead(error.text(current.t))));
  }
}

