import { localize, messages, type Text } from './errors.js';
import { canonicalReview } from './canonical-review.js';
import { EVENT_VERSION, FSRS_WEIGHT_COUNT, isFsrsWeights, type ProgressEvent } from './events.js';
import type { Lang, LocalizedText } from './topics.js';

export interface LogWarning {
  /** 1-based line in events.jsonl (or in `file`); 0 for a problem with the whole file. */
  line: number;
  /** The file, when it is not events.jsonl: another device's log in the sync folder. */
  file?: string;
  /** In both languages: the log cache keeps warnings, and the reader's language is the command's. */
  message: LocalizedText;
}

export interface ParsedLog {
  events: ProgressEvent[];
  warnings: LogWarning[];
}

const TYPES = new Set(['read', 'review', 'suspend', 'unsuspend', 'undo', 'reset', 'params']);

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
    case 'params':
      if (isFsrsWeights(event.w)) return undefined;
      return (t) => t.log.weights(FSRS_WEIGHT_COUNT, Array.isArray(event.w) ? { values: event.w.length, finite: event.w.every(Number.isFinite) } : shown('w'));
  }
  return undefined;
}

/**
 * A value derived from the log, built one event at a time: `add` takes each event in time order (then
 * log order), once, with undos and the events they cancel already left out.
 */
export interface LogFold<T> {
  add(event: ProgressEvent, time: number): void;
  value(): T;
}

/** One line of the log: its event and the event's time (epoch ms), or why it is skipped. */
export type LogLine = { event: ProgressEvent; time: number; warning?: undefined } | { event?: undefined; warning: Text };

/**
 * Read one line of events.jsonl (without its newline). `isLast`: the line is the log's last and has
 * no newline, so a bad one is most likely an append cut short (power lost mid-write).
 */
export function parseLogLine(line: string, isLast = false): LogLine | undefined {
  const review = canonicalReview(line);
  if (review) return review;
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { warning: (t) => (isLast ? t.log.incompleteLast : t.log.notJson) };
  }
  const problem = eventProblem(value);
  if (problem) return { warning: (t) => t.log.skipped(problem(t)) };
  const event = value as ProgressEvent;
  return { event, time: Date.parse(event.at) };
}

export interface LogScan {
  warnings: LogWarning[];
  /** Newlines in the text: the line number of its end, counted from `firstLine` − 1. */
  newlines: number;
  /** `visit` returned false and the scan ended there. */
  stopped: boolean;
}

export interface ScanOptions {
  /** 1-based lines (of the whole log) whose bytes were not UTF-8: skipped, not half-decoded. */
  invalidUtf8Lines?: ReadonlySet<number>;
  /** The log's line number of the text's first line, when the text is one piece of a longer log. */
  firstLine?: number;
  /** The text runs to the end of the log (so a last line without a newline is a torn append). */
  final?: boolean;
}

/**
 * Visit each event of events.jsonl text in log order, with its time, building nothing per event:
 * a long log (hundreds of thousands of reviews) is folded as it is read, or parsed into a list by
 * parseEventLog. A line that is not a valid event is skipped with a warning, never thrown on. A byte
 * order mark some editors add is ignored. `visit` may return false to stop the scan.
 */
export function scanEventLog(text: string, visit: (event: ProgressEvent, time: number, line: number) => boolean | void, options: ScanOptions = {}): LogScan {
  const { invalidUtf8Lines, firstLine = 1, final = true } = options;
  const warnings: LogWarning[] = [];
  const body = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineNumber = firstLine;
  let newlines = 0;
  for (let start = 0; start <= body.length; lineNumber++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(start, end);
    start = end + 1;
    if (newline !== -1) newlines++;
    if (invalidUtf8Lines?.has(lineNumber)) {
      warnings.push({ line: lineNumber, message: localize((t) => t.log.notUtf8) });
      continue;
    }
    const parsed = parseLogLine(line, final && newline === -1);
    if (!parsed) continue;
    if (parsed.warning) {
      const reason = parsed.warning;
      warnings.push({ line: lineNumber, message: localize(reason) });
    } else if (visit(parsed.event, parsed.time, lineNumber) === false) {
      return { warnings, newlines, stopped: true };
    }
  }
  return { warnings, newlines, stopped: false };
}

/**
 * Parse events.jsonl into its events, in log order. Never throws: a line that is not a valid event
 * is skipped with a warning, so a torn last line or a hand-edited mistake never blocks the tutor.
 * `invalidUtf8Lines` are the 1-based lines whose bytes were not UTF-8 (the reader knows, the text
 * no longer does).
 */
export function parseEventLog(text: string, invalidUtf8Lines: ReadonlySet<number> = new Set()): ParsedLog {
  const events: ProgressEvent[] = [];
  const { warnings } = scanEventLog(text, (event) => void events.push(event), { invalidUtf8Lines });
  return { events, warnings };
}

/**
 * The warnings of a log as one line: the first problem, and how many more lines were skipped. A log
 * with a thousand bad lines should not bury the command's own output.
 */
export function summarizeWarnings(path: string, warnings: readonly LogWarning[], total = warnings.length, lang: Lang = 'en'): string | undefined {
  const [first, ...rest] = warnings;
  if (!first) return undefined;
  const others = total - 1;
  // Line numbers of the same file only: with sync on, the others may be in other files.
  const listed = rest.filter((warning) => warning.file === first.file).slice(0, 5).map((warning) => warning.line);
  // A cache written before warnings were kept in both languages holds plain strings.
  const message = typeof first.message === 'string' ? first.message : first.message[lang];
  const t = messages(lang);
  const file = first.file ?? path;
  return t.inFile(first.line > 0 ? `${file}:${first.line}` : file, message) + t.log.more(others, listed, others > listed.length);
}

/** Serialize one event as one log line (with its newline). */
export function serializeEvent(event: ProgressEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/**
 * Whether what was derived from a log whose latest event was at `latest` (epoch ms) can be extended
 * with `appended` alone, as deriving from the whole log would give: no event earlier than that, no
 * undo (which can reach back into history) and no params (the whole history replays with them).
 */
export function canExtendLog(appended: readonly ProgressEvent[], latest: number): boolean {
  return appended.every((event) => event.type !== 'undo' && event.type !== 'params' && !(Date.parse(event.at) < latest));
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

interface TimedEvent {
  event: ProgressEvent;
  time: number;
  /** Position in the log: the order of events at the same instant. */
  index: number;
}

/**
 * The ids of events cancelled by an effective undo. An undo is effective unless it is itself
 * cancelled, so undoing an undo brings its target back. A cycle (impossible from our commands) is
 * treated as not cancelling.
 */
export function cancelledIds(events: readonly ProgressEvent[]): Set<string> {
  const undosByTarget = new Map<string, string[]>();
  for (const event of events) {
    if (event.type !== 'undo') continue;
    const list = undosByTarget.get(event.target) ?? [];
    list.push(event.id);
    undosByTarget.set(event.target, list);
  }
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isCancelled = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false;
    visiting.add(id);
    const undos = undosByTarget.get(id) ?? [];
    const cancelled = undos.some((undoId) => !isCancelled(undoId));
    visiting.delete(id);
    memo.set(id, cancelled);
    return cancelled;
  };
  const cancelled = new Set<string>();
  // Only an event some undo targets can be cancelled (most logs have a handful of undos). The
  // targets need not be among `events`: the undos alone tell what is cancelled.
  for (const target of undosByTarget.keys()) if (isCancelled(target)) cancelled.add(target);
  return cancelled;
}

/**
 * Feed a list of events to a fold as a log is meant to be read: each event once (a merged log holds
 * each event once; a duplicate line, e.g. from an import race, must not count twice), in time order
 * with events at the same instant in log order, and without undos and what they cancel.
 * `onUnreadableTime` hears of events whose time cannot be read (they are left out).
 */
export function foldLogEvents<T>(events: readonly ProgressEvent[], fold: LogFold<T>, onUnreadableTime?: (event: ProgressEvent) => void): T {
  const timed: TimedEvent[] = [];
  const seenIds = new Set<string>();
  for (const event of events) {
    if (seenIds.has(event.id)) continue;
    seenIds.add(event.id);
    const time = Date.parse(event.at);
    if (Number.isNaN(time)) onUnreadableTime?.(event);
    else timed.push({ event, time, index: timed.length });
  }
  // A log is appended in time order, so it is nearly always sorted already: check before sorting.
  for (let index = 1; index < timed.length; index++) {
    if (timed[index]!.time < timed[index - 1]!.time) {
      timed.sort((a, b) => a.time - b.time || a.index - b.index);
      break;
    }
  }
  const cancelled = cancelledIds(timed.map((item) => item.event));
  for (const { event, time } of timed) if (event.type !== 'undo' && !cancelled.has(event.id)) fold.add(event, time);
  return fold.value();
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
