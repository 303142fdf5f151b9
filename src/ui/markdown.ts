// The only importer of marked-terminal (and of marked): loaded lazily, by commands that render.
import chalk from 'chalk';
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import { displayWidth } from '../core/width.js';
import { cutLine, wrapLine, wrapText } from '../core/wrap.js';

export interface RenderOptions {
  width: number;
  color: boolean;
}

/**
 * Render Markdown for the terminal with marked-terminal, then wrap every line to `width` terminal
 * columns with a display-width-aware wrapper (marked-terminal's own reflow counts UTF-16 units, which
 * makes Chinese lines twice too wide). Soft breaks must already be joined (see lesson-view.ts).
 * Without colour the result contains no escape codes at all.
 */
/**
 * Content widths for table columns so the whole table fits `width` columns: each column keeps its
 * natural width if all fit; otherwise the space is shared out from the narrowest column up (each
 * column gets what it needs or an equal share of what is left, whichever is less). A table border
 * costs 3 columns per column plus 1.
 */
export function fitColumns(rows: string[][], width: number): number[] {
  const count = Math.max(...rows.map((row) => row.length));
  const natural = Array.from({ length: count }, (_, column) => Math.max(1, ...rows.map((row) => displayWidth(row[column] ?? ''))));
  let remaining = width - (3 * count + 1);
  if (natural.reduce((sum, value) => sum + value, 0) <= remaining) return natural;
  const widths = [...natural];
  const order = natural.map((value, column) => ({ value, column })).sort((a, b) => a.value - b.value);
  order.forEach(({ value, column }, index) => {
    const share = Math.floor(remaining / (count - index));
    widths[column] = Math.max(4, Math.min(value, share));
    remaining -= widths[column]!;
  });
  return widths;
}

/**
 * Starts each line of a code block through marked-terminal (a private-use character, escaped: the
 * bundle stays ASCII), so the final pass cuts those lines at the width instead of wrapping them.
 */
const VERBATIM = '\uE000';

/**
 * Wrap each line to the width, except a code block's: its columns are its meaning (a diagram, a
 * matrix), so a line too wide is cut with a "…" where it goes on, never broken onto the next line.
 */
function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.includes(VERBATIM) ? [cutLine(line.replaceAll(VERBATIM, ''), width)] : wrapLine(line, width)))
    .join('\n');
}

/** Deeper than any lesson nests quotes or lists; past this marked's time and memory grow without bound. */
const MAX_QUOTE_DEPTH = 16;
const MAX_LIST_INDENT = 48;

/**
 * Whether a page nests quotes or list items deeper than a lesson ever does. Thousands of nested list
 * items (a hostile pack) make marked use gigabytes, and quotes overflow its stack; such a page is
 * shown as written instead.
 */
export function nestedTooDeep(markdown: string): boolean {
  for (const line of markdown.split('\n')) {
    const quotes = /^[ \t]*(?:>[ \t]*)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > MAX_QUOTE_DEPTH) return true;
    const list = /^( *)(?:[-*+]|\d+[.)])[ \t]/.exec(line);
    if (list && list[1]!.length > MAX_LIST_INDENT) return true;
  }
  return false;
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  // marked-terminal styles through the shared chalk instance; its level decides colour for all of it.
  chalk.level = options.color ? 2 : 0;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      width: options.width,
      reflowText: false,
      showSectionPrefix: !options.color,
      tab: 2,
      emoji: false,
      heading: chalk.cyan.bold,
      firstHeading: chalk.magenta.bold,
      codespan: chalk.yellow,
      blockquote: chalk.italic,
    }),
  );
  marked.use({
    renderer: {
      // marked-terminal prints a tight list item's text raw (its issues #304/#371): render its
      // inline tokens so **bold** and `code` inside list items come out formatted.
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens && token.tokens.length > 0) return this.parser.parseInline(token.tokens);
        return false;
      },
      hr() {
        return `${'─'.repeat(Math.max(8, Math.min(options.width, 60)))}\n\n`;
      },
      // Tables fit the width: cells are wrapped (display-width and CJK aware) inside their columns
      // instead of the whole table being broken across lines by the final wrap.
      table(token: Tokens.Table) {
        const head = token.header.map((cell) => this.parser.parseInline(cell.tokens));
        const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
        const widths = fitColumns([head, ...rows], options.width);
        const fit = (cells: string[]): string[] => cells.map((cell, column) => wrapText(cell, widths[column] ?? cell.length));
        const table = new Table({ head: fit(head), ...(options.color ? {} : { style: { head: [], border: [] } }) });
        table.push(...rows.map(fit));
        return `${table.toString()}\n\n`;
      },
      // Plain code blocks (ASCII diagrams, formulas) stay exactly as written; highlighting guesses a
      // language for them and paints random tokens. Too wide, they are cut, not wrapped (fitLines).
      code(token: Tokens.Code) {
        if (token.lang) return false;
        const indented = token.text
          .split('\n')
          .map((line) => `${VERBATIM}  ${line}`)
          .join('\n');
        return `${options.color ? chalk.yellow(indented) : indented}\n\n`;
      },
    },
  });
  let parsed: string;
  try {
    parsed = nestedTooDeep(markdown) ? markdown : (marked.parse(markdown, { async: false }) as string);
  } catch (error) {
    // marked follows nested quotes and lists by recursion: thousands of levels (a hostile pack)
    // overflow the stack. Such a page is shown as written, which is still readable.
    if (!(error instanceof RangeError)) throw error;
    parsed = markdown;
  }
  const rendered = parsed.replace(/\n{3,}/g, '\n\n').trimEnd();
  const plain = options.color ? rendered : stripVTControlCharacters(rendered);
  return fitLines(plain, options.width);
}
