import { resolve } from 'node:path';
import { buildCatalog } from '../core/catalog.js';
import { formatProblem, UserError } from '../core/errors.js';
import { validateCatalog } from '../core/validate.js';
import { checkDemoArgs } from '../demos/index.js';
import { readLessonSources } from '../io/lessons.js';
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
  const sources = dir === undefined ? lessonSources(context) : readLessonSources([{ dir: resolve(dir), label: 'validate' }]);
  const catalog = buildCatalog(sources.lessons, sources.topics);
  const problems = validateCatalog({ catalog, parseProblems: sources.problems, checkDemo: checkDemoArgs });
  const lessonCount = catalog.lessons.reduce((sum, entry) => sum + Object.keys(entry.variants).length, 0);
  const questionCount = sources.lessons.reduce((sum, lesson) => sum + lesson.questions.length, 0);
  if (options.json) {
    context.stdout.write(`${JSON.stringify({ ok: problems.length === 0, lessons: lessonCount, questions: questionCount, problems }, null, 2)}\n`);
  } else if (problems.length === 0) {
    context.stdout.write(`${current.t.validateOk(lessonCount, questionCount)}\n`);
  } else {
    context.stdout.write(`${problems.map(formatProblem).join('\n')}\n`);
  }
  if (problems.length > 0) {
    // The problems are already on stdout; the error line only sets the exit status and says so.
    throw new UserError(current.t.validateProblems(problems.length));
  }
}
