import { resolveTopic } from '../core/catalog.js';
import { readLessons } from '../core/progress.js';
import { summarizeCatalog, type TopicSummary } from '../core/overview.js';
import { wrapText } from '../core/wrap.js';
import type { Messages } from '../i18n/index.js';
import { paint } from '../ui/color.js';
import { padDisplay, truncateDisplay } from '../ui/layout.js';
import { events, loadCatalog, renderWidth, session, type CommandContext } from './context.js';
import { displayWidth } from '../core/width.js';

export interface ListOptions {
  json?: boolean | undefined;
}

export function formatTopics(topics: TopicSummary[], options: { t: Messages; color: boolean; width: number; overview: boolean }): string {
  const style = paint(options.color);
  const { t } = options;
  const out: string[] = [];
  for (const topic of topics) {
    if (out.length > 0) out.push('');
    out.push(`${style.bold(topic.title)}  ${style.dim(`${topic.id} · ${t.readCount(topic.read, topic.total)}`)}`);
    if (options.overview && topic.overview) out.push(style.dim(wrapText(topic.overview.replace(/\s*\n\s*/g, ' '), options.width)), '');
    if (topic.lessons.length === 0) out.push(`  ${style.dim(t.noLessonsInTopic)}`);
    const titleWidth = Math.min(48, Math.max(0, ...topic.lessons.map((lesson) => displayWidth(lesson.title))));
    for (const lesson of topic.lessons) {
      const mark = lesson.read ? style.green('✓') : ' ';
      const number = String(lesson.number).padStart(2);
      const title = padDisplay(truncateDisplay(lesson.title, titleWidth), titleWidth);
      const minutes = t.minutes(lesson.minutes).padStart(6);
      out.push(`  ${mark} ${number}  ${title}  ${style.dim(minutes)}  ${style.cyan(lesson.id)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export async function listCommand(context: CommandContext, topicQuery: string | undefined, options: ListOptions): Promise<void> {
  const current = session(context);
  const catalog = loadCatalog(context);
  const read = readLessons(events(context));
  let topics = summarizeCatalog(catalog, current.choice.lang, read);
  if (topicQuery !== undefined) {
    const topic = resolveTopic(catalog, topicQuery);
    topics = topics.filter((summary) => summary.id === topic.id);
  }
  if (options.json) {
    context.stdout.write(`${JSON.stringify({ lang: current.choice.lang, topics }, null, 2)}\n`);
    return;
  }
  context.stdout.write(formatTopics(topics, { t: current.t, color: current.color, width: renderWidth(context, undefined), overview: topicQuery !== undefined }));
}
