/** Builders for hand-written event logs and questions in the core tests. */
import { fsrs, generatorParameters, type FSRS } from 'ts-fsrs';
import type {
  ProgressEvent,
  ReadEvent,
  ResetEvent,
  ReviewEvent,
  SuspendEvent,
  UndoEvent,
} from '../../src/core/events.js';
import type { Question, QuestionOption } from '../../src/core/question.js';
import type { Rating } from '../../src/core/schedule.js';

export function review(
  id: string,
  at: Date | string,
  card: string,
  rating: Rating,
  extra: Partial<Pick<ReviewEvent, 'cram' | 'ms' | 'correct'>> = {},
): ReviewEvent {
  return {
    v: 1,
    id,
    at: typeof at === 'string' ? at : at.toISOString(),
    type: 'review',
    card,
    rating,
    correct: extra.correct ?? rating !== 1,
    ...(extra.cram === undefined ? {} : { cram: extra.cram }),
    ...(extra.ms === undefined ? {} : { ms: extra.ms }),
  };
}

export function undo(id: string, at: Date | string, target: string): UndoEvent {
  return { v: 1, id, at: typeof at === 'string' ? at : at.toISOString(), type: 'undo', target };
}

export function reset(id: string, at: Date | string, scope: string): ResetEvent {
  return { v: 1, id, at: typeof at === 'string' ? at : at.toISOString(), type: 'reset', scope };
}

export function suspend(id: string, at: Date | string, card: string, type: 'suspend' | 'unsuspend' = 'suspend'): SuspendEvent {
  return { v: 1, id, at: typeof at === 'string' ? at : at.toISOString(), type, card };
}

export function read(id: string, at: Date | string, lesson: string): ReadEvent {
  return { v: 1, id, at: typeof at === 'string' ? at : at.toISOString(), type: 'read', lesson };
}

export type { ProgressEvent };

const base = { explain: 'why', section: 1, path: 'lessons/x.en.md', line: 1 };

/** A truefalse question (the type is irrelevant to queues and stats). */
export function card(id: string, lessonId: string): Question {
  return { ...base, id, lessonId, type: 'truefalse', prompt: `Is ${id} true?`, answer: true };
}

export function choice(options: QuestionOption[], id = 'attention/why-scale'): Question {
  return { ...base, id, lessonId: 'attention/scaled-dot-product', type: 'choice', prompt: 'Pick one', options };
}

export function multi(options: QuestionOption[], id = 'attention/pick-many'): Question {
  return { ...base, id, lessonId: 'attention/scaled-dot-product', type: 'multi', prompt: 'Pick all', options };
}

/** A deterministic rng for tests (an LCG; independent of src/math/random). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * ts-fsrs set up as the tutor's scheduler is (short-term steps 1m 10m, relearning 10m), without fuzz
 * (the tutor fuzzes in fsrs-step.ts, within ts-fsrs's range), built here and not through
 * src/core/schedule.ts, so tests compare against it.
 */
export function tsFsrsEngine(): FSRS {
  return fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }));
}
