import { UserError } from '../core/errors.js';
import type { Lang } from '../core/topics.js';
import { messages } from '../i18n/index.js';
import { formatDemo, runDemo } from '../demos/index.js';

/** A demo's board for a lesson page; a demo that cannot run shows its problem instead of failing the page. */
export function renderDemoForLesson(words: string[], options: { lang: Lang; color: boolean; width: number }): string {
  try {
    return formatDemo(runDemo(words), options);
  } catch (error) {
    if (error instanceof UserError) return `(${error.text(messages(options.lang))})`;
    throw error;
  }
}
