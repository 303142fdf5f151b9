/**
 * The progress event log (DESIGN §3): one JSON object per line in events.jsonl, appended and never
 * rewritten. Card and lesson state is always derived from these events, never stored as truth.
 */
export const EVENT_VERSION = 1;

interface EventBase {
  v: 1;
  /** A random UUID: the key for merging logs from two machines. */
  id: string;
  /** ISO 8601 date-time of when it happened (ML_TUTOR_NOW in tests). */
  at: string;
}

export interface ReadEvent extends EventBase {
  type: 'read';
  lesson: string;
  lang?: string;
}
export interface ReviewEvent extends EventBase {
  type: 'review';
  card: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy (FSRS ratings). */
  rating: 1 | 2 | 3 | 4;
  correct: boolean;
  ms?: number;
  /** A cram review is practice: it is logged but does not move the schedule. */
  cram?: boolean;
}
export interface SuspendEvent extends EventBase {
  type: 'suspend' | 'unsuspend';
  card: string;
  reason?: string;
}
export interface UndoEvent extends EventBase {
  type: 'undo';
  target: string;
}
export interface ResetEvent extends EventBase {
  type: 'reset';
  /** 'all' or a topic id. */
  scope: string;
}

/** FSRS-6 has 21 weights (w0 … w20). */
export const FSRS_WEIGHT_COUNT = 21;

/** Whether a value is a list of FSRS-6 weights, as a params event holds them: 21 finite numbers. */
export function isFsrsWeights(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === FSRS_WEIGHT_COUNT && value.every((weight) => typeof weight === 'number' && Number.isFinite(weight));
}

/**
 * The learner's own FSRS weights, fitted by `ml-tutor optimize`: from then on the whole history is
 * replayed with them (src/core/fsrs-params.ts). `progress undo` takes them back.
 */
export interface ParamsEvent extends EventBase {
  type: 'params';
  /** FSRS-6's 21 weights. */
  w: number[];
}

export type ProgressEvent = ReadEvent | ReviewEvent | SuspendEvent | UndoEvent | ResetEvent | ParamsEvent;
export type ProgressEventType = ProgressEvent['type'];
