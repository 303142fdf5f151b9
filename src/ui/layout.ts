import { displayWidth } from '../core/width.js';
import { wrapText } from '../core/wrap.js';

/** Pad to a display width (CJK characters count as two columns). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Shorten to a display width with an ellipsis. */
export function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** A small progress bar like "███░░" of `size` cells. */
export function bar(done: number, total: number, size = 10): string {
  const filled = total > 0 ? Math.round((done / total) * size) : 0;
  return '█'.repeat(filled) + '░'.repeat(size - filled);
}

/**
 * A topic's progress row, "  Attention mechanisms  ███░░░░░░░  2/5 read", fitted to `width` so the
 * terminal never breaks it mid-word: the bar shrinks (to 4 cells) first; narrower still, the bar and
 * the count go on a line of their own under the title. `titleWidth` aligns the rows of a list.
 */
export function progressRow(
  row: { title: string; done: number; total: number; count: string },
  titleWidth: number,
  width: number,
  paintBar: (text: string) => string = (text) => text,
): string {
  const size = Math.min(10, width - (2 + titleWidth + 2 + 2 + displayWidth(row.count)));
  if (size >= 4) return `  ${padDisplay(row.title, titleWidth)}  ${paintBar(bar(row.done, row.total, size))}  ${row.count}`;
  const under = Math.max(4, Math.min(10, width - (4 + 2 + displayWidth(row.count))));
  return `  ${row.title}\n    ${paintBar(bar(row.done, row.total, under))}  ${row.count}`;
}

/**
 * A command and what it does, "  ml-tutor quiz           review the cards that are due", in two
 * columns when they fit `width`, else the hint on its own lines under the command (a command is
 * never broken: it is meant to be typed). `paint` styles the command.
 */
export function commandRow(command: string, hint: string, width: number, paint: (text: string) => string = (text) => text, column = 24): string {
  const padded = command.padEnd(column);
  if (2 + displayWidth(padded) + displayWidth(hint) <= width) return `  ${paint(padded)}${hint}`;
  const hintLines = wrapText(hint, Math.max(10, width - 4)).split('\n');
  return [`  ${paint(command)}`, ...hintLines.map((line) => `    ${line}`)].join('\n');
}
