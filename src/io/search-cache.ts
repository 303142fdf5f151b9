import { join } from 'node:path';
import type { Lesson } from '../core/lesson.js';
import type { SearchField, SearchUnit } from '../core/search.js';
import { buildStamp, readCache, writeCache } from './derived-cache.js';

/**
 * The searchable lines of every lesson, kept in the data dir (cache/search-<lang>.json) per lesson
 * file version (`lesson.revision`: path, size, mtime). Without it each search would parse every
 * lesson's body and YAML questions (gray-matter and js-yaml, ~80 files); with it a search reads one
 * JSON file, like `list` reads cache/lessons.json. Disposable: a missing or stale entry is computed
 * again from the lesson, and entries of lessons not searched this time are dropped.
 */

/** A unit as stored: [field, section, line, text] (a third of the size of the object form). */
type StoredUnit = [SearchField, number, number, string];
interface CacheFile {
  stamp: string;
  entries: Record<string, StoredUnit[]>;
}

const FIELDS: ReadonlySet<string> = new Set<SearchField>(['title', 'heading', 'question', 'explain', 'body']);

function decode(stored: unknown): SearchUnit[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const units: SearchUnit[] = [];
  for (const entry of stored as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return undefined;
    const [field, section, line, text] = entry as unknown[];
    if (typeof field !== 'string' || !FIELDS.has(field) || typeof section !== 'number' || typeof line !== 'number' || typeof text !== 'string') return undefined;
    units.push({ field: field as SearchField, section, line, text });
  }
  return units;
}

/**
 * The units of each lesson (same order), from the cache when its entry is for this lesson file's
 * version, else from `compute` (which parses the lesson), saving the cache if anything changed.
 */
export function cachedSearchUnits(home: string, lang: string, lessons: readonly Lesson[], compute: (lesson: Lesson) => SearchUnit[]): SearchUnit[][] {
  const path = join(home, 'cache', `search-${lang}.json`);
  const stamp = buildStamp();
  const file = readCache(path) as Partial<CacheFile> | undefined;
  const entries = file?.stamp === stamp && typeof file.entries === 'object' && file.entries !== null ? file.entries : {};
  const next: Record<string, StoredUnit[]> = {};
  let changed = false;
  const result = lessons.map((lesson) => {
    const key = lesson.revision;
    const cached = key === undefined ? undefined : decode(entries[key]);
    if (key !== undefined && cached) {
      next[key] = entries[key]!;
      return cached;
    }
    const units = compute(lesson);
    if (key !== undefined) {
      next[key] = units.map((unit) => [unit.field, unit.section, unit.line, unit.text]);
      changed = true;
    }
    return units;
  });
  if (changed || Object.keys(next).length !== Object.keys(entries).length) writeCache(path, { stamp, entries: next });
  return result;
}
