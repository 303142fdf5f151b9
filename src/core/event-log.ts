import { localize, messages, type Text } from './errors.js';
import { EVENT_VERSION, type ProgressEvent, type ReviewEvent } from './events.js';
import type { Lang, LocalizedText } from './topics.js';

export interface LogWarning {
  /** 1-based line in events.jsonl. */
  line: number;
  /** In both languages: the log cache keeps warnings, and the reader's language is the command's. */
  message: LocalizedText;
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
export function eventProblem(value: unknown): Text | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return (t) => t.log.notObject;
  const event = value as Record<string, unknown>;
  const shown = (field: string): string => JSON.stringify(event[field]) ?? 'undefined';
  const needs = (field: string): Text => (t) => t.log.needs(String(event.type), field);
  const invalid = (field: string): Text => (t) => t.log.invalid(field, shown(field));
  if (event.v !== EVENT_VERSION) return (t) => t.log.version(shown('v'));
  if (typeof event.id !== 'string' || !event.id) return (t) => t.log.missingId;
  if (!isIsoDate(event.at)) return (t) => t.log.badAt;
  if (typeof event.type !== 'string' || !TYPES.has(event.type)) return (t) => t.log.type(shown('type'));
  switch (event.type) {
    case 'read':
      if (typeof event.lesson !== 'string') return needs('lesson');
      return event.lang === undefined || typeof event.lang === 'string' ? undefined : invalid('lang');
    case 'review':
      if (typeof event.card !== 'string') return needs('card');
      if (![1, 2, 3, 4].includes(event.rating as number)) return invalid('rating');
      if (typeof event.correct !== 'boolean') return needs('correct');
      if (event.ms !== undefined && !(typeof event.ms === 'number' && Number.isFinite(event.ms) && event.ms >= 0)) return invalid('ms');
      return event.cram === undefined || typeof event.cram === 'boolean' ? undefined : invalid('cram');
    case 'suspend':
    case 'unsuspend':
      if (typeof event.card !== 'string') return needs('card');
      return event.reason === undefined || typeof event.reason === 'string' ? undefined : invalid('reason');
    case 'undo':
      return typeof event.target === 'string' ? undefined : needs('target');
    case 'reset':
      return typeof event.scope === 'string' ? undefined : needs('scope');
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
      warnings.push({ line: index + 1, message: localize((t) => t.log.notUtf8) });
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
      warnings.push({ line: index + 1, message: localize((t) => (isLast ? t.log.incompleteLast : t.log.notJson)) });
      return;
    }
    const problem = eventProblem(value);
    if (problem) warnings.push({ line: index + 1, message: localize((t) => t.log.skipped(problem(t))) });
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
export function summarizeWarnings(path: string, warnings: readonly LogWarning[], total = warnings.length, lang: Lang = 'en'): string | undefined {
  const [first, ...rest] = warnings;
  if (!first) return undefined;
  const others = total - 1;
  const listed = rest.slice(0, 5).map((warning) => warning.line);
  // A cache written before warnings were kept in both languages holds plain strings.
  const message = typeof first.message === 'string' ? first.message : first.message[lang];
  const t = messages(lang);
  return t.inFile(`${path}:${first.line}`, message) + t.log.more(others, listed, others > listed.length);
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

/** How far an event may be dated after the real clock before it is refused (clocks drift a little). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

export type EventTimeProblem = { kind: 'future'; at: Date; clock: Date } | { kind: 'before-newest'; at: Date; newest: Date };

/**
 * Whether an event dated `at` may be written to the log: not later than the real `clock` (beyond the
 * tolerance), so a simulated clock (ML_TUTOR_NOW) cannot put future answers in a real log; and, when
 * the clock is simulated, not before the `newest` event already there (epoch ms), which would put
 * history out of order. A real clock behind the log (events imported from a machine whose clock ran
 * ahead, a clock set back) is never refused: a learner's real answer is always kept.
 */
export function eventTimeProblem(at: Date, options: { clock: Date; simulated: boolean; newest: number }): EventTimeProblem | undefined {
  if (at.getTime() > options.clock.getTime() + CLOCK_TOLERANCE_MS) return { kind: 'future', at, clock: options.clock };
  if (options.simulated && at.getTime() < options.newest) return { kind: 'before-newest', at, newest: new Date(options.newest) };
  return undefined;
}
