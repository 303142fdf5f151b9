/**
 * One quiz session as a small state machine (issue 4's loop): the command asks it for the next card,
 * hands it the learner's answer with `now`, and gets back the events to save and the outcome to show.
 * Pure: no disk, clock or randomness of its own (`rng` and `newId` are arguments).
 */
import type { ProgressEvent, ReviewEvent } from './events.js';
import { presentQuestion, wrongPicks, type ExpectedAnswer, type GradeResult, type PresentedQuestion, type WrongPick } from './grade.js';
import type { Question } from './question.js';
import { inScope, returnsInSession, type QueueItem, type QuizScope, type SessionQueue } from './queue.js';
import { isLeechLapse } from './replay.js';
import { newCardState, type CardState, type NextState, type Rating, type Scheduler } from './schedule.js';
import { stepsRating } from './steps-attempt.js';
import type { Lang } from './topics.js';

/** A graded answer: the learner's input was understood. */
export type Graded = Extract<GradeResult, { kind: 'graded' }>;

/** What the learner did with a question. */
export type Answer = { kind: 'answer'; grade: Graded } | { kind: 'skip' } | { kind: 'quit' };

/** A question as shown: its drawn options or numbers, and where it stands in the session. */
export interface ShownCard {
  question: Question;
  presented: PresentedQuestion;
  prompt: string;
  explain: string;
  /** Position in this session, from 1. */
  number: number;
  /** Cards not yet shown in this session, after this one. */
  left: number;
  /** Cards answered Again that wait to be asked once more (counted apart, so `left` only goes down). */
  again: number;
  /** "Scaled dot-product attention §2". */
  where: string;
}

/** What an answer did, once it is saved. */
export interface Outcome {
  card: ShownCard;
  correct: boolean;
  rating: Rating;
  cram: boolean;
  expected: ExpectedAnswer;
  /** The grade itself: what a wrong multi answer missed, whether a typed one was near. */
  grade: Graded;
  after: CardState;
  at: Date;
  reread: string;
  leech: boolean;
  /** The card comes back later in this session (after Again), rather than at `after.due`. */
  againInSession: boolean;
  /** The wrong options picked that carry a `why`, shown before the explanation. */
  whys: WrongPick[];
}

export interface Summary {
  answered: number;
  correct: number;
  skipped: number;
  leeches: string[];
  quit: boolean;
}

/** Why the queue is empty: no cards in the scope at all, or none due until `nextDueInMs`. */
export interface Idle {
  hasCards: boolean;
  nextDueInMs?: number | undefined;
}

/** The two faces of a session (src/ui/quiz-porcelain.ts, src/ui/quiz-terminal.ts). */
export interface QuizFace {
  start(queue: SessionQueue, cram: boolean, idle: Idle): void;
  ask(card: ShownCard): Promise<Answer>;
  /** Hard / Good / Easy after a right answer. */
  rate(card: ShownCard, next: Record<Rating, NextState>): Promise<Rating>;
  result(outcome: Outcome): void;
  summary(summary: Summary, queue: SessionQueue): void;
  warn(line: string): void;
  close(): void;
}

export interface SessionSetup {
  queue: SessionQueue;
  /** Every card's schedule before the session. */
  cards: ReadonlyMap<string, CardState>;
  suspended: ReadonlySet<string>;
  scheduler: Scheduler;
  cram: boolean;
  lang: Lang;
  rng: () => number;
  newId: () => string;
  /** "Lesson title §2", for the card's heading. */
  where: (question: Question) => string;
  /** The command that rereads the question's section. */
  reread: (question: Question) => string;
}

export type Step =
  | { kind: 'card'; card: ShownCard }
  /** A generated question whose numbers could not be drawn: say so and go on. */
  | { kind: 'unusable'; id: string; reason: string }
  | { kind: 'done' };

export class QuizSession {
  readonly summary: Summary = { answered: 0, correct: 0, skipped: 0, leeches: [], quit: false };
  /** What is still to ask: the queue, then the cards answered Again (`again: true`). */
  private readonly pending: Array<QueueItem & { again?: boolean }>;
  private readonly cards: Map<string, CardState>;
  private readonly suspended: Set<string>;
  private current: QueueItem | undefined;
  private shown = 0;

  constructor(private readonly setup: SessionSetup) {
    this.pending = [...setup.queue.items];
    this.cards = new Map(setup.cards);
    this.suspended = new Set(setup.suspended);
  }

  /** The next card to ask, or why there is none. */
  next(): Step {
    const item = this.summary.quit ? undefined : this.pending.shift();
    this.current = item;
    if (!item) return { kind: 'done' };
    const { question } = item;
    const { lang } = this.setup;
    let presented: PresentedQuestion;
    try {
      presented = presentQuestion(question, this.setup.rng);
    } catch (error) {
      return { kind: 'unusable', id: question.id, reason: (error as Error).message };
    }
    // A generated question or a worked exercise: the lesson's lead-in, then the drawn numbers.
    const drawn = presented.type === 'numeric' ? presented.generated : presented.type === 'steps' ? presented.exercise : undefined;
    this.shown++;
    const card: ShownCard = {
      question,
      presented,
      prompt: drawn ? `${question.prompt}\n${drawn.prompt[lang]}` : question.prompt,
      explain: drawn ? `${drawn.explain[lang]}\n${question.explain}` : question.explain,
      number: this.shown,
      left: this.pending.filter((pending) => !pending.again).length,
      again: this.pending.filter((pending) => pending.again).length,
      where: this.setup.where(question),
    };
    return { kind: 'card', card };
  }

  skip(): void {
    this.summary.skipped++;
  }

  quit(): void {
    this.summary.quit = true;
  }

  /** Where each rating would send the card, for the rating prompt. */
  ratingChoices(card: ShownCard, at: Date): Record<Rating, NextState> {
    return this.setup.scheduler.nextStates(this.cards.get(card.question.id) ?? newCardState(at), at, card.question.id);
  }

  /**
   * Whether a right answer is rated by the learner (a scheduled review) or counts as Good (cram).
   * A worked exercise is never asked: its steps give its rating.
   */
  asksRating(grade: Graded): boolean {
    return grade.correct && !this.setup.cram && grade.steps === undefined;
  }

  /** The rating an answer gets when the learner is not asked: Good or Again, or from a worked exercise's steps. */
  impliedRating(grade: Graded): Rating {
    if (grade.steps) return stepsRating(grade.steps);
    return grade.correct ? 3 : 1;
  }

  /**
   * Records an answer: the events to save (the review, and a suspension when the card became a
   * leech) and the outcome to show once they are saved. A card answered Again comes back at the
   * end of the session (see `returnsInSession` for why nothing else does).
   */
  answer(card: ShownCard, grade: Graded, rating: Rating, at: Date, ms: number): { save: ProgressEvent[]; outcome: Outcome } {
    const { cram, newId } = this.setup;
    const { correct, expected } = grade;
    const id = card.question.id;
    const before = this.cards.get(id) ?? newCardState(at);
    const review: ReviewEvent = { v: 1, id: newId(), at: at.toISOString(), type: 'review', card: id, rating, correct, ms: Math.round(ms) };
    if (cram) review.cram = true;
    const after = cram ? before : this.setup.scheduler.applyRating(before, rating, at, id);
    const save: ProgressEvent[] = [review];
    const leech = !cram && after.lapses > before.lapses && isLeechLapse(after.lapses) && !this.suspended.has(id);
    if (leech) save.push({ v: 1, id: newId(), at: at.toISOString(), type: 'suspend', card: id, reason: 'leech' });
    if (!cram) this.cards.set(id, after);
    if (leech) {
      this.suspended.add(id);
      this.summary.leeches.push(id);
    }
    this.summary.answered++;
    if (correct) this.summary.correct++;
    const item = this.current;
    const againInSession = item !== undefined && item.question.id === id && !cram && !leech && returnsInSession(rating, after);
    if (againInSession) this.pending.push({ question: card.question, kind: item.kind, card: after, again: true });
    const whys = wrongPicks(card.presented, grade.picked);
    return { save, outcome: { card, correct, rating, cram, expected, grade, after, at, reread: this.setup.reread(card.question), leech, againInSession, whys } };
  }
}

/** Why nothing is due in the scope: it has no cards, or when the next review falls due. */
export function idleReason(
  questions: readonly Question[],
  scope: QuizScope,
  cards: ReadonlyMap<string, CardState>,
  suspended: ReadonlySet<string>,
  at: Date,
): Idle {
  const inScopeIds = new Set(questions.filter((question) => inScope(question, scope)).map((question) => question.id));
  if (inScopeIds.size === 0) return { hasCards: false };
  let next: number | undefined;
  for (const [id, card] of cards) {
    if (!inScopeIds.has(id) || suspended.has(id) || card.state === 'new') continue;
    next = next === undefined ? card.due.getTime() : Math.min(next, card.due.getTime());
  }
  return { hasCards: true, nextDueInMs: next === undefined ? undefined : next - at.getTime() };
}
