import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheText } from './derived-cache.js';

/**
 * Rendered lesson pages, kept in the data dir's cache/pages/ as man keeps formatted pages: reading a
 * lesson again (from the home menu, `next`, a second look) prints the page without loading the
 * renderer or running its demos. One file per lesson and language; its first line is the key, which
 * names everything the page was made from (build, lesson file version, width, colour, language,
 * neighbours), so a page made from anything else is made again and replaces it.
 */

function pagePath(home: string, lessonId: string, lang: string): string {
  return join(home, 'cache', 'pages', `${lessonId.replace(/[^a-z0-9-]/gi, '_')}.${lang}.txt`);
}

/** The cached page for this key, or undefined (missing, unreadable, or made from something else). */
export function readCachedPage(home: string, lessonId: string, lang: string, key: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(pagePath(home, lessonId, lang), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  return newline >= 0 && text.slice(0, newline) === key ? text.slice(newline + 1) : undefined;
}

/** Best effort: a page that cannot be saved is simply rendered again next time. */
export function writeCachedPage(home: string, lessonId: string, lang: string, key: string, page: string): void {
  writeCacheText(pagePath(home, lessonId, lang), `${key}\n${page}`);
}
