/** The quiz's face for a person at a terminal: a card, a prompt for the answer, a rating, the result. */
import { describeExpected, gradeAnswer, shownOptionTexts } from '../core/grade.js';
import type { QuizFace } from '../core/quiz-session.js';
import type { Lang } from '../core/topics.js';
import { wrapText } from '../core/wrap.js';
import type { PromptIO } from './prompts.js';
import { formatCard, formatInterval, formatResult, type ViewOptions } from './quiz-view.js';

export interface TerminalIo {
  write(text: string): void;
  warn(line: string): void;
  prompts: PromptIO;
}

export async function terminalFace(io: TerminalIo, lang: Lang, view: ViewOptions): Promise<QuizFace> {
  const prompts = await import('./prompts.js');
  const { t } = view;
  const { write } = io;
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
      const asText = (value: string): string | undefined => {
        const grade = gradeAnswer(presented, value);
        return grade.kind === 'invalid' ? grade.message[lang] : undefined;
      };
      let input: string;
      switch (presented.type) {
        case 'choice':
        case 'truefalse':
          input = String(await prompts.askChoice(t.quizYourAnswer, shownOptionTexts(presented, lang) ?? [], io.prompts));
          break;
        case 'multi':
          input = (await prompts.askMulti(t.quizPickAll, shownOptionTexts(presented, lang) ?? [], io.prompts, t.quizPickAtLeastOne)).join(',');
          break;
        case 'numeric':
          input = await prompts.askText(t.quizTypeNumber, asText, io.prompts);
          break;
        case 'text':
          input = await prompts.askText(t.quizYourAnswer, asText, io.prompts);
          break;
      }
      const grade = gradeAnswer(presented, input);
      // The prompts only accept input that grades; anything else would be a bug in this file.
      if (grade.kind !== 'graded') throw new Error(`ungradable input ${JSON.stringify(input)}`);
      return { kind: 'answer', grade };
    },
    async rate(_card, next) {
      const ratings: Array<2 | 3 | 4> = [2, 3, 4];
      return prompts.askRating(
        t.quizRate,
        ratings.map((rating) => ({ rating, name: t.ratingName[rating], interval: formatInterval(next[rating].intervalMs, t) })),
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
      if (summary.answered + summary.skipped === 0) return;
      write(`\n${t.quizSummary(summary.answered, summary.correct, summary.skipped)}\n`);
    },
    warn(line) {
      io.warn(line);
    },
    close() {},
  };
}
