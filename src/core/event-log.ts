import { EVENT_VERSION, type ProgressEvent } from './events.js';

export interface LogWarning {
  /** 1-based line in events.jsonl. */
  line: number;
  message: string;
}

export interface ParsedLog {
  events: ProgressEvent[];
  warnings: LogWarning[];
}

const TYPES = new Set(['read', 'review', 'suspend', 'unsuspend', 'undo', 'reset']);

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** Check one decoded line; returns the reason it is not a usable event, or undefined. */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const event = value as Record<string, unknown>;
  if (event.v !== EVENT_VERSION) return `unsupported version ${JSON.stringify(event.v)}`;
  if (typeof event.id !== 'string' || !event.id) return 'missing "id"';
  if (!isIsoDate(event.at)) return 'missing or invalid "at" date';
  if (typeof event.type !== 'string' || !TYPES.has(event.type)) return `unknown event type ${JSON.stringify(event.type)}`;
  switch (event.type) {
    case 'read':
      return typeof event.lesson === 'string' ? undefined : 'a read event needs "lesson"';
    case 'review':
      if (typeof event.card !== 'string') return 'a review event needs "card"';
      if (![1, 2, 3, 4].includes(event.rating as number)) return `invalid rating ${JSON.stringify(event.rating)}`;
      return typeof event.correct === 'boolean' ? undefined : 'a review event needs "correct"';
    case 'suspend':
    case 'unsuspend':
      return typeof event.card === 'string' ? undefined : `a ${event.type} event needs "card"`;
    case 'undo':
      return typeof event.target === 'string' ? undefined : 'an undo event needs "target"';
    case 'reset':
      return typeof event.scope === 'string' ? undefined : 'a reset event needs "scope"';
  }
  return undefined;
}

/**
 * Parse events.jsonl. Never throws: a line that is not a valid event is skipped with a warning, so a
 * torn last line (power lost mid-append) or a hand-edited mistake never blocks the tutor.
 */
export function parseEventLog(text: string): ParsedLog {
  const events: ProgressEvent[] = [];
  const warnings: LogWarning[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const isLast = index === lines.length - 1 && !endsWithNewline;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warnings.push({ line: index + 1, message: isLast ? 'incomplete last line (an interrupted write?) skipped' : 'not valid JSON, skipped' });
      return;
    }
    const problem = eventProblem(value);
    if (problem) warnings.push({ line: index + 1, message: `${problem}, skipped` });
    else events.push(value as ProgressEvent);
  });
  return { events, warnings };
}

/** Serialize one event as one log line (with its newline). */
export function serializeEvent(event: ProgressEvent): string {
  return `${JSON.stringify(event)}\n`;
}
