// A prompt of our own, on @inquirer/core (its own module so tests can drive it like inquirer's).
import { createPrompt, isEnterKey, useKeypress, usePrefix, useState } from '@inquirer/core';
import { paint } from './color.js';

export interface RatingPromptConfig {
  message: string;
  choices: ReadonlyArray<{ rating: number; label: string }>;
  defaultRating: number;
  /** The key help line, in the learner's language. */
  hint: string;
  color: boolean;
}

/**
 * Hard / Good / Easy after a right answer, each with the interval it would give, answered by a
 * single key as in Anki: the FSRS rating number (2, 3 or 4), or Enter for the default (Good).
 */
const ratingPrompt = createPrompt<number, RatingPromptConfig>(
  (config, done) => {
    const [picked, setPicked] = useState<number | undefined>(undefined);
    const prefix = usePrefix({ status: picked === undefined ? 'idle' : 'done' });
    const style = paint(config.color);
    useKeypress((key) => {
      if (picked !== undefined) return;
      const choice = isEnterKey(key)
        ? config.choices.find((candidate) => candidate.rating === config.defaultRating)
        : config.choices.find((candidate) => key.name === String(candidate.rating));
      if (!choice) return;
      setPicked(choice.rating);
      done(choice.rating);
    });
    const message = style.bold(config.message);
    const chosen = config.choices.find((choice) => choice.rating === picked);
    if (chosen) return `${prefix} ${message} ${style.cyan(chosen.label)}`;
    const lines = config.choices.map((choice) => `  ${choice.rating}) ${choice.label}`);
    return `${prefix} ${message}\n${lines.join('\n')}\n${style.dim(config.hint)}`;
  },
);

export default ratingPrompt;
