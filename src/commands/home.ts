import { summarizeCatalog } from '../core/overview.js';
import { paint } from '../ui/color.js';
import { commandRow, progressRow } from '../ui/layout.js';
import { resolveLesson, type Catalog } from '../core/catalog.js';
import type { LessonSummary } from '../core/overview.js';
import { config, loadCatalog, promptIo, readingState, renderWidth, session, type CommandContext, type Session } from './context.js';
import { wrapText } from '../core/wrap.js';
import { displayWidth } from '../core/width.js';

/** Bare `ml-tutor`: where you are, what to read next, and the few commands that matter. */
export async function homeCommand(context: CommandContext): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const style = paint(current.color);
  const catalog = loadCatalog(context);
  const { read, hasReviews } = readingState(context);
  const topics = summarizeCatalog(catalog, current.choice.lang, read);
  const lessons = topics.flatMap((topic) => topic.lessons);
  const cards = topics.reduce((sum, topic) => sum + topic.questions, 0);
  // Only a learner who has quizzed has reviews due or cards mastered; the scheduler (ts-fsrs) loads
  // only then. A new learner's first quiz brings today's new cards.
  const reviews = hasReviews
    ? await (await import('./home-reviews.js')).homeReviews(context, stored, catalog, current.choice.lang)
    : { due: 0, fresh: Math.min(stored.config.new_per_day, cards), mastered: new Map<string, number>() };
  const width = renderWidth(context, undefined);

  const out: string[] = [`${style.bold.magenta('ml-tutor')} — ${t.appTagline}`, ''];
  out.push(style.bold(t.homeProgress));
  const glossary = 'glossary' in reviews ? reviews.glossary : undefined;
  const titleWidth = Math.max(...topics.map((topic) => displayWidth(topic.title)), glossary ? displayWidth(t.glossary.title) : 0);
  for (const topic of topics) {
    const progress = t.homeTopicProgress(topic.read, topic.total, reviews.mastered.get(topic.id) ?? 0, topic.questions);
    out.push(progressRow({ title: topic.title, done: topic.read, total: topic.total, count: progress }, titleWidth, width, style.green));
  }
  // The glossary has no lessons: its bar is its terms mastered.
  if (glossary) out.push(progressRow({ title: t.glossary.title, done: glossary.mastered, total: glossary.cards, count: t.glossary.homeProgress(glossary.mastered, glossary.cards) }, titleWidth, width, style.green));
  if (cards > 0) out.push(style.dim(`  ${t.homeMasteredMeans}`));
  out.push('');

  const due = reviews.due;
  if (due > 0 || (glossary?.due ?? 0) > 0) out.push(style.bold(t.homeContinue));
  if (due > 0) out.push(`  ${t.homeReviewsDue(due)} → ${style.cyan('ml-tutor quiz')}`);
  if (glossary && glossary.due > 0) out.push(`  ${t.glossary.homeDue(glossary.due)} → ${style.cyan('ml-tutor quiz --glossary')}`);
  if (due > 0 || (glossary?.due ?? 0) > 0) out.push('');

  const lastId = [...read.entries()].sort((a, b) => b[1].order - a[1].order)[0]?.[0];
  const lastRead = lessons.find((lesson) => lesson.id === lastId);
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
  for (const [command, hint] of commands) out.push(commandRow(command, hint, width, style.cyan));
  // Rows above already fit; this wraps the prose (tagline, titles) so no word is broken by the terminal.
  context.stdout.write(`${wrapText(out.join('\n'), width)}\n`);

  // On a terminal the home screen is also a menu (DESIGN §1); in a pipe it is just the summary.
  if (!context.stdinIsTTY || !context.stdout.isTTY) return;
  const choices: Array<{ label: string; run: () => Promise<void>; backToMenu?: boolean }> = [];
  if (next) {
    choices.push({ label: t.homeMenuRead(next.title), run: () => openLesson(context, catalog, next.id), backToMenu: true });
  }
  const quizLabel = due > 0 ? t.homeMenuQuiz(due) : reviews.fresh > 0 ? (hasReviews ? t.homeMenuNewCards(reviews.fresh) : t.homeMenuFirstQuiz(reviews.fresh)) : undefined;
  if (quizLabel !== undefined) {
    choices.push({ label: quizLabel, run: async () => (await import('./quiz.js')).quizCommand(context, undefined, {}) });
  }
  choices.push({ label: t.homeMenuBrowse, run: () => browse(context, current, lessons), backToMenu: true });
  choices.push({ label: t.homeMenuQuit, run: async () => undefined });
  const prompts = await import('../ui/prompts.js');
  const io = promptIo(context, current);
  context.stdout.write('\n');
  const picked = choices[(await prompts.askChoice(t.homeMenuPrompt, choices.map((choice) => choice.label), io)) - 1]!;
  await picked.run();
  // A lesson read from the menu comes back to the menu (redrawn: what is next has changed).
  if (picked.backToMenu) await homeCommand(context);
}

async function openLesson(context: CommandContext, catalog: Catalog, id: string): Promise<void> {
  const { showLesson } = await import('./read.js');
  await showLesson(context, catalog, resolveLesson(catalog, id), { fromMenu: true });
}

/** Pick any lesson from a list with read marks, then read it. */
async function browse(context: CommandContext, current: Session, lessons: LessonSummary[]): Promise<void> {
  const prompts = await import('../ui/prompts.js');
  const io = promptIo(context, current);
  const refWidth = Math.max(...lessons.map((lesson) => `${lesson.topic}/${lesson.number}`.length));
  const labels = lessons.map((lesson) => `${lesson.read ? '✓' : ' '} ${`${lesson.topic}/${lesson.number}`.padEnd(refWidth)}  ${lesson.title}`);
  const picked = await prompts.askChoice(current.t.homeMenuPickLesson, labels, io);
  await openLesson(context, loadCatalog(context), lessons[picked - 1]!.id);
}
