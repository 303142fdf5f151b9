import { messages, type Messages } from '../i18n/index.js';
import type { Lang, LocalizedText } from './topics.js';

// Re-exported for cli.ts's error handler, so one lazy import brings the errors and their tables.
export { messages };

/** A message from the tables (src/i18n), picked when the language is known: `(t) => t.unknownLesson(query, near)`. */
export type Text = (t: Messages) => string;

/**
 * Errors a person caused (bad input, unknown lesson, a broken lesson file). The one handler in
 * `src/cli.ts` prints `text` in the learner's language, on stderr, without a stack trace, and exits
 * with `exitCode`. Helpers throw; only cli.ts exits.
 */
export class UserError extends Error {
  readonly exitCode: number = 1;
  /**
   * @param text the message, as a function of the message table
   * @param lang the language of `message` (English unless the thrower knows the learner's)
   */
  constructor(
    readonly text: Text,
    lang: Lang = 'en',
  ) {
    super(text(messages(lang)));
    this.name = 'UserError';
  }
}

/** Bad usage of the command line itself (unknown flag, malformed flag value): exit code 2. */
export class UsageError extends UserError {
  override readonly exitCode: number = 2;
  constructor(text: Text, lang?: Lang) {
    super(text, lang);
    this.name = 'UsageError';
  }
}

/**
 * A message in both languages, for what core builds before anyone knows the reader's language and
 * caches may keep as JSON (problems in lesson files, unusable lines of the log, generated questions).
 * Each language is worked out when it is first read (JSON.stringify reads both): an English run
 * that only shows `en` never loads the Chinese tables, a bundle of their own.
 */
export function localize(text: Text): LocalizedText {
  let en: string | undefined;
  let zh: string | undefined;
  return {
    get en() {
      return (en ??= text(messages('en')));
    },
    get zh() {
      return (zh ??= text(messages('zh')));
    },
  };
}

/**
 * A problem found in a file, located by path and 1-based line, printed as `path:line: message`.
 * The message is in both languages (the lesson cache keeps problems); `formatProblem` picks one.
 */
export interface Problem {
  path: string;
  line: number;
  message: LocalizedText;
}

/** A problem at `path:line` with a message from the tables. */
export function problemAt(path: string, line: number, text: Text): Problem {
  return { path, line, message: localize(text) };
}

export function formatProblem(problem: Problem, lang: Lang): string {
  return `${problem.path}:${problem.line}: ${problem.message[lang]}`;
}

/**
 * The learner pressed Ctrl-C at a prompt: exit code 130 (128 + SIGINT), with a calm one-line message.
 * Thrown only after every answer already given is on disk.
 */
export class InterruptedError extends UserError {
  override readonly exitCode: number = 130;
  constructor(text: Text = (t) => t.interrupted, lang?: Lang) {
    super(text, lang);
    this.name = 'InterruptedError';
  }
}
