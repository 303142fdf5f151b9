import { readLessons } from '../core/progress.js';
import { summarizeCatalog } from '../core/overview.js';
import { paint } from '../ui/color.js';
import { bar, padDisplay } from '../ui/layout.js';
import { events, loadCatalog, session, type CommandContext } from './context.js';
import stringWidth from 'string-width';

/** Bare `ml-tutor`: where you are, what to read next, and the few commands that matter. */
export async function homeCommand(context: CommandContext): Promise<void> {
  const current = session(context);
  const { t } = current;
  const style = paint(current.color);
  const catalog = loadCatalog(context);
  const read = readLessons(events(context));
  const topics = summarizeCatalog(catalog, current.choice.lang, read);
  const lessons = topics.flatMap((topic) => topic.lessons);

  const out: string[] = [`${style.bold.magenta('ml-tutor')} — ${t.appTagline}`, ''];
  out.push(style.bold(t.homeProgress));
  const titleWidth = Math.max(...topics.map((topic) => stringWidth(topic.title)));
  for (const topic of topics) {
    out.push(`  ${padDisplay(topic.title, titleWidth)}  ${style.green(bar(topic.read, topic.total))}  ${t.readCount(topic.read, topic.total)}`);
  }
  out.push('');

  const lastRead = lessons.filter((lesson) => lesson.last_read_at).sort((a, b) => (b.last_read_at ?? '').localeCompare(a.last_read_at ?? ''))[0];
  if (lastRead) out.push(`${style.bold(t.homeLastRead)}: ${lastRead.title} ${style.dim(`(${lastRead.id})`)}`);
  const next = lessons.find((lesson) => !lesson.read);
  if (next) {
    out.push(style.bold(read.size === 0 ? t.homeStart : t.homeNext));
    out.push(`  ${next.title} ${style.dim(`· ${t.minutes(next.minutes)}`)}`);
    out.push(`  → ${style.cyan(`ml-tutor read ${next.topic}/${next.number}`)}`);
  } else {
    out.push(t.homeAllRead);
  }
  out.push('', style.bold(t.homeCommands));
  const commands: Array<[string, string]> = [
    ['ml-tutor next', t.homeHintNext],
    ['ml-tutor list', t.homeHintList],
    ['ml-tutor read <lesson>', t.homeHintRead],
    ['ml-tutor --help', t.homeHintHelp],
  ];
  for (const [command, hint] of commands) out.push(`  ${style.cyan(command.padEnd(24))}${hint}`);
  context.stdout.write(`${out.join('\n')}\n`);
}
