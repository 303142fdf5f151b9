import { EVENT_VERSION, type ProgressEvent, type ReviewEvent } from './events.js';

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
      if (typeof event.lesson !== 'string') return 'a read event needs "lesson"';
      return event.lang === undefined || typeof event.lang === 'string' ? undefined : `invalid "lang" ${JSON.stringify(event.lang)}`;
    case 'review':
      if (typeof event.card !== 'string') return 'a review event needs "card"';
      if (![1, 2, 3, 4].includes(event.rating as number)) return `invalid rating ${JSON.stringify(event.rating)}`;
      if (typeof event.correct !== 'boolean') return 'a review event needs "correct"';
      if (event.ms !== undefined && !(typeof event.ms === 'number' && Number.isFinite(event.ms) && event.ms >= 0)) return `invalid "ms" ${JSON.stringify(event.ms)}`;
      return event.cram === undefined || typeof event.cram === 'boolean' ? undefined : `invalid "cram" ${JSON.stringify(event.cram)}`;
    case 'suspend':
    case 'unsuspend':
      if (typeof event.card !== 'string') return `a ${event.type} event needs "card"`;
      return event.reason === undefined || typeof event.reason === 'string' ? undefined : `invalid "reason" ${JSON.stringify(event.reason)}`;
    case 'undo':
      return typeof event.target === 'string' ? undefined : 'an undo event needs "target"';
    case 'reset':
      return typeof event.scope === 'string' ? undefined : 'a reset event needs "scope"';
  }
  return undefined;
}

/**
 * Parse events.jsonl. Never throws: a line that is not a valid event is skipped with a warning, so a
 * torn last line (power lost mid-append) or a hand-edited mistake never blocks the tutor. A byte
 * order mark some editors add is ignored. `invalidUtf8Lines` are the 1-based lines whose bytes were
 * not UTF-8 (the reader knows, the text no longer does): they are skipped, not half-decoded.
 */
export function parseEventLog(text: string, invalidUtf8Lines: ReadonlySet<number> = new Set()): ParsedLog {
  const events: ProgressEvent[] = [];
  const warnings: LogWarning[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const endsWithNewline = text.endsWith('\n');
  lines.forEach((line, index) => {
    if (invalidUtf8Lines.has(index + 1)) {
      warnings.push({ line: index + 1, message: 'not valid UTF-8, skipped' });
      return;
    }
    if (line.trim() === '') return;
    const review = canonicalReview(line);
    if (review) {
      events.push(review);
      return;
    }
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

/**
 * A review line exactly as serializeEvent writes it (keys in this order, nothing escaped), matched
 * whole: such a line is a valid review event with these values. Reviews are nearly every line of a
 * long log, and this reads one about three times faster than JSON.parse and eventProblem do; any
 * other line takes that way.
 */
const CANONICAL_REVIEW =
  /^\{"v":1,"id":"([^"\\\u0000-\u001f]{1,100})","at":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)","type":"review","card":"([^"\\\u0000-\u001f]{1,200})","rating":([1-4]),"correct":(true|false)(?:,"ms":(0|[1-9]\d{0,11}))?(,"cram":true)?\}$/;

function canonicalReview(line: string): ReviewEvent | undefined {
  const match = CANONICAL_REVIEW.exec(line);
  if (!match || Number.isNaN(Date.parse(match[2]!))) return undefined;
  const review: ReviewEvent = { v: 1, id: match[1]!, at: match[2]!, type: 'review', card: match[3]!, rating: Number(match[4]) as ReviewEvent['rating'], correct: match[5] === 'true' };
  if (match[6] !== undefined) review.ms = Number(match[6]);
  if (match[7] !== undefined) review.cram = true;
  return review;
}

/**
 * The warnings of a log as one line: the first problem, and how many more lines were skipped. A log
 * with a thousand bad lines should not bury the command's own output.
 */
export function summarizeWarnings(path: string, warnings: readonly LogWarning[], total = warnings.length): string | undefined {
  const [first, ...rest] = warnings;
  if (!first) return undefined;
  const others = total - 1;
  const listed = rest.slice(0, 5).map((warning) => warning.line);
  const lines = listed.length === 0 ? '' : `: ${listed.join(', ')}${others > listed.length ? ', …' : ''}`;
  const more = others === 0 ? '' : ` (and ${others} more unusable line${others === 1 ? '' : 's'}${lines})`;
  return `${path}:${first.line}: ${first.message}${more}`;
}

/** Serialize one event as one log line (with its newline). */
export function serializeEvent(event: ProgressEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/**
 * Whether what was derived from a log whose latest event was at `latest` (epoch ms) can be extended
 * with `appended` alone, as deriving from the whole log would give: no event earlier than that, and
 * no undo (which can reach back into history).
 */
export function canExtendLog(appended: readonly ProgressEvent[], latest: number): boolean {
  return appended.every((event) => event.type !== 'undo' && !(Date.parse(event.at) < latest));
}

/** The time of the latest event with a readable time (epoch ms), or -Infinity. */
export function latestEventTime(events: readonly ProgressEvent[]): number {
  let latest = -Infinity;
  for (const event of events) {
    const time = Date.parse(event.at);
    if (time > latest) latest = time;
  }
  return latest;
}
