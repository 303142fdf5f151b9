import { englishName, type GlossaryTerm } from '../core/glossary.js';
import type { Lang } from '../core/topics.js';
import { displayWidth } from '../core/width.js';
import type { Messages } from '../i18n/en.js';

/** A term in the reader's order: `English — 中文`, or `中文 — English` for a Chinese reader. */
export function termName(term: GlossaryTerm, lang: Lang): string {
  return lang === 'zh' ? `${term.zh} — ${englishName(term)}` : `${englishName(term)} — ${term.zh}`;
}

const MAX_COLUMN = 44;

/** One line a term, its lesson in a column: `attention — 注意力机制   (deep-learning/1)`. */
export function formatGlossary(terms: readonly GlossaryTerm[], lang: Lang): string {
  const names = terms.map((term) => termName(term, lang));
  // Aligned, but a few long names do not push every lesson off an 80-column screen.
  const column = Math.min(MAX_COLUMN, Math.max(0, ...names.map(displayWidth)));
  return names.map((name, index) => `${name}${' '.repeat(Math.max(0, column - displayWidth(name)))}   (${terms[index]!.lesson})\n`).join('');
}

/** What a lookup shows of each term: its names, where it is introduced, and the command to read it there. */
export function formatLookup(terms: ReadonlyArray<{ term: GlossaryTerm; command: string }>, lang: Lang, t: Messages): string {
  return terms
    .map(({ term, command }) => `${termName(term, lang)}\n  ${t.glossary.introduced(term.lesson, term.section > 0 ? term.section : null, command)}\n`)
    .join('');
}
