import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UserError, type Problem } from '../core/errors.js';
import { LESSON_FILE, parseLesson, parseTopic, TOPIC_FILE, type Lesson, type Topic } from '../core/lesson.js';
import { readUtf8 } from './files.js';

export interface LessonSources {
  lessons: Lesson[];
  topics: Topic[];
  /** Every problem found while reading and parsing (validate prints them all). */
  problems: Problem[];
  /** Files that could not be used at all (unreadable, not UTF-8, broken front matter). */
  broken: Problem[];
}

function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * Read every lesson and topic file under the given roots (`<root>/<topic>/<file>`), in order: the
 * built-in lessons first, then each pack. Only reads and hands the text to the pure parser.
 * `label` names a root in errors (the --lessons flag for packs).
 */
export function readLessonSources(roots: ReadonlyArray<{ dir: string; label: string }>): LessonSources {
  const sources: LessonSources = { lessons: [], topics: [], problems: [], broken: [] };
  for (const { dir, label } of roots) {
    let isDirectory = false;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      isDirectory = false;
    }
    if (!isDirectory) throw new UserError(`${label}: no such lessons directory: ${dir}`);
    for (const topicName of listDir(dir)) {
      const topicDir = join(dir, topicName);
      if (topicName.startsWith('.') || !statSync(topicDir).isDirectory()) continue;
      for (const file of listDir(topicDir)) {
        const isLesson = LESSON_FILE.test(file);
        const isTopic = TOPIC_FILE.test(file);
        if (!isLesson && !isTopic) continue;
        const path = displayPath(join(topicDir, file));
        let text: string;
        try {
          text = readUtf8(path);
        } catch (error) {
          const problem = error instanceof UserError ? parseProblemLine(error.message, path) : { path, line: 1, message: `cannot read: ${(error as Error).message}` };
          sources.problems.push(problem);
          sources.broken.push(problem);
          continue;
        }
        if (isLesson) {
          const parsed = parseLesson(text, path);
          sources.problems.push(...parsed.problems);
          if (parsed.lesson) sources.lessons.push(parsed.lesson);
          else sources.broken.push(...parsed.problems);
        } else {
          const parsed = parseTopic(text, path);
          sources.problems.push(...parsed.problems);
          if (parsed.topic) sources.topics.push(parsed.topic);
          else sources.broken.push(...parsed.problems);
        }
      }
    }
  }
  return sources;
}

/** Paths in messages: relative to the working directory when inside it, else absolute. */
function displayPath(path: string): string {
  const local = relative(process.cwd(), path);
  return local && !local.startsWith('..') && !isAbsolute(local) ? local : path;
}

/** Turn "path:line: message" from readUtf8 back into a Problem. */
function parseProblemLine(message: string, path: string): Problem {
  const match = /:(\d+): (.*)$/.exec(message);
  return match ? { path, line: Number(match[1]), message: match[2]! } : { path, line: 1, message };
}
