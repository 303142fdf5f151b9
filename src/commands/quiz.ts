import { pickVariant } from '../core/catalog.js';
import { InterruptedError, UsageError, UserError } from '../core/errors.js';
import type { ProgressEvent } from '../core/events.js';
import { buildQueue } from '../core/queue.js';
import { idleReason, QuizSession, type Answer, type QuizFace } from '../core/quiz-session.js';
import { glossaryQuestions } from '../core/glossary-quiz.js';
import { resolveScope } from '../core/quiz-scope.js';
import type { CardState, Rating } from '../core/schedule.js';
import { newEventId, randomBytes } from '../io/event-id.js';
import { createRng } from '../math/random.js';
import { porcelainFace } from '../ui/quiz-porcelain.js';
import { terminalFace } from '../ui/quiz-terminal.js';
import type { ViewOptions } from '../ui/quiz-view.js';
import { catalogQuestions, loadProgressState, localUtcOffset, questionCache, rereadCommand } from './progress-state.js';
import { courseGlossary } from './glossary.js';
import { checkEventTime, config, loadCatalog, now, promptIo, renderWidth, saveEvents, session, warn, type CommandContext } from './context.js';

export interface QuizOptions {
  new?: string | undefined;
  limit?: string | undefined;
  cram?: boolean | undefined;
  seed?: string | undefined;
  porcelain?: boolean | undefined;
  glossary?: boolean | undefined;
}

function wholeNumber(flag: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number > max) {
    throw new UsageError((t) => t.flagWholeNumber(flag, max, value));
  }
  return number;
}

/** `ml-tutor quiz`: load the cards, build the queue, then run the session through one of its two faces. */
export async function quizCommand(context: CommandContext, query: string | undefined, options: QuizOptions): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const lang = current.choice.lang;
  const catalog = loadCatalog(context);
  const scope = resolveScope(catalog, query);
  const newLimit = options.new === undefined ? undefined : wholeNumber('--new', options.new, 10_000);
  const limit = options.limit === undefined ? undefined : wholeNumber('--limit', options.limit, 100_000);
  const seed = options.seed === undefined ? randomBytes(4).readUInt32LE(0) : wholeNumber('--seed', options.seed, 2 ** 32 - 1);
  const rng = createRng(seed);
  const cram = options.cram === true;

  const { scheduler, progress } = loadProgressState(context, stored);
  // --glossary: the course's terms instead of the lessons' questions (the queue keeps those in scope).
  const { questions, fallbackLessons, lessonsWithBrokenQuestions } = options.glossary
    ? { questions: glossaryQuestions(courseGlossary(context, catalog).terms, lang), fallbackLessons: [], lessonsWithBrokenQuestions: 0 }
    : catalogQuestions(catalog, lang, (entry) => (scope.kind === 'all' ? true : scope.kind === 'topic' ? entry.topic === scope.topic : entry.id === scope.lessonId), questionCache(context));
  const startedAt = now(context);
  const queue = buildQueue(questions, progress, scope, {
    now: startedAt,
    utcOffset: localUtcOffset,
    newPerDay: stored.config.new_per_day,
    cram,
    rng,
    ...(newLimit === undefined ? {} : { newLimit }),
    ...(limit === undefined ? {} : { limit }),
  });

  // Every answer is dated startedAt's clock: refuse a simulated one the log must not get before asking.
  if (queue.items.length > 0) checkEventTime(context);
  const write = (text: string): void => void context.stdout.write(text);
  const say = (line: string): void => warn(context, line);
  const view: ViewOptions = { t, color: current.color, width: Math.min(renderWidth(context, undefined), 100) };
  const face: QuizFace =
    options.porcelain === true || !context.stdinIsTTY
      ? porcelainFace({ write, warn: say, input: context.stdin }, lang)
      : await terminalFace({ write, warn: say, prompts: promptIo(context, current) }, lang, view);

  if (lessonsWithBrokenQuestions > 0) face.warn(t.quizBrokenBlocks(lessonsWithBrokenQuestions));
  const fallbackInQueue = fallbackLessons.filter((lesson) => queue.items.some((item) => item.question.lessonId === lesson));
  if (fallbackInQueue.length > 0) face.warn(t.quizFallback(fallbackInQueue.length, t.langName[lang]));

  const cards = new Map<string, CardState>([...progress.cards].map(([id, record]) => [id, record.schedule]));
  const suspended = new Set([...progress.cards.values()].filter((record) => record.suspended).map((record) => record.id));
  const lessonTitles = new Map(catalog.lessons.map((entry) => [entry.id, pickVariant(entry.variants, lang)?.title ?? entry.id]));
  const quiz = new QuizSession({
    queue,
    cards,
    suspended,
    scheduler,
    cram,
    lang,
    rng,
    newId: newEventId,
    where: (question) => `${lessonTitles.get(question.lessonId) ?? question.lessonId} §${question.section}`,
    reread: (question) => rereadCommand(catalog, question),
  });

  face.start(queue, cram, queue.items.length === 0 ? idleReason(questions, scope, cards, suspended, startedAt) : { hasCards: true });
  const interrupted = (): InterruptedError => new InterruptedError((table) => table.quizInterrupted(quiz.summary.answered), lang);
  // Durable before anything about the answer is shown (issue 4, "Saving"). An answer that cannot be
  // saved is never acknowledged: the session stops with exit 1, and what was saved before stays.
  const persist = (events: ProgressEvent[], card: string): void => {
    try {
      saveEvents(context, events);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError((table) => table.quizNotSaved(card, quiz.summary.answered - 1, error.text(table)), lang);
    }
  };
  try {
    for (let step = quiz.next(); step.kind !== 'done'; step = quiz.next()) {
      if (step.kind === 'unusable') {
        face.warn(t.quizGeneratorFailed(step.id, step.reason));
        continue;
      }
      const { card } = step;
      // process.hrtime: a monotonic clock without loading node:perf_hooks (~4 ms of a start).
      const shownAt = process.hrtime.bigint();
      let answer: Answer;
      try {
        answer = await face.ask(card);
      } catch (error) {
        throw error instanceof InterruptedError ? interrupted() : error;
      }
      if (answer.kind === 'quit') quiz.quit();
      if (answer.kind === 'skip') quiz.skip();
      if (answer.kind !== 'answer') continue;
      const ms = Number(process.hrtime.bigint() - shownAt) / 1e6;
      const at = now(context);
      let rating: Rating = quiz.impliedRating(answer.grade);
      if (quiz.asksRating(answer.grade)) {
        try {
          rating = await face.rate(card, quiz.ratingChoices(card, at));
        } catch (error) {
          if (!(error instanceof InterruptedError)) throw error;
          // Ctrl-C at the rating: keep the answer (as Good, porcelain's default) before stopping.
          persist(quiz.answer(card, answer.grade, 3, at, ms).save, card.question.id);
          throw interrupted();
        }
      }
      const { save, outcome } = quiz.answer(card, answer.grade, rating, at, ms);
      persist(save, card.question.id);
      face.result(outcome);
    }
    face.summary(quiz.summary, queue);
  } finally {
    face.close();
  }
}
