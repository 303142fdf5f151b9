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

export type ProgressEvent = ReadEvent | ReviewEvent | SuspendEvent | UndoEvent | ResetEvent;
export type ProgressEventType = ProgressEvent['type'];
