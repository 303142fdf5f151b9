import type { LessonEntry } from '../core/catalog.js';
import { UsageError } from '../core/errors.js';
import type { Lesson } from '../core/lesson.js';
import { queryTerms, search, searchUnits, type SearchDoc } from '../core/search.js';
import { LANGS, type Lang } from '../core/topics.js';
import { cachedSearchUnits } from '../io/search-cache.js';
import { formatHits, type ShownHit } from '../ui/search-view.js';
import { home, loadCatalog, renderWidth, session, type CommandContext } from './context.js';

export interface SearchOptions {
  json?: boolean | undefined;
  allLangs?: boolean | undefined;
  limit?: string | undefined;
}

const DEFAULT_LIMIT = 20;
/** A Chinese (Han) character: CJK Unified Ideographs and Extension A. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const MAX_LIMIT = 100_000;

/** What a hit points at: the lesson, and the variant (language) the line is from. */
interface HitRef {
  entry: LessonEntry;
  lesson: Lesson;
}

/**
 * The variants to search: each lesson in the reader's language (in English when it has no such
 * variant, as `read` falls back), or every variant with --all-langs.
 */
function variantsToSearch(entries: readonly LessonEntry[], lang: Lang, allLangs: boolean): HitRef[] {
  return entries.flatMap((entry) => {
    const langs = allLangs ? LANGS : [entry.variants[lang] ? lang : 'en'];
    return langs.flatMap((code) => {
      const lesson = entry.variants[code];
      return lesson ? [{ entry, lesson }] : [];
    });
  });
}

/** `ml-tutor search <words...>`: lines of lessons and questions that mention the words, best first. */
export async function searchCommand(context: CommandContext, words: string[], options: SearchOptions): Promise<void> {
  const current = session(context);
  const query = words.join(' ').trim();
  if (queryTerms(words).length === 0) throw new UsageError((t) => t.search.noTerms(query));
  let limit = DEFAULT_LIMIT;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!/^\d+$/.test(options.limit.trim()) || limit > MAX_LIMIT) throw new UsageError((t) => t.flagWholeNumber('--limit', MAX_LIMIT, options.limit ?? ''));
  }
  const lang = current.choice.lang;
  const catalog = loadCatalog(context);
  // A query in Chinese characters means the Chinese lessons too, unless --lang said which to search.
  const allLangs = options.allLangs === true || (!current.choice.strict && lang !== 'zh' && HAN.test(query));
  const refs = variantsToSearch(catalog.lessons, lang, allLangs);
  // One cache file per language, so a search in one language reads only its own lines.
  const docs: Array<SearchDoc<HitRef>> = [];
  for (const code of LANGS) {
    const mine = refs.filter((ref) => ref.lesson.lang === code);
    if (mine.length === 0) continue;
    const units = cachedSearchUnits(home(context), code, mine.map((ref) => ref.lesson), searchUnits);
    mine.forEach((ref, index) => docs.push({ ref, units: units[index]! }));
  }
  // Teaching order, each lesson's languages together (the reader's first): ties rank in this order.
  const position = new Map(catalog.lessons.map((entry, index) => [entry, index]));
  docs.sort((left, right) => position.get(left.ref.entry)! - position.get(right.ref.entry)! || Number(right.ref.lesson.lang === lang) - Number(left.ref.lesson.lang === lang));

  const found = search(docs, words, limit);
  const hits: ShownHit[] = found.hits.map(({ ref, unit, match }) => {
    const lesson = `${ref.entry.topic}/${ref.entry.number}`;
    const section = unit.section > 0 ? unit.section : null;
    // Another language than the one `read` would pick by itself needs saying, and so does an explicit --lang.
    const langFlag = ref.lesson.lang !== lang || current.choice.strict ? ` --lang ${ref.lesson.lang}` : '';
    const command = `ml-tutor read ${lesson}${section === null ? '' : ` --section ${section}`}${langFlag}`;
    return { lesson, id: ref.entry.id, section, title: ref.lesson.title, line: unit.line, text: unit.text, command, score: match.score, lang: ref.lesson.lang, spans: match.spans };
  });

  if (options.json) {
    const plain = hits.map(({ spans: _spans, ...hit }) => hit);
    context.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
    return;
  }
  if (found.total === 0) {
    context.stdout.write(`${current.t.search.noHits(query)}\n`);
    return;
  }
  context.stdout.write(formatHits(hits, { t: current.t, color: current.color, width: renderWidth(context, undefined), lang, total: found.total }));
}
