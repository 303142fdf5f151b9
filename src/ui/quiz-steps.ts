/**
 * A worked exercise at the terminal (the `steps` question type): each step's heading, a typed answer,
 * then its feedback (a hint and one more try, or the step settled), until every step is done. The
 * card's result is shown by the face's `result`, once the review is saved.
 */
import { gradeSteps, type PresentedQuestion } from '../core/grade.js';
import type { Answer } from '../core/quiz-session.js';
import { StepsAttempt } from '../core/steps-attempt.js';
import type { Lang } from '../core/topics.js';
import { wrapText } from '../core/wrap.js';
import { paint } from './color.js';
import type { Escaped, PromptIO } from './prompts.js';
import { inlineCode, type ViewOptions } from './quiz-view.js';

export interface StepsTerminalIo {
  write(text: string): void;
  /** The prompts module, already loaded by the face. */
  askQuizText(message: string, validate: (value: string) => string | undefined, io: PromptIO): Promise<string | Escaped>;
  prompts: PromptIO;
}

export async function askStepsAtTerminal(
  presented: Extract<PresentedQuestion, { type: 'steps' }>,
  io: StepsTerminalIo,
  lang: Lang,
  view: ViewOptions,
): Promise<Answer> {
  const { t, width } = view;
  const style = paint(view.color);
  const say = (text: string): void => io.write(`${wrapText(text, width)}\n`);
  const attempt = new StepsAttempt(presented.exercise);
  const of = presented.exercise.steps.length;
  for (let step = attempt.current; step; step = attempt.current) {
    if (attempt.attempt === 1) {
      io.write(`\n${style.bold(wrapText(inlineCode(t.steps.stepHeading(attempt.index + 1, of, step.label[lang]), view.color), width))}\n`);
      io.write(`${style.dim(wrapText(t.quizTextKeys, width))}\n`);
    }
    const message = step.size === 1 ? t.quizTypeNumber : t.steps.typeNumbers(step.size);
    const input = await io.askQuizText(message, (value) => attempt.check(value)?.[lang], io.prompts);
    if (typeof input === 'object') {
      if (input.escape === 'skip') io.write(`${style.dim(t.quizSkipped)}\n`);
      return { kind: input.escape };
    }
    const feedback = attempt.submit(input);
    switch (feedback.kind) {
      case 'invalid':
        // The prompt only accepts input that can be read; say why anyway rather than lose it.
        say(style.yellow(feedback.message[lang]));
        break;
      case 'retry':
        say(`${style.yellow.bold(t.steps.stepNotYet)}  ${style.yellow(feedback.hint[lang])}`);
        break;
      case 'settled':
        if (feedback.correct) say(style.green.bold(t.steps.stepRight));
        else say(`${style.red.bold(t.steps.stepStillWrong)}  ${feedback.hint?.[lang] ?? ''}`);
        break;
    }
  }
  io.write('\n');
  return { kind: 'answer', grade: gradeSteps(attempt) };
}
