/**
 * The course glossary, built from the Chinese lessons' own glosses. Pure: the command gives the
 * lessons in teaching order, the io layer may cache each lesson's mentions.
 *
 * A mention is `中文术语 (English term)`: a Chinese term, one space, and half-width parentheses
 * holding an English phrase, optionally followed by `, ABBR` (`长短期记忆网络 (long short-term
 * memory, LSTM)`), or an abbreviation alone (`(LSTM)`). Chinese has no spaces, so where the term
 * starts must be told:
 *  - emphasized, `**注意力机制** (attention)` or `*注意力机制* (attention)`: the emphasized text;
 *  - plain, the whole run of Han characters (joined by `–` or `-`, as in 编码器–解码器) before ` (`.
 *    In a sentence that run is a clause (`这就是梯度消失 (vanishing gradient)`): it is cut to the
 *    shortest ending of it that the course glosses elsewhere with the same English (梯度消失), and
 *    left whole when there is none, so a first mention inside a sentence is best emphasized.
 * Lines in fenced blocks (code, demos, quizzes) are not looked at.
 */
import type { LessonEntry } from './catalog.js';
import { problemAt, type Problem } from './errors.js';
import type { Lesson } from './lesson.js';
import { scanBody } from './markdown-scan.js';

/** One gloss as written in a lesson. */
export interface Mention {
  zh: string;
  /** The English phrase (`long short-term memory`), or the abbreviation when that is all there is. */
  en: string;
  abbr?: string;
  emphasized: boolean;
  line: number;
  section: number;
}

/** A parenthesis after a Chinese term that is not a usable English gloss (validate reports it). */
export interface BadGloss {
  zh: string;
  inner: string;
  line: number;
}

export interface LessonGlosses {
  mentions: Mention[];
  bad: BadGloss[];
}

export interface GlossaryTerm {
  en: string;
  abbr?: string;
  zh: string;
  /** The lesson that introduces it: `rnn/3`, its id, and the section of the first mention (0: before the first). */
  lesson: string;
  id: string;
  section: number;
  path: string;
  line: number;
}

const HAN_TERM = '\\p{Script=Han}+(?:[–-]\\p{Script=Han}+)*';
const MENTION = new RegExp(`(?:\\*\\*(${HAN_TERM})\\*\\*|\\*(${HAN_TERM})\\*|(?<![\\p{Script=Han}–-])(${HAN_TERM})) \\(([^()\\n]*)\\)`, 'gu');
const WORD = "[A-Za-z][A-Za-z0-9'’]*(?:[-–][A-Za-z0-9]+)*";
const PHRASE = new RegExp(`^${WORD}(?: ${WORD})*$`);
/** An abbreviation: one token with at least two letters (LSTM, seq2seq, tanh), not `h2`. */
const ABBR = /^(?=(?:[^A-Za-z]*[A-Za-z]){2})[A-Za-z][A-Za-z0-9-]*$/;
const ALL_CAPS = /^[A-Z][A-Z0-9-]*[A-Z0-9]$/;

/** The English of a gloss: `{en, abbr}`, or undefined when the parenthesis holds something else (numbers, maths). */
export function parseGloss(inner: string): { en: string; abbr?: string } | undefined {
  const comma = inner.lastIndexOf(', ');
  if (comma > 0) {
    const phrase = inner.slice(0, comma);
    const abbr = inner.slice(comma + 2);
    return PHRASE.test(phrase) && ABBR.test(abbr) && /[A-Za-z]{2}/.test(phrase) ? { en: phrase, abbr } : undefined;
  }
  if (!PHRASE.test(inner) || !/[A-Za-z]{2}/.test(inner)) return undefined;
  return ALL_CAPS.test(inner) ? { en: inner, abbr: inner } : { en: inner };
}

/** Every gloss of a lesson body (and the unusable ones), with file lines and sections. */
export function lessonGlosses(body: string, bodyLine: number): LessonGlosses {
  const scanned = scanBody(body, bodyLine);
  const fenced = new Set<number>();
  for (const block of scanned.blocks) for (let index = block.startIndex; index <= block.endIndex; index += 1) fenced.add(index);
  const sectionAt = new Map(scanned.headings.filter((heading) => heading.level === 2).map((heading) => [heading.index, Number(heading.number)]));
  const mentions: Mention[] = [];
  const bad: BadGloss[] = [];
  let section = 0;
  scanned.lines.forEach((text, index) => {
    section = sectionAt.get(index) ?? section;
    if (fenced.has(index) || !text.includes(' (')) return;
    const line = bodyLine + index;
    for (const match of text.matchAll(MENTION)) {
      const zh = (match[1] ?? match[2] ?? match[3])!;
      const inner = match[4]!;
      if (inner.trim() === '' || /\p{Script=Han}/u.test(inner)) {
        bad.push({ zh, inner, line });
        continue;
      }
      const gloss = parseGloss(inner);
      if (gloss) mentions.push({ zh, ...gloss, emphasized: match[3] === undefined, line, section });
    }
  });
  return { mentions, bad };
}

/** The English a term is known by, for comparing glosses: its phrase, in lower case. */
const englishKey = (mention: { en: string }): string => mention.en.toLowerCase();

/** Do two glosses name the same English term (an abbreviation alone matches a phrase with that abbreviation)? */
function sameEnglish(left: Mention, right: Mention): boolean {
  if (englishKey(left) === englishKey(right)) return true;
  return (left.abbr !== undefined && left.abbr === right.abbr && (left.en === left.abbr || right.en === right.abbr));
}

/** A lesson's glosses as the command gives them: where the lesson sits, and its mentions. */
export interface GlossSource {
  lesson: string;
  id: string;
  path: string;
  glosses: LessonGlosses;
}

/**
 * The plain mentions cut to the term they end with (see the header): the shortest proper ending of
 * the run that another mention in the course names with the same English (the shortest, because a
 * run cut by punctuation, `，每个词元 (token)`, is a clause too).
 */
function resolveTerms(sources: readonly GlossSource[]): Array<{ source: GlossSource; mention: Mention }> {
  const all = sources.flatMap((source) => source.glosses.mentions.map((mention) => ({ source, mention })));
  const byZh = new Map<string, Mention[]>();
  for (const { mention } of all) byZh.set(mention.zh, [...(byZh.get(mention.zh) ?? []), mention]);
  return all.map(({ source, mention }) => {
    // Emphasized, or the whole run is a term emphasized elsewhere (`（随时间反向传播 (…)`): as written.
    if (mention.emphasized || byZh.get(mention.zh)?.some((other) => other.emphasized && sameEnglish(other, mention))) return { source, mention };
    const chars = [...mention.zh];
    for (let start = chars.length - 1; start >= 1; start -= 1) {
      const ending = chars.slice(start).join('');
      if (byZh.get(ending)?.some((other) => sameEnglish(other, mention))) return { source, mention: { ...mention, zh: ending } };
    }
    return { source, mention };
  });
}

/**
 * The glossary: one term per Chinese term, from its first mention in teaching order (`sources` come
 * in that order), with the fullest English the course gives it; and the problems validate reports:
 * a term glossed with different English, a parenthesis that is no English term.
 */
export function buildGlossary(sources: readonly GlossSource[]): { terms: GlossaryTerm[]; problems: Problem[] } {
  const terms = new Map<string, GlossaryTerm & { first: Mention }>();
  const problems: Problem[] = [];
  for (const { source, mention } of resolveTerms(sources)) {
    const known = terms.get(mention.zh);
    if (!known) {
      const { zh, en, abbr, section, line } = mention;
      terms.set(zh, { zh, en, ...(abbr === undefined ? {} : { abbr }), lesson: source.lesson, id: source.id, section, path: source.path, line, first: mention });
      continue;
    }
    if (!sameEnglish(known.first, mention)) {
      problems.push(problemAt(source.path, mention.line, (t) => t.glossary.differs(mention.zh, mention.en, known.en, `${known.path}:${known.line}`)));
    } else if (known.en === known.abbr && mention.en !== mention.abbr) {
      // `(LSTM)` first, `(long short-term memory, LSTM)` later: the term is the full phrase.
      known.en = mention.en;
    }
  }
  for (const source of sources) {
    for (const bad of source.glosses.bad) problems.push(problemAt(source.path, bad.line, (t) => t.glossary.notEnglish(bad.zh, bad.inner)));
  }
  return { terms: [...terms.values()].map(({ first: _first, ...term }) => term), problems };
}

/** The glosses of the Chinese variant of each lesson, in the catalog's (teaching) order. */
export function glossSources(entries: readonly LessonEntry[], glossesOf: (lesson: Lesson) => LessonGlosses = (lesson) => lessonGlosses(lesson.body, lesson.bodyLine)): GlossSource[] {
  return entries.flatMap((entry) => {
    const lesson = entry.variants.zh;
    return lesson ? [{ lesson: `${entry.topic}/${entry.number}`, id: entry.id, path: lesson.path, glosses: glossesOf(lesson) }] : [];
  });
}

/** The English as shown: `long short-term memory (LSTM)`, or `LSTM` alone. */
export function englishName(term: { en: string; abbr?: string | undefined }): string {
  return term.abbr === undefined || term.abbr === term.en ? term.en : `${term.en} (${term.abbr})`;
}

/** The terms whose English, abbreviation or Chinese contains the query (any case). */
export function findTerms(terms: readonly GlossaryTerm[], query: string): GlossaryTerm[] {
  const folded = query.trim().toLowerCase();
  if (folded === '') return [];
  return terms.filter((term) => englishName(term).toLowerCase().includes(folded) || term.zh.includes(query.trim()));
}

/** Alphabetical in the reader's first column: by English, or by the Chinese term's pinyin. */
export function alphabetical(terms: readonly GlossaryTerm[], lang: 'en' | 'zh'): GlossaryTerm[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { sensitivity: 'base' });
  return [...terms].sort((left, right) => (lang === 'zh' ? collator.compare(left.zh, right.zh) : collator.compare(left.en, right.en)));
}
