import { pickVariant, type Catalog, type LessonEntry } from './catalog.js';
import type { ReadRecord } from './progress.js';
import { LANGS, type Lang } from './topics.js';

/** One lesson as listings and `list --json` show it. */
export interface LessonSummary {
  id: string;
  topic: string;
  number: number;
  title: string;
  minutes: number;
  languages: Lang[];
  prerequisites: string[];
  questions: number;
  demos: number;
  read: boolean;
  last_read_at: string | null;
}

export interface TopicSummary {
  id: string;
  title: string;
  overview: string;
  read: number;
  total: number;
  questions: number;
  lessons: LessonSummary[];
}

function summarizeLesson(entry: LessonEntry, lang: Lang, read: ReadonlyMap<string, ReadRecord>): LessonSummary {
  const lesson = pickVariant(entry.variants, lang)!;
  const record = read.get(entry.id);
  return {
    id: entry.id,
    topic: entry.topic,
    number: entry.number,
    title: lesson.title,
    minutes: lesson.minutes,
    languages: LANGS.filter((code) => entry.variants[code]),
    prerequisites: lesson.prerequisites,
    questions: lesson.quizCount,
    demos: lesson.demos.length,
    read: Boolean(record),
    last_read_at: record?.lastReadAt ?? null,
  };
}

/** The catalog with read marks, in the reading language (falling back to English per lesson). */
export function summarizeCatalog(catalog: Catalog, lang: Lang, read: ReadonlyMap<string, ReadRecord>): TopicSummary[] {
  return catalog.topics.map((topic) => {
    const lessons = topic.lessons.map((entry) => summarizeLesson(entry, lang, read));
    const file = pickVariant(topic.variants, lang);
    return {
      id: topic.id,
      title: file?.title ?? topic.id,
      overview: file?.overview ?? '',
      read: lessons.filter((lesson) => lesson.read).length,
      total: lessons.length,
      questions: lessons.reduce((sum, lesson) => sum + lesson.questions, 0),
      lessons,
    };
  });
}
