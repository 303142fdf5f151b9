import { join, resolve, sep } from 'node:path';
import { buildCatalog } from '../core/catalog.js';
import { formatProblem, UserError } from '../core/errors.js';
import { validateCatalog } from '../core/validate.js';
import { checkDemoArgs } from '../demos/index.js';
import { lessonSources, session, type CommandContext } from './context.js';

export interface ValidateOptions {
  json?: boolean | undefined;
}

/**
 * Check lessons: `dir` alone when given, else the built-in lessons plus every --lessons pack. Every
 * problem prints as `path:line: message`; any problem means exit 1.
 */
export async function validateCommand(context: CommandContext, dir: string | undefined, options: ValidateOptions): Promise<void> {
  const current = session(context);
  // A pack is checked together with the built-in lessons (it may add lessons to a built-in topic or
  // name one as a prerequisite), but only problems in the pack's own files are reported.
  const root = dir === undefined ? undefined : resolve(dir);
  const builtIn = resolve(context.packageRoot, 'lessons');
  const packs = (context.global.lessons ?? []).map((pack) => resolve(pack));
  const extra = root === undefined || root === builtIn || packs.includes(root) ? [] : [{ dir: root, label: 'validate' }];
  const sources = lessonSources(context, extra);
  const inScope = (path: string): boolean => root === undefined || resolve(path) === root || resolve(path).startsWith(`${root}${sep}`);
  const catalog = buildCatalog(sources.lessons, sources.topics);
  const problems = validateCatalog({ catalog, parseProblems: sources.problems, checkDemo: checkDemoArgs }).filter((problem) => inScope(problem.path));
  const lessons = sources.lessons.filter((lesson) => inScope(lesson.path));
  const lessonCount = lessons.length;
  const questionCount = lessons.reduce((sum, lesson) => sum + lesson.questions.length, 0);
  if (lessonCount === 0 && problems.length === 0) {
    throw new UserError((t) => t.noLessonsFound(dir ?? builtIn, join(dir ?? 'lessons', 'rnn', '01-intro.en.md')));
  }
  if (options.json) {
    // JSON is for scripts: English messages, whatever the locale, unless --lang asks for another.
    const lang = context.global.lang === undefined ? 'en' : current.choice.lang;
    const shown = problems.map((problem) => ({ ...problem, message: problem.message[lang] }));
    context.stdout.write(`${JSON.stringify({ ok: problems.length === 0, lessons: lessonCount, questions: questionCount, problems: shown }, null, 2)}\n`);
  } else if (problems.length === 0) {
    context.stdout.write(`${current.t.validateOk(lessonCount, questionCount)}\n`);
  } else {
    context.stdout.write(`${problems.map((problem) => formatProblem(problem, current.choice.lang)).join('\n')}\n`);
  }
  if (problems.length > 0) {
    // The problems are already on stdout; the error line only sets the exit status and says so.
    throw new UserError((t) => t.validateProblems(problems.length));
  }
}
