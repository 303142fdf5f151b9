import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import { splitCommandLine } from '../../src/core/markdown-scan.js';
import { en } from '../../src/i18n/en.js';
import { CORE_TOPICS } from '../../src/core/topics.js';
import { validateCatalog } from '../../src/core/validate.js';
import { checkDemoArgs, runDemo } from '../../src/demos/index.js';
import { readLessonSources } from '../../src/io/lessons.js';
import { ROOT } from '../helpers.js';

// The built-in curriculum, checked with the real parser and the real demo code.
const sources = readLessonSources([{ dir: join(ROOT, 'lessons'), label: 'lessons' }]);
const catalog = buildCatalog(sources.lessons, sources.topics);

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}

describe('the built-in lessons', () => {
  it('validate cleanly', () => {
    expect(validateCatalog({ catalog, parseProblems: sources.problems, checkDemo: checkDemoArgs })).toEqual([]);
  });

  it.each(CORE_TOPICS)('%s has at least 4 lessons in English and Chinese and 30 questions of every type (a worked exercise among them)', (topicId) => {
    const topic = catalog.topics.find((candidate) => candidate.id === topicId)!;
    expect(topic.lessons.length).toBeGreaterThanOrEqual(4);
    for (const entry of topic.lessons) expect(Object.keys(entry.variants).sort()).toEqual(['en', 'zh']);
    const questions = topic.lessons.flatMap((entry) => entry.variants.en!.questions);
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((question) => question.type))).toEqual(new Set(['choice', 'multi', 'truefalse', 'numeric', 'text', 'steps']));
    const numeric = questions.filter((question) => question.type === 'numeric');
    expect(numeric.length).toBeGreaterThanOrEqual(5);
    expect(numeric.filter((question) => question.type === 'numeric' && question.generator).length).toBeGreaterThanOrEqual(3);
    for (const entry of topic.lessons) expect(entry.variants.en!.demos.length, entry.id).toBeGreaterThanOrEqual(1);
  });

  const staticNumeric = sources.lessons.flatMap((lesson) =>
    lesson.questions.flatMap((question) => (question.type === 'numeric' && !question.generator ? [{ lesson, question }] : [])),
  );

  it('have static numeric questions to check', () => {
    expect(staticNumeric.length).toBeGreaterThan(20);
  });

  it.each(staticNumeric.map(({ lesson, question }) => [`${lesson.path}:${question.line} ${question.id}`, question] as const))(
    '%s: the demo recomputes the answer within its tolerance',
    (_name, question) => {
      if (question.type !== 'numeric' || question.generator) throw new Error('not a static numeric question');
      expect(question.verify, 'every static numeric answer names the demo that computes it').toBeDefined();
      const split = splitCommandLine(question.verify!.demo);
      if ('error' in split) throw new Error(split.error(en));
      const computed = valueAt(runDemo(split.words).result, question.verify!.path);
      expect(typeof computed).toBe('number');
      expect(Math.abs((computed as number) - question.answer)).toBeLessThanOrEqual(question.tolerance + 1e-12);
    },
  );

  it('run every demo block', () => {
    const failures = sources.lessons.flatMap((lesson) =>
      lesson.demos.flatMap((demo) => {
        const problem = checkDemoArgs(demo.words);
        return problem ? [`${lesson.path}:${demo.line}: ${problem(en)}`] : [];
      }),
    );
    expect(failures).toEqual([]);
  });
});
