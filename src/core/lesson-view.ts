import { UserError } from './errors.js';
import type { DemoBlock, Lesson } from './lesson.js';
import { scanBody, type Heading } from './markdown-scan.js';
import type { Question } from './question.js';
import { joinsWithoutSpace } from './cjk.js';

/** A special block taken out of the Markdown, to be drawn by the terminal UI in its place. */
export type EmbeddedBlock = { kind: 'demo'; demo: DemoBlock } | { kind: 'quiz'; question: Question };

export interface LessonView {
  /** Markdown ready for the renderer: numbered headings, joined soft breaks, block placeholders. */
  markdown: string;
  blocks: EmbeddedBlock[];
}

/** A placeholder paragraph that survives Markdown rendering unchanged (letters and digits only). */
export function placeholder(index: number): string {
  return `MLTUTORBLOCK${index}X`;
}
export const PLACEHOLDER_PATTERN = /MLTUTORBLOCK(\d+)X/;

/** The `##` section `number` (or `###` subsection "2.1") of a lesson, with its line range. */
export function findSection(lesson: Lesson, number: string): Heading {
  const heading = lesson.headings.find((candidate) => candidate.number === number.trim());
  if (!heading) {
    const top = lesson.headings.filter((candidate) => candidate.level === 2).length;
    throw new UserError((t) => t.sectionMissing(lesson.id, number, top));
  }
  return heading;
}

const CONTINUATION_BLOCKERS = /^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||>|```|~~~|<|$)/;

/**
 * Join a paragraph's soft line breaks (source lines wrapped by the author) so the terminal can wrap
 * to its own width: a space between Latin words, nothing between two CJK characters. Lines in fenced
 * code, tables, headings and new list items are left alone; a hard break (two trailing spaces or a
 * backslash) is kept.
 */
export function joinSoftBreaks(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let inFence = false;
  let previousIsProse = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      out.push(line);
      previousIsProse = false;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const previous = out[out.length - 1];
    const hardBreak = previous !== undefined && (/ {2}$/.test(previous) || /\\$/.test(previous));
    const indentedCode: boolean = /^( {4}|\t)/.test(line) && !previousIsProse;
    if (previousIsProse && !hardBreak && !CONTINUATION_BLOCKERS.test(line) && previous !== undefined) {
      const tail = previous.trimEnd();
      const head = line.trimStart();
      const lastChar = [...tail].pop() ?? '';
      const firstChar = [...head][0] ?? '';
      out[out.length - 1] = tail + (joinsWithoutSpace(lastChar, firstChar) ? '' : ' ') + head;
      continue;
    }
    out.push(line);
    previousIsProse = line.trim() !== '' && !indentedCode && !/^\s*(#{1,6}\s|\|)/.test(line);
  }
  return out.join('\n');
}

/**
 * Turn a lesson (or one of its sections) into Markdown for the terminal: headings get their numbers
 * ("## 2. Scores", "### 2.1 Scaling"), and ```demo / ```quiz blocks become placeholders that the UI
 * replaces with a demo's output or a "check yourself" box.
 */
export function prepareLessonView(lesson: Lesson, options: { section?: string } = {}): LessonView {
  const scanned = scanBody(lesson.body, lesson.bodyLine);
  let start = 0;
  let end = scanned.lines.length;
  if (options.section !== undefined) {
    const heading = findSection(lesson, options.section);
    start = heading.index;
    const next = scanned.headings.find((candidate) => candidate.index > heading.index && candidate.level <= heading.level);
    end = next ? next.index : scanned.lines.length;
  }
  const headingAt = new Map(scanned.headings.map((heading) => [heading.index, heading]));
  const blockAt = new Map(scanned.blocks.map((block) => [block.startIndex, block]));
  const blocks: EmbeddedBlock[] = [];
  const out: string[] = [];
  for (let index = start; index < end; index += 1) {
    const block = blockAt.get(index);
    if (block && (block.info === 'demo' || block.info === 'quiz')) {
      const embedded: EmbeddedBlock | undefined =
        block.info === 'demo'
          ? mapDefined(lesson.demos.find((demo) => demo.line === block.line), (demo) => ({ kind: 'demo', demo }))
          : mapDefined(lesson.questions.find((question) => question.line === block.line), (question) => ({ kind: 'quiz', question }));
      if (embedded) {
        out.push('', placeholder(blocks.length), '');
        blocks.push(embedded);
      }
      index = block.endIndex;
      continue;
    }
    const heading = headingAt.get(index);
    const line = scanned.lines[index]!;
    if (heading && heading.number) {
      const label = heading.level === 2 ? `${heading.number}.` : heading.number;
      out.push(`${'#'.repeat(heading.level)} ${label} ${heading.title}`);
    } else {
      out.push(line);
    }
  }
  return { markdown: joinSoftBreaks(out.join('\n')).trim(), blocks };
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

/** The numbered heading tree, one line per heading, indented by depth. */
export function outline(lesson: Lesson): string[] {
  return lesson.headings
    .filter((heading) => heading.number)
    .map((heading) => `${'  '.repeat(heading.level - 2)}${heading.number}${heading.level === 2 ? '.' : ''} ${heading.title}`);
}
