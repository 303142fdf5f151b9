import type { LessonEntry } from '../core/catalog.js';
import type { Lesson } from '../core/lesson.js';
import { wrapText } from '../core/wrap.js';
import type { Messages } from '../i18n/index.js';
import { paint } from './color.js';

export interface FooterInput {
  lesson: Lesson;
  next?: LessonEntry | undefined;
  t: Messages;
  width: number;
  color: boolean;
}

/**
 * "What next" under a whole lesson: quiz it, or read the next one. The end of the page, and printed
 * again when the learner closes the pager, which takes the page with it. Its own module so that
 * printing it does not load the renderer.
 */
export function lessonFooter(input: FooterInput): string {
  const style = paint(input.color);
  const footer = [style.dim('─'.repeat(Math.min(input.width, 60))), `${input.t.footerQuiz}${style.bold(`ml-tutor quiz ${input.lesson.id}`)}`];
  if (input.next) {
    const nextTitle = (input.next.variants[input.lesson.lang] ?? input.next.variants.en)?.title ?? input.next.id;
    footer.push(`${input.t.footerNext}${style.bold(`ml-tutor read ${input.next.topic}/${input.next.number}`)}  ${nextTitle}`);
  } else {
    footer.push(input.t.footerLast);
  }
  return footer.map((line) => wrapText(line, input.width)).join('\n');
}
