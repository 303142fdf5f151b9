import type { Catalog } from './catalog.js';
import { buildGlossary, glossSources } from './glossary.js';
import { splitCommandLine } from './markdown-scan.js';
import { messages, problemAt, type Problem, type Text } from './errors.js';
import type { Lesson } from './lesson.js';
import type { Question } from './question.js';
import { LANGS, type Lang } from './topics.js';

export interface ValidationInput {
  catalog: Catalog;
  /** Problems found while reading and parsing files (broken front matter, quiz blocks, encodings). */
  parseProblems: readonly Problem[];
  /** Checks a demo invocation (words[0] is the demo name): undefined if it runs, else the reason. */
  checkDemo: (words: string[]) => Text | undefined;
}

/** What must agree between the languages of one question: everything but the wording. */
function answerKey(question: Question): Text {
  switch (question.type) {
    case 'choice':
    case 'multi': {
      const correct = question.options.map((option, index) => (option.correct ? index + 1 : 0)).filter(Boolean);
      return (t) => t.problem.answerChoice(question.type, question.options.length, correct);
    }
    case 'truefalse':
      return (t) => t.problem.answerTrueFalse(question.answer);
    case 'numeric':
      return question.generator
        ? (t) => t.problem.answerGenerator(question.generator ?? '', question.tolerance)
        : (t) => t.problem.answerNumeric(question.answer ?? 0, question.tolerance ?? 0);
    case 'text':
      return (t) => t.problem.answerText;
    case 'steps':
      return (t) => t.problem.answerSteps(question.generator, question.tolerance);
  }
}

/** Whether two questions' answers agree (compared in one language, the wording aside). */
function sameAnswer(left: Question, right: Question): boolean {
  const english = messages('en');
  return answerKey(left)(english) === answerKey(right)(english);
}

/** Per option (1-based) of two language versions of one question: whether each carries a `why`. */
function whyPairs(here: Question, there: Question): Array<[number, boolean, boolean]> {
  if ((here.type !== 'choice' && here.type !== 'multi') || (there.type !== 'choice' && there.type !== 'multi')) return [];
  return here.options.flatMap((option, index) => {
    const counterpart = there.options[index];
    return counterpart ? [[index + 1, option.why !== undefined, counterpart.why !== undefined] as [number, boolean, boolean]] : [];
  });
}

function compareVariants(reference: Lesson, other: Lesson, problems: Problem[]): void {
  const lang = reference.lang;
  const at = (line: number, text: Text): void => {
    problems.push(problemAt(other.path, line, (t) => t.problem.variantOf(text(t), lang, reference.path)));
  };
  if (other.minutes !== reference.minutes) at(other.fieldLines.minutes ?? 1, (t) => t.problem.minutesDiffer(other.minutes, reference.minutes, lang));
  if (other.prerequisites.join(',') !== reference.prerequisites.join(',')) {
    at(other.fieldLines.prerequisites ?? 1, (t) => t.problem.prerequisitesDiffer(lang, other.prerequisites, reference.prerequisites));
  }
  const sections = (lesson: Lesson): number => lesson.headings.filter((heading) => heading.level === 2).length;
  if (sections(other) !== sections(reference)) {
    at(other.bodyLine, (t) => t.problem.sectionsDiffer(sections(other), lang, sections(reference)));
  }
  const referenceDemos = reference.demos.map((demo) => demo.words.join(' '));
  other.demos.forEach((demo, index) => {
    const counterpart = reference.demos[index];
    if (!counterpart) at(demo.line, (t) => t.problem.demoMissing(index + 1, demo.source, lang));
    else if (referenceDemos[index] !== demo.words.join(' ')) {
      at(demo.line, (t) => t.problem.demoDiffers(index + 1, lang, demo.source, counterpart.source));
    }
  });
  if (other.demos.length < reference.demos.length) {
    at(other.bodyLine, (t) => t.problem.demosFewer(other.demos.length, lang, reference.demos.length));
  }
  const referenceIds = reference.questions.map((question) => question.id);
  const otherIds = other.questions.map((question) => question.id);
  if (referenceIds.join('\n') !== otherIds.join('\n')) {
    const missing = referenceIds.filter((id) => !otherIds.includes(id));
    const extra = otherIds.filter((id) => !referenceIds.includes(id));
    at(other.questions[0]?.line ?? other.bodyLine, (t) => t.problem.quizIdsDiffer(lang, missing, extra));
  }
  for (const question of other.questions) {
    const counterpart = reference.questions.find((candidate) => candidate.id === question.id);
    if (!counterpart) continue;
    if (!sameAnswer(question, counterpart)) {
      at(question.line, (t) => t.problem.answerDiffers(question.id, lang, answerKey(question)(t), answerKey(counterpart)(t)));
    }
    for (const [option, here, there] of whyPairs(question, counterpart)) {
      if (there && !here) at(question.line, (t) => t.problem.whyMissing(question.id, option, lang));
      if (here && !there) at(question.line, (t) => t.problem.whyExtra(question.id, option, lang));
    }
    if (question.section !== counterpart.section) {
      at(question.line, (t) => t.problem.sectionDiffers(question.id, question.section, counterpart.section, lang));
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
        problems.push(problemAt(some?.path ?? topic.id, 1, (t) => t.problem.topicNoFile(topic.id, lang)));
      }
    }
    if (topic.lessons.length === 0) {
      const file = Object.values(topic.variants)[0];
      if (file) problems.push(problemAt(file.path, 1, (t) => t.problem.topicEmpty(topic.id)));
    }
    const numbers = new Map<number, string>();
    for (const lesson of topic.lessons) {
      const other = numbers.get(lesson.number);
      if (other) {
        const file = Object.values(lesson.variants)[0]!;
        problems.push(problemAt(file.path, 1, (t) => t.problem.numberTwice(String(lesson.number).padStart(2, '0'), topic.id, other)));
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
        problems.push(problemAt(reference.path, 1, (t) => t.problem.noVariant(entry.id, lang, reference.path.replace(/\.[a-z]{2}\.md$/, `.${lang}.md`))));
      }
    }
    for (const other of variants.slice(1)) compareVariants(reference, other, problems);

    for (const lesson of variants) {
      problems.push(...lesson.quizProblems);
      for (const prerequisite of lesson.prerequisites) {
        const line = lesson.fieldLines.prerequisites ?? 1;
        if (prerequisite === lesson.id) problems.push(problemAt(lesson.path, line, (t) => t.problem.selfPrerequisite(lesson.id)));
        else if (!lessonIds.has(prerequisite)) problems.push(problemAt(lesson.path, line, (t) => t.problem.unknownPrerequisite(prerequisite)));
      }
      for (const demo of lesson.demos) {
        const reason = input.checkDemo(demo.words);
        if (reason) problems.push(problemAt(lesson.path, demo.line + 1, (t) => t.problem.demoFails(demo.source, reason(t))));
      }
      const seenHere = new Set<string>();
      for (const question of lesson.questions) {
        if (seenHere.has(question.id)) {
          problems.push(problemAt(lesson.path, question.line, (t) => t.problem.quizIdTwiceHere(question.id)));
        }
        seenHere.add(question.id);
        const owner = questionOwners.get(`${lesson.lang}:${question.id}`);
        if (owner && owner.lessonId !== question.lessonId) {
          problems.push(problemAt(lesson.path, question.line, (t) => t.problem.quizIdTaken(question.id, `${owner.path}:${owner.line}`)));
        } else if (!owner) {
          questionOwners.set(`${lesson.lang}:${question.id}`, question);
        }
        if (question.type === 'numeric' && !question.generator && question.verify) {
          const split = splitCommandLine(question.verify.demo);
          const reason = 'error' in split ? split.error : input.checkDemo(split.words);
          const demo = question.verify.demo;
          if (reason) problems.push(problemAt(lesson.path, question.line, (t) => t.problem.verifyFails(question.id, demo, reason(t))));
        }
      }
    }
  }
  // Glosses of terms (`注意力机制 (attention)`), which `ml-tutor glossary` is built from.
  problems.push(...buildGlossary(glossSources(catalog.lessons)).problems);
  return dedupe(problems).sort((left, right) => left.path.localeCompare(right.path) || left.line - right.line);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}:${problem.line}:${problem.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
