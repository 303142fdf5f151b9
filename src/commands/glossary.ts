import type { Catalog } from '../core/catalog.js';
import { UserError } from '../core/errors.js';
import { alphabetical, buildGlossary, englishName, findTerms, glossSources, lessonGlosses, type GlossaryTerm } from '../core/glossary.js';
import { formatGlossary, formatLookup } from '../ui/glossary-view.js';
import { glossaryCache } from '../io/glossary-cache.js';
import { home, loadCatalog, session, type CommandContext } from './context.js';

export interface GlossaryOptions {
  json?: boolean | undefined;
  alpha?: boolean | undefined;
}

/** The course glossary, from the glosses of the Chinese lessons in teaching order (of `catalog`, when the caller has it). */
export function courseGlossary(context: CommandContext, catalog: Catalog = loadCatalog(context)): { terms: GlossaryTerm[]; lessons: number } {
  const cache = glossaryCache(home(context));
  const sources = glossSources(catalog.lessons, (lesson) => cache.glossesOf(lesson, (fresh) => lessonGlosses(fresh.body, fresh.bodyLine)));
  cache.save();
  return { terms: buildGlossary(sources).terms, lessons: sources.length };
}

/** `ml-tutor glossary [term]`: every term of the course, or the ones matching `query`, with where each is introduced. */
export async function glossaryCommand(context: CommandContext, query: string | undefined, options: GlossaryOptions): Promise<void> {
  const current = session(context);
  const lang = current.choice.lang;
  const glossary = courseGlossary(context);
  let terms = options.alpha ? alphabetical(glossary.terms, lang) : glossary.terms;
  if (query !== undefined) terms = findTerms(terms, query);
  const langFlag = current.choice.strict ? ` --lang ${lang}` : '';
  const shown = terms.map((term) => ({ term, command: `ml-tutor read ${term.lesson}${term.section > 0 ? ` --section ${term.section}` : ''}${langFlag}` }));
  if (options.json) {
    const rows = shown.map(({ term, command }) => ({ en: englishName(term), zh: term.zh, lesson: term.lesson, id: term.id, section: term.section > 0 ? term.section : null, command }));
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  }
  // No match is an error (exit 1) in both forms, so a script can test for it; --json still prints [].
  if (terms.length === 0 && query !== undefined) throw new UserError((t) => t.glossary.noMatch(query));
  if (options.json) return;
  if (query !== undefined) {
    context.stdout.write(formatLookup(shown, lang, current.t));
    return;
  }
  context.stdout.write(`${formatGlossary(terms, lang)}\n${current.t.glossary.count(terms.length, glossary.lessons)}\n`);
}
