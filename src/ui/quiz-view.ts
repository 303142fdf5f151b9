/**
 * Text for the terminal quiz: intervals, the card heading and prompt, the result after an answer,
 * the end-of-session summary. Formatters return strings; the quiz command prints them.
 */
import { displayWidth } from '../core/width.js';
import { wrapText } from '../core/wrap.js';
import type { WrongPick } from '../core/grade.js';
import type { Messages } from '../i18n/index.js';
import { paint } from './color.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An interval as a learner reads it: "1m", "10m", "3h", "4d", "2.5mo", "1.2y" (or 分钟/天… in Chinese). */
export function formatInterval(ms: number, t: Messages): string {
  const span = Math.max(0, ms);
  if (span < HOUR) return t.intervalUnit(Math.max(1, Math.round(span / MINUTE)), 'minute');
  if (span < DAY) return t.intervalUnit(Math.round(span / HOUR), 'hour');
  const days = span / DAY;
  if (days < 30) return t.intervalUnit(Math.max(1, Math.round(days)), 'day');
  if (days < 365) return t.intervalUnit(Math.round((days / 30) * 10) / 10, 'month');
  return t.intervalUnit(Math.round((days / 365) * 10) / 10, 'year');
}

/**
 * Inline code in a question's text (`--analogy a,b,c`) drawn as the page draws code spans: yellow,
 * without the backticks; plain without colour. The porcelain face keeps the backticks (see its file).
 */
export function inlineCode(text: string, color: boolean): string {
  const style = paint(color);
  return text.replace(/`([^`\n]+)`/g, (_, code: string) => style.yellow(code));
}

export interface CardView {
  /** Position in this session, from 1. */
  number: number;
  /** Cards not yet shown, after this one. */
  left: number;
  /** Cards answered Again waiting to be asked once more. */
  again: number;
  /** "Scaled dot-product attention §2". */
  where: string;
  prompt: string;
}

export interface ViewOptions {
  t: Messages;
  color: boolean;
  width: number;
}

/** The heading line and the wrapped question, printed above the answer prompt. */
export function formatCard(card: CardView, options: ViewOptions): string {
  const style = paint(options.color);
  const heading = style.dim(wrapText(options.t.quizCardHeading(card.number, card.left, card.again, card.where), options.width));
  return `\n${heading}\n${style.bold(wrapText(inlineCode(card.prompt, options.color), options.width))}\n`;
}

export interface ResultView {
  correct: boolean;
  /** The rating's name ("Good"), for a scheduled review. */
  ratingName?: string | undefined;
  /** The next interval ("3d"), for a scheduled review; undefined for cram practice. */
  interval?: string | undefined;
  /** The card comes back later in this session: say so rather than its interval. */
  againInSession?: boolean | undefined;
  /** A wrong multi answer: the shown numbers missed and wrongly picked. */
  missed?: readonly number[] | undefined;
  wronglyPicked?: readonly number[] | undefined;
  /** A wrong typed answer one typo away from the answer. */
  near?: boolean | undefined;
  /** A worked exercise: how its steps went ("Steps right first time: 3 of 4; …"). */
  steps?: string | undefined;
  expected: string;
  /** The wrong options picked that say why they are wrong: shown before the explanation. */
  whys?: readonly WrongPick[] | undefined;
  explain: string;
  /** `ml-tutor read attention/2 --section 3`, shown after a wrong answer. */
  reread?: string | undefined;
  /** Set when this answer made the card a leech and it was suspended. */
  leech?: { card: string } | undefined;
}

/** What the learner sees once the answer is saved. */
export function formatResult(result: ResultView, options: ViewOptions): string {
  const style = paint(options.color);
  const { t, width } = options;
  const verdict = result.correct ? style.green.bold(t.quizRight) : style.red.bold(t.quizWrong);
  const next = result.againInSession ? t.quizAgainInSession : result.interval === undefined ? undefined : t.quizNext(result.interval);
  const schedule = next === undefined ? t.quizCramNote : [result.ratingName, next].filter(Boolean).join(' · ');
  const lines = [wrapText(`${verdict}  ${style.dim(schedule)}`, width)];
  if (result.near) lines.push(style.yellow(wrapText(t.quizNearMissResult, width)));
  if (result.steps) lines.push(wrapText(result.steps, width));
  if (result.missed?.length) lines.push(wrapText(t.quizMissed(result.missed), width));
  if (result.wronglyPicked?.length) lines.push(wrapText(t.quizWrongPicks(result.wronglyPicked), width));
  lines.push(wrapText(t.quizExpected(inlineCode(result.expected, options.color)), width));
  for (const pick of result.whys ?? []) lines.push(style.yellow(wrapText(t.quizWhyNot(pick.option, inlineCode(pick.why, options.color)), width)));
  if (result.explain.trim() !== '') lines.push(style.dim(wrapText(inlineCode(result.explain.trim(), options.color), width)));
  if (result.reread) {
    // A command is never broken across lines (it is meant to be copied): too wide, it gets its own line.
    const fits = displayWidth(t.quizReread(result.reread)) <= width;
    lines.push(fits ? t.quizReread(style.cyan(result.reread)) : `${t.quizReread('').trimEnd()}\n${style.cyan(result.reread)}`);
  }
  if (result.leech && result.reread) lines.push(style.yellow(wrapText(t.quizLeech(result.leech.card, result.reread), width)));
  return `${lines.join('\n')}\n`;
}
