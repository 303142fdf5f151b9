/**
 * Terminal prompts: the one importer of @inquirer/prompts (shared/STYLE.md habit 6). Lazy-imported by
 * the commands that ask questions, so `--help` never loads inquirer.
 *
 * Every prompt turns Ctrl-C (inquirer's ExitPromptError) into an InterruptedError, which the CLI maps
 * to exit code 130 without a stack trace.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { InterruptedError } from '../core/errors.js';
import { wrapText } from '../core/wrap.js';
import { paint } from './color.js';
import ratingPrompt from './rating-prompt.js';

/** Where prompts read keys and draw; the process's terminal when left out. */
export interface PromptIO {
  input?: NodeJS.ReadableStream | undefined;
  output?: NodeJS.WritableStream | undefined;
  /** false for plain text (--no-color, NO_COLOR). */
  color: boolean;
  /** The key help line's action names in the learner's language ("navigate" → "移动"). */
  keyNames?: Readonly<Record<string, string>> | undefined;
  /** Added to the message when a list of options is taller than the terminal ("(more below: ↓)"). */
  more?: string | undefined;
}

const identity = (text: string): string => text;

/**
 * The key help line ("↑↓ navigate • ⏎ select") with its words translated; with colour off, every
 * style is the identity and the prefix a plain "?".
 */
function themeFor(io: PromptIO): Record<string, unknown> {
  const style = paint(io.color);
  const keysHelpTip = (keys: [string, string][]): string =>
    keys.map(([key, action]) => `${style.bold(key)} ${style.dim(io.keyNames?.[action] ?? action)}`).join(style.dim(' • '));
  if (io.color) return { style: { keysHelpTip } };
  return {
    prefix: { idle: '?', done: '✔' },
    style: {
      answer: identity,
      message: identity,
      error: (text: string) => `> ${text}`,
      defaultAnswer: identity,
      help: identity,
      highlight: identity,
      key: identity,
      description: identity,
      disabled: identity,
      keysHelpTip,
    },
  };
}

function contextOf(io: PromptIO): { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } {
  const context: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {};
  if (io.input) context.input = io.input;
  if (io.output) context.output = io.output;
  return context;
}

/**
 * An option wrapped to the terminal width, its continuation lines indented under its text, so a
 * long option on a narrow terminal does not wrap back to column 0. `lead` is what the prompt prints
 * before the option (cursor, number); `indent` how far to indent continuation lines.
 */
function hang(text: string, io: PromptIO, lead: number, indent = lead): string {
  const columns = (io.output as { columns?: number } | undefined)?.columns ?? process.stdout.columns ?? 80;
  const width = Math.max(20, columns - lead - 1);
  return wrapText(text, width).split('\n').join(`\n${' '.repeat(indent)}`);
}

/**
 * How many lines a list of (wrapped) options may take: all of them when they fit the terminal
 * under the card, else as many as fit, and the message says there is more below. inquirer's
 * default of 7 lines hid the last options of a long-worded question at 40-50 columns.
 */
function listPage(names: readonly string[], message: string, io: PromptIO): { pageSize: number; message: string } {
  const lines = names.reduce((sum, name) => sum + name.split('\n').length, 0);
  const rows = (io.output as { rows?: number } | undefined)?.rows ?? process.stdout.rows ?? 24;
  // The message, a blank line and the key help line are drawn around the list.
  const room = Math.max(4, rows - 4);
  if (lines <= room) return { pageSize: Math.max(1, lines), message };
  return { pageSize: room, message: io.more ? `${message} ${io.more}` : message };
}

/** Runs one prompt; Ctrl-C (or the terminal closing) becomes an InterruptedError. */
async function guarded<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new InterruptedError();
    }
    throw error;
  }
}

/** One option out of several (choice, truefalse). Resolves to the 1-based number of the option picked. */
export function askChoice(message: string, options: readonly string[], io: PromptIO): Promise<number> {
  const choices = options.map((text, index) => ({ name: hang(text, io, 5), value: index + 1, short: text }));
  return guarded(() =>
    select(
      {
        ...listPage(choices.map((choice) => choice.name), message, io),
        choices,
        theme: { ...themeFor(io), indexMode: 'number' },
      },
      contextOf(io),
    ),
  );
}

/** Any number of options (multi). Resolves to the 1-based numbers picked, at least one. */
export function askMulti(message: string, options: readonly string[], io: PromptIO, requiredMessage: string): Promise<number[]> {
  const choices = options.map((text, index) => ({ name: hang(`${index + 1}. ${text}`, io, 3, 6), value: index + 1, short: text }));
  return guarded(() =>
    checkbox(
      {
        ...listPage(choices.map((choice) => choice.name), message, io),
        choices,
        validate: (picked) => picked.length > 0 || requiredMessage,
        // Fewer keys to learn, and a help line that fits a narrow terminal.
        shortcuts: { all: null, invert: null },
        theme: themeFor(io),
      },
      contextOf(io),
    ),
  );
}

/**
 * Free input (numeric, text). `validate` returns a message to show (and the learner edits and
 * presses Enter again), or undefined when the input can be graded.
 */
export function askText(message: string, validate: (value: string) => string | undefined, io: PromptIO): Promise<string> {
  return guarded(() =>
    input(
      {
        message,
        validate: (value) => validate(value) ?? true,
        theme: themeFor(io),
      },
      contextOf(io),
    ),
  );
}

export interface RatingChoice<R extends number> {
  rating: R;
  /** "Good", "良好". */
  name: string;
  /** The next interval if this rating is picked: "10m", "3d". */
  interval: string;
}

/**
 * Hard / Good / Easy after a right answer, each with the interval it would give: one key, as in
 * Anki (see rating-prompt.ts).
 */
export function askRating<R extends number>(message: string, choices: readonly RatingChoice<R>[], defaultRating: R, io: PromptIO, hint = '2-4, Enter = 3'): Promise<R> {
  return guarded(
    async () =>
      (await ratingPrompt(
        { message, choices: choices.map((choice) => ({ rating: choice.rating, label: `${choice.name} · ${choice.interval}` })), defaultRating, hint, color: io.color },
        contextOf(io),
      )) as R,
  );
}

/** Yes or no; No is the default, so a stray Enter changes nothing. */
export function askConfirm(message: string, io: PromptIO): Promise<boolean> {
  return guarded(() => confirm({ message, default: false, theme: themeFor(io) }, contextOf(io)));
}
