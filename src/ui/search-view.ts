import { displayWidth } from '../core/width.js';
import type { Messages } from '../i18n/index.js';
import { paint } from './color.js';
import { truncateDisplay } from './layout.js';

/** A hit as `search` prints it (and, without `spans`, as its --json). */
export interface ShownHit {
  /** The short reference a learner types: `rnn/3`. */
  lesson: string;
  id: string;
  /** The `##` section as `read --section` numbers it; null for the title and text before the first section. */
  section: number | null;
  title: string;
  line: number;
  text: string;
  command: string;
  score: number;
  lang: string;
  /** [start, end) offsets into `text` of what matched. */
  spans: Array<[number, number]>;
}

/** Columns of context kept before the first match when a line is too long to show whole. */
const LEAD = 12;

/**
 * The part of a long line around its first match, fitting `room` columns, with its spans moved to
 * match: "…the gradient vanishes as it…".
 */
export function excerpt(text: string, spans: ReadonlyArray<[number, number]>, room: number): { text: string; spans: Array<[number, number]> } {
  if (displayWidth(text) <= room) return { text, spans: [...spans] };
  const first = spans[0]?.[0] ?? 0;
  let start = first;
  let lead = 0;
  // Step back over whole code points until LEAD columns of context are before the match.
  while (start > 0 && lead < LEAD) {
    const step = start >= 2 && /[\udc00-\udfff]/.test(text[start - 1]!) ? 2 : 1; // a surrogate pair is one character
    lead += displayWidth(text.slice(start - step, start));
    start -= step;
  }
  // Not in the middle of a Latin word: start at the next word.
  if (start > 0 && /\w/.test(text[start - 1]!) && /\w/.test(text[start]!)) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  const prefix = start > 0 ? '…' : '';
  const body = truncateDisplay(prefix + text.slice(start), room);
  const shift = prefix.length - start;
  const limit = body.endsWith('…') ? body.length - 1 : body.length;
  const moved = spans
    .map(([from, to]): [number, number] => [Math.max(from + shift, prefix.length), Math.min(to + shift, limit)])
    .filter(([from, to]) => to > from);
  return { text: body, spans: moved };
}

/** The text with its spans drawn in the highlight style. */
function highlight(text: string, spans: ReadonlyArray<[number, number]>, mark: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    out += text.slice(at, from) + mark(text.slice(from, to));
    at = to;
  }
  return out + text.slice(at);
}

/**
 * The hits, three lines each: where (`rnn/3 §2`, the lesson's title, its language if not the
 * reader's), the matching line with what matched highlighted, and the command that opens it.
 */
export function formatHits(hits: readonly ShownHit[], options: { t: Messages; color: boolean; width: number; lang: string; total: number }): string {
  const style = paint(options.color);
  const out: string[] = [];
  for (const hit of hits) {
    const where = hit.section === null ? hit.lesson : `${hit.lesson} §${hit.section}`;
    const langTag = hit.lang === options.lang ? '' : ` [${hit.lang}]`;
    const room = Math.max(10, options.width - displayWidth(where) - displayWidth(langTag) - 2);
    out.push(`${style.cyan(where)}  ${style.bold(truncateDisplay(hit.title, room))}${style.dim(langTag)}`);
    const shown = excerpt(hit.text, hit.spans, Math.max(10, options.width - 4));
    out.push(`    ${highlight(shown.text, shown.spans, (part) => style.yellow.bold(part))}`);
    out.push(`    ${style.dim(hit.command)}`);
  }
  if (hits.length < options.total) out.push(...(out.length > 0 ? [''] : []), style.dim(options.t.search.more(hits.length, options.total)));
  return `${out.join('\n')}\n`;
}
