import type { LessonEntry, LessonLink } from '../core/catalog.js';
import type { EmbeddedBlock, LessonView } from '../core/lesson-view.js';
import { PLACEHOLDER_PATTERN } from '../core/lesson-view.js';
import type { Lesson } from '../core/lesson.js';
import { wrapText } from '../core/wrap.js';
import type { Messages } from '../i18n/index.js';
import { presentQuestion, shownOptionTexts } from '../core/grade.js';
import { createRng } from '../math/random.js';
import { paint } from './color.js';
import { lessonFooter } from './lesson-footer.js';
import { renderMarkdown } from './markdown.js';
import { inlineCode } from './quiz-view.js';

export interface LessonPageInput {
  lesson: Lesson;
  view: LessonView;
  /** Topic title in the reading language, the topic's lesson count, and this lesson's 1-based place in it. */
  topicTitle: string;
  topicSize: number;
  position: number;
  /** Shown under the title only for a whole lesson, not for one section. */
  whole: boolean;
  next?: LessonEntry | undefined;
  /** The lessons to read first, titled in the lesson's language. */
  prerequisites: readonly LessonLink[];
  t: Messages;
  width: number;
  color: boolean;
  /** Draws a demo block's output (or its error) for the terminal. */
  renderDemo: (words: string[], width: number) => string;
}

/** FNV-1a: a stable 32-bit seed from a string. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function header(input: LessonPageInput): string {
  const { lesson, t } = input;
  const lines = [`# ${escapeMarkdown(lesson.title)}`, '', `*${escapeMarkdown(t.lessonOf(input.topicTitle, input.position, input.topicSize))} · ${t.minutes(lesson.minutes)}*`, ''];
  if (input.whole && lesson.objectives.length > 0) {
    lines.push(`**${t.objectives}**`, '', ...lesson.objectives.map((objective) => `- ${escapeMarkdown(objective)}`), '');
  }
  if (input.whole && input.prerequisites.length > 0) {
    // The title to recognise, the short id to type (`ml-tutor read attention/2`) as code.
    const links = input.prerequisites.map(({ title, ref }) => (ref ? { title: escapeMarkdown(title), ref: `\`${ref}\`` } : { title: `\`${title}\``, ref }));
    lines.push(t.prerequisites(links), '');
  }
  return lines.join('\n');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : prefix.trimEnd()))
    .join('\n');
}

function drawBlock(block: EmbeddedBlock, input: LessonPageInput): string {
  const style = paint(input.color);
  const { t } = input;
  if (block.kind === 'demo') {
    const command = `ml-tutor demo ${block.demo.source.replace(/\s*\n\s*/g, ' ')}`;
    const title = style.bold.green(`▶ ${t.demoHeading}`) + style.dim(`  ${command}`);
    const body = wrapText(input.renderDemo(block.demo.words, input.width - 2), input.width - 2);
    return [wrapText(title, input.width), indent(body, style.green('│ '))].join('\n');
  }
  const { question } = block;
  const lang = input.lesson.lang;
  // Shown as a review would show it: options shuffled (the source lists the right one first more
  // often than not) and a generator's numbers drawn, both seeded by the card id so a page reads the
  // same every time.
  let prompt = question.prompt;
  let options: string[] | undefined;
  try {
    const presented = presentQuestion(question, createRng(hashString(question.id)));
    options = presented.type === 'choice' || presented.type === 'multi' ? shownOptionTexts(presented, lang) : undefined;
    if (presented.type === 'numeric' && presented.generated) prompt = `${question.prompt}\n${presented.generated.prompt[lang]}`;
    // A worked exercise: its drawn numbers, and its steps listed as the quiz will ask them.
    if (presented.type === 'steps') {
      prompt = `${question.prompt}\n${presented.exercise.prompt[lang]}`;
      options = presented.exercise.steps.map((step) => step.label[lang]);
    }
  } catch {
    // a generator that cannot draw: show the lead-in alone (validate reports the question)
  }
  const lines = [style.bold.blue(`✎ ${t.quizHeading}`), wrapText(inlineCode(prompt, input.color), input.width - 2)];
  options?.forEach((option, index) => lines.push(wrapText(`  ${index + 1}) ${inlineCode(option, input.color)}`, input.width - 2)));
  lines.push(style.dim(wrapText(t.quizHint(`ml-tutor quiz ${input.lesson.id}`), input.width - 2)));
  return indent(lines.join('\n'), style.blue('│ '));
}

/** The whole page: title block, the rendered body with demos and questions in place, a footer. */
export function renderLessonPage(input: LessonPageInput): string {
  const style = paint(input.color);
  const body = renderMarkdown(`${header(input)}\n${input.view.markdown}`, { width: input.width, color: input.color });
  const withBlocks = body
    .split('\n')
    .map((line) => {
      const match = PLACEHOLDER_PATTERN.exec(line);
      const block = match ? input.view.blocks[Number(match[1])] : undefined;
      return block ? drawBlock(block, input) : line;
    })
    .join('\n');
  const page = input.whole ? `${withBlocks}\n\n${lessonFooter(input)}` : withBlocks;
  return `${page}\n`;
}
