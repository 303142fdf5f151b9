import yaml from 'js-yaml';
import { collapseCjkSpaces } from './cjk.js';
import { sanitizeText } from './sanitize.js';
import { problemAt, type Problem, type Text } from './errors.js';
import { isRecord, optionLineFinder, parseOptions, show } from './quiz-options.js';
import type { Messages } from '../i18n/index.js';
import {
  GENERATOR_NAMES,
  QUESTION_TYPES,
  STEPS_GENERATOR_NAMES,
  type GeneratorName,
  type Question,
  type QuestionType,
  type StepsGeneratorName,
} from './question.js';

export interface QuizBlockContext {
  path: string;
  /** 1-based file line of the opening ```quiz fence. */
  line: number;
  lessonId: string;
  topic: string;
  section: number;
}

const COMMON_FIELDS = ['id', 'type', 'prompt', 'explain'];
const FIELDS_BY_TYPE: Record<QuestionType, string[]> = {
  choice: ['options'],
  multi: ['options'],
  truefalse: ['answer'],
  numeric: ['answer', 'tolerance', 'generator', 'verify'],
  text: ['accept'],
  steps: ['generator', 'tolerance'],
};

/**
 * YAML parsing restricted to plain data (no timestamps, no custom tags). Every string is sanitized
 * after decoding: YAML's own escapes ("\e", "\x1b", "\a") would otherwise bring back the control
 * characters that sanitizing the file's text removed.
 */
export function parseYaml(text: string): unknown {
  let loaded: unknown;
  try {
    loaded = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    // js-yaml parses nested collections recursively: "[[[[…" thousands deep overflows the stack.
    if (error instanceof RangeError) throw new YamlLimitError((t) => t.problem.yamlTooDeepToParse(YAML_MAX_DEPTH));
    throw error;
  }
  return sanitizeStrings(loaded, { nodes: 0 }, 0);
}

/**
 * Limits on what one front matter or quiz block may hold. Aliases make YAML a graph: nine anchors
 * of nine aliases each ("billion laughs") are a few lines of text but 9⁹ values once walked, so
 * the walk counts every value it visits and stops at the limit. No real lesson comes near either.
 */
const YAML_MAX_VALUES = 20_000;
const YAML_MAX_DEPTH = 32;

function sanitizeStrings(value: unknown, budget: { nodes: number }, depth: number): unknown {
  if (++budget.nodes > YAML_MAX_VALUES) throw new YamlLimitError((t) => t.problem.yamlTooManyValues(YAML_MAX_VALUES));
  if (depth > YAML_MAX_DEPTH) throw new YamlLimitError((t) => t.problem.yamlTooDeep(YAML_MAX_DEPTH));
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map((entry) => sanitizeStrings(entry, budget, depth + 1));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [sanitizeText(key), sanitizeStrings(entry, budget, depth + 1)]));
  return value;
}

/** The 0-based line of a YAML syntax error, when js-yaml knows it. */
export function yamlErrorLine(error: unknown): number | undefined {
  const mark = (error as { mark?: { line?: number } }).mark;
  return typeof mark?.line === 'number' ? mark.line : undefined;
}

/** A limit of ours on lesson YAML was passed: its reason is a message of the tables. */
class YamlLimitError extends Error {
  constructor(readonly text: Text) {
    super('lesson YAML over a limit');
  }
}

/** First line of js-yaml's message, without the code excerpt it appends (ours in the reader's language). */
export function yamlErrorReason(error: unknown, t: Messages): string {
  if (error instanceof YamlLimitError) return error.text(t);
  const reason = (error as { reason?: string }).reason;
  return reason ?? String((error as Error).message).split('\n')[0]!;
}

/**
 * Parse and check one ```quiz block. Every problem names the file line of the offending field, so
 * `validate` can print `path:line: quiz "id": message`. A block with problems yields no question.
 */
export function parseQuizBlock(content: string, context: QuizBlockContext): { question?: Question; problems: Problem[] } {
  const problems: Problem[] = [];
  const contentLines = content.split('\n');
  const lineOf = (key: string): number => {
    const index = contentLines.findIndex((line) => new RegExp(`^\\s*-?\\s*${key}\\s*:`).test(line));
    return context.line + 1 + (index < 0 ? 0 : index);
  };

  let data: unknown;
  try {
    data = parseYaml(content);
  } catch (error) {
    const errorLine = yamlErrorLine(error);
    problems.push(problemAt(context.path, context.line + 1 + (errorLine ?? 0), (t) => t.problem.quizYaml(yamlErrorReason(error, t))));
    return { problems };
  }
  if (!isRecord(data)) {
    problems.push(problemAt(context.path, context.line, (t) => t.problem.quizNotFields));
    return { problems };
  }

  const label = typeof data.id === 'string' ? data.id : undefined;
  const problemOnLine = (line: number, text: Text): void => {
    problems.push(problemAt(context.path, line, (t) => t.problem.quizLabel(label, text(t))));
  };
  const problem = (key: string, text: Text): void => problemOnLine(lineOf(key), text);
  const requireString = (key: string): string => {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return collapseCjkSpaces(value.trim());
    if (value === undefined) problem(key, (t) => t.problem.missingKey(key));
    else problem(key, (t) => t.problem.notString(key, show(value)));
    return '';
  };

  const id = requireString('id');
  if (id && !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) {
    problem('id', (t) => t.problem.quizIdForm(id));
  } else if (id && !id.startsWith(`${context.topic}/`)) {
    problem('id', (t) => t.problem.quizIdTopic(context.topic, id));
  }
  const typeValue = data.type;
  if (!QUESTION_TYPES.includes(typeValue as QuestionType)) {
    problem('type', (t) => t.problem.quizType(QUESTION_TYPES, show(typeValue)));
    return { problems };
  }
  const type = typeValue as QuestionType;
  const prompt = requireString('prompt');
  const explain = requireString('explain');
  const allowed = new Set([...COMMON_FIELDS, ...FIELDS_BY_TYPE[type]]);
  for (const key of Object.keys(data)) {
    if (key === 'why') problem(key, (t) => (allowed.has('options') ? t.problem.whyOnQuestion : t.problem.whyNoOptions(type)));
    else if (!allowed.has(key)) problem(key, (t) => t.problem.quizUnknownField(key, type));
  }

  const base = {
    id,
    prompt,
    explain,
    lessonId: context.lessonId,
    section: context.section,
    path: context.path,
    line: context.line,
  };
  let question: Question | undefined;
  switch (type) {
    case 'choice':
    case 'multi': {
      const optionsLine = lineOf('options');
      const options = parseOptions(data.options, optionLineFinder(contentLines, context.line + 1, optionsLine), optionsLine, problemOnLine);
      if (options) {
        const correct = options.filter((option) => option.correct).length;
        if (type === 'choice' && correct !== 1) {
          problem('options', (t) => t.problem.choiceCorrect(correct));
        } else if (type === 'multi' && correct < 1) {
          problem('options', (t) => t.problem.multiCorrect);
        } else {
          question = { ...base, type, options };
        }
      }
      break;
    }
    case 'truefalse': {
      if (typeof data.answer !== 'boolean') problem('answer', (t) => t.problem.trueFalse(show(data.answer)));
      else question = { ...base, type, answer: data.answer };
      break;
    }
    case 'numeric': {
      question = parseNumeric(data, base, problem);
      break;
    }
    case 'steps': {
      question = parseSteps(data, base, problem);
      break;
    }
    case 'text': {
      const accept = data.accept;
      if (!Array.isArray(accept) || accept.length === 0) {
        problem('accept', (t) => t.problem.accept(show(accept)));
      } else if (!accept.every((entry) => (typeof entry === 'string' && entry.trim()) || typeof entry === 'number')) {
        problem('accept', (t) => t.problem.acceptEntries);
      } else {
        question = { ...base, type, accept: accept.map((entry) => String(entry).trim()) };
      }
      break;
    }
  }
  if (problems.length > 0) return { problems };
  return question ? { question, problems } : { problems };
}

type ReportProblem = (key: string, text: Text) => void;

/** The block's `tolerance` (optional), reported unless it is a positive number. */
function checkTolerance(data: Record<string, unknown>, problem: ReportProblem): { tolerance: unknown; toleranceOk: boolean } {
  const tolerance = data.tolerance;
  const toleranceOk = tolerance === undefined || (typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance > 0);
  if (!toleranceOk) problem('tolerance', (t) => t.problem.tolerance(show(tolerance)));
  return { tolerance, toleranceOk };
}

function parseNumeric(data: Record<string, unknown>, base: Omit<Question, 'type'>, problem: ReportProblem): Question | undefined {
  const { tolerance, toleranceOk } = checkTolerance(data, problem);
  if (data.generator !== undefined) {
    if (!GENERATOR_NAMES.includes(data.generator as GeneratorName)) {
      const stepsName = STEPS_GENERATOR_NAMES.includes(data.generator as StepsGeneratorName);
      problem('generator', (t) => t.problem.generator(show(data.generator), GENERATOR_NAMES) + (stepsName ? t.problem.generatorOtherType('steps') : ''));
      return undefined;
    }
    if (data.answer !== undefined) problem('answer', (t) => t.problem.generatorAnswer);
    if (data.verify !== undefined) problem('verify', (t) => t.problem.generatorVerify);
    if (!toleranceOk || data.answer !== undefined || data.verify !== undefined) return undefined;
    const generator = data.generator as GeneratorName;
    return typeof tolerance === 'number'
      ? { ...base, type: 'numeric', generator, tolerance }
      : { ...base, type: 'numeric', generator };
  }
  const answer = data.answer;
  if (typeof answer !== 'number' || !Number.isFinite(answer)) {
    problem('answer', (t) => t.problem.answerNumber(show(answer)));
    return undefined;
  }
  if (tolerance === undefined) {
    problem('answer', (t) => t.problem.answerTolerance);
    return undefined;
  }
  if (!toleranceOk) return undefined;
  let verify: { demo: string; path: string } | undefined;
  if (data.verify !== undefined) {
    const raw = data.verify;
    if (!isRecord(raw) || typeof raw.demo !== 'string' || typeof raw.path !== 'string') {
      problem('verify', (t) => t.problem.verifyForm(show(raw)));
      return undefined;
    }
    verify = { demo: raw.demo, path: raw.path };
  }
  return { ...base, type: 'numeric', answer, tolerance: tolerance as number, ...(verify ? { verify } : {}) };
}

/** A worked exercise: a steps generator (required) and an optional tolerance for every step. */
function parseSteps(data: Record<string, unknown>, base: Omit<Question, 'type'>, problem: ReportProblem): Question | undefined {
  const { tolerance, toleranceOk } = checkTolerance(data, problem);
  const generator = data.generator;
  if (generator === undefined) {
    problem('type', (t) => t.problem.stepsGeneratorMissing(STEPS_GENERATOR_NAMES));
    return undefined;
  }
  if (!STEPS_GENERATOR_NAMES.includes(generator as StepsGeneratorName)) {
    const numericName = GENERATOR_NAMES.includes(generator as GeneratorName);
    problem('generator', (t) => t.problem.generator(show(generator), STEPS_GENERATOR_NAMES) + (numericName ? t.problem.generatorOtherType('numeric') : ''));
    return undefined;
  }
  if (!toleranceOk) return undefined;
  const name = generator as StepsGeneratorName;
  return typeof tolerance === 'number' ? { ...base, type: 'steps', generator: name, tolerance } : { ...base, type: 'steps', generator: name };
}
