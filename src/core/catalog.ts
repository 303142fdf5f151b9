import { problemAt, UserError, type Problem } from './errors.js';
import type { Lesson, Topic } from './lesson.js';
import { closestMatches } from './suggest.js';
import { CORE_TOPICS, GLOSSARY_TOPIC, LANGS, type Lang } from './topics.js';

/** One lesson across its languages. */
export interface LessonEntry {
  id: string;
  topic: string;
  slug: string;
  number: number;
  variants: Partial<Record<Lang, Lesson>>;
}

export interface TopicEntry {
  id: string;
  variants: Partial<Record<Lang, Topic>>;
  lessons: LessonEntry[];
}

export interface Catalog {
  topics: TopicEntry[];
  /** Every lesson in teaching order: topics in order, lessons by number. */
  lessons: LessonEntry[];
  /** Lesson or topic files that a later source tried to add again (the first one is kept). */
  duplicates: Problem[];
}

function topicRank(id: string): number {
  const index = (CORE_TOPICS as readonly string[]).indexOf(id);
  return index < 0 ? CORE_TOPICS.length : index;
}

/**
 * Group parsed lesson and topic files into the catalog. Sources come in priority order (the built-in
 * lessons, then each `--lessons` pack), so a pack cannot silently replace a built-in lesson.
 */
export function buildCatalog(lessons: readonly Lesson[], topics: readonly Topic[]): Catalog {
  const duplicates: Problem[] = [];
  const topicMap = new Map<string, TopicEntry>();
  const ensureTopic = (id: string): TopicEntry => {
    let entry = topicMap.get(id);
    if (!entry) {
      entry = { id, variants: {}, lessons: [] };
      topicMap.set(id, entry);
    }
    return entry;
  };
  for (const topic of topics) {
    const entry = ensureTopic(topic.id);
    const existing = entry.variants[topic.lang];
    if (existing) duplicates.push(problemAt(topic.path, 1, (t) => t.problem.topicTwice(topic.id, topic.lang, existing.path)));
    else entry.variants[topic.lang] = topic;
  }
  const lessonMap = new Map<string, LessonEntry>();
  for (const lesson of lessons) {
    let entry = lessonMap.get(lesson.id);
    if (!entry) {
      entry = { id: lesson.id, topic: lesson.topic, slug: lesson.slug, number: lesson.number, variants: {} };
      lessonMap.set(lesson.id, entry);
      ensureTopic(lesson.topic).lessons.push(entry);
    }
    const existing = entry.variants[lesson.lang];
    if (existing) {
      duplicates.push(problemAt(lesson.path, 1, (t) => t.problem.lessonTwice(lesson.id, lesson.lang, existing.path)));
    } else {
      entry.variants[lesson.lang] = lesson;
    }
  }
  const sortedTopics = [...topicMap.values()].sort(
    (left, right) => topicRank(left.id) - topicRank(right.id) || left.id.localeCompare(right.id),
  );
  for (const topic of sortedTopics) {
    topic.lessons.sort((left, right) => left.number - right.number || left.slug.localeCompare(right.slug));
  }
  return { topics: sortedTopics, lessons: sortedTopics.flatMap((topic) => topic.lessons), duplicates };
}

/** The variant in `lang`, else English, else any: for titles in listings. */
export function pickVariant<T>(variants: Partial<Record<Lang, T>>, lang: Lang): T | undefined {
  return variants[lang] ?? variants.en ?? LANGS.map((code) => variants[code]).find(Boolean);
}

/** A lesson named on another's page (a prerequisite): its title, and the short id a learner types. */
export interface LessonLink {
  title: string;
  /** `attention/2`; undefined for an id no lesson has (validate reports it): the title is then the id. */
  ref: string | undefined;
}

export function lessonLink(catalog: Catalog, id: string, lang: Lang): LessonLink {
  const entry = catalog.lessons.find((lesson) => lesson.id === id);
  return entry ? { title: pickVariant(entry.variants, lang)?.title ?? id, ref: `${entry.topic}/${entry.number}` } : { title: id, ref: undefined };
}

/** A topic by id or unique prefix. */
export function resolveTopic(catalog: Catalog, query: string): TopicEntry {
  const id = resolveTopicId(catalog.topics.map((topic) => topic.id), query);
  return catalog.topics.find((topic) => topic.id === id)!;
}

/**
 * What `progress reset --topic` resets: a topic (id or unique prefix, as resolveTopic finds it), or
 * `glossary`, the glossary's cards (quiz --glossary).
 */
export function resolveResetScope(catalog: Catalog, query: string): string {
  const ids = catalog.topics.map((topic) => topic.id);
  return resolveTopicId(ids.includes(GLOSSARY_TOPIC) ? ids : [...ids, GLOSSARY_TOPIC], query);
}

/** One of `ids` by itself or a unique prefix; a UserError naming them (and the nearest) otherwise. */
function resolveTopicId(ids: readonly string[], query: string): string {
  const needle = query.trim().toLowerCase();
  if (ids.includes(needle)) return needle;
  const prefixed = ids.filter((id) => id.startsWith(needle));
  if (needle && prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) throw new UserError((t) => t.topicAmbiguous(query, prefixed));
  const near = closestMatches(needle, [...ids]);
  throw new UserError((t) => t.unknownTopic(query, [...ids]) + t.didYouMean(near));
}

/**
 * A lesson by full id (`attention/scaled-dot-product`), unique prefix (`attention/sc`), number within
 * its topic (`attention/2`, the topic may itself be a prefix: `att/2`) or unique slug (`scaled-dot`).
 */
export function resolveLesson(catalog: Catalog, query: string): LessonEntry {
  const needle = query.trim().toLowerCase().replace(/\/+$/, '');
  const byId = catalog.lessons.find((lesson) => lesson.id === needle);
  if (byId) return byId;

  const numbered = /^([a-z0-9-]+)\/(\d+)$/.exec(needle);
  if (numbered) {
    const topics = catalog.topics.filter((topic) => topic.id === numbered[1] || topic.id.startsWith(numbered[1]!));
    const topic = topics.find((candidate) => candidate.id === numbered[1]) ?? (topics.length === 1 ? topics[0] : undefined);
    if (topic) {
      const lesson = topic.lessons.find((candidate) => candidate.number === Number(numbered[2]));
      if (lesson) return lesson;
      const numbers = topic.lessons.map((candidate) => candidate.number);
      const range = numbers.length ? `${Math.min(...numbers)}-${Math.max(...numbers)}` : undefined;
      const id = topic.id;
      throw new UserError((t) => t.lessonNumberMissing(id, Number(numbered[2]), range));
    }
  }

  const matches = needle.includes('/')
    ? catalog.lessons.filter((lesson) => lesson.id.startsWith(needle))
    : catalog.lessons.filter((lesson) => lesson.slug.startsWith(needle));
  if (needle && matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const names = matches.slice(0, 6).map((lesson) => lesson.id);
    throw new UserError((t) => t.lessonAmbiguous(query, names));
  }
  if (catalog.topics.some((topic) => topic.id === needle)) {
    throw new UserError((t) => t.topicNotLesson(query, needle));
  }
  const names = catalog.lessons.flatMap((lesson) => [lesson.id, `${lesson.topic}/${lesson.number}`]);
  const near = closestMatches(needle, names);
  throw new UserError((t) => t.unknownLesson(query) + t.didYouMean(near) + t.seeListLessons);
}
