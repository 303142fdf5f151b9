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
function themeFor(io: PromptIO, extraKeys: ReadonlyArray<[string, string]> = []): Record<string, unknown> {
  const style = paint(io.color);
  const keysHelpTip = (keys: [string, string][]): string =>
    [...keys, ...extraKeys].map(([key, action]) => `${style.bold(key)} ${style.dim(io.keyNames?.[action] ?? action)}`).join(style.dim(' • '));
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

interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  clearPromptOnDone?: boolean;
}

function contextOf(io: PromptIO, signal?: AbortSignal): PromptContext {
  const context: PromptContext = {};
  if (io.input) context.input = io.input;
  if (io.output) context.output = io.output;
  if (signal) context.signal = signal;
  return context;
}

/** What a learner may do instead of answering a quiz question (an object: a typed answer may be "quit"). */
export interface Escaped {
  escape: 'skip' | 'quit';
}
type Escape = Escaped['escape'];

/** The keys that leave a choice prompt, as the key help shows them ("s skip • q quit"). */
const CHOICE_ESCAPES: Readonly<Record<string, Escape>> = { s: 'skip', q: 'quit', escape: 'quit' };
const CHOICE_ESCAPE_HELP: ReadonlyArray<[string, string]> = [['s', 'skip'], ['q', 'quit']];
/** A typed answer cannot give up its letters: only Esc leaves it (an empty answer is a skip). */
const TEXT_ESCAPES: Readonly<Record<string, Escape>> = { escape: 'quit' };

/**
 * Runs a prompt that a key in `keys` leaves at once: the prompt is aborted, wiped from the screen
 * (inquirer reads `clearPromptOnDone` as it settles) and the key's meaning returned. Keys are read
 * beside inquirer's own reading of the same input.
 */
async function escapable<T>(ask: (context: PromptContext) => Promise<T>, io: PromptIO, keys: Readonly<Record<string, Escape>>): Promise<T | Escaped> {
  const controller = new AbortController();
  const context = contextOf(io, controller.signal);
  const input = io.input ?? process.stdin;
  const onKey = (_text: string, key: { name?: string; ctrl?: boolean } | undefined): void => {
    const escape = key?.name !== undefined && !key.ctrl ? keys[key.name] : undefined;
    if (!escape || controller.signal.aborted) return;
    context.clearPromptOnDone = true;
    controller.abort(escape);
  };
  input.on('keypress', onKey);
  try {
    return await guarded(() => ask(context));
  } catch (error) {
    if (controller.signal.aborted) return { escape: controller.signal.reason as Escape };
    throw error;
  } finally {
    input.off('keypress', onKey);
  }
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
  return guarded(() => select(choiceConfig(message, options, io), contextOf(io)));
}

function choiceConfig(message: string, options: readonly string[], io: PromptIO, extraKeys: ReadonlyArray<[string, string]> = []) {
  const choices = options.map((text, index) => ({ name: hang(text, io, 5), value: index + 1, short: text }));
  return {
    ...listPage(choices.map((choice) => choice.name), message, io),
    choices,
    theme: { ...themeFor(io, extraKeys), indexMode: 'number' as const },
  };
}

/** Any number of options (multi). Resolves to the 1-based numbers picked, at least one. */
export function askMulti(message: string, options: readonly string[], io: PromptIO, requiredMessage: string): Promise<number[]> {
  return guarded(() => checkbox(multiConfig(message, options, io, requiredMessage), contextOf(io)));
}

function multiConfig(message: string, options: readonly string[], io: PromptIO, requiredMessage: string, extraKeys: ReadonlyArray<[string, string]> = []) {
  const choices = options.map((text, index) => ({ name: hang(`${index + 1}. ${text}`, io, 3, 6), value: index + 1, short: text }));
  return {
    ...listPage(choices.map((choice) => choice.name), message, io),
    choices,
    validate: (picked: readonly unknown[]) => picked.length > 0 || requiredMessage,
    // Fewer keys to learn, and a help line that fits a narrow terminal.
    shortcuts: { all: null, invert: null },
    theme: themeFor(io, extraKeys),
  };
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

/** A quiz's one-option question: the option number, or `s` (skip) / `q` or Esc (quit). */
export function askQuizChoice(message: string, options: readonly string[], io: PromptIO): Promise<number | Escaped> {
  return escapable((context) => select(choiceConfig(message, options, io, CHOICE_ESCAPE_HELP), context), io, CHOICE_ESCAPES);
}

/** A quiz's several-options question: the numbers ticked, or `s` (skip) / `q` or Esc (quit). */
export function askQuizMulti(message: string, options: readonly string[], io: PromptIO, requiredMessage: string): Promise<number[] | Escaped> {
  return escapable((context) => checkbox(multiConfig(message, options, io, requiredMessage, CHOICE_ESCAPE_HELP), context), io, CHOICE_ESCAPES);
}

/** A quiz's typed answer: the text (validated as in askText), a skip for an empty answer, or Esc (quit). */
export async function askQuizText(message: string, validate: (value: string) => string | undefined, io: PromptIO): Promise<string | Escaped> {
  const answer = await escapable(
    (context) => input({ message, validate: (value) => value.trim() === '' || (validate(value) ?? true), theme: themeFor(io) }, context),
    io,
    TEXT_ESCAPES,
  );
  return typeof answer === 'string' && answer.trim() === '' ? { escape: 'skip' } : answer;
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
