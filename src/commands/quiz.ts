import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pickVariant, resolveLesson, resolveTopic, type Catalog } from '../core/catalog.js';
import { InterruptedError, UsageError, UserError } from '../core/errors.js';
import type { ProgressEvent, ReviewEvent } from '../core/events.js';
import {
  describeExpected,
  gradeAnswer,
  presentQuestion,
  shownOptionTexts,
  type ExpectedAnswer,
  type GradeResult,
  type PresentedQuestion,
} from '../core/grade.js';
import type { Question } from '../core/question.js';
import { buildQueue, inScope, returnsInSession, type QueueItem, type QuizScope, type SessionQueue } from '../core/queue.js';
import { isLeechLapse } from '../core/replay.js';
import { newCardState, type CardState, type NextState, type Rating } from '../core/schedule.js';
import { closestMatches } from '../core/suggest.js';
import { wrapText } from '../core/wrap.js';
import type { Lang } from '../core/topics.js';
import { newEventId } from '../io/event-id.js';
import { appendEvents } from '../io/event-store.js';
import { createRng } from '../math/random.js';
import { messages, type Messages } from '../i18n/index.js';
import { formatCard, formatInterval, formatResult, type ViewOptions } from '../ui/quiz-view.js';
import { catalogQuestions, loadProgressState, localUtcOffset, rereadCommand } from './progress-state.js';
import { config, home, loadCatalog, now, promptOutput, renderWidth, session, warn, type CommandContext } from './context.js';

export interface QuizOptions {
  new?: string | undefined;
  limit?: string | undefined;
  cram?: boolean | undefined;
  seed?: string | undefined;
  porcelain?: boolean | undefined;
}

const MS_PER_DAY = 86_400_000;

function wholeNumber(flag: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number > max) {
    throw new UsageError(`${flag}: expected a whole number from 0 to ${max}, got "${value}"`);
  }
  return number;
}

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

/** What the learner did with a question. */
type Answer = { kind: 'answer'; grade: Extract<GradeResult, { kind: 'graded' }> } | { kind: 'skip' } | { kind: 'quit' };

interface ShownCard {
  question: Question;
  presented: PresentedQuestion;
  prompt: string;
  explain: string;
  number: number;
  left: number;
  where: string;
}

interface Outcome {
  card: ShownCard;
  correct: boolean;
  rating: Rating;
  cram: boolean;
  expected: ExpectedAnswer;
  after: CardState;
  at: Date;
  reread: string;
  leech: boolean;
}

interface Summary {
  answered: number;
  correct: number;
  skipped: number;
  leeches: string[];
  quit: boolean;
}

/** The two faces of a session: JSON lines for scripts, prompts for a person. */
interface QuizUi {
  start(queue: SessionQueue, cram: boolean, nothingLeft: string[]): void;
  ask(card: ShownCard): Promise<Answer>;
  /** Hard / Good / Easy after a right answer. */
  rate(card: ShownCard, next: Record<Rating, NextState>): Promise<Rating>;
  result(outcome: Outcome): void;
  summary(summary: Summary, queue: SessionQueue): void;
  warn(line: string): void;
  close(): void;
}

/** The value a script compares against: option number(s), true/false, the number, or the text. */
function expectedValue(expected: ExpectedAnswer): number | number[] | boolean | string {
  switch (expected.type) {
    case 'choice':
      return expected.option;
    case 'multi':
      return expected.options;
    case 'truefalse':
      return expected.answer;
    case 'numeric':
      return expected.answer;
    case 'text':
      return expected.answer;
  }
}

function roundDays(ms: number): number {
  return Math.round((ms / MS_PER_DAY) * 100_000) / 100_000;
}

/** Lines read one at a time from one readline interface, so nothing buffered between questions is lost. */
class LineReader {
  private readonly lines: AsyncIterator<string>;
  private readonly rl;
  constructor(stream: NodeJS.ReadableStream) {
    this.rl = createInterface({ input: stream, crlfDelay: Infinity, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }
  /** The next line, or undefined at end of input. */
  async next(): Promise<string | undefined> {
    const result = await this.lines.next();
    return result.done ? undefined : result.value;
  }
  close(): void {
    this.rl.close();
  }
}

function porcelainUi(context: CommandContext, lang: Lang): QuizUi {
  let reader: LineReader | undefined;
  const emit = (value: Record<string, unknown>): void => {
    context.stdout.write(`${JSON.stringify(value)}\n`);
  };
  return {
    start() {},
    async ask(card) {
      if (!context.stdin) throw new UserError('quiz --porcelain needs answers on standard input');
      reader ??= new LineReader(context.stdin);
      for (;;) {
        const options = shownOptionTexts(card.presented, lang);
        emit({ event: 'question', id: card.question.id, type: card.question.type, prompt: card.prompt, ...(options ? { options } : {}) });
        const line = await reader.next();
        if (line === undefined) return { kind: 'quit' };
        const text = line.trim();
        if (/^skip$/i.test(text)) return { kind: 'skip' };
        if (/^quit$/i.test(text)) return { kind: 'quit' };
        const grade = gradeAnswer(card.presented, text);
        if (grade.kind === 'graded') return { kind: 'answer', grade };
        emit({ event: 'error', message: grade.message[lang] });
      }
    },
    async rate() {
      return 3;
    },
    result(outcome) {
      emit({
        event: 'result',
        id: outcome.card.question.id,
        correct: outcome.correct,
        expected: expectedValue(outcome.expected),
        rating: outcome.rating,
        due: outcome.cram && outcome.after.state === 'new' ? null : outcome.after.due.toISOString(),
        interval_days: outcome.cram ? null : roundDays(outcome.after.due.getTime() - outcome.at.getTime()),
        expected_text: describeExpected(outcome.card.presented, lang),
        explain: outcome.card.explain,
        ...(outcome.correct ? {} : { reread: outcome.reread }),
        ...(outcome.cram ? { cram: true } : {}),
        ...(outcome.leech ? { suspended: 'leech' } : {}),
      });
    },
    summary(summary, queue) {
      emit({
        event: 'summary',
        answered: summary.answered,
        correct: summary.correct,
        wrong: summary.answered - summary.correct,
        skipped: summary.skipped,
        suspended: summary.leeches,
        quit: summary.quit,
        due_total: queue.dueTotal,
        new_available: queue.newAvailable,
      });
    },
    warn(line) {
      warn(context, line);
    },
    close() {
      reader?.close();
    },
  };
}

async function ttyUi(context: CommandContext, lang: Lang, t: Messages, view: ViewOptions): Promise<QuizUi> {
  const prompts = await import('../ui/prompts.js');
  const io = { input: context.stdin, output: promptOutput(context), color: view.color, keyNames: t.promptKeys };
  const write = (text: string): void => {
    context.stdout.write(text);
  };
  return {
    start(queue, cram, nothingLeft) {
      if (queue.items.length === 0) {
        const lines = [...nothingLeft];
        if (!cram && queue.newAllowance === 0 && queue.newAvailable > 0 && queue.dueTotal === 0) lines.push(t.quizNewLimit);
        write(`${lines.map((line) => wrapText(line, view.width)).join('\n')}\n`);
        return;
      }
      const fresh = queue.items.filter((item) => item.kind === 'new').length;
      const due = queue.items.length - fresh;
      write(`${cram ? t.quizCramHeader(queue.items.length) : t.quizHeader(due, fresh)}\n`);
    },
    async ask(card) {
      write(formatCard(card, view));
      const presented = card.presented;
      const asText = (value: string): string | undefined => {
        const grade = gradeAnswer(presented, value);
        return grade.kind === 'invalid' ? grade.message[lang] : undefined;
      };
      let input: string;
      switch (presented.type) {
        case 'choice':
        case 'truefalse':
          input = String(await prompts.askChoice(t.quizYourAnswer, shownOptionTexts(presented, lang) ?? [], io));
          break;
        case 'multi':
          input = (await prompts.askMulti(t.quizPickAll, shownOptionTexts(presented, lang) ?? [], io, t.quizPickAtLeastOne)).join(',');
          break;
        case 'numeric':
          input = await prompts.askText(t.quizTypeNumber, asText, io);
          break;
        case 'text':
          input = await prompts.askText(t.quizYourAnswer, asText, io);
          break;
      }
      const grade = gradeAnswer(presented, input);
      // The prompts only accept input that grades; anything else would be a bug in this file.
      if (grade.kind !== 'graded') throw new Error(`ungradable input ${JSON.stringify(input)}`);
      return { kind: 'answer', grade };
    },
    async rate(_card, next) {
      const ratings: Array<2 | 3 | 4> = [2, 3, 4];
      return prompts.askRating(
        t.quizRate,
        ratings.map((rating) => ({ rating, name: t.ratingName[rating], interval: formatInterval(next[rating].intervalMs, t) })),
        3,
        io,
        t.quizRateHint,
      );
    },
    result(outcome) {
      write(
        formatResult(
          {
            correct: outcome.correct,
            ratingName: outcome.cram ? undefined : t.ratingName[outcome.rating],
            interval: outcome.cram ? undefined : formatInterval(outcome.after.due.getTime() - outcome.at.getTime(), t),
            expected: describeExpected(outcome.card.presented, lang),
            explain: outcome.card.explain,
            reread: outcome.correct ? undefined : outcome.reread,
            leech: outcome.leech ? { card: outcome.card.question.id } : undefined,
          },
          view,
        ),
      );
    },
    summary(summary) {
      if (summary.answered + summary.skipped === 0) return;
      write(`\n${t.quizSummary(summary.answered, summary.correct, summary.skipped)}\n`);
    },
    warn(line) {
      warn(context, line);
    },
    close() {},
  };
}

/** "Next review due in 3d." for the scope, when nothing is due now. */
function nothingDueLines(questions: readonly Question[], scope: QuizScope, cards: ReadonlyMap<string, CardState>, suspended: ReadonlySet<string>, at: Date, t: Messages): string[] {
  const inScopeIds = new Set(questions.filter((question) => inScope(question, scope)).map((question) => question.id));
  if (inScopeIds.size === 0) return [t.quizNoCards];
  let next: number | undefined;
  for (const [id, card] of cards) {
    if (!inScopeIds.has(id) || suspended.has(id) || card.state === 'new') continue;
    next = next === undefined ? card.due.getTime() : Math.min(next, card.due.getTime());
  }
  const lines = [t.quizNothingDue];
  if (next !== undefined) lines.push(t.quizNextDue(formatInterval(next - at.getTime(), t)));
  return lines;
}

export async function quizCommand(context: CommandContext, query: string | undefined, options: QuizOptions): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const lang = current.choice.lang;
  const catalog = loadCatalog(context);
  const scope = resolveScope(catalog, query);
  const newLimit = options.new === undefined ? undefined : wholeNumber('--new', options.new, 10_000);
  const limit = options.limit === undefined ? undefined : wholeNumber('--limit', options.limit, 100_000);
  const seed = options.seed === undefined ? randomInt(0, 2 ** 32) : wholeNumber('--seed', options.seed, 2 ** 32 - 1);
  const rng = createRng(seed);
  const cram = options.cram === true;
  const porcelain = options.porcelain === true || !context.stdinIsTTY;

  const state = loadProgressState(context, stored);
  const { scheduler, progress } = state;
  const { questions, fallbackLessons, lessonsWithBrokenQuestions } = catalogQuestions(catalog, lang, (entry) =>
    scope.kind === 'all' ? true : scope.kind === 'topic' ? entry.topic === scope.topic : entry.id === scope.lessonId,
  );
  const startedAt = now(context);
  const queueOptions = {
    now: startedAt,
    utcOffset: localUtcOffset,
    newPerDay: stored.config.new_per_day,
    cram,
    rng,
    ...(newLimit === undefined ? {} : { newLimit }),
    ...(limit === undefined ? {} : { limit }),
  };
  const queue = buildQueue(questions, progress, scope, queueOptions);

  const view: ViewOptions = { t, color: current.color, width: Math.min(renderWidth(context, undefined), 100) };
  const ui = porcelain ? porcelainUi(context, lang) : await ttyUi(context, lang, t, view);

  if (lessonsWithBrokenQuestions > 0) ui.warn(t.quizBrokenBlocks(lessonsWithBrokenQuestions));
  const fallbackInQueue = fallbackLessons.filter((lesson) => queue.items.some((item) => item.question.lessonId === lesson));
  if (fallbackInQueue.length > 0) ui.warn(t.quizFallback(fallbackInQueue.length, t.langName[lang]));

  const cards = new Map<string, CardState>([...progress.cards].map(([id, record]) => [id, record.schedule]));
  const suspended = new Set([...progress.cards.values()].filter((record) => record.suspended).map((record) => record.id));
  const lessonTitles = new Map(catalog.lessons.map((entry) => [entry.id, pickVariant(entry.variants, lang)?.title ?? entry.id]));

  ui.start(queue, cram, queue.items.length === 0 ? nothingDueLines(questions, scope, cards, suspended, startedAt, t) : []);
  const pending: QueueItem[] = [...queue.items];
  const summary: Summary = { answered: 0, correct: 0, skipped: 0, leeches: [], quit: false };
  let shown = 0;

  const save = (card: ShownCard, correct: boolean, rating: Rating, expected: ExpectedAnswer, at: Date, ms: number): Outcome => {
    const id = card.question.id;
    const before = cards.get(id) ?? newCardState(at);
    const review: ReviewEvent = { v: 1, id: newEventId(), at: at.toISOString(), type: 'review', card: id, rating, correct, ms: Math.round(ms) };
    if (cram) review.cram = true;
    const after = cram ? before : scheduler.applyRating(before, rating, at);
    const toSave: ProgressEvent[] = [review];
    const leech = !cram && after.lapses > before.lapses && isLeechLapse(after.lapses) && !suspended.has(id);
    if (leech) toSave.push({ v: 1, id: newEventId(), at: at.toISOString(), type: 'suspend', card: id, reason: 'leech' });
    // Durable before anything about this answer is shown (issue 4, "Saving"). An answer that cannot
    // be saved is never acknowledged: the session stops with exit 1, and what was saved stays.
    try {
      appendEvents(home(context), toSave);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(messages('en').quizNotSaved(id, summary.answered, error.message), messages('zh').quizNotSaved(id, summary.answered, error.chinese ?? error.message));
    }
    if (!cram) cards.set(id, after);
    if (leech) {
      suspended.add(id);
      summary.leeches.push(id);
    }
    summary.answered++;
    if (correct) summary.correct++;
    return { card, correct, rating, cram, expected, after, at, reread: rereadCommand(catalog, card.question), leech };
  };

  try {
    while (pending.length > 0) {
      const item = pending.shift()!;
      const question = item.question;
      let presented: PresentedQuestion;
      try {
        presented = presentQuestion(question, rng);
      } catch (error) {
        ui.warn(t.quizGeneratorFailed(question.id, (error as Error).message));
        continue;
      }
      const generated = presented.type === 'numeric' ? presented.generated : undefined;
      shown++;
      const card: ShownCard = {
        question,
        presented,
        prompt: generated ? `${question.prompt}\n${generated.prompt[lang]}` : question.prompt,
        explain: generated ? `${generated.explain[lang]}\n${question.explain}` : question.explain,
        number: shown,
        left: pending.length,
        where: `${lessonTitles.get(question.lessonId) ?? question.lessonId} §${question.section}`,
      };
      const shownAt = performance.now();
      let answer: Answer;
      try {
        answer = await ui.ask(card);
      } catch (error) {
        if (error instanceof InterruptedError) throw new InterruptedError(t.quizInterrupted(summary.answered));
        throw error;
      }
      if (answer.kind === 'quit') {
        summary.quit = true;
        break;
      }
      if (answer.kind === 'skip') {
        summary.skipped++;
        continue;
      }
      const ms = performance.now() - shownAt;
      const at = now(context);
      const { correct, expected } = answer.grade;
      let rating: Rating = correct ? 3 : 1;
      if (correct && !cram) {
        try {
          rating = await ui.rate(card, scheduler.nextStates(cards.get(question.id) ?? newCardState(at), at));
        } catch (error) {
          if (!(error instanceof InterruptedError)) throw error;
          // Ctrl-C at the rating: keep the answer (as Good, porcelain's default) before stopping.
          save(card, correct, 3, expected, at, ms);
          throw new InterruptedError(t.quizInterrupted(summary.answered));
        }
      }
      const outcome = save(card, correct, rating, expected, at, ms);
      ui.result(outcome);
      if (!cram && !outcome.leech && returnsInSession(outcome.after, at)) {
        pending.push({ question, kind: item.kind, card: outcome.after });
      }
    }
    ui.summary(summary, queue);
  } finally {
    ui.close();
  }
}
