import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatProblem, localize, problemAt, UserError, type Problem, type Text } from '../core/errors.js';
import { LESSON_FILE, lessonFromRecord, parseLessonRecord, parseTopic, TOPIC_FILE, type Lesson, type LessonLocation, type LessonRecord, type Topic } from '../core/lesson.js';
import { buildStamp, readCache, readSeedCache, writeCache } from './derived-cache.js';
import { readUtf8 } from './files.js';

export interface LessonSources {
  lessons: Lesson[];
  topics: Topic[];
  /** Problems found while reading and parsing front matter and bodies (validate prints them). */
  problems: Problem[];
  /** Files that could not be used at all (unreadable, not UTF-8, broken front matter). */
  broken: Problem[];
}

/** A lesson a hundred times longer than any real one is still read; past this, a file is refused. */
const MAX_LESSON_BYTES = 16 * 1048576;

/**
 * A derived cache of parsed lesson files, so listing forty lessons does not re-parse forty YAML
 * headers on every start. An entry is used only while its file's size and mtime are unchanged and
 * the parser is the same build (the stamp); anything else is parsed again. It can always be deleted.
 */
/** What the cache keeps of a lesson: all but the body and its quiz blocks, re-read on demand. */
type LessonIndex = Omit<LessonRecord, 'body' | 'quizBlocks'> & { quizCount: number };

interface CacheEntry {
  /** `${size}:${mtimeMs}` of the file when it was parsed. */
  key: string;
  lesson?: LessonIndex;
  topic?: Topic;
  problems: Problem[];
}
interface CacheFile {
  stamp: string;
  entries: Record<string, CacheEntry>;
}

function loadCache(path: string | undefined, stamp: string): CacheFile {
  const usable = (cache: CacheFile | undefined): cache is CacheFile => !!cache && cache.stamp === stamp && typeof cache.entries === 'object' && cache.entries !== null;
  if (!path) return { stamp, entries: {} };
  const cache = readCache(path) as CacheFile | undefined;
  if (usable(cache)) return cache;
  const seed = readSeedCache('lessons.json') as CacheFile | undefined;
  return usable(seed) ? seed : { stamp, entries: {} };
}

/**
 * Paths in messages: relative to the working directory when inside it, else absolute. Worked out
 * once per folder: `list` shows forty files, and path functions are slow in a cold process.
 */
function displayPaths(folder: string): (name: string) => string {
  const local = relative(process.cwd(), folder);
  if (local === '') return (name) => name;
  if (local.startsWith('..') || isAbsolute(local)) return (name) => folder + sep + name;
  return (name) => local + sep + name;
}

/** Turn readUtf8's "path:line: message" (in each language) back into a Problem at the shown path. */
function problemFromError(text: Text, path: string): Problem {
  const { en, zh } = localize(text);
  const located = (message: string) => /:(\d+)[:\uff1a] ?(.*)$/.exec(message);
  const [enMatch, zhMatch] = [located(en), located(zh)];
  if (!enMatch || !zhMatch) return { path, line: 1, message: { en, zh } };
  return { path, line: Number(enMatch[1]), message: { en: enMatch[2]!, zh: zhMatch[2]! } };
}

function toIndex(record: LessonRecord): LessonIndex {
  const { body: _body, quizBlocks, ...index } = record;
  return { ...index, quizCount: quizBlocks.length };
}

/**
 * A lesson from the cache: its listing fields at once, its body and questions parsed from the file
 * the first time something reads them (only `read` and `quiz` do, for one lesson or one topic).
 */
function lazyLesson(index: LessonIndex, absolute: string, location: LessonLocation): Lesson {
  let full: Lesson | undefined;
  const load = (): Lesson => {
    if (!full) {
      const parsed = parseLessonRecord(readUtf8(absolute), index.path, location);
      if (!parsed.record) throw new UserError((t) => t.fileProblems(parsed.problems.map((problem) => formatProblem(problem, t.lang))));
      full = lessonFromRecord(parsed.record);
    }
    return full;
  };
  return {
    ...index,
    get body() {
      return load().body;
    },
    get questions() {
      return load().questions;
    },
    get quizProblems() {
      return load().quizProblems;
    },
  };
}

function parseFile(absolute: string, shown: string, location: LessonLocation, isLesson: boolean): (CacheEntry & { full?: Lesson }) | Problem {
  let text: string;
  try {
    text = readUtf8(absolute);
  } catch (error) {
    if (error instanceof UserError) return problemFromError(error.text, shown);
    const reason = (error as Error).message;
    return problemAt(shown, 1, (t) => t.problem.cannotRead(reason));
  }
  if (isLesson) {
    const parsed = parseLessonRecord(text, shown, location);
    if (!parsed.record) return { key: '', problems: parsed.problems };
    return { key: '', problems: parsed.problems, lesson: toIndex(parsed.record), full: lessonFromRecord(parsed.record) };
  }
  const parsed = parseTopic(text, shown, location);
  return { key: '', problems: parsed.problems, ...(parsed.topic ? { topic: parsed.topic } : {}) };
}

/** Cached entries carry the path as it was shown then; show it as it is from here. */
function withPath(entry: CacheEntry, shown: string): CacheEntry {
  const problems = entry.problems.map((problem) => ({ ...problem, path: shown }));
  if (entry.lesson && entry.lesson.path !== shown) return { ...entry, problems, lesson: { ...entry.lesson, path: shown, problems } };
  if (entry.topic && entry.topic.path !== shown) return { ...entry, problems, topic: { ...entry.topic, path: shown } };
  return { ...entry, problems };
}

/**
 * Read every lesson and topic file under the given roots (`<root>/<topic>/<file>`), in order: the
 * built-in lessons first, then each pack. Reads, and hands the text to the pure parser (or takes
 * the parse from the cache). `label` names a root in errors (the --lessons flag for packs).
 */
export function readLessonSources(roots: ReadonlyArray<{ dir: string; label: string }>, options: { cachePath?: string | undefined } = {}): LessonSources {
  const stamp = buildStamp();
  const cache = loadCache(options.cachePath, stamp);
  const nextEntries: Record<string, CacheEntry> = {};
  let changed = false;
  const sources: LessonSources = { lessons: [], topics: [], problems: [], broken: [] };
  for (const { dir, label } of roots) {
    let isDirectory = false;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      isDirectory = false;
    }
    if (!isDirectory) throw new UserError((t) => t.noLessonsDir(label, dir));
    const root = resolve(dir);
    const rootPrefix = root.endsWith(sep) ? root : root + sep; // ("/" is its own prefix)
    for (const topicName of readdirSync(root).sort()) {
      const topicDir = rootPrefix + topicName;
      if (topicName.startsWith('.') || !statSync(topicDir).isDirectory()) continue;
      const shownPath = displayPaths(topicDir);
      for (const file of readdirSync(topicDir).sort()) {
        const isLesson = LESSON_FILE.test(file);
        if (!isLesson && !TOPIC_FILE.test(file)) {
          // A file that looks meant as a lesson but is misnamed would otherwise vanish silently.
          if (/\.md$/i.test(file) && (/\.[a-z]{2}\.md$/i.test(file) || /^\d/.test(file))) {
            sources.problems.push(problemAt(shownPath(file), 1, (t) => t.problem.notLessonFile));
          }
          continue;
        }
        const absolute = topicDir + sep + file;
        const shown = shownPath(file);
        const stats = statSync(absolute);
        if (stats.size > MAX_LESSON_BYTES) {
          const tooLarge = problemAt(shown, 1, (t) => t.problem.fileTooLarge((stats.size / 1048576).toFixed(1), MAX_LESSON_BYTES / 1048576));
          sources.problems.push(tooLarge);
          sources.broken.push(tooLarge);
          continue;
        }
        const key = `${stats.size}:${stats.mtimeMs}`;
        const cached = cache.entries[absolute];
        let entry: CacheEntry;
        let full: Lesson | undefined;
        if (!cached || cached.key !== key) {
          const parsed = parseFile(absolute, shown, { topic: topicName, file }, isLesson);
          if ('message' in parsed) {
            sources.problems.push(parsed);
            sources.broken.push(parsed);
            continue;
          }
          const { full: parsedLesson, ...fresh } = parsed;
          entry = { ...fresh, key };
          full = parsedLesson;
          changed = true;
        } else {
          entry = withPath(cached, shown);
        }
        nextEntries[absolute] = entry;
        sources.problems.push(...entry.problems);
        if (entry.lesson) {
          const lesson = full ?? lazyLesson(entry.lesson, absolute, { topic: topicName, file });
          lesson.revision = `${absolute}:${key}`;
          sources.lessons.push(lesson);
        } else if (entry.topic) sources.topics.push(entry.topic);
        else sources.broken.push(...entry.problems);
      }
    }
  }
  // Keep entries of roots not read this time (another pack), so switching packs stays fast.
  for (const [path, entry] of Object.entries(cache.entries)) if (!(path in nextEntries) && existsSync(path)) nextEntries[path] = entry;
  if (options.cachePath && (changed || Object.keys(nextEntries).length !== Object.keys(cache.entries).length)) {
    writeCache(options.cachePath, { stamp, entries: nextEntries });
  }
  return sources;
}
