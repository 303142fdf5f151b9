import { readLessons } from '../core/progress.js';
import { summarizeCatalog } from '../core/overview.js';
import { paint } from '../ui/color.js';
import { bar, padDisplay } from '../ui/layout.js';
import { config, events, loadCatalog, session, type CommandContext } from './context.js';
import { displayWidth } from '../core/width.js';

/** Bare `ml-tutor`: where you are, what to read next, and the few commands that matter. */
export async function homeCommand(context: CommandContext): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const style = paint(current.color);
  const catalog = loadCatalog(context);
  const log = events(context);
  const read = readLessons(log);
  const topics = summarizeCatalog(catalog, current.choice.lang, read);
  const lessons = topics.flatMap((topic) => topic.lessons);

  const out: string[] = [`${style.bold.magenta('ml-tutor')} — ${t.appTagline}`, ''];
  out.push(style.bold(t.homeProgress));
  const titleWidth = Math.max(...topics.map((topic) => displayWidth(topic.title)));
  for (const topic of topics) {
    out.push(`  ${padDisplay(topic.title, titleWidth)}  ${style.green(bar(topic.read, topic.total))}  ${t.readCount(topic.read, topic.total)}`);
  }
  out.push('');

  // Only a learner who has quizzed has reviews due; the scheduler (ts-fsrs) loads only then.
  if (log.some((event) => event.type === 'review')) {
    const due = await (await import('./home-reviews.js')).reviewsDue(context, stored, catalog, current.choice.lang, log);
    if (due > 0) {
      out.push(style.bold(t.homeContinue));
      out.push(`  ${t.homeReviewsDue(due)} → ${style.cyan('ml-tutor quiz')}`, '');
    }
  }

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
    ['ml-tutor quiz', t.homeHintQuiz],
    ['ml-tutor list', t.homeHintList],
    ['ml-tutor read <lesson>', t.homeHintRead],
    ['ml-tutor --help', t.homeHintHelp],
  ];
  for (const [command, hint] of commands) out.push(`  ${style.cyan(command.padEnd(24))}${hint}`);
  context.stdout.write(`${out.join('\n')}\n`);
}
