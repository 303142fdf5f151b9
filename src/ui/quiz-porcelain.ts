/**
 * The quiz's face for scripts (`quiz --porcelain`, or stdin not a terminal): one JSON object per line
 * on stdout, one answer per line on stdin. The protocol is in `ml-tutor quiz --help`. Texts are sent
 * as the lesson writes them, inline code in Markdown backticks: lossless, and a client can draw it.
 */
import { createInterface } from 'node:readline';
import { UserError } from '../core/errors.js';
import { describeExpected, gradeAnswer, gradeSteps, shownOptionTexts, type ExpectedAnswer, type PresentedQuestion } from '../core/grade.js';
import type { Answer, QuizFace, ShownCard } from '../core/quiz-session.js';
import { StepsAttempt } from '../core/steps-attempt.js';
import type { Lang } from '../core/topics.js';
import { messages } from '../i18n/index.js';

const MS_PER_DAY = 86_400_000;

export interface PorcelainIo {
  write(text: string): void;
  warn(line: string): void;
  /** Where answers come from. */
  input: NodeJS.ReadableStream | undefined;
}

/** A step's value for a script: the number itself, or the list of numbers. */
function stepValue(values: readonly number[]): number | number[] {
  return values.length === 1 ? (values[0] ?? Number.NaN) : [...values];
}

/** The value a script compares against: option number(s), true/false, the number, the text, or each step's value. */
function expectedValue(expected: ExpectedAnswer): number | number[] | boolean | string | Array<number | number[]> {
  switch (expected.type) {
    case 'choice':
      return expected.option;
    case 'multi':
      return expected.options;
    case 'truefalse':
      return expected.answer;
    case 'numeric':
      return expected.answer;
    case 'text':
      return expected.answer;
    case 'steps':
      return expected.answers.map(stepValue);
  }
}

function roundDays(ms: number): number {
  return Math.round((ms / MS_PER_DAY) * 100_000) / 100_000;
}

/** Lines read one at a time from one readline interface, so nothing buffered between questions is lost. */
class LineReader {
  private readonly lines: AsyncIterator<string>;
  private readonly rl;
  constructor(stream: NodeJS.ReadableStream) {
    this.rl = createInterface({ input: stream, crlfDelay: Infinity, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }
  /** The next line, or undefined at end of input. */
  async next(): Promise<string | undefined> {
    const result = await this.lines.next();
    return result.done ? undefined : result.value;
  }
  close(): void {
    this.rl.close();
  }
}

type Emit = (value: Record<string, unknown>) => void;

/** The next answer line, trimmed; `skip` and `quit` (any case), or the end of the input (quit), as the answer they are. */
async function readAnswer(reader: LineReader): Promise<string | Extract<Answer, { kind: 'skip' | 'quit' }>> {
  const line = await reader.next();
  if (line === undefined) return { kind: 'quit' };
  const text = line.trim();
  if (/^skip$/i.test(text)) return { kind: 'skip' };
  if (/^quit$/i.test(text)) return { kind: 'quit' };
  return text;
}

/**
 * A worked exercise: a `question` per step (with `step`, `of`, `attempt` and `size`, the count of
 * numbers to answer), then a `result` per step: a wrong first try carries `hint` and `retry: true`
 * and the same step is asked again; a settled step carries `expected` (from the learner's own
 * earlier numbers), and when still wrong, `entered` and a `hint` saying the answer.
 */
async function askSteps(card: ShownCard, presented: Extract<PresentedQuestion, { type: 'steps' }>, reader: LineReader, emit: Emit, lang: Lang): Promise<Answer> {
  const t = messages(lang);
  const attempt = new StepsAttempt(presented.exercise);
  const id = card.question.id;
  const of = presented.exercise.steps.length;
  for (let step = attempt.current; step; step = attempt.current) {
    const number = attempt.index + 1;
    const heading = t.steps.stepHeading(number, of, step.label[lang]);
    emit({ event: 'question', id, type: 'steps', step: number, of, attempt: attempt.attempt, size: step.size, prompt: `${card.prompt}\n${heading}` });
    const text = await readAnswer(reader);
    if (typeof text !== 'string') return text;
    const feedback = attempt.submit(text);
    if (feedback.kind === 'invalid') emit({ event: 'error', message: feedback.message[lang] });
    else if (feedback.kind === 'retry') emit({ event: 'result', id, step: number, of, correct: false, retry: true, slip: feedback.slip ?? null, hint: feedback.hint[lang] });
    else {
      emit({
        event: 'result',
        id,
        step: number,
        of,
        correct: feedback.correct,
        retry: false,
        first_try: feedback.firstTry,
        expected: stepValue(feedback.expected),
        ...(feedback.correct ? {} : { entered: stepValue(feedback.entered), slip: feedback.slip ?? null, hint: feedback.hint?.[lang] ?? '' }),
      });
    }
  }
  return { kind: 'answer', grade: gradeSteps(attempt) };
}

export function porcelainFace(io: PorcelainIo, lang: Lang): QuizFace {
  let reader: LineReader | undefined;
  const emit: Emit = (value) => {
    io.write(`${JSON.stringify(value)}\n`);
  };
  return {
    start() {},
    async ask(card) {
      if (!io.input) throw new UserError((t) => t.porcelainNoInput);
      reader ??= new LineReader(io.input);
      if (card.presented.type === 'steps') return askSteps(card, card.presented, reader, emit, lang);
      for (;;) {
        const options = shownOptionTexts(card.presented, lang);
        emit({ event: 'question', id: card.question.id, type: card.question.type, prompt: card.prompt, ...(options ? { options } : {}) });
        const text = await readAnswer(reader);
        if (typeof text !== 'string') return text;
        const grade = gradeAnswer(card.presented, text);
        if (grade.kind === 'graded') return { kind: 'answer', grade };
        emit({ event: 'error', message: grade.message[lang] });
      }
    },
    async rate() {
      return 3;
    },
    result(outcome) {
      emit({
        event: 'result',
        id: outcome.card.question.id,
        correct: outcome.correct,
        expected: expectedValue(outcome.expected),
        rating: outcome.rating,
        due: outcome.cram && outcome.after.state === 'new' ? null : outcome.after.due.toISOString(),
        interval_days: outcome.cram ? null : roundDays(outcome.after.due.getTime() - outcome.at.getTime()),
        again_in_session: outcome.againInSession,
        expected_text: describeExpected(outcome.card.presented, lang),
        // Several wrong picks of a multi question: one why per line, in the order shown.
        ...(outcome.whys.length > 0 ? { why: outcome.whys.map((pick) => pick.why).join('\n') } : {}),
        explain: outcome.card.explain,
        ...(outcome.correct ? {} : { reread: outcome.reread }),
        ...(outcome.grade.missed ? { missed: outcome.grade.missed, wrongly_picked: outcome.grade.wronglyPicked } : {}),
        ...(outcome.grade.near ? { near: true } : {}),
        ...(outcome.grade.steps
          ? { steps: { of: outcome.grade.steps.of, right_first_time: outcome.grade.steps.firstTry, right_after_retry: outcome.grade.steps.afterRetry, wrong: outcome.grade.steps.wrong } }
          : {}),
        ...(outcome.cram ? { cram: true } : {}),
        ...(outcome.leech ? { suspended: 'leech' } : {}),
      });
    },
    summary(summary, queue) {
      emit({
        event: 'summary',
        answered: summary.answered,
        correct: summary.correct,
        wrong: summary.answered - summary.correct,
        skipped: summary.skipped,
        suspended: summary.leeches,
        quit: summary.quit,
        due_total: queue.dueTotal,
        new_available: queue.newAvailable,
      });
    },
    warn(line) {
      io.warn(line);
    },
    close() {
      reader?.close();
    },
  };
}
