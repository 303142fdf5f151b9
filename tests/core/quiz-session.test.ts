import { describe, expect, it } from 'vitest';
import { gradeAnswer, gradeSteps } from '../../src/core/grade.js';
import type { StepsQuestion } from '../../src/core/question.js';
import type { SessionQueue } from '../../src/core/queue.js';
import { idleReason, QuizSession, type Graded, type SessionSetup, type ShownCard } from '../../src/core/quiz-session.js';
import { createScheduler, newCardState, type CardState } from '../../src/core/schedule.js';
import { StepsAttempt } from '../../src/core/steps-attempt.js';
import { card, lcg } from './helpers.js';

const NOW = new Date('2026-03-10T10:00:00.000Z');
const MINUTE = 60_000;
const scheduler = createScheduler({ fuzz: false });
const one = card('attention/a1', 'attention/why-attention');
const two = card('attention/a2', 'attention/why-attention');

function setup(extra: Partial<SessionSetup> & { items?: SessionQueue['items'] } = {}): SessionSetup {
  let ids = 0;
  const { items, ...rest } = extra;
  return {
    queue: { items: items ?? [{ question: one, kind: 'new' }, { question: two, kind: 'new' }], dueTotal: 0, newAvailable: 2, newAllowance: 2 } as SessionQueue,
    cards: new Map(),
    suspended: new Set(),
    scheduler,
    cram: false,
    lang: 'en',
    rng: lcg(1),
    newId: () => `id-${++ids}`,
    where: (question) => `${question.lessonId} §${question.section}`,
    reread: (question) => `ml-tutor read ${question.lessonId}`,
    ...rest,
  };
}

/** The next card, which the test expects to be there. */
function nextCard(session: QuizSession): ShownCard {
  const step = session.next();
  if (step.kind !== 'card') throw new Error(`expected a card, got ${step.kind}`);
  return step.card;
}

/** The learner's answer to a true/false card: option 1 is True (the right answer in these cards). */
function graded(shown: ShownCard, input: string): Graded {
  const grade = gradeAnswer(shown.presented, input);
  if (grade.kind !== 'graded') throw new Error('ungradable');
  return grade;
}

describe('QuizSession', () => {
  it('numbers the cards, saves a review per answer; a new card answered Good leaves the session for its 10-minute step', () => {
    const session = new QuizSession(setup());
    const first = nextCard(session);
    expect(first).toMatchObject({ number: 1, left: 1, again: 0, where: 'attention/why-attention §1' });
    const { save, outcome } = session.answer(first, graded(first, '1'), 3, NOW, 1234.4);
    expect(save).toEqual([{ v: 1, id: 'id-1', at: NOW.toISOString(), type: 'review', card: 'attention/a1', rating: 3, correct: true, ms: 1234 }]);
    expect(outcome).toMatchObject({ correct: true, rating: 3, cram: false, leech: false, againInSession: false, reread: 'ml-tutor read attention/why-attention' });
    expect(outcome.after).toMatchObject({ state: 'learning', learningStep: 1 });
    expect(outcome.after.due.getTime() - NOW.getTime()).toBe(10 * MINUTE);
    expect(nextCard(session)).toMatchObject({ number: 2, left: 0, again: 0 });
    session.skip();
    expect(session.next()).toEqual({ kind: 'done' });
    expect(session.summary).toEqual({ answered: 1, correct: 1, skipped: 1, leeches: [], quit: false });
  });

  it('asks a card answered Again once more at the end, counted apart, and it cannot graduate from that re-ask', () => {
    const session = new QuizSession(setup());
    const first = nextCard(session);
    const wrong = session.answer(first, graded(first, '2'), 1, NOW, 10).outcome;
    expect(wrong).toMatchObject({ againInSession: true, after: { state: 'learning', learningStep: 0 } });
    const second = nextCard(session);
    expect(second).toMatchObject({ number: 2, left: 0, again: 1 });
    session.answer(second, graded(second, '1'), 3, NOW, 10);
    const repeat = nextCard(session);
    expect(repeat).toMatchObject({ number: 3, left: 0, again: 0 });
    expect(repeat.question.id).toBe('attention/a1');
    // Seconds later, Good moves it to the 10-minute step; it neither graduates nor comes back.
    const later = new Date(NOW.getTime() + 5_000);
    const right = session.answer(repeat, graded(repeat, '1'), 3, later, 10).outcome;
    expect(right).toMatchObject({ againInSession: false, after: { state: 'learning', learningStep: 1, scheduledDays: 0 } });
    expect(right.after.due.getTime() - later.getTime()).toBe(10 * MINUTE);
    expect(session.next()).toEqual({ kind: 'done' });
  });

  it.each([1, 2, 3] as const)('a new card answered %i then anything short of Easy seconds later is still learning', (first) => {
    const session = new QuizSession(setup({ items: [{ question: one, kind: 'new' }] }));
    const shown = nextCard(session);
    const { outcome } = session.answer(shown, graded(shown, first === 1 ? '2' : '1'), first, NOW, 10);
    if (!outcome.againInSession) return expect(session.next()).toEqual({ kind: 'done' }); // left the session
    const repeat = nextCard(session);
    for (const rating of [1, 2, 3] as const) {
      const choice = session.ratingChoices(repeat, new Date(NOW.getTime() + 3_000))[rating];
      expect(choice.card.state).toBe('learning');
    }
  });

  it('ends at quit, with what was answered', () => {
    const session = new QuizSession(setup());
    const first = nextCard(session);
    session.answer(first, graded(first, '2'), 1, NOW, 10);
    session.quit();
    expect(session.next()).toEqual({ kind: 'done' });
    expect(session.summary).toMatchObject({ answered: 1, correct: 0, quit: true });
  });

  it('in cram, logs the review as practice and leaves the schedule as it was', () => {
    const before: CardState = { ...newCardState(NOW), state: 'review', stability: 5, difficulty: 5, reps: 3, due: new Date(NOW.getTime() + 3 * 86_400_000) };
    const session = new QuizSession(setup({ cram: true, cards: new Map([['attention/a1', before]]), items: [{ question: one, kind: 'cram' }] }));
    const shown = nextCard(session);
    expect(session.asksRating(graded(shown, '1'))).toBe(false);
    const { save, outcome } = session.answer(shown, graded(shown, '2'), 1, NOW, 10);
    expect(save).toEqual([expect.objectContaining({ type: 'review', rating: 1, correct: false, cram: true })]);
    expect(outcome.after).toEqual(before);
    expect(session.next()).toEqual({ kind: 'done' });
  });

  it('suspends a card as a leech on its eighth lapse, in the same save as the review', () => {
    const before: CardState = { ...newCardState(NOW), state: 'review', stability: 5, difficulty: 5, reps: 20, lapses: 7, due: NOW };
    const session = new QuizSession(setup({ cards: new Map([['attention/a1', before]]), items: [{ question: one, kind: 'due', card: before }] }));
    const shown = nextCard(session);
    const { save, outcome } = session.answer(shown, graded(shown, '2'), 1, NOW, 10);
    expect(save.map((event) => event.type)).toEqual(['review', 'suspend']);
    expect(save[1]).toMatchObject({ card: 'attention/a1', reason: 'leech', id: 'id-2' });
    expect(outcome.leech).toBe(true);
    expect(session.summary.leeches).toEqual(['attention/a1']);
    expect(session.next()).toEqual({ kind: 'done' }); // a leech does not come back
  });

  it('skips a generated question whose numbers cannot be drawn, naming it', () => {
    const broken = { ...one, id: 'attention/gen', type: 'numeric' as const, generator: 'no-such-generator', answer: 0, tolerance: 0 };
    const session = new QuizSession(setup({ items: [{ question: broken as never, kind: 'new' }] }));
    expect(session.next()).toMatchObject({ kind: 'unusable', id: 'attention/gen' });
    expect(session.next()).toEqual({ kind: 'done' });
  });
});

describe('idleReason', () => {
  it('says whether the scope has cards and when the next one is due', () => {
    const due = new Date(NOW.getTime() + 90 * MINUTE);
    const cards = new Map<string, CardState>([['attention/a1', { ...newCardState(NOW), state: 'review', due }]]);
    expect(idleReason([one, two], { kind: 'all' }, cards, new Set(), NOW)).toEqual({ hasCards: true, nextDueInMs: 90 * MINUTE });
    expect(idleReason([one, two], { kind: 'all' }, cards, new Set(['attention/a1']), NOW)).toEqual({ hasCards: true, nextDueInMs: undefined });
    expect(idleReason([one, two], { kind: 'topic', topic: 'rnn' }, cards, new Set(), NOW)).toEqual({ hasCards: false });
  });
});

describe('a worked exercise in the session', () => {
  const exercise: StepsQuestion = {
    id: 'attention/steps',
    type: 'steps',
    generator: 'cosine-steps',
    prompt: 'Work it out.',
    explain: 'Dot, lengths, divide.',
    lessonId: 'attention/why-attention',
    section: 2,
    path: 'lessons/attention/01-why-attention.en.md',
    line: 30,
  };

  it('shows the lead-in with the drawn numbers, and rates from the steps without asking', () => {
    const session = new QuizSession(setup({ items: [{ question: exercise, kind: 'new' }] }));
    const shown = nextCard(session);
    if (shown.presented.type !== 'steps') throw new Error('expected a worked exercise');
    expect(shown.prompt).toMatch(/^Work it out\.\nTwo word vectors:\n {2}a = \[.*\] {3}b = \[.*\]\nAnswer each step to 2 decimal places/);
    expect(shown.explain).toMatch(/^1\. a·b = .*\n4\. cos θ = .*\nDot, lengths, divide\.$/s);
    const attempt = new StepsAttempt(shown.presented.exercise);
    // Steps 1 and 2 right first time, step 3 right at the retry, step 4 wrong twice.
    for (const input of [attempt.chain[0]!, attempt.chain[1]!].map((values) => values.join(' '))) attempt.submit(input);
    attempt.submit('99');
    attempt.submit(attempt.chain[2]!.join(' '));
    attempt.submit('99');
    attempt.submit('99');
    const grade = gradeSteps(attempt);
    expect(grade).toMatchObject({ kind: 'graded', correct: false, steps: { of: 4, firstTry: 2, afterRetry: 1, wrong: 1 } });
    expect(session.asksRating(grade)).toBe(false);
    expect(session.impliedRating(grade)).toBe(1);
    expect(session.impliedRating({ ...grade, correct: true, steps: { of: 4, firstTry: 3, afterRetry: 1, wrong: 0 } })).toBe(2);
    expect(session.impliedRating({ ...grade, correct: true, steps: { of: 4, firstTry: 4, afterRetry: 0, wrong: 0 } })).toBe(3);
    const { save, outcome } = session.answer(shown, grade, session.impliedRating(grade), NOW, 5000);
    expect(save).toEqual([{ v: 1, id: 'id-1', at: NOW.toISOString(), type: 'review', card: 'attention/steps', rating: 1, correct: false, ms: 5000 }]);
    expect(outcome.againInSession).toBe(true);
  });
});
