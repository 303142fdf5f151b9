import { resolveTopic } from '../core/catalog.js';
import { summarizeCatalog, type TopicSummary } from '../core/overview.js';
import { joinSoftBreaks } from '../core/lesson-view.js';
import { wrapText } from '../core/wrap.js';
import type { Messages } from '../i18n/index.js';
import { paint } from '../ui/color.js';
import { padDisplay, truncateDisplay } from '../ui/layout.js';
import { loadCatalog, noteUnusableDataDir, readingState, renderWidth, session, type CommandContext } from './context.js';
import { displayWidth } from '../core/width.js';

export interface ListOptions {
  json?: boolean | undefined;
}

/**
 * Topics and their lessons, one line a lesson: read mark, the short reference a learner types
 * (`rnn/2`), the title and the minutes. Full ids are in --json. `fitTitles`: shorten titles to fit
 * the width (a terminal); written to a pipe or a file, titles are kept whole, for grep and for reading.
 */
export function formatTopics(topics: TopicSummary[], options: { t: Messages; color: boolean; width: number; overview: boolean; fitTitles?: boolean }): string {
  const style = paint(options.color);
  const { t } = options;
  const out: string[] = [];
  const refWidth = Math.max(0, ...topics.flatMap((topic) => topic.lessons.map((lesson) => `${topic.id}/${lesson.number}`.length)));
  const minutesWidth = Math.max(0, ...topics.flatMap((topic) => topic.lessons.map((lesson) => displayWidth(t.minutes(lesson.minutes)))));
  // "  ✓ " + ref + "  " + title + "  " + minutes
  const titleRoom = options.fitTitles === false ? Infinity : Math.max(8, options.width - (4 + refWidth + 2 + 2 + minutesWidth));
  for (const topic of topics) {
    if (out.length > 0) out.push('');
    out.push(wrapText(`${style.bold(topic.title)}  ${style.dim(`${topic.id} · ${t.readCount(topic.read, topic.total)}`)}`, options.width));
    if (options.overview && topic.overview) out.push(style.dim(wrapText(joinSoftBreaks(topic.overview), options.width)), '');
    if (topic.lessons.length === 0) out.push(`  ${style.dim(t.noLessonsInTopic)}`);
    const titleWidth = Math.min(titleRoom, Math.max(0, ...topic.lessons.map((lesson) => displayWidth(lesson.title))));
    for (const lesson of topic.lessons) {
      const mark = lesson.read ? style.green('✓') : ' ';
      const ref = style.cyan(`${topic.id}/${lesson.number}`.padEnd(refWidth));
      const title = padDisplay(truncateDisplay(lesson.title, titleWidth), titleWidth);
      out.push(`  ${mark} ${ref}  ${title}  ${style.dim(t.minutes(lesson.minutes))}`.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

export async function listCommand(context: CommandContext, topicQuery: string | undefined, options: ListOptions): Promise<void> {
  const current = session(context);
  noteUnusableDataDir(context);
  const catalog = loadCatalog(context);
  const { read } = readingState(context);
  let topics = summarizeCatalog(catalog, current.choice.lang, read);
  if (topicQuery !== undefined) {
    const topic = resolveTopic(catalog, topicQuery);
    topics = topics.filter((summary) => summary.id === topic.id);
  }
  if (options.json) {
    context.stdout.write(`${JSON.stringify({ lang: current.choice.lang, topics }, null, 2)}\n`);
    return;
  }
  // A terminal (or a width asked for with COLUMNS) gets titles that fit; a pipe gets them whole.
  const fitTitles = Boolean(context.stdout.isTTY) || /^\d+$/.test(context.env.COLUMNS ?? '');
  context.stdout.write(formatTopics(topics, { t: current.t, color: current.color, width: renderWidth(context, undefined), overview: topicQuery !== undefined, fitTitles }));
}
