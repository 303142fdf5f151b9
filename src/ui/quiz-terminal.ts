/** The quiz's face for a person at a terminal: a card, a prompt for the answer, a rating, the result. */
import { describeExpected, gradeAnswer, shownOptionTexts, type PresentedQuestion } from '../core/grade.js';
import type { QuizFace } from '../core/quiz-session.js';
import type { Rating } from '../core/schedule.js';
import type { Lang } from '../core/topics.js';
import { wrapText } from '../core/wrap.js';
import { paint } from './color.js';
import type { Escaped, PromptIO } from './prompts.js';
import { askStepsAtTerminal } from './quiz-steps.js';
import { formatCard, formatInterval, formatResult, inlineCode, type ViewOptions } from './quiz-view.js';

export interface TerminalIo {
  write(text: string): void;
  warn(line: string): void;
  prompts: PromptIO;
}

export async function terminalFace(io: TerminalIo, lang: Lang, view: ViewOptions): Promise<QuizFace> {
  const prompts = await import('./prompts.js');
  const { t } = view;
  const { write } = io;
  const style = paint(view.color);
  const optionsOf = (presented: PresentedQuestion): string[] => (shownOptionTexts(presented, lang) ?? []).map((text) => inlineCode(text, view.color));
  return {
    start(queue, cram, idle) {
      if (queue.items.length === 0) {
        const lines = idle.hasCards ? [t.quizNothingDue] : [t.quizNoCards];
        if (idle.hasCards && idle.nextDueInMs !== undefined) lines.push(t.quizNextDue(formatInterval(idle.nextDueInMs, t)));
        if (!cram && queue.newAllowance === 0 && queue.newAvailable > 0 && queue.dueTotal === 0) lines.push(t.quizNewLimit);
        write(`${lines.map((line) => wrapText(line, view.width)).join('\n')}\n`);
        return;
      }
      const fresh = queue.items.filter((item) => item.kind === 'new').length;
      const due = queue.items.length - fresh;
      write(`${cram ? t.quizCramHeader(queue.items.length) : t.quizHeader(due, fresh)}\n`);
    },
    async ask(card) {
      write(formatCard(card, view));
      const presented = card.presented;
      if (presented.type === 'steps') return askStepsAtTerminal(presented, { write, askQuizText: prompts.askQuizText, prompts: io.prompts }, lang, view);
      // A typed answer one typo away gets one more try (quizNearMiss); the same text again is graded.
      let hinted: string | undefined;
      const asText = (value: string): string | undefined => {
        const grade = gradeAnswer(presented, value);
        if (grade.kind === 'invalid') return grade.message[lang];
        if (grade.near !== true || hinted === value) return undefined;
        hinted = value;
        return t.quizNearMiss;
      };
      const typed = (message: string): Promise<string | Escaped> => {
        write(`${style.dim(wrapText(t.quizTextKeys, view.width))}\n`);
        return prompts.askQuizText(message, asText, io.prompts);
      };
      let input: string | number | number[] | Escaped;
      switch (presented.type) {
        case 'choice':
        case 'truefalse':
          input = await prompts.askQuizChoice(t.quizYourAnswer, optionsOf(presented), io.prompts);
          break;
        case 'multi':
          input = await prompts.askQuizMulti(t.quizPickAll, optionsOf(presented), io.prompts, t.quizPickAtLeastOne);
          break;
        case 'numeric':
          input = await typed(t.quizTypeNumber);
          break;
        case 'text':
          input = await typed(t.quizYourAnswer);
          break;
      }
      if (typeof input === 'object' && 'escape' in input) {
        if (input.escape === 'skip') write(`${style.dim(t.quizSkipped)}\n`);
        return { kind: input.escape };
      }
      const grade = gradeAnswer(presented, Array.isArray(input) ? input.join(',') : String(input));
      // The prompts only accept input that grades; anything else would be a bug in this file.
      if (grade.kind !== 'graded') throw new Error(`ungradable input ${JSON.stringify(input)}`);
      return { kind: 'answer', grade };
    },
    async rate(_card, next) {
      // 1 is for a lucky guess: the answer was right, but the learner did not know it.
      const ratings: Rating[] = [1, 2, 3, 4];
      return prompts.askRating(
        t.quizRate,
        ratings.map((rating) => ({ rating, name: rating === 1 ? t.quizGuessed : t.ratingName[rating], interval: formatInterval(next[rating].intervalMs, t) })),
        3,
        io.prompts,
        t.quizRateHint,
      );
    },
    result(outcome) {
      write(
        formatResult(
          {
            correct: outcome.correct,
            ratingName: outcome.cram ? undefined : t.ratingName[outcome.rating],
            interval: outcome.cram ? undefined : formatInterval(outcome.after.due.getTime() - outcome.at.getTime(), t),
            againInSession: outcome.againInSession,
            missed: outcome.grade.missed,
            wronglyPicked: outcome.grade.wronglyPicked,
            near: outcome.grade.near,
            steps: outcome.grade.steps ? t.steps.tally(outcome.grade.steps.firstTry, outcome.grade.steps.afterRetry, outcome.grade.steps.wrong, outcome.grade.steps.of) : undefined,
            expected: describeExpected(outcome.card.presented, lang),
            whys: outcome.whys,
            explain: outcome.card.explain,
            reread: outcome.correct ? undefined : outcome.reread,
            leech: outcome.leech ? { card: outcome.card.question.id } : undefined,
          },
          view,
        ),
      );
    },
    summary(summary) {
      const lines = summary.quit ? [t.quizStopped] : [];
      if (summary.answered + summary.skipped > 0) lines.push(t.quizSummary(summary.answered, summary.correct, summary.skipped));
      if (lines.length > 0) write(`\n${lines.join('\n')}\n`);
    },
    warn(line) {
      io.warn(line);
    },
    close() {},
  };
}
