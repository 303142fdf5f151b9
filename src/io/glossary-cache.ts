import { join } from 'node:path';
import type { LessonGlosses } from '../core/glossary.js';
import type { Lesson } from '../core/lesson.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';

/**
 * The glosses of each Chinese lesson (cache/glossary.json), per lesson file version (`revision`) and
 * build: without it `glossary` reads and scans every lesson body, ~1.5x a `list`; with it, one JSON
 * file. Disposable: a missing or stale entry is scanned again, entries of lessons gone are dropped.
 */
export function glossaryCache(home: string): { glossesOf: (lesson: Lesson, compute: (lesson: Lesson) => LessonGlosses) => LessonGlosses; save: () => void } {
  const path = join(home, 'cache', 'glossary.json');
  const stamp = buildStamp();
  const stored = readCache(path) as { stamp?: unknown; entries?: unknown } | undefined;
  const entries = stored?.stamp === stamp && typeof stored.entries === 'object' && stored.entries !== null ? (stored.entries as Record<string, LessonGlosses>) : {};
  const used: Record<string, LessonGlosses> = {};
  let changed = false;
  return {
    glossesOf(lesson, compute) {
      const key = lesson.revision;
      const cached = key === undefined ? undefined : entries[key];
      if (key !== undefined && cached && Array.isArray(cached.mentions) && Array.isArray(cached.bad)) return (used[key] = cached);
      const glosses = compute(lesson);
      if (key !== undefined) {
        used[key] = glosses;
        changed = true;
      }
      return glosses;
    },
    save() {
      if (changed || Object.keys(used).length !== Object.keys(entries).length) writeCache(path, { stamp, entries: used });
    },
  };
}
