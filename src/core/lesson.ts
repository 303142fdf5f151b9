import { problemAt, type Problem, type Text } from './errors.js';
import { scanBody, splitCommandLine, type Heading } from './markdown-scan.js';
import { frontMatterLines, readFrontMatter } from './front-matter.js';
import { parseQuizBlock } from './quiz-block.js';
import type { Question } from './question.js';
import { isLang, LANGS, type Lang } from './topics.js';
import { firstControlCharacterLine, sanitizeText } from './sanitize.js';

/** `lessons/<topic>/<NN>-<slug>.<lang>.md` */
export const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2})\.md$/;
/** `lessons/<topic>/topic.<lang>.md` */
export const TOPIC_FILE = /^topic\.([a-z]{2})\.md$/;

export interface DemoBlock {
  /** The invocation as written, and split into words (words[0] is the demo name). */
  source: string;
  words: string[];
  line: number;
  section: number;
}

export interface Lesson {
  id: string;
  topic: string;
  slug: string;
  /** Position within the topic, from the file name's NN. */
  number: number;
  lang: Lang;
  path: string;
  title: string;
  minutes: number;
  objectives: string[];
  prerequisites: string[];
  /** The Markdown body (sanitized), starting on file line `bodyLine`. */
  body: string;
  bodyLine: number;
  headings: Heading[];
  demos: DemoBlock[];
  /**
   * The lesson's questions, parsed from its ```quiz blocks on first use: listing forty lessons
   * should not pay for YAML-parsing every question.
   */
  readonly questions: Question[];
  /** Problems in the quiz blocks (also parsed on first use). */
  readonly quizProblems: Problem[];
  /** How many ```quiz blocks the lesson has (parsed or not). */
  quizCount: number;
  /** The file line of each front matter field, for problems found later (validate). */
  fieldLines: Record<string, number>;
  /** Front matter and body problems that do not stop the lesson from being read (validate reports them). */
  problems: Problem[];
  /**
   * Which version of which file this is (set by the loader: path, size and modification time), so
   * what is derived from the file, such as a rendered page, can be cached and known to be stale.
   */
  revision?: string;
}

export interface Topic {
  id: string;
  lang: Lang;
  path: string;
  title: string;
  overview: string;
}

/** Where a lesson file sits: its topic folder's name and its file name. */
export interface LessonLocation {
  topic: string;
  file: string;
}

/** The parts of a lesson path the parser needs: `.../<topic>/<file>`. */
export function splitLessonPath(path: string): LessonLocation {
  const parts = path.split(/[\\/]/);
  return { file: parts[parts.length - 1] ?? '', topic: parts[parts.length - 2] ?? '' };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.trim() !== '');
}

const LESSON_FIELDS = ['id', 'title', 'minutes', 'objectives', 'prerequisites'];

/**
 * Parse one lesson file. Pure: `text` is the file's content, `path` is only used to name the file in
 * problems and to read the topic folder and file name. Returns `lesson: undefined` when the file
 * cannot be used at all (bad name, broken front matter); other problems ride along on the lesson.
 */
export function parseLesson(rawText: string, path: string, location?: LessonLocation): { lesson?: Lesson; problems: Problem[] } {
  const { record, problems } = parseLessonRecord(rawText, path, location);
  return record ? { lesson: lessonFromRecord(record), problems } : { problems };
}

/** parseLesson's plain-data result, which the lesson cache can store as JSON. */
export function parseLessonRecord(rawText: string, path: string, location?: LessonLocation): { record?: LessonRecord; problems: Problem[] } {
  const text = sanitizeText(rawText.replace(/^\uFEFF/, ''));
  // The folder names come from the caller when it knows them: `path` is for messages and may be
  // relative to wherever the learner stands.
  const { topic, file } = location ?? splitLessonPath(path);
  const name = LESSON_FILE.exec(file);
  if (!name) {
    return { problems: [problemAt(path, 1, (t) => t.problem.lessonFileName(file))] };
  }
  const [, numberText, slug, langText] = name as unknown as [string, string, string, string];
  if (!isLang(langText)) {
    return { problems: [problemAt(path, 1, (t) => t.problem.unknownFileLang(langText, LANGS))] };
  }
  const front = readFrontMatter(text, path);
  if ('message' in front) return { problems: [front] };
  const { data } = front;
  const problems: Problem[] = [];
  const fieldLines = frontMatterLines(text, front.bodyLine);
  const problem = (key: string, text: Text): void => {
    problems.push(problemAt(path, fieldLines[key] ?? 1, text));
  };
  const controlLine = firstControlCharacterLine(rawText);
  if (controlLine !== undefined) {
    problems.push(problemAt(path, controlLine, (t) => t.problem.controlCharacters));
  }

  const expectedId = `${topic}/${slug}`;
  let id = expectedId;
  if (typeof data.id !== 'string') problem('id', (t) => t.problem.missingId(expectedId));
  else if (data.id !== expectedId) {
    const got = data.id;
    problem('id', (t) => t.problem.wrongId(expectedId, got));
  }
  else id = data.id;

  let title = slug;
  if (typeof data.title === 'string' && data.title.trim()) title = data.title.trim();
  else problem('title', (t) => t.problem.missingTitle);

  let minutes = 0;
  if (typeof data.minutes === 'number' && Number.isInteger(data.minutes) && data.minutes > 0) minutes = data.minutes;
  else {
    const got = JSON.stringify(data.minutes);
    problem('minutes', (t) => t.problem.badMinutes(got ?? t.problem.nothing));
  }

  let objectives: string[] = [];
  if (isStringList(data.objectives)) objectives = data.objectives.map((entry) => entry.trim());
  else problem('objectives', (t) => t.problem.badObjectives);

  let prerequisites: string[] = [];
  if (data.prerequisites === undefined || data.prerequisites === null) prerequisites = [];
  else if (isStringList(data.prerequisites)) prerequisites = data.prerequisites.map((entry) => entry.trim());
  else problem('prerequisites', (t) => t.problem.badPrerequisites);

  for (const key of Object.keys(data)) {
    if (!LESSON_FIELDS.includes(key)) problem(key, (t) => t.problem.unknownField(key, LESSON_FIELDS));
  }

  const scanned = scanBody(front.body, front.bodyLine);
  if (scanned.unclosedFenceLine) {
    problems.push(problemAt(path, scanned.unclosedFenceLine, (t) => t.problem.unclosedFence));
  }
  const demos: DemoBlock[] = [];
  for (const block of scanned.blocks) {
    if (block.info === 'demo') {
      const source = block.content.trim();
      const split = splitCommandLine(source.replace(/\\\n/g, ' '));
      if ('error' in split) {
        const reason = split.error;
        problems.push(problemAt(path, block.line + 1, (t) => t.problem.demoBlock(reason(t))));
      } else if (split.words.length === 0) {
        problems.push(problemAt(path, block.line, (t) => t.problem.demoBlockEmpty));
      } else {
        demos.push({ source, words: split.words, line: block.line, section: block.section });
      }
    }
  }

  const record: LessonRecord = {
    id,
    topic,
    slug,
    number: Number(numberText),
    lang: langText,
    path,
    title,
    minutes,
    objectives,
    prerequisites,
    body: front.body,
    bodyLine: front.bodyLine,
    headings: scanned.headings,
    demos,
    quizBlocks: scanned.blocks
      .filter((block) => block.info === 'quiz')
      .map((block) => ({ content: block.content, line: block.line, section: block.section })),
    fieldLines,
    problems,
  };
  return { record, problems };
}

/** A quiz block's YAML and where it sits, kept unparsed until a question is needed. */
export interface QuizBlockSource {
  content: string;
  line: number;
  section: number;
}

/** A lesson as plain data (what the lesson cache stores): everything but the lazily parsed questions. */
export type LessonRecord = Omit<Lesson, 'questions' | 'quizProblems' | 'quizCount'> & { quizBlocks: QuizBlockSource[] };

/** Give a lesson record its questions, parsed from the quiz blocks on first use. */
export function lessonFromRecord(record: LessonRecord): Lesson {
  let quizzes: { questions: Question[]; problems: Problem[] } | undefined;
  const parseQuizzes = (): { questions: Question[]; problems: Problem[] } => {
    if (!quizzes) {
      quizzes = { questions: [], problems: [] };
      for (const block of record.quizBlocks) {
        const context = { path: record.path, line: block.line, lessonId: record.id, topic: record.topic, section: block.section };
        const parsed = parseQuizBlock(block.content, context);
        quizzes.problems.push(...parsed.problems);
        if (parsed.question) quizzes.questions.push(parsed.question);
      }
    }
    return quizzes;
  };
  const { quizBlocks, ...fields } = record;
  return {
    ...fields,
    get questions() {
      return parseQuizzes().questions;
    },
    get quizProblems() {
      return parseQuizzes().problems;
    },
    quizCount: quizBlocks.length,
  };
}

/** Parse `topic.<lang>.md`: front matter `id` and `title`, body = the overview paragraph. */
export function parseTopic(rawText: string, path: string, location?: LessonLocation): { topic?: Topic; problems: Problem[] } {
  const text = sanitizeText(rawText.replace(/^\uFEFF/, ''));
  const { topic: folder, file } = location ?? splitLessonPath(path);
  const name = TOPIC_FILE.exec(file);
  if (!name || !isLang(name[1]!)) {
    return { problems: [problemAt(path, 1, (t) => t.problem.topicFileName(file))] };
  }
  const front = readFrontMatter(text, path);
  if ('message' in front) return { problems: [front] };
  const problems: Problem[] = [];
  const { data } = front;
  const fieldLines = frontMatterLines(text, front.bodyLine);
  if (data.id !== folder) {
    const got = JSON.stringify(data.id);
    problems.push(problemAt(path, fieldLines.id ?? 1, (t) => t.problem.topicId(folder, got ?? t.problem.nothing)));
  }
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : folder;
  if (title === folder && typeof data.title !== 'string') problems.push(problemAt(path, fieldLines.title ?? 1, (t) => t.problem.topicTitle));
  for (const key of Object.keys(data)) {
    if (key !== 'id' && key !== 'title') problems.push(problemAt(path, fieldLines[key] ?? 1, (t) => t.problem.unknownField(key, ['id', 'title'])));
  }
  const overview = front.body.trim();
  if (!overview) problems.push(problemAt(path, front.bodyLine, (t) => t.problem.topicOverview));
  return { topic: { id: folder, lang: name[1] as Lang, path, title, overview }, problems };
}
