import type { Problem } from '../core/errors.js';
import type { Lesson } from '../core/lesson.js';
import type { Question } from '../core/question.js';
import { buildStamp, readCache, readSeedCache, writeCache } from './derived-cache.js';

/**
 * A derived cache of the questions parsed from each lesson's quiz blocks (YAML), for the commands
 * that need every question (stats, quiz, home): parsing them all took ~55 ms of a 60 ms budget once
 * wrong options carried their whys. An entry is used only for the same file version (a lesson's
 * `revision`: path, size, mtime) and the same build; it can always be deleted.
 */
export interface QuestionCache {
  /** The lesson's questions and quiz-block problems, from the cache or parsed (and kept). */
  questionsOf(lesson: Lesson): { questions: Question[]; quizProblems: Problem[] };
  /** Writes the cache if anything was parsed. */
  save(): void;
}

interface Entry {
  questions: Question[];
  quizProblems: Problem[];
}

export function openQuestionCache(path: string): QuestionCache {
  const stamp = buildStamp();
  type Stored = { stamp?: unknown; entries?: unknown } | undefined;
  const usable = (stored: Stored): Record<string, Entry> | undefined =>
    stored && stored.stamp === stamp && typeof stored.entries === 'object' && stored.entries !== null ? (stored.entries as Record<string, Entry>) : undefined;
  // The build's copy for the built-in lessons when the data dir has none for this build (readSeedCache).
  const entries: Record<string, Entry> = usable(readCache(path) as Stored) ?? usable(readSeedCache('questions.json') as Stored) ?? {};
  let changed = false;
  return {
    questionsOf(lesson) {
      const cached = lesson.revision === undefined ? undefined : entries[lesson.revision];
      if (cached && Array.isArray(cached.questions) && Array.isArray(cached.quizProblems)) return cached;
      const parsed = { questions: lesson.questions, quizProblems: lesson.quizProblems };
      if (lesson.revision !== undefined) {
        entries[lesson.revision] = parsed;
        changed = true;
      }
      return parsed;
    },
    save() {
      if (changed) writeCache(path, { stamp, entries });
      changed = false;
    },
  };
}
