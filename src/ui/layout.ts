import { displayWidth } from '../core/width.js';

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
