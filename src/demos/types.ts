import type { FlagSpec, FlagValues } from './flags.js';

export type DemoTopic = 'deep-learning' | 'nlp' | 'rnn' | 'attention';
export type DemoLang = 'en' | 'zh';

/** How a formatter should draw: language, ANSI colour or none, and the terminal width. */
export interface FormatOptions {
  lang: DemoLang;
  color: boolean;
  width: number;
}

/** The key number of a run, for --predict: ask for a guess, then reveal it. */
export interface Prediction {
  question: { en: string; zh: string };
  answer: number;
  /** A guess within this absolute distance of the answer counts as right. */
  tolerance: number;
  /**
   * The numbers the question is about, as lines of notation (`signal = [0, 1, 1]`), shown before the
   * question when the question itself does not quote them: a guess needs its inputs.
   */
  given?: { en: string; zh: string };
}

/**
 * One demo: its flags, the computation (flags → one plain result object, the JSON contract) and
 * the formatter (result → the working on the board). Results are type aliases, not interfaces,
 * so they are assignable to Record<string, unknown>.
 */
export interface DemoDefinition<Result extends Record<string, unknown>> {
  name: string;
  topic: DemoTopic;
  summary: { en: string; zh: string };
  flags: readonly FlagSpec[];
  /** Draws random numbers, so --seed changes the output. */
  seeded: boolean;
  /** Flag strings that make good examples, first one shown in help. */
  examples: readonly string[];
  run(values: FlagValues): Result;
  format(result: Result, options: FormatOptions): string;
  /** The number worth guessing before the working is shown, if there is one. */
  predict?(result: Result): Prediction | undefined;
}
