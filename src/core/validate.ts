import type { Catalog } from './catalog.js';
import { splitCommandLine } from './markdown-scan.js';
import type { Problem } from './errors.js';
import type { Lesson } from './lesson.js';
import type { Question } from './question.js';
import { LANGS, type Lang } from './topics.js';

export interface ValidationInput {
  catalog: Catalog;
  /** Problems found while reading and parsing files (broken front matter, quiz blocks, encodings). */
  parseProblems: readonly Problem[];
  /** Checks a demo invocation (words[0] is the demo name): undefined if it runs, else the reason. */
  checkDemo: (words: string[]) => string | undefined;
}

/** What must agree between the languages of one question: everything but the wording. */
function answerKey(question: Question): string {
  switch (question.type) {
    case 'choice':
    case 'multi':
      return `${question.type} with ${question.options.length} options, correct: ${question.options
        .map((option, index) => (option.correct ? index + 1 : 0))
        .filter(Boolean)
        .join(',')}`;
    case 'truefalse':
      return `truefalse, answer ${question.answer}`;
    case 'numeric':
      return question.generator
        ? `numeric from generator ${question.generator}${question.tolerance ? ` ± ${question.tolerance}` : ''}`
        : `numeric ${question.answer} ± ${question.tolerance}`;
    case 'text':
      return 'text';
  }
}

function compareVariants(reference: Lesson, other: Lesson, problems: Problem[]): void {
  const at = (line: number, message: string): void => {
    problems.push({ path: other.path, line, message: `${message} (${reference.lang}: ${reference.path})` });
  };
  if (other.minutes !== reference.minutes) at(other.fieldLines.minutes ?? 1, `"minutes" is ${other.minutes} here but ${reference.minutes} in ${reference.lang}`);
  if (other.prerequisites.join(',') !== reference.prerequisites.join(',')) {
    at(other.fieldLines.prerequisites ?? 1, `"prerequisites" differ from ${reference.lang}: [${other.prerequisites.join(', ')}] vs [${reference.prerequisites.join(', ')}]`);
  }
  const sections = (lesson: Lesson): number => lesson.headings.filter((heading) => heading.level === 2).length;
  if (sections(other) !== sections(reference)) {
    at(other.bodyLine, `has ${sections(other)} "##" sections but the ${reference.lang} version has ${sections(reference)}`);
  }
  const referenceDemos = reference.demos.map((demo) => demo.words.join(' '));
  other.demos.forEach((demo, index) => {
    const counterpart = reference.demos[index];
    if (!counterpart) at(demo.line, `demo block ${index + 1} ("${demo.source}") is not in the ${reference.lang} version`);
    else if (referenceDemos[index] !== demo.words.join(' ')) {
      at(demo.line, `demo block ${index + 1} differs from ${reference.lang}: "${demo.source}" vs "${counterpart.source}"`);
    }
  });
  if (other.demos.length < reference.demos.length) {
    at(other.bodyLine, `has ${other.demos.length} demo blocks but the ${reference.lang} version has ${reference.demos.length}`);
  }
  const referenceIds = reference.questions.map((question) => question.id);
  const otherIds = other.questions.map((question) => question.id);
  if (referenceIds.join('\n') !== otherIds.join('\n')) {
    const missing = referenceIds.filter((id) => !otherIds.includes(id));
    const extra = otherIds.filter((id) => !referenceIds.includes(id));
    const detail = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      extra.length ? `not in ${reference.lang}: ${extra.join(', ')}` : '',
      !missing.length && !extra.length ? 'same ids in a different order' : '',
    ].filter(Boolean);
    at(other.questions[0]?.line ?? other.bodyLine, `quiz ids differ from ${reference.lang}: ${detail.join('; ')}`);
  }
  for (const question of other.questions) {
    const counterpart = reference.questions.find((candidate) => candidate.id === question.id);
    if (!counterpart) continue;
    if (answerKey(question) !== answerKey(counterpart)) {
      at(question.line, `quiz "${question.id}": answer differs from ${reference.lang}: ${answerKey(question)} vs ${answerKey(counterpart)}`);
    }
    if (question.section !== counterpart.section) {
      at(question.line, `quiz "${question.id}" sits in section ${question.section} here but in section ${counterpart.section} in ${reference.lang}`);
    }
  }
}

/**
 * Every check `ml-tutor validate` runs, as data: problems sorted by file and line. Pure; the
 * command prints them as `path:line: message`.
 */
export function validateCatalog(input: ValidationInput): Problem[] {
  const { catalog } = input;
  const problems: Problem[] = [...input.parseProblems, ...catalog.duplicates];
  const lessonIds = new Set(catalog.lessons.map((lesson) => lesson.id));

  for (const topic of catalog.topics) {
    const langs = new Set<Lang>(topic.lessons.flatMap((lesson) => Object.keys(lesson.variants) as Lang[]));
    for (const lang of langs) {
      if (!topic.variants[lang]) {
        const some = topic.lessons.find((lesson) => lesson.variants[lang])?.variants[lang];
        problems.push({ path: some?.path ?? topic.id, line: 1, message: `topic "${topic.id}" has ${lang} lessons but no topic.${lang}.md with its title and overview` });
      }
    }
    if (topic.lessons.length === 0) {
      const file = Object.values(topic.variants)[0];
      if (file) problems.push({ path: file.path, line: 1, message: `topic "${topic.id}" has no lessons` });
    }
    const numbers = new Map<number, string>();
    for (const lesson of topic.lessons) {
      const other = numbers.get(lesson.number);
      if (other) {
        const file = Object.values(lesson.variants)[0]!;
        problems.push({ path: file.path, line: 1, message: `lesson number ${String(lesson.number).padStart(2, '0')} is used twice in "${topic.id}" (also by ${other})` });
      }
      numbers.set(lesson.number, lesson.id);
    }
  }

  const questionOwners = new Map<string, Question>();
  for (const entry of catalog.lessons) {
    const variants = LANGS.map((lang) => entry.variants[lang]).filter((lesson): lesson is Lesson => Boolean(lesson));
    const reference = variants[0]!;
    const topicLangs = new Set(catalog.topics.find((topic) => topic.id === entry.topic)!.lessons.flatMap((lesson) => Object.keys(lesson.variants)));
    for (const lang of topicLangs) {
      if (!entry.variants[lang as Lang]) {
        problems.push({ path: reference.path, line: 1, message: `lesson "${entry.id}" has no ${lang} version (expected ${reference.path.replace(/\.[a-z]{2}\.md$/, `.${lang}.md`)})` });
      }
    }
    for (const other of variants.slice(1)) compareVariants(reference, other, problems);

    for (const lesson of variants) {
      problems.push(...lesson.quizProblems);
      for (const prerequisite of lesson.prerequisites) {
        const line = lesson.fieldLines.prerequisites ?? 1;
        if (prerequisite === lesson.id) problems.push({ path: lesson.path, line, message: `lesson "${lesson.id}" lists itself as a prerequisite` });
        else if (!lessonIds.has(prerequisite)) problems.push({ path: lesson.path, line, message: `prerequisite "${prerequisite}" is not a lesson` });
      }
      for (const demo of lesson.demos) {
        const reason = input.checkDemo(demo.words);
        if (reason) problems.push({ path: lesson.path, line: demo.line + 1, message: `demo "${demo.source}": ${reason}` });
      }
      const seenHere = new Set<string>();
      for (const question of lesson.questions) {
        if (seenHere.has(question.id)) {
          problems.push({ path: lesson.path, line: question.line, message: `quiz id "${question.id}" is used twice in this file` });
        }
        seenHere.add(question.id);
        const owner = questionOwners.get(`${lesson.lang}:${question.id}`);
        if (owner && owner.lessonId !== question.lessonId) {
          problems.push({ path: lesson.path, line: question.line, message: `quiz id "${question.id}" is already used in ${owner.path}:${owner.line}` });
        } else if (!owner) {
          questionOwners.set(`${lesson.lang}:${question.id}`, question);
        }
        if (question.type === 'numeric' && !question.generator && question.verify) {
          const split = splitCommandLine(question.verify.demo);
          const reason = 'error' in split ? split.error : input.checkDemo(split.words);
          if (reason) problems.push({ path: lesson.path, line: question.line, message: `quiz "${question.id}": verify demo "${question.verify.demo}": ${reason}` });
        }
      }
    }
  }
  return dedupe(problems).sort((left, right) => left.path.localeCompare(right.path) || left.line - right.line);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}:${problem.line}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
