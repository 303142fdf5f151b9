import type { PagerResult } from '../ui/pager.js';
import { join, resolve } from 'node:path';
import { buildCatalog, type Catalog } from '../core/catalog.js';
import { UsageError, UserError, formatProblem, type Problem } from '../core/errors.js';
import { chooseLanguage, type LanguageChoice } from '../core/lang.js';
import { readConfig, type StoredConfig } from '../io/config-store.js';
import { appendEvents, dataDirProblem, readEventLog } from '../io/event-store.js';
import { readLessonSources, type LessonSources } from '../io/lessons.js';
import { dataDir, eventsPath } from '../io/paths.js';
import { colorEnabled } from '../ui/color.js';
import type { ProgressEvent } from '../core/events.js';
import { eventTimeProblem, latestEventTime, summarizeWarnings, type LogWarning } from '../core/event-log.js';
import { readingFold, type ReadRecord } from '../core/progress.js';
import { derivedFromLog, logWarningSeen, type Derived, type DerivedSpec } from '../io/log-cache.js';
import { deviceId } from '../io/device-id.js';
import { derivedFromSyncedLogs } from '../io/synced-cache.js';
import { readSyncedLog } from '../io/synced-log.js';
import { mirrorEvents } from '../io/sync-write.js';
import { messages, type Messages } from '../i18n/index.js';

import type { OutputStream } from '../io/std-streams.js';
import type { PromptIO } from '../ui/prompts.js';

export type { OutputStream };

export interface GlobalOptions {
  lang?: string | undefined;
  lessons?: string[] | undefined;
  /** commander's --no-color: false when given. */
  color?: boolean | undefined;
}

/** Everything a command needs from the outside world, passed in so commands can be called from tests. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
  stdinIsTTY: boolean;
  /** Where answers are read from (quiz, progress reset's confirmation); process.stdin in the CLI. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** The package folder (holds lessons/). */
  packageRoot: string;
  /** Shows long text in a pager on a terminal: closed by the learner, interrupted, or no pager. */
  page?: ((text: string) => Promise<PagerResult>) | undefined;
  global: GlobalOptions;
}

/** "Now": ML_TUTOR_NOW when set (tests simulate days passing), else the real clock. */
export function now(context: CommandContext): Date {
  const value = context.env.ML_TUTOR_NOW;
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UserError((t) => t.badNow(value));
  }
  return date;
}

/**
 * Refuses, before anything is written, to log events dated at a simulated "now" that the log must
 * not get (core/event-log.ts eventTimeProblem): one line, exit 1. ML_TUTOR_SIMULATE=1 allows them,
 * for simulations that mean it (the tests' temp data dirs). With the real clock nothing is refused.
 */
export function checkEventTime(context: CommandContext): void {
  if (!context.env.ML_TUTOR_NOW || context.env.ML_TUTOR_SIMULATE === '1') return;
  const at = now(context);
  // The newest time a derivation of the log has already found, else the log read whole.
  const newest = newestDerived.get(context) ?? latestEventTime(progressLog(context).events);
  const problem = eventTimeProblem(at, { clock: new Date(), simulated: true, newest });
  if (!problem) return;
  const shown = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (problem.kind === 'future') throw new UserError((t) => t.eventInFuture(shown(at), shown(problem.clock)));
  throw new UserError((t) => t.eventBeforeNewest(shown(at), shown(problem.newest)));
}

export function home(context: CommandContext): string {
  return dataDir(context.env);
}

export function warn(context: CommandContext, line: string): void {
  context.stderr.write(`${line}\n`);
}

/** Each command's sync folder (`config sync_dir`), null when sync is off: known once the config is read. */
const syncDirs = new WeakMap<CommandContext, string | null>();
/** The config syncDir read before any config() call, handed to the next one: no command reads it more than before. */
const readAhead = new WeakMap<CommandContext, StoredConfig>();

export function config(context: CommandContext): StoredConfig {
  const stored = readAhead.get(context) ?? readConfig(home(context));
  readAhead.delete(context);
  syncDirs.set(context, stored.config.sync_dir ?? null);
  if (stored.warnings.length > 0) {
    const { t } = session(context, stored);
    for (const warning of stored.warnings) warn(context, t.warning(warning(t)));
  }
  return stored;
}

export interface Session {
  choice: LanguageChoice;
  t: Messages;
  color: boolean;
}

/** Language, strings and colour for this run. */
export function session(context: CommandContext, storedConfig?: StoredConfig): Session {
  const stored = storedConfig ?? config(context);
  const choice = chooseLanguage({ flag: context.global.lang, config: stored.config.lang, env: context.env });
  const color = colorEnabled({ flag: context.global.color !== false, env: context.env, isTTY: Boolean(context.stdout.isTTY) });
  return { choice, t: messages(choice.lang), color };
}

/** Where lessons come from: the built-in lessons, then every --lessons pack. */
export function lessonRoots(context: CommandContext): Array<{ dir: string; label: string }> {
  const roots = [{ dir: resolve(context.packageRoot, 'lessons'), label: 'built-in lessons' }];
  for (const dir of context.global.lessons ?? []) roots.push({ dir: resolve(dir), label: '--lessons' });
  return roots;
}

/** Built-in lessons plus every --lessons pack, parsed (not yet grouped). */
export function lessonSources(context: CommandContext, extraRoots: Array<{ dir: string; label: string }> = []): LessonSources {
  return readLessonSources([...lessonRoots(context), ...extraRoots], { cachePath: join(home(context), 'cache', 'lessons.json') });
}

/**
 * The catalog every reading command works from. A lesson file that cannot be used at all (not
 * UTF-8, broken front matter, a bad name) is left out with a warning naming it, so one broken file
 * in a pack never keeps the learner from the rest of the pack or from the built-in lessons.
 */
export function loadCatalog(context: CommandContext): Catalog {
  const sources = lessonSources(context);
  warnBrokenFiles(context, sources.broken);
  return buildCatalog(sources.lessons, sources.topics);
}

/**
 * For the commands that only read (list, stats, demo): they work without a usable data dir, and say
 * once, on stderr, that nothing will be saved there.
 */
export function noteUnusableDataDir(context: CommandContext): void {
  const problem = dataDirProblem(home(context));
  if (!problem) return;
  const { t } = session(context);
  warn(context, t.warning(problem.text(t)));
}

/** One line per unusable lesson file (at most three, then a count), on stderr. */
export function warnBrokenFiles(context: CommandContext, broken: readonly Problem[]): void {
  if (broken.length === 0) return;
  const { t } = session(context);
  for (const problem of broken.slice(0, 3)) warn(context, t.warning(t.fileSkipped(formatProblem(problem, t.lang))));
  if (broken.length > 3) warn(context, t.warning(t.moreFilesSkipped(broken.length - 3)));
}

/** The sync folder, or undefined when sync is off (then every read and write is events.jsonl's alone). */
export function syncDir(context: CommandContext): string | undefined {
  if (!syncDirs.has(context)) {
    const stored = readConfig(home(context));
    readAhead.set(context, stored);
    syncDirs.set(context, stored.config.sync_dir ?? null);
  }
  return syncDirs.get(context) ?? undefined;
}

/** The progress log: events.jsonl, or with sync on its union with the sync folder's device files. */
export function progressLog(context: CommandContext): { events: ProgressEvent[]; warnings: LogWarning[]; warningCount: number } {
  const dir = syncDir(context);
  if (dir !== undefined) return readSyncedLog(home(context), dir);
  const log = readEventLog(home(context));
  return { ...log, warningCount: log.warnings.length };
}

/** A value derived from the progress log, through its cache (src/io/log-cache.ts, src/io/synced-cache.ts). */
export function derivedProgress<T>(context: CommandContext, spec: DerivedSpec<T>): Derived<T> {
  const dir = syncDir(context);
  const derived = dir === undefined ? derivedFromLog(home(context), spec) : derivedFromSyncedLogs(home(context), dir, spec);
  newestDerived.set(context, derived.latest);
  return derived;
}

/**
 * The time of the newest event in the log as the command's latest derivation found it (derived
 * caches keep it): checkEventTime needs it, and reading a long log for it took longer than the
 * command (the quiz, with a simulated clock, on 200,000 reviews).
 */
const newestDerived = new WeakMap<CommandContext, number>();

/**
 * Save events: appended to events.jsonl and fsynced (src/io/event-store.ts: its errors are the
 * caller's), then, with sync on, to this device's file in the sync folder. That second write never
 * fails the save: the events are safe here, and a folder out of reach is said once, then caught up.
 */
export function saveEvents(context: CommandContext, saved: readonly ProgressEvent[]): void {
  const written = appendEvents(home(context), saved);
  const dir = syncDir(context);
  if (dir === undefined || !written) return;
  let result: ReturnType<typeof mirrorEvents>;
  try {
    result = mirrorEvents(home(context), { dir, device: deviceId(home(context)) }, saved, written);
  } catch (error) {
    // The device id could not be read or made: said each time, as the save here did succeed.
    if (!(error instanceof UserError)) throw error;
    const { t } = session(context);
    warn(context, t.warning(error.text(t)));
    return;
  }
  if (result.kind === 'ok' || (result.kind === 'behind' && !result.firstTime)) return;
  const { t } = session(context);
  warn(context, result.kind === 'behind' ? t.warning(t.sync.behindWarning(result.file, result.reason(t))) : t.sync.caughtUp(result.copied, result.file));
}

/** The progress log's events; lines that cannot be used are skipped, and reported in one line on stderr. */
export function events(context: CommandContext): ProgressEvent[] {
  const log = progressLog(context);
  warnLog(context, log);
  return log.events;
}

const warnedAboutLog = new WeakSet<CommandContext>();

/** The one line about the log's unusable lines, if it has any. */
export function warnLog(context: CommandContext, log: { warnings: readonly LogWarning[]; warningCount: number }): void {
  // Once per run: home derives both what was read and the cards, from the same log. And once for
  // good: the same damaged lines are not warned about again on later commands (logWarningSeen).
  if (log.warnings.length === 0 || warnedAboutLog.has(context)) return;
  warnedAboutLog.add(context);
  const where = (warning: LogWarning): string => (warning.file === undefined ? String(warning.line) : `${warning.file}:${warning.line}`);
  if (logWarningSeen(home(context), `${log.warnings.map(where).join(',')}/${log.warningCount}`)) return;
  const { t } = session(context);
  const warning = summarizeWarnings(eventsPath(home(context)), log.warnings, log.warningCount, t.lang);
  if (warning) warn(context, t.warning(warning));
}

/** What the lessons-read view needs of the log, derived through the log cache (no scheduler loaded). */
export interface ReadingState {
  read: Map<string, ReadRecord>;
  /** Whether the log has any review (home loads the scheduler only then). */
  hasReviews: boolean;
}

/** Which lessons have been read, from the derived cache of the log (src/io/log-cache.ts). */
export function readingState(context: CommandContext): ReadingState {
  const derived = derivedProgress<ReadingState>(context, {
    name: 'reading.json',
    key: 'reading',
    fold: (_latest, from) => {
      const reading = readingFold(from?.read);
      let hasReviews = from?.hasReviews ?? false;
      return {
        add: (event, time) => (event.type === 'review' ? (hasReviews = true) : reading.add(event, time)),
        value: () => ({ read: reading.value(), hasReviews }),
      };
    },
    encode: (value) => ({ read: [...value.read], hasReviews: value.hasReviews }),
    decode: (stored) => {
      const value = stored as { read: Array<[string, ReadRecord]>; hasReviews: boolean };
      return { read: new Map(value.read), hasReviews: value.hasReviews };
    },
  });
  warnLog(context, derived);
  return derived.value;
}

/**
 * Terminal width for rendering: --width, else min(terminal width, 100); in a pipe, COLUMNS when it is
 * a width (20 to 1000, as for --width), else 80.
 */
export function renderWidth(context: CommandContext, flag: string | undefined): number {
  if (flag !== undefined) {
    const width = Number(flag);
    if (!/^\d+$/.test(flag) || width < 20 || width > 1000) throw new UsageError((t) => t.badWidth(flag));
    return width;
  }
  const fromEnv = /^\d+$/.test(context.env.COLUMNS ?? '') ? Number(context.env.COLUMNS) : undefined;
  const columns = context.stdout.isTTY ? context.stdout.columns : fromEnv !== undefined && fromEnv >= 20 && fromEnv <= 1000 ? fromEnv : undefined;
  return Math.min(columns && columns > 0 ? columns : 80, 100);
}

/** stdout as a stream prompts can draw on (process.stdout in the CLI); undefined for a test's fake. */
export function promptOutput(context: CommandContext): NodeJS.WritableStream | undefined {
  const stream: unknown = context.stdout;
  return typeof stream === 'object' && stream !== null && typeof (stream as { on?: unknown }).on === 'function'
    ? (stream as NodeJS.WritableStream)
    : undefined;
}

/** Where prompts read and draw, in the learner's colours and words (key names, "more below"). */
export function promptIo(context: CommandContext, current: Session): PromptIO {
  return { input: context.stdin, output: promptOutput(context), color: current.color, keyNames: current.t.promptKeys, more: current.t.promptMore };
}
