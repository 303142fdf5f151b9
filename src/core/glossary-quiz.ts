/**
 * Glossary terms as quiz cards (`quiz --glossary`): a text question per English term, asked in the
 * reader's language and answered in the other one. Pure; scheduled like any other card.
 */
import { messages } from './errors.js';
import { englishName, type GlossaryTerm } from './glossary.js';
import type { TextQuestion } from './question.js';
import { GLOSSARY_TOPIC, type Lang } from './topics.js';

/** `glossary/long-short-term-memory`: the card id of an English term, the same in both languages. */
export function glossaryCardId(en: string): string {
  const slug = en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${GLOSSARY_TOPIC}/${slug}`;
}

/**
 * One card per English term. An English reader is shown the English and types the Chinese (any of
 * the Chinese terms the course glosses it with: bias is 偏置 and 偏见); a Chinese reader is shown
 * the (first) Chinese term and types the English or its abbreviation. Grading is the text grader's:
 * case-, space- and width-insensitive, so Chinese must be exact and English in any case.
 */
export function glossaryQuestions(terms: readonly GlossaryTerm[], lang: Lang): TextQuestion[] {
  const t = messages(lang);
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of terms) {
    const id = glossaryCardId(term.en);
    groups.set(id, [...(groups.get(id) ?? []), term]);
  }
  return [...groups].map(([id, group]) => {
    const first = group[0]!;
    const english = [...new Set([first.en, ...group.flatMap((term) => (term.abbr === undefined ? [] : [term.abbr]))])];
    const chinese = group.map((term) => term.zh);
    return {
      type: 'text',
      id,
      prompt: lang === 'zh' ? t.glossary.askEnglish(first.zh) : t.glossary.askChinese(englishName(first)),
      accept: lang === 'zh' ? english : chinese,
      explain: group.map((term) => `${englishName(term)} — ${term.zh}`).join('; '),
      lessonId: first.id,
      section: first.section,
      path: first.path,
      line: first.line,
    };
  });
}
