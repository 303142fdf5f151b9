/**
 * Full-text search over lessons: what of a lesson is searchable (its units), how text and queries
 * are split into terms, and how a line is scored. Pure: the command loads the lessons, the io layer
 * caches the units, the ui draws the hits.
 *
 * Terms. English (any script with spaces) is split into words of letters and digits, compared in
 * lower case; a query word matches a word it starts (`grad` matches "gradients"). Chinese has no
 * spaces, so a run of Han characters in the query becomes its overlapping bigrams (注意力 -> 注意,
 * 意力), a single character stays one term, and a bigram matches wherever it occurs in the text
 * (so 注意力 finds 注意力机制 and 梯度消失 finds 梯度消失问题). Full-width letters count as ASCII.
 *
 * Ranking (the rule `search --help` states): a line is a hit when it matches at least half of the
 * query's distinct terms (rounded up). Its score is 4 x the number of terms it matches, plus 3 for a
 * lesson title, 2 for a section heading, 1 for a question, an option or an explanation, 0 for body
 * text; the boost is under 4, so more terms always rank first and, among equals, titles and headings
 * come before body lines. Ties keep teaching order (topic, lesson, line).
 */
import type { Lesson } from './lesson.js';
import { scanBody } from './markdown-scan.js';

export type SearchField = 'title' | 'heading' | 'question' | 'explain' | 'body';

/** One searchable line of a lesson. */
export interface SearchUnit {
  field: SearchField;
  /** The `##` section (as `read --section` numbers them) the line is in; 0 before the first one. */
  section: number;
  /** 1-based line in the lesson file. */
  line: number;
  text: string;
}

export type QueryTerm = { kind: 'word'; text: string } | { kind: 'han'; text: string };

/** A matched line: its score, how many terms it matched, and the [start, end) spans to highlight. */
export interface LineMatch {
  score: number;
  matched: number;
  spans: Array<[number, number]>;
}

const FIELD_BOOST: Record<SearchField, number> = { title: 3, heading: 2, question: 1, explain: 1, body: 0 };
const TERM_WEIGHT = 4;

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/;

/** Lower case and full-width ASCII folded to ASCII, one UTF-16 unit for one, so offsets still point into the original. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // The common case, natively: nothing full-width, and no letter whose lower case is longer.
  if (lower.length === text.length && !FULL_WIDTH_ASCII.test(text)) return lower;
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const ascii = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
    const lower = ascii.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}

// A Han run, or a run of other letters and digits.
const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** The words and Han runs of a (case-folded) text, with their offsets. */
export function tokenize(text: string): Array<{ kind: 'word' | 'han'; text: string; start: number }> {
  return [...text.matchAll(TOKEN)].map((match) => ({ kind: match[1] ? 'han' : 'word', text: match[0], start: match.index }));
}

/** The query's distinct terms: its words, and the bigrams (or single characters) of its Han runs. */
export function queryTerms(words: readonly string[]): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const add = (term: QueryTerm): void => {
    const key = `${term.kind}:${term.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  for (const token of tokenize(foldCase(words.join(' ')))) {
    if (token.kind === 'word') add({ kind: 'word', text: token.text });
    else {
      const chars = [...token.text];
      if (chars.length === 1) add({ kind: 'han', text: chars[0]! });
      for (let index = 0; index + 1 < chars.length; index += 1) add({ kind: 'han', text: chars[index]! + chars[index + 1]! });
    }
  }
  return terms;
}

/** How well one line matches the terms, or undefined when it matches fewer than half of them. */
export function matchLine(text: string, terms: readonly QueryTerm[], field: SearchField): LineMatch | undefined {
  if (terms.length === 0) return undefined;
  const folded = foldCase(text);
  // Each matching term occurs in the line as it is: most lines are ruled out here, before tokenizing.
  const required = Math.max(1, Math.ceil(terms.length / 2));
  let present = 0;
  for (const term of terms) if (folded.includes(term.text)) present += 1;
  if (present < required) return undefined;
  const tokens = tokenize(folded);
  const spans: Array<[number, number]> = [];
  let matched = 0;
  for (const term of terms) {
    let found = false;
    for (const token of tokens) {
      if (token.kind !== term.kind) continue;
      if (term.kind === 'word') {
        if (token.text.startsWith(term.text)) {
          spans.push([token.start, token.start + token.text.length]);
          found = true;
        }
        continue;
      }
      for (let at = token.text.indexOf(term.text); at >= 0; at = token.text.indexOf(term.text, at + 1)) {
        spans.push([token.start + at, token.start + at + term.text.length]);
        found = true;
      }
    }
    if (found) matched += 1;
  }
  if (matched < required) return undefined;
  return { score: matched * TERM_WEIGHT + FIELD_BOOST[field], matched, spans: mergeSpans(spans) };
}

/** Sorted, with overlapping or touching spans joined (two bigrams of one word light up as one). */
export function mergeSpans(spans: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Collapse the whitespace a YAML block or an indented list leaves in a line. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What of a lesson is searched: its title, its headings and body lines (outside ```demo and
 * ```quiz blocks), and each question's prompt, options and explanation (at the quiz block's line).
 */
export function searchUnits(lesson: Lesson): SearchUnit[] {
  const units: SearchUnit[] = [{ field: 'title', section: 0, line: lesson.fieldLines.title ?? 1, text: clean(lesson.title) }];
  const scanned = scanBody(lesson.body, lesson.bodyLine);
  const headingAt = new Map(scanned.headings.map((heading) => [heading.index, heading]));
  const skipTo = new Map(scanned.blocks.filter((block) => block.info === 'demo' || block.info === 'quiz').map((block) => [block.startIndex, block.endIndex]));
  let section = 0;
  for (let index = 0; index < scanned.lines.length; index += 1) {
    const end = skipTo.get(index);
    if (end !== undefined) {
      index = end;
      continue;
    }
    const heading = headingAt.get(index);
    if (heading?.level === 2) section = Number(heading.number);
    const text = clean(heading ? heading.title : scanned.lines[index]!);
    if (text === '' || /^(```|~~~)/.test(text)) continue;
    units.push({ field: heading ? 'heading' : 'body', section, line: lesson.bodyLine + index, text });
  }
  for (const question of lesson.questions) {
    const at = { section: question.section, line: question.line };
    units.push({ field: 'question', ...at, text: clean(question.prompt) });
    if ('options' in question) for (const option of question.options) units.push({ field: 'question', ...at, text: clean(option.text) });
    if (question.explain.trim()) units.push({ field: 'explain', ...at, text: clean(question.explain) });
  }
  return units.filter((unit) => unit.text !== '');
}

/** A searchable lesson variant: where it sits in the catalog, its language and its units. */
export interface SearchDoc<Ref> {
  ref: Ref;
  units: readonly SearchUnit[];
}

export interface SearchHit<Ref> {
  ref: Ref;
  unit: SearchUnit;
  match: LineMatch;
}

/** The query's hits in the documents, best first (see the ranking rule above): at most `limit`, and how many there were. */
export function search<Ref>(docs: ReadonlyArray<SearchDoc<Ref>>, words: readonly string[], limit: number): { hits: Array<SearchHit<Ref>>; total: number } {
  const terms = queryTerms(words);
  const hits: Array<SearchHit<Ref> & { order: number }> = [];
  let order = 0;
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const unit of doc.units) {
      order += 1;
      // The same text twice in one section (an option repeated in the explanation) is one hit.
      const key = `${unit.section}\u0000${unit.text}`;
      if (seen.has(key)) continue;
      const match = matchLine(unit.text, terms, unit.field);
      if (!match) continue;
      seen.add(key);
      hits.push({ ref: doc.ref, unit, match, order });
    }
  }
  hits.sort((left, right) => right.match.score - left.match.score || left.order - right.order);
  return { hits: hits.slice(0, Math.max(0, limit)).map(({ ref, unit, match }) => ({ ref, unit, match })), total: hits.length };
}
